/**
 * Cell contents as the stamp's fingerprint sees them: one text per cell that a save by Excel or
 * LibreOffice does not change. Numbers are written with 15 significant digits (what both keep),
 * text is trimmed, and a formula is written relative to its own cell (R1C1), so a row that a
 * sort moved still reads the same.
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import { toCell, type Cell } from "../cells";

/**
 * A number's canonical text: rounded half up to 15 significant digits from its shortest decimal
 * text, as LibreOffice writes numbers, so a value it saved reads as the value it was sent as.
 * Example: `canonicalNumber(72.78048780487805) === canonicalNumber(72.7804878048781)`.
 */
export function canonicalNumber(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return value === 0 ? "0" : String(value);
  const [mantissa, exponent] = Math.abs(value).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  if (digits.length <= 15) return String(value);
  const kept = digits.slice(0, 15).split("").map(Number);
  let exp = Number(exponent);
  if (Number(digits[15]) >= 5) {
    let i = 14;
    while (i >= 0 && kept[i] === 9) kept[i--] = 0;
    if (i < 0) {
      kept.unshift(1);
      kept.pop();
      exp += 1;
    } else kept[i] += 1;
  }
  const rounded = Number(`${kept[0]}.${kept.slice(1).join("")}e${exp}`);
  return String(value < 0 ? -rounded : rounded);
}

/** A cell's canonical text: "" for blank, else kind and value. Example: `canonicalCell(12) === "n:12"`. */
export function canonicalCell(raw: unknown): string {
  return canonicalOf(toCell(raw));
}

/** The canonical text of a cell already normalized. */
export function canonicalOf(cell: Cell): string {
  switch (cell.kind) {
    case "blank":
      return "";
    case "number":
      return `n:${canonicalNumber(cell.value)}`;
    case "text":
      return `s:${cell.value}`;
    case "bool":
      return cell.value ? "b:TRUE" : "b:FALSE";
    case "error":
      return `e:${cell.value}`;
  }
}

const CELL_REF = /(?<![A-Za-z0-9_.[])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])/g;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const part = (axis: "R" | "C", absolute: boolean, target: number, own: number): string =>
  absolute ? `${axis}${target}` : target === own ? axis : `${axis}[${target - own}]`;

/**
 * A formula written relative to the cell at (row, column), R1C1 style, without its "=" and the
 * file format's `_xlfn.` prefixes; text in quotes is left alone. Cells of a filled-down column
 * give the same text. Example: `formulaR1C1("=$A7+B7", 7, 3) === "RC1+RC[-1]"`.
 */
export function formulaR1C1(formula: string, row: number, column: number): string {
  const body = formula
    .trim()
    .replace(/^=/, "")
    .replace(/_xl(fn|ws)\./gi, "");
  return body
    .split(/("(?:[^"]|"")*")/)
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece.replace(
            CELL_REF,
            (_all, c$: string, col: string, r$: string, r: string) =>
              `${part("R", r$ === "$", Number(r), row)}${part("C", c$ === "$", columnNumber(col), column)}`,
          ),
    )
    .join("");
}

/** The first 12 hex digits of SHA-256 (48 bits): enough to tell an edited cell from its issue. */
export function shortDigest(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text))).slice(0, 12);
}

/** SHA-256 in hex. Example: `fullDigest("").startsWith("e3b0c442")`. */
export function fullDigest(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
