/** The program status table's columns (tblProgramStatus on the Dashboard). */

/** Program status columns, in order. */
export const PROGRAM_COLUMNS = [
  "Measure ID",
  "Measure",
  "Kind",
  "Direction",
  "Units",
  "Units reporting",
  "Period actual",
  "Period plan",
  "Variance",
  "Variance %",
  "Attainment",
  "YTD actual",
  "YTD plan",
  "YTD variance",
  "YTD variance %",
  "YTD attainment",
  "Last year",
  "Change",
  "Band attainment",
  "Status metric",
  "Status",
  "Forecast method",
  "Year-end forecast",
  "Forecast target",
  "Forecast label",
] as const;
export type ProgramColumn = (typeof PROGRAM_COLUMNS)[number];

/** Column letter of a program status column. */
export function programCol(name: ProgramColumn): string {
  return String.fromCharCode(65 + PROGRAM_COLUMNS.indexOf(name));
}
