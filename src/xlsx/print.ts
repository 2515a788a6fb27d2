/** A sheet's page setup (src/workbook/print.ts) in ExcelJS's terms. */
import type ExcelJS from "exceljs";
import type { PrintPlan } from "../workbook/plan";
import { parseRange } from "./address";

function headerFooter(parts: [string, string, string] | undefined): string | undefined {
  if (!parts) return undefined;
  const [left, centre, right] = parts;
  return `${left ? `&L${left}` : ""}${centre ? `&C${centre}` : ""}${right ? `&R${right}` : ""}`;
}

/** Apply orientation, fit, print area, repeated rows and columns, page breaks, header and footer. */
export function applyPrint(ws: ExcelJS.Worksheet, print: PrintPlan): void {
  if (print.area) parseRange(print.area, ws.name);
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: print.orientation,
    // Letter is what US program offices print on; Excel on A4 paper still fits the same width.
    paperSize: 1 as ExcelJS.PageSetup["paperSize"],
    ...(print.fitToWidth ? { fitToPage: true, fitToWidth: print.fitToWidth, fitToHeight: 0 } : {}),
    // ExcelJS puts "$" before each corner (A1 -> $A1); the row's "$" makes it $A$1.
    ...(print.area ? { printArea: print.area.replace(/([A-Z]+)(\d+)/g, "$1$$$2") } : {}),
    ...(print.titleRows ? { printTitlesRow: print.titleRows } : {}),
    ...(print.titleColumns ? { printTitlesColumn: print.titleColumns } : {}),
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  for (const row of print.breaksAfterRows ?? []) ws.getRow(row).addPageBreak();
  const oddHeader = headerFooter(print.header);
  const oddFooter = headerFooter(print.footer);
  ws.headerFooter = { ...(oddHeader ? { oddHeader } : {}), ...(oddFooter ? { oddFooter } : {}) };
}
