/**
 * The CSV layer under the long CSV reader: which delimiter and decimal mark a file uses, and its
 * rows streamed one at a time with the line each starts on. Rows are handed on as they are parsed
 * and never kept, so a 36 MB file is not held twice as arrays of strings (that, not the parsing,
 * was most of the time: the garbage collector copying millions of retained cells).
 */
import Papa from "papaparse";
import type { DecimalMark } from "../parse/number";

const PIECE_CHARS = 64 * 1024;

/** Delimiters tried in this order when the header does not settle it. */
const DELIMITERS = [",", ";", "\t", "|"] as const;

/**
 * The delimiter whose split of the header line names the most known columns (then the most
 * columns). Example: `detectDelimiter("measure;unit;period", ["measure", "unit", "period"]) === ";"`.
 */
export function detectDelimiter(firstLine: string, isKnown: (header: string) => boolean): string {
  let best: string = DELIMITERS[0];
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const parts = firstLine.split(d);
    if (parts.length < 2) continue;
    const score = parts.filter(isKnown).length * 1000 + parts.length;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

/** What the sampled number cells say about the decimal mark. */
export interface DecimalEvidence {
  /** A cell that can only be read with a decimal point ("1.5", "1,234.5"), and its line. */
  point?: { text: string; line: number };
  comma?: { text: string; line: number };
  /** A cell readable both ways ("1,234", "1.234"). */
  either?: { text: string; line: number };
}

const BOTH_MARKS = /^\d{1,3}([.,]\d{3})+$|^\d{1,3}( \d{3})+$/;

/** Add one cell's evidence. Symbols, signs and spaces around the digits are ignored. */
export function noteDecimalEvidence(evidence: DecimalEvidence, raw: string, line: number): void {
  const s = raw.replace(/[\s$€£¥%()+-]/g, "");
  if (!/[.,]/.test(s) || !/^[\d.,]+$/.test(s)) return;
  if (BOTH_MARKS.test(raw.replace(/[$€£¥%()+-]/g, "").trim())) {
    evidence.either ??= { text: raw, line };
    return;
  }
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  const mark = lastDot > lastComma ? "point" : "comma";
  evidence[mark] ??= { text: raw, line };
}

/** The decimal mark the evidence settles, or why it cannot be settled. */
export function decideDecimal(
  evidence: DecimalEvidence,
  delimiter: string,
): { decimal: DecimalMark } | { ambiguous: string } {
  const { point, comma, either } = evidence;
  if (point && comma)
    return {
      ambiguous: `line ${point.line} writes "${point.text}" with a decimal point but line ${comma.line} writes "${comma.text}" with a decimal comma`,
    };
  if (comma) return { decimal: "comma" };
  if (point) return { decimal: "point" };
  // A semicolon file is usually European, where "1.234" is a thousand; elsewhere it is a US file.
  if (either && delimiter === ";")
    return {
      ambiguous: `line ${either.line} writes "${either.text}", which is ${either.text.includes(".") ? "a thousand-odd with a decimal comma or a little over one with a decimal point" : "a thousand-odd with a decimal point or a little over one with a decimal comma"}, and no cell settles which`,
    };
  return { decimal: "point" };
}

/** A row the CSV parser could not split as written: a quote opened and not closed where a cell ends. */
export interface QuoteProblem {
  /** The line the broken row starts on. */
  line: number;
  /** The line the parser stopped on when the quote swallowed the lines after it. */
  lastLine: number;
  message: string;
}

/**
 * Stream the rows of `body` to `onRow` with the 1-based line each starts on. A row with a quote
 * problem goes to `onQuoteProblem`, and the lines its quote swallowed are read again on their own,
 * so one stray quote costs one row, not the rest of the file.
 */
export function streamRows(
  body: string,
  delimiter: string,
  onRow: (cells: string[], line: number) => void,
  onQuoteProblem: (problem: QuoteProblem) => void,
  firstLine = 1,
): void {
  // Without quotes no cell can span lines, so the n-th row is on the n-th line.
  if (!body.includes('"')) {
    let line = firstLine;
    const step = (result: Papa.ParseStepResult<string[]>) => onRow(result.data, line++);
    // Papaparse splits its whole input into lines before it hands on the first row: a piece of
    // about 64 KB at a time, cut at a line break, so those lines die young instead of being
    // copied into the old heap (~9,000 fewer fresh pages for the 36 MB bench file). The line
    // break is the one papaparse guesses from the file's first 1 MB, as for the whole file.
    const newline = lineBreakOf(body, delimiter);
    for (let start = 0; start < body.length;) {
      let end = body.indexOf(newline, start + PIECE_CHARS);
      // Papaparse drops a byte order mark that starts its input: never start a piece on one.
      while (end >= 0 && body.charCodeAt(end + newline.length) === 0xfeff)
        end = body.indexOf(newline, end + 1);
      if (end < 0 || end + newline.length >= body.length) end = body.length;
      Papa.parse<string[]>(body.slice(start, end), { delimiter, newline, skipEmptyLines: false, step });
      start = end + newline.length;
    }
    return;
  }
  let line = firstLine;
  let counted = 0;
  let rowStart = 0;
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      for (let i = counted; i < rowStart; i++) if (body.charCodeAt(i) === 10) line++;
      counted = rowStart;
      const end = result.meta.cursor;
      const swallowed = result.data.some((c) => c.includes("\n") && c.includes(delimiter));
      if (result.errors.length === 0 && !swallowed) onRow(result.data, line);
      else {
        let lastLine = line;
        for (let i = rowStart; i < end; i++) if (body.charCodeAt(i) === 10) lastLine++;
        if (body.charCodeAt(end - 1) === 10) lastLine--;
        const error = result.errors[0]?.message ?? "a quoted cell runs over several lines";
        onQuoteProblem({ line, lastLine, message: error });
        const next = body.indexOf("\n", rowStart);
        if (next >= 0 && next + 1 < end)
          streamRows(body.slice(next + 1, end), delimiter, onRow, onQuoteProblem, line + 1);
      }
      rowStart = end;
    },
  });
}

type LineBreak = "\r\n" | "\n" | "\r";

/** The line break papaparse guesses for the text, from its first 1 MB as papaparse reads it. */
function lineBreakOf(body: string, delimiter: string): LineBreak {
  const head = body.slice(0, 1024 * 1024);
  return Papa.parse<string[]>(head, { delimiter, preview: 1 }).meta.linebreak as LineBreak;
}

/** The first line of the text (without its line break), for detecting the delimiter. */
export function firstLineOf(body: string): string {
  const end = body.search(/\r?\n/);
  return end < 0 ? body : body.slice(0, end);
}
