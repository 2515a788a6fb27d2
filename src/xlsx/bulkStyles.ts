/**
 * Number formats for rows written in bulk. Bulk rows copy the first data row's style per column;
 * a table whose cells carry their own format (the revision log's Old and New values: "#,##0" for
 * a whole number, "#,##0.0##" for a fraction) needs, per column, that style with another number
 * format. ExcelJS has written styles.xml by then, so the variants are appended to it here: a
 * <numFmt> for each new format code and a copy of the column's <xf> pointing at it.
 */
import JSZip from "jszip";
import { xmlEscape } from "./charts";
import { XlsxPlanError } from "./errors";

/** Excel's built-in codes that need no <numFmt> of their own. */
const BUILT_IN: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4 };

export class StyleVariants {
  private readonly added = new Map<string, string>();
  private extraXfs: string[] = [];
  private extraFmts: string[] = [];

  private constructor(
    private xml: string,
    private readonly xfs: string[],
    private readonly fmtIds: Map<string, number>,
    private nextFmtId: number,
  ) {}

  static async load(zip: JSZip): Promise<StyleVariants> {
    const xml = await zip.file("xl/styles.xml")?.async("string");
    if (!xml) throw new XlsxPlanError("xl/styles.xml not found");
    const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
    if (!cellXfs) throw new XlsxPlanError("xl/styles.xml has no cellXfs");
    const xfs = [...cellXfs[1].matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    const fmtIds = new Map(Object.entries(BUILT_IN));
    let next = 164;
    for (const m of xml.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)) {
      const code = m[2]
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">");
      fmtIds.set(code, Number(m[1]));
      next = Math.max(next, Number(m[1]) + 1);
    }
    return new StyleVariants(xml, xfs, fmtIds, next);
  }

  /** The style index of `base` (a cellXfs index, or none) with number format `code`. */
  variant(base: string | undefined, code: string): string {
    const key = `${base ?? ""}\u0000${code}`;
    const known = this.added.get(key);
    if (known !== undefined) return known;
    let fmtId = this.fmtIds.get(code);
    if (fmtId === undefined) {
      fmtId = this.nextFmtId++;
      this.fmtIds.set(code, fmtId);
      this.extraFmts.push(`<numFmt numFmtId="${fmtId}" formatCode="${xmlEscape(code)}"/>`);
    }
    const source =
      this.xfs[Number(base ?? 0)] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const xf = source
      .replace(/\snumFmtId="\d+"/, ` numFmtId="${fmtId}"`)
      .replace(/\sapplyNumberFormat="\d"/, "")
      .replace(/^<xf\b/, '<xf applyNumberFormat="1"');
    const index = String(this.xfs.length + this.extraXfs.length);
    this.extraXfs.push(xf);
    this.added.set(key, index);
    return index;
  }

  /** Write the new formats and styles into styles.xml, counts updated. */
  save(zip: JSZip): void {
    if (this.extraXfs.length === 0) return;
    let xml = this.xml;
    if (this.extraFmts.length > 0) {
      xml = /<numFmts\b/.test(xml)
        ? xml.replace(
            /<numFmts count="(\d+)">([\s\S]*?)<\/numFmts>/,
            (_m, n: string, body: string) =>
              `<numFmts count="${Number(n) + this.extraFmts.length}">${body}${this.extraFmts.join("")}</numFmts>`,
          )
        : xml.replace(
            /(<styleSheet\b[^>]*>)/,
            `$1<numFmts count="${this.extraFmts.length}">${this.extraFmts.join("")}</numFmts>`,
          );
    }
    xml = xml.replace(
      /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/,
      (_m, n: string, body: string) =>
        `<cellXfs count="${Number(n) + this.extraXfs.length}">${body}${this.extraXfs.join("")}</cellXfs>`,
    );
    this.xml = xml;
    zip.file("xl/styles.xml", xml);
  }
}
