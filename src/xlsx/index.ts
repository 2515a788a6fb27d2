/** src/xlsx: workbook plans to .xlsx files and scorecard workbooks back to the engine's model. */
export { writePlanToXlsx, buildExcelWorkbook } from "./write";
export { XlsxPlanError, XlsxReadError } from "./errors";
export { toFileFormula, functionsIn, BANNED_FUNCTIONS } from "./formula";
export { readScorecardXlsx, readRawTables, rawTables, loadWorkbook, type XlsxReadResult } from "./read";
export { readSheetCells, type XmlCell } from "./sheetXml";
export { reviewedFlags } from "./reviews";
