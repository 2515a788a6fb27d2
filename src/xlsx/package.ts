/**
 * The structure of an .xlsx package, read with fast-xml-parser: which sheets it has and where,
 * which tables each sheet holds (name, range, header and totals rows), and where the shared
 * strings are. These parts are small; the big ones (sheet data, shared strings) are streamed by
 * sheetXml.ts. A file that is no workbook at all is refused here, saying what it is and what to do.
 */
import { XMLParser } from "fast-xml-parser";
import { parseRange, type CellPos } from "./address";
import { includesBytes, u32, u32be, utf16leBytes } from "./bytes";
import { XlsxReadError } from "./errors";
import { decodeXmlText } from "./xmlText";
import { ZipArchive } from "./zip";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships";

/** A table as its table part describes it. */
export interface TablePart {
  name: string;
  from: CellPos;
  to: CellPos;
  headerRows: number;
  totalsRows: number;
  /** Column names the table part holds, for a table without a header row. */
  columns: string[];
}

export interface SheetPart {
  name: string;
  part: string;
  tables: TablePart[];
}

export interface WorkbookPackage {
  zip: ZipArchive;
  sheets: SheetPart[];
  sharedStrings?: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // One decoder for every part: XML's five entities and numeric references (its own leaves "&#8364;").
  processEntities: false,
  attributeValueProcessor: (_name, value) => decodeXmlText(value),
  tagValueProcessor: (_name, value) => decodeXmlText(value),
  isArray: (name) => ["sheet", "Relationship", "tableColumn"].includes(name),
});

type Node = Record<string, unknown>;
const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : []);
const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

const SAVE_AS = 'open it in Excel or LibreOffice and save it as "Excel Workbook (.xlsx)", then try again';

/** Why bytes that are not a zip are not a workbook: a password, an old .xls, or something else. */
function notAZip(bytes: Uint8Array, file: string): XlsxReadError {
  const cfb = bytes.length >= 8 && u32be(bytes, 0) === 0xd0cf11e0 && u32be(bytes, 4) === 0xa1b11ae1;
  if (cfb && includesBytes(bytes, utf16leBytes("EncryptedPackage"))) {
    return new XlsxReadError(
      `${file} is protected with a password, so it is encrypted and Yardstick cannot read it; open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear the box), save, and try again`,
    );
  }
  if (cfb) {
    return new XlsxReadError(
      `${file} is not a readable .xlsx workbook: it is an Excel 97-2003 (.xls) or other old Office file; ${SAVE_AS}`,
    );
  }
  return new XlsxReadError(
    `${file} is not a readable .xlsx workbook (an .xlsx file is a zip archive and this is not one); ${SAVE_AS}`,
  );
}

/** What a zip holding no workbook part is, as far as its parts tell. */
async function notAWorkbook(zip: ZipArchive, file: string): Promise<XlsxReadError> {
  const mimetype = zip.has("mimetype") ? (await zip.text("mimetype")).trim() : "";
  const what = mimetype.includes("opendocument.spreadsheet")
    ? "an OpenDocument spreadsheet (.ods)"
    : zip.has("word/document.xml")
      ? "a Word document"
      : zip.has("ppt/presentation.xml")
        ? "a PowerPoint presentation"
        : "a zip file with no workbook in it (no xl/workbook.xml)";
  return new XlsxReadError(`${file} is not a readable .xlsx workbook: it is ${what}; ${SAVE_AS}`);
}

/** A zip part's folder ("xl/worksheets/sheet1.xml" -> "xl/worksheets"; "" at the root). */
function folderOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return slash < 0 ? "" : part.slice(0, slash);
}

/** `target` resolved against `folder`, with "." and ".." taken out (zip part names use "/"). */
export function joinPart(folder: string, target: string): string {
  const out: string[] = [];
  for (const step of `${folder}/${target}`.split("/")) {
    if (step === "" || step === ".") continue;
    if (step === "..") out.pop();
    else out.push(step);
  }
  return out.join("/");
}

/** Relationship id -> part path, for the part at `owner`. */
async function relationships(
  zip: ZipArchive,
  owner: string,
): Promise<Map<string, { target: string; type: string }>> {
  const rels = joinPart(folderOf(owner), `_rels/${owner.slice(owner.lastIndexOf("/") + 1)}.rels`);
  const out = new Map<string, { target: string; type: string }>();
  if (!zip.has(rels)) return out;
  const doc = parser.parse(await zip.text(rels)) as Node;
  for (const rel of list((doc.Relationships as Node | undefined)?.Relationship)) {
    const id = str(rel.Id);
    const target = str(rel.Target);
    if (!id || !target || rel.TargetMode === "External") continue;
    const resolved = target.startsWith("/") ? target.slice(1) : joinPart(folderOf(owner), target);
    out.set(id, { target: resolved, type: str(rel.Type) ?? "" });
  }
  return out;
}

const isType = (type: string, kind: string) => type === `${REL}/${kind}` || type === `${REL_STRICT}/${kind}`;

async function tablePart(zip: ZipArchive, part: string, sheet: string): Promise<TablePart | undefined> {
  if (!zip.has(part)) return undefined;
  const table = (parser.parse(await zip.text(part)) as Node).table as Node | undefined;
  const name = str(table?.displayName) ?? str(table?.name);
  const ref = str(table?.ref);
  if (!table || !name) return undefined;
  if (!ref)
    throw new XlsxReadError(`table ${name} on sheet "${sheet}" has no range; re-save the file in Excel`);
  let range: { from: CellPos; to: CellPos };
  try {
    range = parseRange(ref, sheet);
  } catch {
    throw new XlsxReadError(
      `table ${name} on sheet "${sheet}" has the range "${ref}", which is not a range; re-save the file in Excel`,
    );
  }
  const { from, to } = range;
  const columns = list((table.tableColumns as Node | undefined)?.tableColumn).map((c) => str(c.name) ?? "");
  return {
    name,
    from,
    to,
    headerRows: table.headerRowCount === "0" ? 0 : 1,
    totalsRows: Number(str(table.totalsRowCount) ?? 0) > 0 ? 1 : 0,
    columns,
  };
}

/**
 * Open .xlsx bytes: sheets in workbook order with their tables, and the shared strings part.
 * @example const { sheets } = await openWorkbookPackage(fs.readFileSync("demo.xlsx"), "demo.xlsx");
 */
export async function openWorkbookPackage(bytes: Uint8Array, file: string): Promise<WorkbookPackage> {
  if (bytes.length < 4 || u32(bytes, 0) !== 0x04034b50) throw notAZip(bytes, file);
  const zip = ZipArchive.open(bytes, file);
  const root = await relationships(zip, "");
  const main =
    [...root.values()].find((r) => isType(r.type, "officeDocument"))?.target ??
    (zip.has("xl/workbook.xml") ? "xl/workbook.xml" : undefined);
  if (!main || !zip.has(main)) throw await notAWorkbook(zip, file);
  const workbook = (parser.parse(await zip.text(main)) as Node).workbook as Node | undefined;
  const rels = await relationships(zip, main);
  const sheets: SheetPart[] = [];
  for (const sheet of list((workbook?.sheets as Node | undefined)?.sheet)) {
    const name = str(sheet.name);
    const part = rels.get(str(sheet.id) ?? "")?.target;
    if (!name || !part || !zip.has(part)) continue;
    const tables: TablePart[] = [];
    for (const rel of (await relationships(zip, part)).values()) {
      if (!isType(rel.type, "table")) continue;
      const table = await tablePart(zip, rel.target, name);
      if (table) tables.push(table);
    }
    sheets.push({ name, part, tables });
  }
  const strings = [...rels.values()].find((r) => isType(r.type, "sharedStrings"))?.target;
  return {
    zip,
    sheets,
    sharedStrings: strings ?? (zip.has("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : undefined),
  };
}
