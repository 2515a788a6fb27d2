/** The Office adapter's public surface (the only code that calls Excel.run). */
export { OfficeAdapter, NotYardstickTableError, PartialWriteError } from "./adapter";
export type { AdapterOptions, EditedCells, NeedsConfirmation, UndoKind, WriteOutcome } from "./adapter";
export { officeHost } from "./host";
export type { ExcelHost, RunOptions } from "./host";
export { detectSupport, MINIMUM_EXCEL_API, UnsupportedHostError } from "./support";
export type { HostSupport } from "./support";
export { migrateState, STATE_KEY, STATE_VERSION, StateVersionError } from "./state";
export type { YardstickState } from "./state";
export { cellInput, isPlainText } from "./text";
export { DEFAULT_BUDGET_BYTES } from "./payload";
export type { ResultsInput } from "./merge";
export { ResultsShapeError } from "./merge";
export type { CellChange } from "./revert";
