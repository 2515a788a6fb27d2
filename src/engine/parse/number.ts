/**
 * The one number parser: text a person typed or a spreadsheet exported, to a number, or to a
 * reason it is not one. Every reader (long CSV, unit files, text cells of a workbook, the pane's
 * fields) goes through `parseNumberText`, so "(5)" or "12%" means the same everywhere.
 *
 * Accepted: plain and scientific numbers ("1234", "-1.5", "1.5E+07"), thousands separators in
 * groups of three ("1,234,567.5"; with the decimal comma "1.234.567,5" or "1 234 567,5"), one
 * currency sign before or after ($ EUR GBP JPY), "%" at the end where percents are allowed, and
 * accountants' negatives "(5)". Missing, kept apart so a finding can say which: a blank, an
 * Excel error value (#N/A, #DIV/0!, Err:502 ...) and a typed placeholder (n/a, -, null).
 * Refused, never guessed: hex and other radixes ("0x10"), "12abc", "1,5" in a point-decimal file
 * (a European decimal, not fifteen), "1,23" (a broken group), and results that are not finite
 * ("1e309", "Infinity", "NaN").
 */

/** Which mark separates the decimals: "point" (1,234.5) or "comma" (1.234,5). */
export type DecimalMark = "point" | "comma";

export interface NumberTextOptions {
  /** Default "point". */
  decimal?: DecimalMark;
  /** Whether "12%" is allowed (only where the measure is a rate or percent). Default true. */
  percent?: boolean;
}

/** Why a text is not a number. */
export type NumberRefusal = "not-a-number" | "not-finite" | "percent-not-allowed" | "decimal-mark";

export type ParsedNumber =
  | { kind: "number"; value: number; percent: boolean; currency: boolean }
  | { kind: "blank" }
  | { kind: "error"; text: string }
  | { kind: "placeholder"; text: string }
  | { kind: "refused"; text: string; reason: NumberRefusal };

/** Excel's and LibreOffice's error values, as they appear in a cell or an exported CSV. */
export const EXCEL_ERROR =
  /^(#N\/A|#NA|#VALUE!|#DIV\/0!|#REF!|#NUM!|#NULL!|#NAME\?|#SPILL!|#CALC!|#GETTING_DATA|#FIELD!|#BLOCKED!|#UNKNOWN!|#BUSY!|Err:\d{3})$/i;

/** Words people type for "no value": missing, not a number and not a mistake to retype. */
const PLACEHOLDERS = new Set(["n/a", "na", "-", "--", "null", "none", "nil"]);

// A plain number in a point-decimal file: the form nearly every cell takes, tested first.
const PLAIN_POINT = /^-?\d+(\.\d+)?$/;
const SCIENTIFIC = /^\d+(\.\d*)?e[-+]?\d+$|^\.\d+e[-+]?\d+$/i;
const CURRENCY = /^[$€£¥]|[$€£¥]$/;
// Digits with optional grouping and decimals, sign and symbols already removed.
const POINT_BODY = /^(\d{1,3}(,\d{3})+|\d+)(\.\d*)?$|^\.\d+$/;
const COMMA_BODY = /^(\d{1,3}(\.\d{3})+|\d{1,3}( \d{3})+|\d+)(,\d*)?$|^,\d+$/;

/**
 * The number in a plain cell ("1234", "-1.5") without allocating, else undefined: the form nearly
 * every cell of a big file takes. Anything else goes to `parseNumberText`, which agrees with this.
 * Example: `plainNumber("12.5") === 12.5`, `plainNumber("1,234") === undefined`.
 */
export function plainNumber(raw: string, decimal: DecimalMark = "point"): number | undefined {
  if (decimal !== "point") return undefined;
  // One pass over the characters checks the shape of PLAIN_POINT (-?\d+(\.\d+)?) and gathers
  // the digits; no regular expression and no string-to-number conversion for a short number.
  const length = raw.length;
  const negative = raw.charCodeAt(0) === 45; /* - */
  let i = negative ? 1 : 0;
  const first = i;
  let digits = 0;
  let scale = 1;
  for (; i < length; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    digits = digits * 10 + d;
  }
  if (i === first) return undefined;
  if (i < length) {
    if (raw.charCodeAt(i) !== 46 /* . */ || i + 1 === length) return undefined;
    for (i++; i < length; i++) {
      const d = raw.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return undefined;
      digits = digits * 10 + d;
      scale *= 10;
    }
  }
  // Up to 15 digits the integer and the power of ten are exact doubles, so one division is the
  // correctly rounded value, the same as Number(raw); longer numbers go to Number itself.
  if (length - first <= 15) return negative ? -digits / scale : digits / scale;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Read one cell's text. Example:
 * `parseNumberText("(1,234.50)")` is `{ kind: "number", value: -1234.5, percent: false, currency: false }`.
 */
export function parseNumberText(raw: string, options: NumberTextOptions = {}): ParsedNumber {
  const decimal = options.decimal ?? "point";
  if (decimal === "point" && PLAIN_POINT.test(raw)) {
    const value = Number(raw);
    // Three hundred and nine digits are a plain number too, and overflow to Infinity.
    if (Number.isFinite(value)) return { kind: "number", value, percent: false, currency: false };
    return refused(raw, "not-finite");
  }
  // NBSP and narrow NBSP are what French and Swiss exports use as thousands separators.
  const text = raw.replace(/[\u00a0\u202f]/g, " ").trim();
  if (text === "") return { kind: "blank" };
  if (text.charCodeAt(0) === 35 /* # */ || text.startsWith("Err:")) {
    if (EXCEL_ERROR.test(text)) return { kind: "error", text: text.toUpperCase() };
  }
  if (PLACEHOLDERS.has(text.toLowerCase())) return { kind: "placeholder", text };
  return parseFormatted(text, decimal, options.percent ?? true);
}

function refused(text: string, reason: NumberRefusal): ParsedNumber {
  return { kind: "refused", text, reason };
}

/** The slow path: sign, parentheses, currency, percent and grouping, each allowed once. */
function parseFormatted(text: string, decimal: DecimalMark, percentAllowed: boolean): ParsedNumber {
  let s = text;
  let negative = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trimEnd();
  }
  let currency = false;
  if (CURRENCY.test(s)) {
    currency = true;
    s = (/^[$€£¥]/.test(s) ? s.slice(1) : s.slice(0, -1)).trim();
  }
  if (!negative && /^[-+\u2212]/.test(s)) {
    negative = s[0] !== "+";
    s = s.slice(1);
    // "-$5" and "$-5" are both how spreadsheets write a negative amount.
    if (!currency && CURRENCY.test(s)) {
      currency = true;
      s = (/^[$€£¥]/.test(s) ? s.slice(1) : s.slice(0, -1)).trim();
    }
  } else if (currency && /^[-\u2212]/.test(s) && !negative) {
    negative = true;
    s = s.slice(1);
  }
  if (percent && currency) return refused(text, "not-a-number");
  const value = readBody(s, decimal);
  if (value === undefined) {
    const otherMark = readBody(s, decimal === "point" ? "comma" : "point");
    return refused(text, otherMark === undefined ? "not-a-number" : "decimal-mark");
  }
  if (!Number.isFinite(value)) return refused(text, "not-finite");
  if (percent && !percentAllowed) return refused(text, "percent-not-allowed");
  return { kind: "number", value: negative ? -value : value, percent, currency };
}

/** Unsigned digits with the file's grouping and decimal mark; undefined when they do not fit it. */
function readBody(s: string, decimal: DecimalMark): number | undefined {
  if (SCIENTIFIC.test(s)) return decimal === "point" || !s.includes(".") ? Number(s) : undefined;
  if (decimal === "point") return POINT_BODY.test(s) ? Number(s.replace(/,/g, "")) : undefined;
  if (!COMMA_BODY.test(s)) return undefined;
  return Number(s.replace(/[. ]/g, "").replace(",", "."));
}

/**
 * What a refusal or a missing value means, for a finding's message. Example:
 * `describeNumberProblem(parseNumberText("0x10"))` is `"is not a number"`.
 */
export function describeNumberProblem(parsed: ParsedNumber): string {
  switch (parsed.kind) {
    case "blank":
      return "is blank";
    case "error":
      return `is the spreadsheet error ${parsed.text}, a missing value`;
    case "placeholder":
      return "marks a missing value";
    case "number":
      return "is a number";
    case "refused":
      return REFUSAL_TEXT[parsed.reason];
  }
}

const REFUSAL_TEXT: Record<NumberRefusal, string> = {
  "not-a-number": "is not a number",
  "not-finite": "is too large to be a number",
  "percent-not-allowed": "is a percent, but this measure is not a rate",
  "decimal-mark": "uses the other decimal mark from the rest of the file",
};
