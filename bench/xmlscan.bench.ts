/**
 * The xlsx reader's XML parsing on ~40 MB of a grid sheet shaped like the bench workbook's
 * Monthly sheet (72 columns: shared strings, numbers, shared formulas): saxes alone, and the
 * reader's whole path for a sheet part (inflate, saxes, cells kept by a sink). The reader used a
 * hand-written tokenizer until saxes was measured here: the tokenizer walked this XML at about
 * 110 MB/s, saxes at about 50 MB/s (2.9x and 6.3x the reference), a few seconds of a 50 MB
 * workbook's read, so the well-kept library won. Prints CPU time, MB/s and the heap growth.
 */
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { columnLetter } from "../src/engine/a1";
import { readSheet } from "../src/xlsx/sheetXml";
import { ZipArchive } from "../src/xlsx/zip";
import { mb, mulberry32, ref, timed } from "./reference";

export const title = "xml: saxes and the xlsx reader on 40 MB of sheet XML";

const TARGET_CHARS = 40_000_000;

/** Grid rows as Excel writes them: a key column of shared strings, 36 months of numbers, formulas. */
export function sheetXml(targetChars = TARGET_CHARS): string {
  const rand = mulberry32(7);
  const parts = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><sheetData>',
  ];
  const letters = Array.from({ length: 72 }, (_, i) => columnLetter(i + 1));
  let size = parts[0].length;
  for (let r = 7; size < targetChars; r++) {
    let row = `<row r="${r}" spans="1:72" x14ac:dyDescent="0.25">`;
    for (let c = 0; c < 4; c++)
      row += `<c r="${letters[c]}${r}" t="s"><v>${Math.floor(rand() * 500)}</v></c>`;
    for (let c = 4; c < 40; c++) row += `<c r="${letters[c]}${r}"><v>${Math.floor(rand() * 1000)}</v></c>`;
    for (let c = 40; c < 72; c++) row += `<c r="${letters[c]}${r}" s="4"><f t="shared" si="${c - 40}"/></c>`;
    row += "</row>";
    parts.push(row);
    size += row.length;
  }
  parts.push("</sheetData></worksheet>");
  return parts.join("");
}

interface Tally {
  cells: number;
  sum: number;
}

function withSaxes(xml: string): Tally {
  const tally = { cells: 0, sum: 0 };
  let inValue = false;
  let value = "";
  const parser = new SaxesParser({ position: false });
  parser.on("opentag", (tag) => {
    if (tag.name === "c") {
      tally.cells++;
      void tag.attributes.r;
      void tag.attributes.t;
    } else if (tag.name === "v") {
      inValue = true;
      value = "";
    }
  });
  parser.on("text", (text) => {
    if (inValue) value += text;
  });
  parser.on("closetag", (tag) => {
    if (tag.name !== "v") return;
    inValue = false;
    tally.sum += Number(value);
  });
  parser.on("error", (error) => {
    throw error;
  });
  // In 4 MB slices, as the reader feeds its parts.
  for (let i = 0; i < xml.length; i += 4_000_000) parser.write(xml.slice(i, i + 4_000_000));
  parser.close();
  return tally;
}

/** The reader's path for one sheet part: inflate it from a zip, parse, keep every number. */
async function withReader(zip: ZipArchive): Promise<Tally> {
  const tally = { cells: 0, sum: 0 };
  await readSheet(zip, "xl/worksheets/sheet1.xml", [], {
    wantRow: () => true,
    wantCell: () => true,
    cell(_row, _column, content) {
      tally.cells++;
      if (typeof content === "number") tally.sum += content;
    },
  });
  return tally;
}

async function timedAsync<T>(f: () => Promise<T>): Promise<{ value: T; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const value = await f();
  const used = process.cpuUsage(cpu);
  return { value, cpuMs: (used.user + used.system) / 1000 };
}

export async function run(): Promise<void> {
  const xml = sheetXml();
  const megabytes = xml.length / 1e6;
  const bytes = await new JSZip()
    .file("xl/worksheets/sheet1.xml", xml)
    .generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  const zip = ZipArchive.open(bytes, "bench.xlsx");
  console.log(`sheet XML: ${megabytes.toFixed(0)} MB (${mb(bytes.length)} zipped)`);
  const tallies: string[] = [];
  const line = (name: string, cpuMs: number, heap: number, t: Tally) => {
    tallies.push(`${t.cells}/${t.sum}`);
    console.log(
      `${name.padEnd(22)} ${ref(cpuMs)}, ${(megabytes / (cpuMs / 1000)).toFixed(1)} MB/s, heap +${mb(Math.max(0, heap))}, ${t.cells.toLocaleString("en-US")} cells`,
    );
  };
  for (let round = 0; round < 2; round++) {
    let heapBefore = process.memoryUsage().heapUsed;
    const alone = timed(() => withSaxes(xml));
    line("saxes alone", alone.cpuMs, process.memoryUsage().heapUsed - heapBefore, alone.value);
    heapBefore = process.memoryUsage().heapUsed;
    const reader = await timedAsync(() => withReader(zip));
    line("reader (inflate+saxes)", reader.cpuMs, process.memoryUsage().heapUsed - heapBefore, reader.value);
  }
  // Shared-string cells add nothing to the reader's sum (it has no string table here): compare counts.
  if (new Set(tallies.map((t) => t.split("/")[0])).size !== 1)
    throw new Error(`the walks disagree: ${tallies.join(", ")}`);
}
