/**
 * The xlsx reader's XML tokenizer (src/xlsx/xmlScan.ts, hand-written) against the well-kept
 * `saxes` parser (ExcelJS's own, already installed) on the same sheet XML: ~40 MB of a grid
 * sheet shaped like the bench workbook's Monthly sheet (72 columns: shared strings, numbers,
 * shared formulas). Both walks keep the same thing (cell count and the sum of `<v>` numbers,
 * checked equal) so only the tokenizing differs. Prints CPU time, MB/s and the heap growth.
 */
import { SaxesParser } from "saxes";
import { columnLetter } from "../src/engine/a1";
import { attribute, scanXml, type XmlHandler } from "../src/xlsx/xmlScan";
import { mb, mulberry32, ref, timed } from "./reference";

export const title = "xml: the xlsx reader's tokenizer vs saxes on 40 MB of sheet XML";

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

function withXmlScan(xml: string): Tally {
  const tally = { cells: 0, sum: 0 };
  let value = "";
  const handler: XmlHandler = {
    wantText: false,
    open(name, attrs) {
      if (name === "c") {
        tally.cells++;
        attribute(attrs, "r");
        attribute(attrs, "t");
      } else if (name === "v") {
        handler.wantText = true;
        value = "";
      }
    },
    close(name) {
      if (name !== "v") return;
      handler.wantText = false;
      tally.sum += Number(value);
    },
    text(text) {
      value += text;
    },
  };
  scanXml(xml, handler);
  return tally;
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

export function run(): void {
  const xml = sheetXml();
  const megabytes = xml.length / 1e6;
  console.log(`sheet XML: ${megabytes.toFixed(0)} MB`);
  const tallies: string[] = [];
  for (let round = 0; round < 2; round++) {
    for (const [name, walk] of [
      ["xmlScan", withXmlScan],
      ["saxes", withSaxes],
    ] as const) {
      const heapBefore = process.memoryUsage().heapUsed;
      const t = timed(() => walk(xml));
      const heap = Math.max(0, process.memoryUsage().heapUsed - heapBefore);
      tallies.push(`${t.value.cells}/${t.value.sum}`);
      console.log(
        `${name.padEnd(8)} ${ref(t.cpuMs)}, ${(megabytes / (t.cpuMs / 1000)).toFixed(1)} MB/s, heap +${mb(heap)}, ${t.value.cells.toLocaleString("en-US")} cells`,
      );
    }
  }
  if (new Set(tallies).size !== 1) throw new Error(`the two walks disagree: ${tallies.join(", ")}`);
}
