/**
 * A faithful in-memory Excel for the task pane's browser preview, tests and benchmarks:
 * the subset of the Excel JavaScript API that Yardstick uses, with Excel's proxy semantics
 * (queued writes, load before read, errors at sync), Excel's parsing of strings, its errors
 * (PropertyNotLoaded, InvalidArgument, ItemNotFound, ApiNotFound, payload limits), counters
 * of syncs and request bytes, and formulas computed by HyperFormula. Browser-safe: no node APIs.
 *
 * Example:
 *   const excel = createMemoryExcel({ apiVersion: "1.8" });
 *   await excel.run(async (context) => { context.workbook.worksheets.add("Plan"); await context.sync(); });
 */
import { MemoryRequestContext, type SyncStats, versionNumber } from "./base";
import { type HostSnapshot, HostWorkbook } from "./host";
import { MemoryWorkbook } from "./sheets";

export { MemoryExcelError } from "./errors";
export type { MemoryRequestContext, SyncStats } from "./base";
export type { HostWorkbook } from "./host";

export interface MemoryExcelOptions {
  /** Highest ExcelApi requirement set the host supports, e.g. "1.8", "1.13", "1.20". */
  apiVersion?: string;
  /** Excel on the web refuses requests and responses above 5 MB. */
  requestLimitBytes?: number;
  responseLimitBytes?: number;
  /** Compute formulas with HyperFormula (default true); off makes big benchmarks fast. */
  evaluateFormulas?: boolean;
  /** Sheets the workbook starts with (Excel always has one). */
  sheets?: string[];
}

export type MemoryContext = MemoryRequestContext & { workbook: MemoryWorkbook };

export interface MemoryExcel {
  host: HostWorkbook;
  stats: SyncStats;
  /** Undo groups opened with mergeUndoGroup (counted only where ExcelApi 1.20 is supported). */
  undoGroups: number;
  /** Ctrl+Z on a whole undo group (ExcelApi 1.20): the workbook as it was before the last merged run. */
  undo(): void;
  run<T>(batch: (context: MemoryContext) => Promise<T>): Promise<T>;
  run<T>(options: { mergeUndoGroup?: boolean }, batch: (context: MemoryContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version?: string): boolean;
  resetStats(): void;
}

const FIVE_MB = 5 * 1024 * 1024;

export function createMemoryExcel(options: MemoryExcelOptions = {}): MemoryExcel {
  const apiVersion = versionNumber(options.apiVersion ?? "1.20");
  const host = new HostWorkbook(options.evaluateFormulas ?? true);
  for (const name of options.sheets ?? ["Sheet1"]) host.addSheet(name);
  const stats: SyncStats = { syncs: 0, requestBytes: [], responseBytes: [] };
  const undoStack: HostSnapshot[] = [];
  const excel: MemoryExcel = {
    host,
    stats,
    undoGroups: 0,
    async run<T>(a: unknown, b?: unknown): Promise<T> {
      const batch = (typeof a === "function" ? a : b) as (context: MemoryContext) => Promise<T>;
      const runOptions = (typeof a === "function" ? {} : a) as { mergeUndoGroup?: boolean };
      if (runOptions.mergeUndoGroup && apiVersion >= versionNumber("1.20")) {
        excel.undoGroups += 1;
        undoStack.push(host.snapshot());
      }
      const context = new MemoryRequestContext(host, stats, {
        apiVersion,
        requestLimitBytes: options.requestLimitBytes ?? FIVE_MB,
        responseLimitBytes: options.responseLimitBytes ?? FIVE_MB,
      }) as MemoryContext;
      Object.defineProperty(context, "workbook", { value: new MemoryWorkbook(context) });
      return batch(context);
    },
    undo(): void {
      const last = undoStack.pop();
      if (!last) throw new Error("Nothing to undo: no merged undo group has run.");
      host.restore(last);
    },
    isSetSupported(name: string, version = "1.1"): boolean {
      return name === "ExcelApi" && versionNumber(version) <= apiVersion;
    },
    resetStats(): void {
      stats.syncs = 0;
      stats.requestBytes = [];
      stats.responseBytes = [];
    },
  };
  return excel;
}
