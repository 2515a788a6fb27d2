/** src/xlsx: workbook plans to .xlsx files and scorecard workbooks back to the engine's model. */
export { writePlanToXlsx, buildExcelWorkbook } from "./write";
export { XlsxPlanError, XlsxReadError } from "./errors";
export { toFileFormula, functionsIn, BANNED_FUNCTIONS } from "./formula";
export { readScorecardXlsx, rawTables, loadWorkbook, type XlsxReadResult } from "./read";
export { reviewedFlags } from "./reviews";
