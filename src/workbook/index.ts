/** The workbook layer's public surface: layout names, the plan contract and the table reader. */
export * from "./plan";
export * from "./layout";
export { scorecardFromTables } from "./read";
export type { ReadResult, TablesInput, WorkbookSettings } from "./read";
export { toCell, type Cell } from "./cells";
