/**
 * Cell values straight from the sheet XML, streamed: each sheet part is inflated and tokenized
 * once, in slices cut after whole rows, and only the cells a caller asks for are kept. Cached
 * formula results are read exactly as the file holds them (ExcelJS dropped results of 0, "" and
 * FALSE); text is decoded as XML says (numeric character references, rich-text runs without
 * their phonetic guides, OOXML's `_x000D_` escapes).
 */
import { columnNumber } from "./address";
import { attribute, decodeOoxmlEscapes, scanXml, type XmlHandler } from "./xmlScan";
import type { ZipArchive } from "./zip";

export type XmlCellValue = number | string | boolean | null;

export interface XmlCell {
  formula?: string;
  value: XmlCellValue;
  /** "#NAME?", "#DIV/0!", ... when the cell holds an error. */
  error?: string;
}

/** A cell as the table reader keeps it: a value, or the error it holds. */
export type CellContent = XmlCellValue | { error: string };

/**
 * The number a cell's `<v>` holds. The one place the xlsx reader turns cell text into a
 * number, so the project's number parser can take over here alone.
 */
export function numberOfCellText(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : Number(trimmed);
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** An ISO date cell (t="d", written by some tools) as the Excel serial Excel itself would store. */
function serialOfIsoDate(text: string): number | string {
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(text)
    ? text
    : `${text.length === 10 ? `${text}T00:00:00` : text}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? text : (ms - EXCEL_EPOCH_MS) / 86_400_000;
}

/** What `CellReader` reports for each cell it keeps. */
export interface CellSink {
  /** Keep this row's cells? A row not wanted is skipped unread. */
  wantRow(row: number): boolean;
  wantCell(row: number, column: number): boolean;
  cell(
    row: number,
    column: number,
    content: CellContent,
    formula: string | undefined,
    shared?: SharedFormula,
  ): void;
  /** Collect formula text too (the test harness and the email loop's fingerprint need it). */
  readonly formulas?: boolean;
}

/**
 * A cell of a shared formula group (Excel writes a filled-down column once: the group's first
 * cell holds the text, the others only its index). Reported only when `formulas` is asked for.
 */
export interface SharedFormula {
  /** The group's index, `si`. */
  index: number;
  /** True for the cell holding the formula text; the others repeat it, shifted to their place. */
  holdsText: boolean;
}

/** Turns a sheet's `<row>` and `<c>` elements into cells for a sink. */
class CellReader implements XmlHandler {
  wantText = false;
  private row = 0;
  private column = 0;
  private type = "";
  private inCell = false;
  private value: string | undefined;
  private formula: string | undefined;
  private shared: SharedFormula | undefined;
  private inline = "";
  private into: "value" | "formula" | "inline" | "" = "";

  constructor(
    private readonly strings: readonly string[],
    private readonly sink: CellSink,
  ) {}

  open(name: string, attrs: string, selfClosing: boolean): boolean {
    if (name === "row") {
      const r = attribute(attrs, "r");
      this.row = r === undefined ? this.row + 1 : Number(r);
      this.column = 0;
      return !this.sink.wantRow(this.row);
    }
    if (name === "c") {
      const r = attribute(attrs, "r");
      this.column = r === undefined ? this.column + 1 : columnNumber(r.replace(/[0-9$]/g, ""));
      if (!this.sink.wantCell(this.row, this.column)) return true;
      this.type = attribute(attrs, "t") ?? "n";
      this.value = undefined;
      this.formula = undefined;
      this.shared = undefined;
      this.inline = "";
      this.inCell = true;
      if (selfClosing) this.close("c");
      return false;
    }
    if (!this.inCell) return false;
    if (name === "rPh") return true; // phonetic guide text is not part of the cell's text
    if (name === "f" && this.sink.formulas && attribute(attrs, "t") === "shared") {
      const si = Number(attribute(attrs, "si"));
      if (Number.isInteger(si)) this.shared = { index: si, holdsText: !selfClosing };
    }
    if (selfClosing) return false;
    if (name === "v") this.start("value");
    else if (name === "f" && this.sink.formulas) this.start("formula");
    else if (name === "t") this.start("inline");
    return false;
  }

  private start(into: "value" | "formula" | "inline"): void {
    this.into = into;
    this.wantText = true;
    if (into === "value") this.value = "";
    if (into === "formula") this.formula = "";
  }

  text(value: string): void {
    if (this.into === "value") this.value += value;
    else if (this.into === "formula") this.formula += value;
    else if (this.into === "inline") this.inline += value;
  }

  close(name: string): void {
    if (name === "v" || name === "f" || name === "t") {
      this.into = "";
      this.wantText = false;
    } else if (name === "c" && this.inCell) {
      this.inCell = false;
      if (this.shared && this.shared.holdsText && !this.formula) this.shared.holdsText = false;
      this.sink.cell(this.row, this.column, this.content(), this.formula, this.shared);
    }
  }

  private content(): CellContent {
    const raw = this.value;
    switch (this.type) {
      case "inlineStr":
        return decodeOoxmlEscapes(this.inline);
      case "s":
        return raw === undefined ? null : (this.strings[Number(raw)] ?? "");
      case "str":
        return raw === undefined ? "" : decodeOoxmlEscapes(raw);
      case "b":
        return raw === undefined ? null : raw.trim() === "1" || raw.trim() === "true";
      case "e":
        return raw === undefined ? null : { error: raw.trim() };
      case "d":
        return raw === undefined ? null : serialOfIsoDate(raw.trim());
      default:
        return raw === undefined ? null : numberOfCellText(raw);
    }
  }
}

/** Slices of at least this many bytes are cut after a whole row and tokenized one at a time. */
const SLICE_BYTES = 4 * 1024 * 1024;

/**
 * Where the last end tag `</name>` (or `</x:name>`) in `buf` ends; -1 when there is none. Cutting
 * there never splits a tag or a reference. (A CDATA section or comment holding such an end tag
 * would be cut wrongly; Excel and LibreOffice write neither in sheet data or shared strings.)
 */
function lastEndTag(name: string): (buf: Buffer) => number {
  const tail = `${name}>`;
  return (buf) => {
    let at = buf.lastIndexOf(tail);
    while (at > 0) {
      let i = at - 1;
      if (buf[i] === 0x3a) while (i > 0 && buf[i] !== 0x2f && buf[i] !== 0x3c && buf[i] !== 0x3e) i -= 1;
      if (buf[i] === 0x2f && buf[i - 1] === 0x3c) return at + tail.length;
      at = buf.lastIndexOf(tail, at - 1);
    }
    return -1;
  };
}

/** A part's XML in string slices that each end after a whole element of the part's rows. */
export async function* xmlSlices(
  zip: ZipArchive,
  part: string,
  cut: (buf: Buffer) => number,
): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let size = 0;
  for await (const chunk of zip.chunks(part)) {
    pending.push(chunk);
    size += chunk.length;
    if (size < SLICE_BYTES) continue;
    const buf = pending.length === 1 ? pending[0] : Buffer.concat(pending, size);
    const end = cut(buf);
    if (end < 0) {
      pending = [buf];
      continue;
    }
    yield buf.toString("utf8", 0, end);
    pending = end < buf.length ? [buf.subarray(end)] : [];
    size = buf.length - end;
  }
  if (size > 0) yield Buffer.concat(pending, size).toString("utf8");
}

/** Stream one sheet part's cells into a sink. */
export async function readSheet(
  zip: ZipArchive,
  part: string,
  strings: readonly string[],
  sink: CellSink,
): Promise<void> {
  const reader = new CellReader(strings, sink);
  for await (const slice of xmlSlices(zip, part, lastEndTag("row"))) scanXml(slice, reader);
}

/** Shared strings: each `<si>`'s text, rich-text runs joined, phonetic guides left out. */
export async function readSharedStrings(zip: ZipArchive, part: string | undefined): Promise<string[]> {
  if (!part || !zip.has(part)) return [];
  const strings: string[] = [];
  let current = "";
  const handler: XmlHandler = {
    wantText: false,
    open(name, _attrs, selfClosing) {
      if (name === "si") current = "";
      else if (name === "rPh") return true;
      else if (name === "t" && !selfClosing) handler.wantText = true;
      return false;
    },
    close(name) {
      if (name === "t") handler.wantText = false;
      else if (name === "si") strings.push(decodeOoxmlEscapes(current));
    },
    text(value) {
      current += value;
    },
  };
  for await (const slice of xmlSlices(zip, part, lastEndTag("si"))) scanXml(slice, handler);
  return strings;
}
