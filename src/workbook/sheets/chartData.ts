/**
 * The charts' series, on a hidden sheet: each Dashboard month copied as a number, or #N/A
 * when the month has no roll-up yet. Excel and LibreOffice plot text ("") as zero on a line
 * chart, so a year's unreported months would drop the Actual line to 0; #N/A is a gap.
 */
import { fiscalMonthLabels, SHEETS } from "../layout";
import type { ChartPlan, PlanRange, PlanValue, SheetPlan } from "../plan";
import type { BlockRows } from "../programFormulas";
import type { TemplateMeasure } from "../templates/types";
import { emptySheet, fx, heading, sheetRef } from "./common";
import { programCol } from "./programColumns";

const HEADER_ROW = 4;

/** A 12-month Dashboard row reference such as "$C$21:$N$21" -> its first row number. */
function rowOf(rowRef: string): number {
  return Number(/^\$C\$(\d+):\$N\$\d+$/.exec(rowRef)![1]);
}

/**
 * The hidden sheet and one line chart per measure (milestone, actual, last year) reading it.
 * @example chartDataSheet(measures, layout.block, 12, 7).charts.length === measures.length
 */
export function chartDataSheet(
  measures: TemplateMeasure[],
  block: Map<string, BlockRows>,
  fyStartMonth: number,
  programRow: Map<string, number> = new Map(),
): { sheet: SheetPlan; charts: Omit<ChartPlan, "anchor">[] } {
  const sheet = emptySheet(
    SHEETS.chartData,
    "Hidden: the Dashboard charts' series, with #N/A for months not reported yet so the lines show gaps, not zeros.",
  );
  sheet.hidden = true;
  const labels = fiscalMonthLabels(fyStartMonth);
  const rows: PlanValue[][] = [["Measure ID", "Series", ...labels]];
  const charts: Omit<ChartPlan, "anchor">[] = [];
  const own = (r: number) => `${sheetRef(SHEETS.chartData)}!$C$${r}:$N$${r}`;
  const categories = `${sheetRef(SHEETS.chartData)}!$C$${HEADER_ROW}:$N$${HEADER_ROW}`;
  for (const m of measures) {
    const b = block.get(m.id)!;
    const lines: [string, string][] = [
      ["Milestone", b.milestone],
      ["Actual", b.actual],
      ...(b.prior.length ? ([["Last year", b.prior[0].actual]] as [string, string][]) : []),
    ];
    const series = lines.map(([name, rowRef]) => {
      const source = rowOf(rowRef);
      rows.push([
        m.id,
        name,
        ...labels.map((_, j) => {
          const cell = `${sheetRef(SHEETS.dashboard)}!${String.fromCharCode(67 + j)}${source}`;
          return fx(`IF(ISNUMBER(${cell}),${cell},NA())`);
        }),
      ]);
      const values = own(HEADER_ROW + rows.length - 1);
      // The actuals as columns: a month not reported yet is no column in Excel and LibreOffice
      // alike, where a line would drop to 0 in LibreOffice (it plots #N/A as zero).
      return name === "Actual"
        ? { name, categories, values, as: "column" as const }
        : { name, categories, values };
    });
    charts.push({ title: `${m.name}: milestone vs actual vs last year`, kind: "line", series });
  }
  const program = programChart(measures, programRow, HEADER_ROW + rows.length + 2);
  if (program) {
    charts.unshift(program.chart);
    sheet.ranges.push(program.range);
  }
  sheet.ranges.push(
    ...heading(
      "Chart data",
      "Formulas over the Dashboard; #N/A marks a month with no roll-up (a gap in the chart).",
    ),
    { topLeft: `A${HEADER_ROW}`, values: rows, numberFormat: "#,##0.0#" },
  );
  sheet.columnWidths = { A: 16, B: 12 };
  return { sheet, charts };
}

/**
 * The program chart: each measure's year-to-date attainment (100% is on plan, above is better
 * whatever the measure's direction) as a column, read from tblProgramStatus. A measure with no
 * attainment yet (a gap in its year, a band measure) is #N/A: no column.
 */
function programChart(
  measures: TemplateMeasure[],
  programRow: Map<string, number>,
  top: number,
): { chart: Omit<ChartPlan, "anchor">; range: PlanRange } | undefined {
  if (measures.length === 0 || measures.some((m) => !programRow.has(m.id))) return undefined;
  const first = top + 1;
  const last = first + measures.length - 1;
  const values: PlanValue[][] = [["Measure", "YTD attainment"]];
  for (const m of measures) {
    const cell = `${sheetRef(SHEETS.dashboard)}!$${programCol("YTD attainment")}$${programRow.get(m.id)!}`;
    values.push([m.name, fx(`IF(ISNUMBER(${cell}),${cell},NA())`)]);
  }
  const at = (col: string) => `${sheetRef(SHEETS.chartData)}!$${col}$${first}:$${col}$${last}`;
  return {
    chart: {
      title: "Program: year-to-date attainment by measure (100% = on plan)",
      kind: "columnClustered",
      series: [{ name: "YTD attainment", categories: at("A"), values: at("B") }],
      valueFormat: "0%",
    },
    range: {
      topLeft: `A${top}`,
      values,
      numberFormat: values.map((_, i) => (i === 0 ? ["General", "General"] : ["General", "0%"])),
    },
  };
}
