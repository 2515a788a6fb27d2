/**
 * Small .xlsx files written part by part, so a test can hold exactly the XML another program
 * writes (Excel's shared rich text, LibreOffice's inline strings, prefixed elements, references)
 * without going through ExcelJS, which would normalise it away.
 */
import JSZip from "jszip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface HandmadeSheet {
  name: string;
  /** The `<sheetData>` element's inner XML, as the writing program would put it. */
  sheetData: string;
  /** Table name and range (header row first), e.g. ["tblT", "A1:C3"]. */
  table?: [string, string, { totalsRowCount?: number; headerRowCount?: number; columns?: string[] }?];
  /** The prefix the sheet part's elements use ("x" writes <x:row>), as some .NET writers do. */
  prefix?: string;
}

/** A workbook of the given sheets, with an optional shared strings part (its `<si>` elements). */
export async function handmadeXlsx(sheets: HandmadeSheet[], sharedStrings?: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
  );
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const sheetTags = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rIdS${i + 1}"/>`);
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheetTags.join("")}</sheets></workbook>`,
  );
  const rels = sheets.map(
    (_s, i) =>
      `<Relationship Id="rIdS${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  if (sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rIdSST" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    zip.file("xl/sharedStrings.xml", `<sst xmlns="${MAIN}">${sharedStrings}</sst>`);
  }
  zip.file("xl/_rels/workbook.xml.rels", `<Relationships xmlns="${PKG}">${rels.join("")}</Relationships>`);
  sheets.forEach((s, i) => {
    const p = s.prefix ? `${s.prefix}:` : "";
    const ns = s.prefix ? `xmlns:${s.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
    zip.file(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8"?>\n<${p}worksheet ${ns} xmlns:r="${REL}"><${p}sheetData>${s.sheetData}</${p}sheetData>${s.table ? `<${p}tableParts count="1"><${p}tablePart r:id="rIdT"/></${p}tableParts>` : ""}</${p}worksheet>`,
    );
    if (!s.table) return;
    const [name, ref, options = {}] = s.table;
    zip.file(
      `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
      `<Relationships xmlns="${PKG}"><Relationship Id="rIdT" Type="${REL}/table" Target="../tables/table${i + 1}.xml"/></Relationships>`,
    );
    const columns = (options.columns ?? [])
      .map((c, k) => `<tableColumn id="${k + 1}" name="${c}"/>`)
      .join("");
    const attrs = [
      options.totalsRowCount ? ` totalsRowCount="${options.totalsRowCount}"` : "",
      options.headerRowCount !== undefined ? ` headerRowCount="${options.headerRowCount}"` : "",
    ].join("");
    zip.file(
      `xl/tables/table${i + 1}.xml`,
      `<table xmlns="${MAIN}" id="${i + 1}" name="${name}" displayName="${name}" ref="${ref}"${attrs}><tableColumns count="${options.columns?.length ?? 0}">${columns}</tableColumns></table>`,
    );
  });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
