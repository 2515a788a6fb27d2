/**
 * The port to Excel. Production passes `officeHost()` (the global Excel.run and
 * Office.context.requirements); tests, the browser preview and benchmarks pass the
 * in-memory Excel, which has the same shape. Nothing else in src/office touches globals.
 */

export interface RunOptions {
  /** ExcelApi 1.20: all syncs of this run become one entry on the user's undo stack. */
  mergeUndoGroup?: boolean;
}

export interface ExcelHost {
  run<T>(options: RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version?: string): boolean;
  /** Open .xlsx bytes (base64) as a new workbook window (ExcelApi 1.8); absent where it cannot. */
  createWorkbook?(base64: string): Promise<void>;
}

/** The real host inside Excel. Call after Office.onReady. */
export function officeHost(): ExcelHost {
  return {
    run: <T>(options: RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
      options.mergeUndoGroup ? Excel.run({ mergeUndoGroup: true }, batch) : Excel.run(batch),
    isSetSupported: (name: string, version?: string): boolean =>
      Office.context.requirements.isSetSupported(name, version),
    createWorkbook: (base64: string): Promise<void> => Excel.createWorkbook(base64),
  };
}
