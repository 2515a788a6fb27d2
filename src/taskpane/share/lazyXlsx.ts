/**
 * The pane's one way into src/xlsx: a lazy import(), its own webpack chunk (ExcelJS, JSZip and
 * the streaming reader), fetched the first time a manager sends copies, collects returns or
 * inserts into a new workbook, so the pane's first load stays small. The layering rule allows
 * this only from src/taskpane/share/.
 */
import type { WorkbookPlan } from "../../workbook/plan";

export type XlsxModule = typeof import("../../xlsx/browser");

let loading: Promise<XlsxModule> | undefined;

/** The writer and reader, loaded once. */
export function loadXlsx(): Promise<XlsxModule> {
  loading ??= import(/* webpackChunkName: "xlsx" */ "../../xlsx/browser").catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** A workbook plan as an .xlsx file in base64, as Excel.createWorkbook takes it. */
export async function planBase64(plan: WorkbookPlan): Promise<string> {
  const xlsx = await loadXlsx();
  return xlsx.toBase64(await xlsx.writePlanBytes(plan));
}
