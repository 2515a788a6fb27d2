/**
 * Cell values straight from the sheet XML, streamed: each sheet part is inflated and parsed once
 * by saxes (ExcelJS's own streaming XML parser) as zlib hands over its chunks, and only the cells
 * a caller asks for are kept. saxes replaced a hand-written tokenizer: it reads a grid sheet at
 * about 50 MB/s against the tokenizer's 110 MB/s (bench/xmlscan.bench.ts), a few seconds of a
 * 50 MB workbook's read, and it refuses XML that is not well formed instead of guessing. Cached
 * formula results are read exactly as the file holds them (ExcelJS dropped results of 0, "" and
 * FALSE); text is decoded as XML says (numeric character references, rich-text runs without
 * their phonetic guides, OOXML's `_x000D_` escapes).
 */
import { SaxesParser } from "saxes";
import { XlsxReadError } from "./errors";
import { decodeOoxmlEscapes } from "./xmlText";
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

/** What a part's walk reports; the element names are local (`x:row` is "row"). */
interface XmlHandler {
  /**
   * An element starts. Return true to skip everything up to its end tag (a self-closing element
   * has nothing to skip). Self-closing elements get no `close`.
   */
  open(name: string, attrs: Readonly<Record<string, string>>, selfClosing: boolean): boolean | void;
  close(name: string): void;
  /** Text between tags (CDATA too), decoded; called only while `wantText` is true. */
  text(value: string): void;
  wantText: boolean;
}

/** The name after any namespace prefix: "x:row" is "row". */
function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Parse one part with saxes, chunk by chunk as it inflates (a multi-byte character split
 * between chunks is held back by the decoder). XML that is not well formed is an XlsxReadError
 * naming the part.
 */
async function streamPart(zip: ZipArchive, part: string, handler: XmlHandler): Promise<void> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  let skipping: string | undefined; // the qualified name of the element being skipped
  let depth = 0;
  parser.on("opentag", (tag) => {
    if (skipping !== undefined) {
      if (tag.name === skipping && !tag.isSelfClosing) depth += 1;
      return;
    }
    const skip = handler.open(localName(tag.name), tag.attributes, tag.isSelfClosing);
    if (skip && !tag.isSelfClosing) {
      skipping = tag.name;
      depth = 1;
    }
  });
  parser.on("closetag", (tag) => {
    if (tag.isSelfClosing) return;
    if (skipping !== undefined) {
      if (tag.name === skipping && --depth === 0) skipping = undefined;
      return;
    }
    handler.close(localName(tag.name));
  });
  const text = (value: string) => {
    if (skipping === undefined && handler.wantText) handler.text(value);
  };
  parser.on("text", text);
  parser.on("cdata", text);
  parser.on("error", (error) => {
    throw new XlsxReadError(
      `${zip.file}: the part ${part} is not well-formed XML (${error.message}); open and re-save the file in Excel`,
    );
  });
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of zip.chunks(part)) parser.write(decoder.decode(chunk, { stream: true }));
  parser.write(decoder.decode());
  parser.close();
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

  open(name: string, attrs: Readonly<Record<string, string>>, selfClosing: boolean): boolean {
    if (name === "row") {
      const r = attrs.r;
      this.row = r === undefined ? this.row + 1 : Number(r);
      this.column = 0;
      return !this.sink.wantRow(this.row);
    }
    if (name === "c") {
      const r = attrs.r;
      this.column = r === undefined ? this.column + 1 : columnOfReference(r);
      if (!this.sink.wantCell(this.row, this.column)) return true;
      this.type = attrs.t ?? "n";
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
    if (name === "f" && this.sink.formulas && attrs.t === "shared") {
      const si = Number(attrs.si);
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

/**
 * The column of a cell reference ("AB12", "$AB$12"): its letters read as base 26, without a
 * regex or a new string per cell (a 50 MB workbook has millions of cells).
 */
export function columnOfReference(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const c = reference.charCodeAt(i) | 32; // lower case
    if (c >= 97 && c <= 122) column = column * 26 + (c - 96);
    else if (c !== 36 /* $ */) break;
  }
  return column;
}

/** Stream one sheet part's cells into a sink. */
export async function readSheet(
  zip: ZipArchive,
  part: string,
  strings: readonly string[],
  sink: CellSink,
): Promise<void> {
  await streamPart(zip, part, new CellReader(strings, sink));
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
  await streamPart(zip, part, handler);
  return strings;
}
