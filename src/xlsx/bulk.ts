/**
 * Large tables without ExcelJS's per-cell objects. ExcelJS keeps every cell as an object
 * (about 4 KB of memory per formula cell here), which caps it near a few hundred thousand
 * formulas; a 5,000-unit scorecard has millions. For a big table the writer hands ExcelJS
 * only the first data row (so it allocates the column styles), then this module writes the
 * remaining rows straight into the sheet XML with the same styles, and widens the table.
 */
import JSZip from "jszip";
import { concatBytes, utf8Bytes } from "./bytes";
import { isFormula, type PlanValue } from "../workbook/plan";
import { columnLetters, formatAddress } from "./address";
import { sheetParts, xmlEscape } from "./charts";
import { XlsxPlanError } from "./errors";
import { toFileFormula } from "./formula";
import { StyleVariants } from "./bulkStyles";

/** Tables with more data rows than this are written in bulk. */
export const BULK_ROWS = 400;

/** Rows the writer left out of ExcelJS, to be written into the sheet XML afterwards. */
export interface DeferredRows {
  sheet: string;
  table: string;
  /** Sheet row and column of the table's first data row (the one ExcelJS wrote). */
  firstRow: number;
  firstColumn: number;
  /** Data rows after the first, in order. */
  rows: PlanValue[][];
  /** Each deferred cell's own number format (null: the first row's style), as `rows`. */
  formats?: (string | null)[][];
}

/** XML 1.0 refuses most control characters; drop them (tab, newline and return stay). */
function withoutControls(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 32 || code === 9 || code === 10 || code === 13) out += ch;
  }
  return out;
}

function cellXml(
  address: string,
  style: string | undefined,
  value: PlanValue,
  ctx: { sheet: string; table: string },
): string {
  const s = style ? ` s="${style}"` : "";
  if (value === null || value === undefined) return style ? `<c r="${address}"${s}/>` : "";
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new XlsxPlanError(`${value} cannot be stored in a cell`, ctx.sheet, address);
    return `<c r="${address}"${s}><v>${value}</v></c>`;
  }
  if (typeof value === "boolean") return `<c r="${address}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === "string") {
    const text = xmlEscape(withoutControls(value));
    return `<c r="${address}"${s} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
  }
  if (isFormula(value)) {
    const formula = toFileFormula(value.formula, { sheet: ctx.sheet, address, table: ctx.table });
    return `<c r="${address}"${s}><f>${xmlEscape(formula)}</f></c>`;
  }
  throw new XlsxPlanError(`unsupported value ${JSON.stringify(value)}`, ctx.sheet, address);
}

/** The style index ExcelJS gave each column of the first data row. */
function stylesOfRow(sheetXml: string, row: number): Map<string, string> {
  const start = sheetXml.indexOf(`<row r="${row}"`);
  const end = sheetXml.indexOf("</row>", start);
  const styles = new Map<string, string>();
  if (start < 0) return styles;
  for (const match of sheetXml.slice(start, end).matchAll(/<c r="([A-Z]+)\d+"(?: s="(\d+)")?/g)) {
    if (match[2]) styles.set(match[1], match[2]);
  }
  return styles;
}

const A1_REF = /(?<![A-Za-z0-9_.\]$])(\$?[A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])/g;

/**
 * A formula's shape independent of its row: relative row numbers become offsets from `row`.
 * Two cells of a column with the same shape can share one formula, as Excel itself writes them.
 */
export function formulaShape(formula: string, row: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(A1_REF, (all, col: string, abs: string, r: string) =>
            abs ? all : `${col}R[${Number(r) - row}]`,
          ),
    )
    .join("");
}

/** Per column, the last row of the run of equal shapes each row belongs to (0: not a formula). */
function sharedRuns(deferred: DeferredRows): Int32Array[] {
  const width = deferred.rows[0]?.length ?? 0;
  const runs = Array.from({ length: width }, () => new Int32Array(deferred.rows.length));
  for (let c = 0; c < width; c += 1) {
    let previous = "";
    let start = -1;
    const close = (end: number) => {
      for (let i = start; i >= 0 && i < end; i += 1) runs[c][i] = deferred.firstRow + end;
    };
    deferred.rows.forEach((row, i) => {
      const value = row[c];
      const shape = isFormula(value) ? formulaShape(value.formula, deferred.firstRow + 1 + i) : "";
      if (shape !== previous || shape === "") {
        close(i);
        start = shape === "" ? -1 : i;
        previous = shape;
      }
    });
    close(deferred.rows.length);
  }
  return runs;
}

/**
 * The deferred rows as XML, in buffers (a 5,000-unit grid is larger than a JS string may be).
 * Runs of same-shaped formulas down a column are written once as shared formulas.
 */
function rowsXml(
  deferred: DeferredRows,
  columnStyles: Map<string, string>,
  variants: StyleVariants | undefined,
  nextSharedIndex?: { si: number },
): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const letters = deferred.rows[0]?.map((_v, c) => columnLetters(deferred.firstColumn + c)) ?? [];
  // Without sharing every run ends at its own row, so every formula is written in full.
  const runs = nextSharedIndex
    ? sharedRuns(deferred)
    : deferred.rows[0].map(() => new Int32Array(deferred.rows.length));
  const counter = nextSharedIndex ?? { si: 0 };
  const sharedIndex = new Map<string, number>();
  let parts: string[] = [];
  const byFormats = new Map<string, Map<string, string>>();
  const stylesFor = (own: (string | null)[]): Map<string, string> => {
    const key = own.join("\u0001");
    let styles = byFormats.get(key);
    if (!styles) {
      styles = new Map(columnStyles);
      own.forEach((code, c) => {
        if (code) styles!.set(letters[c], variants!.variant(columnStyles.get(letters[c]), code));
      });
      byFormats.set(key, styles);
    }
    return styles;
  };
  deferred.rows.forEach((row, i) => {
    const r = deferred.firstRow + 1 + i;
    const own = deferred.formats?.[i];
    // A cell with its own number format takes the column's style with that format instead
    // (one style map per distinct row of formats: a log has two or three).
    const styles = own && variants ? stylesFor(own) : columnStyles;
    let cells = "";
    row.forEach((value, c) => {
      const address = `${letters[c]}${r}`;
      const runEnd = runs[c][i];
      if (!isFormula(value) || (runEnd <= r && !sharedIndex.has(`${c}:${runEnd}`))) {
        cells += cellXml(address, styles.get(letters[c]), value, deferred);
        return;
      }
      const s = styles.get(letters[c]) ? ` s="${styles.get(letters[c])}"` : "";
      const key = `${c}:${runEnd}`;
      const si = sharedIndex.get(key);
      if (si !== undefined) {
        cells += `<c r="${address}"${s}><f t="shared" si="${si}"/></c>`;
        return;
      }
      const index = counter.si++;
      sharedIndex.set(key, index);
      const formula = toFileFormula(value.formula, { sheet: deferred.sheet, address, table: deferred.table });
      cells += `<c r="${address}"${s}><f t="shared" ref="${address}:${letters[c]}${runEnd}" si="${index}">${xmlEscape(formula)}</f></c>`;
    });
    parts.push(`<row r="${r}">${cells}</row>`);
    if (parts.length === 2000) {
      chunks.push(utf8Bytes(parts.join("")));
      parts = [];
    }
  });
  chunks.push(utf8Bytes(parts.join("")));
  return chunks;
}

async function widenTable(zip: JSZip, table: string, lastRow: number): Promise<void> {
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p))) {
    const xml = await zip.file(path)!.async("string");
    if (!xml.includes(`name="${table}"`)) continue;
    const widen = (ref: string) => ref.replace(/^([A-Z]+\d+:[A-Z]+)\d+$/, `$1${lastRow}`);
    zip.file(
      path,
      xml
        .replace(/(<table\s[^>]*\sref=")([^"]+)"/, (_m, pre: string, ref: string) => `${pre}${widen(ref)}"`)
        .replace(/(<autoFilter ref=")([^"]+)"/, (_m, pre: string, ref: string) => `${pre}${widen(ref)}"`),
    );
    return;
  }
  throw new XlsxPlanError(`table part for ${table} not found`);
}

/**
 * Write deferred table rows into the sheet XML ExcelJS produced.
 * @example await writeDeferredRows(await JSZip.loadAsync(await wb.xlsx.writeBuffer()), deferred);
 */
export async function writeDeferredRows(zip: JSZip, deferred: DeferredRows[], shared = true): Promise<void> {
  if (deferred.length === 0) return;
  const parts = await sheetParts(zip);
  const sharedBySheet = new Map<string, { si: number }>();
  const variants = deferred.some((d) => d.formats) ? await StyleVariants.load(zip) : undefined;
  for (const d of deferred) {
    if (!sharedBySheet.has(d.sheet)) sharedBySheet.set(d.sheet, { si: 0 });
    const path = parts.get(d.sheet);
    if (!path) throw new XlsxPlanError("sheet part not found", d.sheet);
    const xml = await zip.file(path)!.async("string");
    const start = xml.indexOf(`<row r="${d.firstRow}"`);
    const end = xml.indexOf("</row>", start) + "</row>".length;
    if (start < 0) throw new XlsxPlanError(`first data row ${d.firstRow} of ${d.table} not found`, d.sheet);
    const lastRow = d.firstRow + d.rows.length;
    const lastColumn = d.firstColumn + (d.rows[0]?.length ?? 1) - 1;
    const dimension = `A1:${formatAddress({ row: lastRow, column: lastColumn })}`;
    const head = xml.slice(0, end).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${dimension}"/>`);
    const rows = rowsXml(
      d,
      stylesOfRow(xml, d.firstRow),
      variants,
      shared ? sharedBySheet.get(d.sheet)! : undefined,
    );
    zip.file(path, concatBytes([utf8Bytes(head), ...rows, utf8Bytes(xml.slice(end))]));
    await widenTable(zip, d.table, lastRow);
  }
  variants?.save(zip);
}
