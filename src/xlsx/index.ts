/** src/xlsx: workbook plans to .xlsx files and scorecard workbooks back to the engine's model. */
export { writePlanToXlsx, writePlanBytes, buildExcelWorkbook } from "./write";
export { XlsxPlanError, XlsxReadError } from "./errors";
export { toFileFormula, functionsIn, BANNED_FUNCTIONS } from "./formula";
export {
  readScorecardXlsx,
  readRawTables,
  readSheetCells,
  loadWorkbook,
  SCORECARD_TABLES,
  type XlsxReadResult,
} from "./read";
export type { XmlCell } from "./sheetXml";
export { reviewedFlags } from "./reviews";
