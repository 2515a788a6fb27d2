/**
 * Cell values straight from the sheet XML. ExcelJS drops a formula's cached result when it
 * is 0, "" or FALSE (its model copy keeps only truthy fields), so a recalculated "0" would read
 * as blank; this reader keeps every cached value exactly as the file holds it.
 */
import JSZip from "jszip";
import { sheetParts, xmlUnescape } from "./charts";

export type XmlCellValue = number | string | boolean | null;

export interface XmlCell {
  formula?: string;
  value: XmlCellValue;
  /** "#NAME?", "#DIV/0!", ... when the cell holds an error. */
  error?: string;
}

const CELL = /<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

function attribute(attrs: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return match ? match[1] : undefined;
}

function textOf(xml: string): string {
  let text = "";
  for (const match of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)) text += match[1] ?? "";
  return xmlUnescape(text);
}

async function sharedStrings(zip: JSZip): Promise<string[]> {
  const xml = await zip.file("xl/sharedStrings.xml")?.async("string");
  if (!xml) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]));
}

function parseCell(type: string | undefined, inner: string, strings: string[]): XmlCell {
  const formulaMatch = /<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/.exec(inner);
  const formula = formulaMatch ? xmlUnescape(formulaMatch[1]) : undefined;
  const raw = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  const base = formula === undefined ? {} : { formula };
  if (type === "inlineStr") return { ...base, value: textOf(inner) };
  if (raw === undefined) return { ...base, value: type === "str" ? "" : null };
  switch (type) {
    case "s":
      return { ...base, value: strings[Number(raw)] ?? "" };
    case "str":
      return { ...base, value: xmlUnescape(raw) };
    case "b":
      return { ...base, value: raw === "1" };
    case "e":
      return { ...base, value: null, error: xmlUnescape(raw) };
    default:
      return { ...base, value: Number(raw) };
  }
}

/** Pieces of a sheet's XML cut after whole rows: a big sheet is longer than a JS string may be. */
function* rowChunks(xml: Buffer, chunkBytes = 32 * 1024 * 1024): Generator<string> {
  const endTag = Buffer.from("</row>");
  let start = 0;
  while (start < xml.length) {
    let end = Math.min(xml.length, start + chunkBytes);
    if (end < xml.length) {
      const cut = xml.indexOf(endTag, end);
      end = cut < 0 ? xml.length : cut + endTag.length;
    }
    yield xml.toString("utf8", start, end);
    start = end;
  }
}

/** Every cell of every sheet: sheet name -> "A1" -> value (and formula, and error). */
export async function readSheetCells(bytes: Buffer): Promise<Map<string, Map<string, XmlCell>>> {
  const zip = await JSZip.loadAsync(bytes);
  const strings = await sharedStrings(zip);
  const sheets = new Map<string, Map<string, XmlCell>>();
  for (const [name, part] of await sheetParts(zip)) {
    const xml = (await zip.file(part)?.async("nodebuffer")) ?? Buffer.alloc(0);
    const cells = new Map<string, XmlCell>();
    for (const chunk of rowChunks(xml)) {
      for (const match of chunk.matchAll(CELL)) {
        const address = attribute(match[1], "r");
        if (!address) continue;
        cells.set(address, parseCell(attribute(match[1], "t"), match[2] ?? "", strings));
      }
    }
    sheets.set(name, cells);
  }
  return sheets;
}
