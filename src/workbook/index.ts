/** The workbook layer's public surface: layout names, the plan contract, the reader, templates, the demo and expectations. */
export * from "./plan";
export * from "./layout";
export { scorecardFromTables } from "./read";
export type { ReadResult, TablesInput, WorkbookSettings } from "./read";
export { toCell, type Cell } from "./cells";
export {
  buildWorkbookPlan,
  buildPlanFromInput,
  defaultAsOf,
  DATA_TABLE_MAX_ROWS,
  type BuildOptions,
} from "./buildPlan";
export { buildDemoData, type DemoData, type PlantedPattern } from "./demo";
export { formulaExpectations, scorecardOf, type Expectation } from "./expectations";
export { rawTablesFromPlan } from "./rawTables";
export { readRevisions, loggedCells, type RevisionRead } from "./readRevisions";
export {
  recordGridWrite,
  recordDetectedEdits,
  logInstant,
  type GridWrite,
  type RecordContext,
} from "./recording";
export { gridRows, type GridRow, type WorkbookInput, type ProgramTarget } from "./input";
export { STATUS_LABELS } from "./gridFormulas";
export { TEMPLATES, TEMPLATE_IDS, getTemplate } from "./templates";
export type { TemplateDef, TemplateId, TemplateMeasure } from "./templates";
