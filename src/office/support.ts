/**
 * Feature detection with isSetSupported. Yardstick needs ExcelApi 1.8 (data validation,
 * suspendApiCalculationUntilNextSync; tables 1.1, settings and names.add 1.4, conditional
 * formats 1.6, chart series 1.7 come with it). Newer sets are used when present.
 */
import type { ExcelHost } from "./host";

export const MINIMUM_EXCEL_API = "1.8";

export interface HostSupport {
  ok: boolean;
  /** Shown to the user when `ok` is false: what is missing and what to do. */
  message?: string;
  /** ExcelApi 1.13: Table.resize, so results tables change size in place. */
  tableResize: boolean;
  /** ExcelApi 1.20: mergeUndoGroup, so one Ctrl+Z undoes a whole Yardstick operation. */
  undoGroups: boolean;
  /** ExcelApi 1.9: worksheet.pageLayout, so a built workbook prints as the file writer's does. */
  pageLayout: boolean;
}

/** What the host supports. Example: `detectSupport(officeHost()).ok`. */
export function detectSupport(host: ExcelHost): HostSupport {
  const has = (v: string): boolean => host.isSetSupported("ExcelApi", v);
  const ok = has(MINIMUM_EXCEL_API);
  return {
    ok,
    message: ok
      ? undefined
      : `Yardstick needs Excel JavaScript API ${MINIMUM_EXCEL_API} or later (Excel 2019, Microsoft 365 or Excel on the web). ` +
        "This Excel is older: update Office, or open the workbook in Excel on the web. The workbook's formulas still work without the add-in.",
    tableResize: has("1.13"),
    undoGroups: has("1.20"),
    pageLayout: has("1.9"),
  };
}

export class UnsupportedHostError extends Error {
  override readonly name = "UnsupportedHostError";
}
