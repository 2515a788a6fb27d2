/** Structured references (tblX[Col], [@Col]) rewritten as A1 ranges, since HyperFormula has no tables. */
import { boxAddress, colLetters, overlaps, quoteSheet } from "./a1";
import { type Cell, formulaOf } from "./cells";
import type { HostSheet, HostTable } from "./model";

export interface TableLookup {
  tables: HostTable[];
  findTable(name: string): HostTable | undefined;
  cell(sheet: HostSheet, row: number, col: number): Cell | undefined;
}

/**
 * Structured references become A1 ranges for HyperFormula: tblX[Col], tblX[@Col],
 * tblX[[#This Row],[Col]] and, inside a table, [@Col].
 */
export function toEngineFormula(
  formula: string,
  book: TableLookup,
  at?: { sheet: HostSheet; row: number; col: number },
): string {
  const column = (t: HostTable, name: string): number | undefined => {
    for (let c = t.box.col0; c <= t.box.col1; c++) {
      if (String(formulaOf(book.cell(t.sheet, t.box.row0, c))).toLowerCase() === name.trim().toLowerCase())
        return c;
    }
    return undefined;
  };
  const thisRow = (t: HostTable | undefined, name: string, whole: string): string => {
    const c = t ? column(t, name) : undefined;
    if (!t || c === undefined || !at) return whole;
    return `${quoteSheet(t.sheet.name)}!${boxAddress({ row0: at.row, col0: c, row1: at.row, col1: c })}`;
  };
  const containing =
    at &&
    book.tables.find(
      (t) =>
        t.sheet === at.sheet && overlaps(t.box, { row0: at.row, col0: at.col, row1: at.row, col1: at.col }),
    );
  // HyperFormula reads 1e+300 but not Excel's 1E+300; change it outside string literals.
  const literals = formula
    .split('"')
    .map((part, i) => (i % 2 === 0 ? part.replace(/(\d)E([+-]?\d)/g, "$1e$2") : part))
    .join('"');
  return literals
    .replace(/([A-Za-z_][\w.]*)\[\[#This Row\],\s*\[([^[\]]+)\]\]/gi, (w, tn: string, cn: string) =>
      thisRow(book.findTable(tn), cn, w),
    )
    .replace(/([A-Za-z_][\w.]*)\[@\[?([^[\]]+)\]?\]/g, (w, tn: string, cn: string) =>
      thisRow(book.findTable(tn), cn, w),
    )
    .replace(
      /(^|[^\w\]])\[@\[?([^[\]]+)\]?\]/g,
      (w, pre: string, cn: string) => pre + thisRow(containing, cn, w.slice(pre.length)),
    )
    .replace(/([A-Za-z_][\w.]*)\[([^[\]@#]+)\]/g, (w, tn: string, cn: string) => {
      const t = book.findTable(tn);
      const c = t ? column(t, cn) : undefined;
      if (!t || c === undefined) return w;
      const a = `$${colLetters(c)}$${t.box.row0 + 2}:$${colLetters(c)}$${t.box.row1 + 1}`;
      return `${quoteSheet(t.sheet.name)}!${a}`;
    });
}
