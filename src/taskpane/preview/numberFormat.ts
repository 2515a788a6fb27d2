/**
 * Excel's number formats, as far as Yardstick's workbooks use them, for the browser preview's grid:
 * General, digit placeholders (0 # ?), thousands separators, percent, quoted and escaped literals,
 * and up to four sections (positive;negative;zero;text), so ";;;" hides a cell. No library for this
 * ships with the pane; formats with dates, fractions or exponents show their value as General.
 * Error values (#N/A, #DIV/0!) and TRUE/FALSE show as Excel shows them, whatever the format.
 */

export type CellValue = string | number | boolean | null | undefined;

const ERRORS = new Set([
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#CYCLE!",
  "#ERROR!",
]);

/** The text Excel shows for a value in a cell with the number format `format`. */
export function formatValue(value: CellValue, format: string): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const sections = splitSections(format);
  if (typeof value === "string") {
    if (ERRORS.has(value)) return value;
    if (sections.length < 4) {
      const only = sections.length === 1 ? sections[0] : undefined;
      return only !== undefined && only.includes("@") ? render(only, value) : value;
    }
    return render(sections[3], value);
  }
  if (!Number.isFinite(value)) return "#NUM!";
  let section = sections[0] ?? "";
  let n = value;
  let sign = "";
  if (sections.length === 1 || sections.length === 0) {
    if (value < 0) {
      sign = "-";
      n = -value;
    }
  } else if (value < 0) {
    section = sections[1];
    n = -value;
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2];
  }
  if (/^\s*general\s*$/i.test(section)) return sign + general(n);
  if (section === "") return "";
  return render(section, n, sign);
}

/** Excel's General in a standard-width column: up to 11 characters, scientific beyond. */
export function general(value: number): string {
  if (value === 0) return "0";
  const abs = Math.abs(value);
  const minus = value < 0 ? 1 : 0;
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exponent] = abs.toExponential(5).split("e");
    const m = mantissa.replace(/\.?0+$/, "");
    const e = Number(exponent);
    return `${minus ? "-" : ""}${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const intDigits = abs < 1 ? 1 : Math.floor(Math.log10(abs)) + 1;
  const decimals = Math.max(0, 11 - 1 - intDigits - minus);
  const text = roundTo(abs, decimals);
  return (minus ? "-" : "") + (text.includes(".") ? text.replace(/\.?0+$/, "") : text);
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      current += format.slice(i, stop + 1);
      i = stop;
    } else if (ch === "\\") {
      current += format.slice(i, i + 2);
      i++;
    } else if (ch === ";") {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

type Token = { literal: string } | { number: true };

/** One section applied to a number (already without its sign) or to text (for "@"). */
function render(section: string, value: number | string, sign = ""): string {
  const tokens: Token[] = [];
  let pattern = "";
  let percent = 0;
  let dateLike = false;
  const literal = (text: string): void => {
    tokens.push({ literal: text });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      literal(section.slice(i + 1, stop));
      i = stop;
    } else if (ch === "\\") {
      literal(section[i + 1] ?? "");
      i++;
    } else if (ch === "_") {
      literal(" ");
      i++;
    } else if (ch === "*") {
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      i = end < 0 ? section.length : end;
    } else if (ch === "@") {
      literal(typeof value === "string" ? value : String(value));
    } else if ("0#?".includes(ch) || ((ch === "," || ch === ".") && /[0#?]/.test(section.slice(i)))) {
      if (!tokens.some((t) => "number" in t)) tokens.push({ number: true });
      pattern += ch;
    } else {
      if (ch === "%") percent++;
      if (/[ymdhsEe/]/.test(ch)) dateLike = true;
      literal(ch);
    }
  }
  if (typeof value === "string") return tokens.map((t) => ("literal" in t ? t.literal : "")).join("");
  if (dateLike) return sign + general(value);
  const digits = pattern === "" ? "" : placeDigits(value * 100 ** percent, pattern);
  return sign + tokens.map((t) => ("literal" in t ? t.literal : digits)).join("");
}

/** The number laid out by its placeholders: "#,##0.0#" gives 1234.5 as "1,234.5". */
function placeDigits(value: number, pattern: string): string {
  const point = pattern.indexOf(".");
  const intPattern = point < 0 ? pattern : pattern.slice(0, point);
  const decPattern = point < 0 ? "" : pattern.slice(point + 1).replace(/,/g, "");
  const minDecimals = (decPattern.match(/0/g) ?? []).length;
  const maxDecimals = (decPattern.match(/[0#?]/g) ?? []).length;
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const [intText, decText = ""] = roundTo(value, maxDecimals).split(".");
  let decimals = decText;
  while (decimals.length > minDecimals && decimals.endsWith("0")) decimals = decimals.slice(0, -1);
  let whole = intText === "0" && minInt === 0 ? "" : intText;
  whole = whole.padStart(minInt, "0");
  if (intPattern.includes(",")) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return point < 0 ? whole : `${whole}.${decimals}`;
}

/** `value` (not negative) rounded half away from zero to `decimals` places, as fixed-point text. */
function roundTo(value: number, decimals: number): string {
  if (value >= 1e21) return value.toFixed(0);
  // Rounding the shortest decimal text, not the binary double: 1.005 rounds to 1.01 as in Excel.
  const shifted = Number(`${Math.round(Number(`${value}e${decimals}`))}e-${decimals}`);
  return (Number.isFinite(shifted) ? shifted : value).toFixed(decimals);
}
