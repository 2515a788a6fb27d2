/**
 * A workbook plan as a list of sized Office.js operations, in the order Excel needs them:
 * sheet, formats before values, table over its header before its body (so structured
 * references resolve), formats, validations, charts, names. Big 2-D writes are sliced.
 */
import type {
  ChartPlan,
  ConditionalFormatPlan,
  PlanRange,
  PlanTable,
  PlanValidation,
  PlanValue,
  PrintPlan,
  SheetPlan,
  StatusColor,
  WorkbookPlan,
} from "../workbook/plan";
import { type Block, blockAddress, blockAt, splitReference } from "./addresses";
import { filledDownFormula } from "./fillDown";
import { printTable } from "./hash";
import { type QueuedOp, jsonBytes, op, sliceRows } from "./payload";
import type { WrittenTable } from "./state";
import { tableKeys } from "../workbook/tableKeys";
import { cellInput, type CellInput } from "./text";

export const COLORS: Record<StatusColor, string> = {
  good: "#C6EFCE",
  warn: "#FFEB9C",
  bad: "#FFC7CE",
  neutral: "#D9D9D9",
};
const POINTS_PER_CHAR = 5.6;

const sheetOf = (context: Excel.RequestContext, name: string): Excel.Worksheet =>
  context.workbook.worksheets.getItem(name);

/** Write a 2-D array (already converted to inputs) in row slices below the budget. */
function writeGrid(
  sheet: string,
  topLeft: string,
  grid: unknown[][],
  property: "formulas" | "numberFormat",
  sliceBytes: number,
): QueuedOp[] {
  if (grid.length === 0 || grid[0].length === 0) return [];
  const start = blockAt(topLeft, grid.length, grid[0].length);
  return sliceRows(grid, sliceBytes).map((slice) =>
    op(jsonBytes(slice.rows), (context) => {
      const block = { ...start, row: start.row + slice.offset, rows: slice.rows.length };
      const range = sheetOf(context, sheet).getRange(blockAddress(block));
      if (property === "formulas") range.formulas = slice.rows as CellInput[][];
      else range.numberFormat = slice.rows as string[][];
    }),
  );
}

function formatGrid(values: PlanValue[][], numberFormat: PlanRange["numberFormat"]): string[][] | undefined {
  if (numberFormat === undefined) return undefined;
  return values.map((row, r) =>
    row.map((_, c) =>
      typeof numberFormat === "string" ? numberFormat : (numberFormat[r]?.[c] ?? "General"),
    ),
  );
}

function rangeOps(sheet: string, range: PlanRange, sliceBytes: number): QueuedOp[] {
  const formats = formatGrid(range.values, range.numberFormat);
  const inputs = range.values.map((row, r) => row.map((v, c) => cellInput(v, formats?.[r][c] === "@")));
  const ops = [
    ...(formats ? writeGrid(sheet, range.topLeft, formats, "numberFormat", sliceBytes) : []),
    ...writeGrid(sheet, range.topLeft, inputs, "formulas", sliceBytes),
  ];
  const width = range.values[0]?.length ?? 0;
  if ((range.bold || range.fontSize || range.wrap) && width > 0) {
    ops.push(
      op(64, (context) => {
        const r = sheetOf(context, sheet).getRange(
          blockAddress(blockAt(range.topLeft, range.values.length, width)),
        );
        if (range.bold) r.format.font.bold = true;
        if (range.fontSize) r.format.font.size = range.fontSize;
        if (range.wrap) r.format.wrapText = true;
      }),
    );
  }
  return ops;
}

function validationOp(sheet: string, address: string, v: PlanValidation): QueuedOp {
  return op(jsonBytes(v), (context) => {
    const dv = sheetOf(context, sheet).getRange(address).dataValidation;
    const rule = v.rule;
    if (rule.type === "list") dv.rule = { list: { inCellDropDown: true, source: rule.values.join(",") } };
    else {
      const bounds: Excel.BasicDataValidation =
        rule.min !== undefined && rule.max !== undefined
          ? { formula1: rule.min, formula2: rule.max, operator: "Between" }
          : rule.min !== undefined
            ? { formula1: rule.min, operator: "GreaterThanOrEqualTo" }
            : { formula1: rule.max ?? 0, operator: "LessThanOrEqualTo" };
      dv.rule = rule.type === "whole" ? { wholeNumber: bounds } : { decimal: bounds };
    }
    dv.ignoreBlanks = v.allowBlank;
    dv.errorAlert = { message: v.errorMessage, showAlert: true, style: "Stop", title: "Yardstick" };
    if (v.prompt) dv.prompt = { message: v.prompt, showPrompt: true, title: "Yardstick" };
  });
}

/** Set one value on a whole block: Excel fills it (formulas with relative references adjusted). */
function fillOp(sheet: string, block: Block, property: "formulas" | "numberFormat", value: string): QueuedOp {
  return op(jsonBytes(value), (context) => {
    const range = sheetOf(context, sheet).getRange(blockAddress(block));
    // Typed as 2-D arrays, but Excel accepts one value for the whole range.
    if (property === "formulas") range.formulas = value as unknown as string[][];
    else range.numberFormat = value as unknown as string[][];
  });
}

/** Runs of consecutive column indexes. */
function columnRuns(columns: number[]): number[][] {
  const out: number[][] = [];
  for (const c of columns) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1] === c - 1) last.push(c);
    else out.push([c]);
  }
  return out;
}

/** A table body: one fill per number format and per filled-down formula column, arrays for the rest. */
function bodyOps(sheet: string, body: Block, table: PlanTable, sliceBytes: number): QueuedOp[] {
  const ops: QueuedOp[] = [];
  const column = (c: number): Block => ({ ...body, column: body.column + c, columns: 1 });
  table.columns.forEach((col, c) => {
    if (col.numberFormat) ops.push(fillOp(sheet, column(c), "numberFormat", col.numberFormat));
  });
  if (table.columns.some((col) => col.wrap)) {
    // As the file writer does: wrapped columns grow their rows, every cell aligned to the top.
    ops.push(
      op(64, (context) => {
        sheetOf(context, sheet).getRange(blockAddress(body)).format.verticalAlignment = "Top";
        table.columns.forEach((col, c) => {
          if (col.wrap) sheetOf(context, sheet).getRange(blockAddress(column(c))).format.wrapText = true;
        });
      }),
    );
  }
  const filled = table.columns.map((_, c) => filledDownFormula(table.rows.map((row) => row[c])));
  filled.forEach((formula, c) => {
    if (formula !== undefined) ops.push(fillOp(sheet, column(c), "formulas", formula));
  });
  const plain = table.columns.map((_, c) => c).filter((c) => filled[c] === undefined);
  for (const run of columnRuns(plain)) {
    const grid = table.rows.map((row) =>
      run.map((c) => cellInput(row[c] ?? null, table.columns[c].numberFormat === "@")),
    );
    ops.push(
      ...writeGrid(
        sheet,
        blockAddress({ ...body, column: body.column + run[0], columns: 1, rows: 1 }).split(":")[0],
        grid,
        "formulas",
        sliceBytes,
      ),
    );
  }
  if (table.cellFormats) {
    // Only the columns where some row has its own format, one grid per run of them.
    const own = table.columns.map((_, c) => c).filter((c) => table.cellFormats!.some((row) => row[c]));
    for (const run of columnRuns(own)) {
      const grid = table.rows.map((_, r) =>
        run.map((c) => table.cellFormats![r]?.[c] ?? table.columns[c].numberFormat ?? "General"),
      );
      const at = blockAddress({ ...body, column: body.column + run[0], columns: 1, rows: 1 }).split(":")[0];
      ops.push(...writeGrid(sheet, at, grid, "numberFormat", sliceBytes));
    }
  }
  return ops;
}

/** Tables are added over header + body before the body is written, so [@Column] formulas resolve. */
function tableOps(
  sheet: string,
  table: PlanTable,
  sliceBytes: number,
): { ops: QueuedOp[]; written?: WrittenTable } {
  const headers = table.columns.map((c) => c.header);
  const bodyRows = Math.max(table.rows.length, 1);
  const whole = blockAt(table.topLeft, bodyRows + 1, headers.length);
  const body = { ...whole, row: whole.row + 1, rows: bodyRows };
  const ops: QueuedOp[] = [
    ...writeGrid(sheet, table.topLeft, [headers.map((h) => cellInput(h))], "formulas", sliceBytes),
    op(jsonBytes(table.name) + 64, (context) => {
      const t = sheetOf(context, sheet).tables.add(blockAddress(whole), true);
      t.name = table.name;
      if (table.style) t.style = table.style;
      if (table.showTotals) t.showTotals = true;
    }),
  ];
  if (table.rows.length > 0) ops.push(...bodyOps(sheet, body, table, sliceBytes));
  table.columns.forEach((col, c) => {
    const column = { ...body, column: body.column + c, columns: 1 };
    if (col.validation) ops.push(validationOp(sheet, blockAddress(column), col.validation));
    if (col.width)
      ops.push(
        op(
          32,
          (context) =>
            (sheetOf(context, sheet).getRange(
              blockAddress({ ...column, row: whole.row, rows: 1 }),
            ).format.columnWidth = col.width! * POINTS_PER_CHAR),
        ),
      );
  });
  const owned = table.columns.filter((c) => c.owner === "yardstick").map((c) => c.header);
  const written = owned.length
    ? {
        sheet,
        ownedHeaders: owned,
        print: printTable(tableKeys(table.name, headers), owned, headers, table.rows),
      }
    : undefined;
  return { ops, written };
}

function topLeftOf(range: string): string {
  return splitReference(range).local.split(":")[0];
}

function conditionalFormatOp(sheet: string, cf: ConditionalFormatPlan): QueuedOp {
  return op(jsonBytes(cf), (context) => {
    const formats = sheetOf(context, sheet).getRange(splitReference(cf.range).local).conditionalFormats;
    if (cf.type === "textEquals" || cf.type === "expression") {
      const formula =
        cf.type === "expression" ? cf.formula : `=${topLeftOf(cf.range)}="${cf.text.replace(/"/g, '""')}"`;
      const custom = formats.add("Custom").custom;
      custom.rule.formula = formula;
      custom.format.fill.color = COLORS[cf.color];
    } else if (cf.type === "dataBar") {
      formats.add("DataBar").dataBar.positiveFormat.fillColor = COLORS[cf.color];
    } else {
      const icons = formats.add("IconSet").iconSet;
      icons.style = {
        "3TrafficLights1": "ThreeTrafficLights1",
        "3Arrows": "ThreeArrows",
        "3Symbols": "ThreeSymbols",
      }[cf.icons] as Excel.IconSet;
      icons.criteria = [
        {} as Excel.ConditionalIconCriterion,
        {
          type: "Number",
          operator: "GreaterThanOrEqual",
          formula: `=${cf.thresholds[0]}`,
        } as Excel.ConditionalIconCriterion,
        {
          type: "Number",
          operator: "GreaterThanOrEqual",
          formula: `=${cf.thresholds[1]}`,
        } as Excel.ConditionalIconCriterion,
      ];
    }
  });
}

function chartOp(sheet: string, chart: ChartPlan): QueuedOp {
  return op(jsonBytes(chart), (context) => {
    const rangeOf = (reference: string): Excel.Range => {
      const { sheet: named, local } = splitReference(reference);
      return sheetOf(context, named ?? sheet).getRange(local);
    };
    const [first, ...rest] = chart.series;
    if (!first) return;
    const byRows = /^[A-Z]+(\d+):[A-Z]+\1$/.test(splitReference(first.values).local);
    const type: "Line" | "ColumnClustered" = chart.kind === "line" ? "Line" : "ColumnClustered";
    const c = sheetOf(context, sheet).charts.add(type, rangeOf(first.values), byRows ? "Rows" : "Columns");
    c.title.text = chart.title;
    // As the file writer does: category labels below the plot, not on a zero line mid-chart.
    c.axes.categoryAxis.tickLabelPosition = "Low";
    if (chart.valueFormat) c.axes.valueAxis.numberFormat = chart.valueFormat;
    const [start, end] = chart.anchor.split(":");
    c.setPosition(start, end);
    const s0 = c.series.getItemAt(0);
    s0.name = first.name;
    s0.setXAxisValues(rangeOf(first.categories));
    if (first.as === "column" && chart.kind === "line") s0.chartType = "ColumnClustered";
    for (const s of rest) {
      const series = c.series.add(s.name);
      series.setValues(rangeOf(s.values));
      series.setXAxisValues(rangeOf(s.categories));
      if (s.as === "column" && chart.kind === "line") series.chartType = "ColumnClustered";
    }
  });
}

/** Points per inch: page margins are in inches in the plan's file writer, points in Office.js. */
const POINTS_PER_INCH = 72;

/** "1:3" -> "$1:$3"; "A:C" -> "$A:$C". */
const absoluteSpan = (span: string): string => span.replace(/([A-Z]+|\d+)/g, "$$$1");

/**
 * A sheet's page setup through worksheet.pageLayout (ExcelApi 1.9), as src/xlsx/print.ts writes
 * it into a file: orientation, Letter paper, one page wide, print area, repeated titles, margins,
 * header and footer (Excel's own codes: &P page, &N pages), page breaks.
 */
function printOp(name: string, print: PrintPlan): QueuedOp {
  return op(256, (context) => {
    const sheet = sheetOf(context, name);
    const layout = sheet.pageLayout;
    layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = "Letter";
    // Only the width: "fit all columns on one page", pages run down as long as needed.
    if (print.fitToWidth) layout.zoom = { horizontalFitToPages: print.fitToWidth };
    if (print.area) layout.setPrintArea(print.area);
    if (print.titleRows) layout.setPrintTitleRows(absoluteSpan(print.titleRows));
    if (print.titleColumns) layout.setPrintTitleColumns(absoluteSpan(print.titleColumns));
    layout.leftMargin = 0.4 * POINTS_PER_INCH;
    layout.rightMargin = 0.4 * POINTS_PER_INCH;
    layout.topMargin = 0.6 * POINTS_PER_INCH;
    layout.bottomMargin = 0.6 * POINTS_PER_INCH;
    layout.headerMargin = 0.3 * POINTS_PER_INCH;
    layout.footerMargin = 0.3 * POINTS_PER_INCH;
    const pages = layout.headersFooters.defaultForAllPages;
    if (print.header) [pages.leftHeader, pages.centerHeader, pages.rightHeader] = print.header;
    if (print.footer) [pages.leftFooter, pages.centerFooter, pages.rightFooter] = print.footer;
    for (const row of print.breaksAfterRows ?? []) sheet.horizontalPageBreaks.add(`A${row + 1}`);
  });
}

function sheetOps(
  sheet: SheetPlan,
  sliceBytes: number,
  written: Record<string, WrittenTable>,
  pageLayout: boolean,
): QueuedOp[] {
  const name = sheet.name;
  const ops: QueuedOp[] = [
    op(jsonBytes(name), (context) => {
      const ws = context.workbook.worksheets.add(name);
      if (sheet.tabColor) ws.tabColor = sheet.tabColor;
      if (sheet.hidden) ws.visibility = "Hidden";
    }),
  ];
  for (const range of sheet.ranges) ops.push(...rangeOps(name, range, sliceBytes));
  for (const table of sheet.tables) {
    const t = tableOps(name, table, sliceBytes);
    ops.push(...t.ops);
    if (t.written) written[table.name] = t.written;
  }
  for (const cf of sheet.conditionalFormats) ops.push(conditionalFormatOp(name, cf));
  for (const v of sheet.validations)
    ops.push(validationOp(name, splitReference(v.range).local, v.validation));
  for (const [letter, width] of Object.entries(sheet.columnWidths ?? {})) {
    ops.push(
      op(
        32,
        (context) =>
          (sheetOf(context, name).getRange(`${letter}1`).format.columnWidth = width * POINTS_PER_CHAR),
      ),
    );
  }
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) {
    ops.push(op(32, (context) => (sheetOf(context, name).getRange(`A${row}`).format.rowHeight = height)));
  }
  if (pageLayout && sheet.print) ops.push(printOp(name, sheet.print));
  if (sheet.freeze && (sheet.freeze.rows || sheet.freeze.columns)) {
    const { rows, columns } = sheet.freeze;
    ops.push(
      op(32, (context) => {
        const panes = sheetOf(context, name).freezePanes;
        if (columns === 0) panes.freezeRows(rows);
        else if (rows === 0) panes.freezeColumns(columns);
        else panes.freezeAt(sheetOf(context, name).getRangeByIndexes(0, 0, rows, columns));
      }),
    );
  }
  return ops;
}

/** Every operation that builds `plan`, plus fingerprints of the tables Yardstick owns cells in. */
export function planOps(
  plan: WorkbookPlan,
  budgetBytes: number,
  options: { pageLayout?: boolean } = {},
): { ops: QueuedOp[]; written: Record<string, WrittenTable> } {
  const sliceBytes = Math.floor(budgetBytes / 2);
  const written: Record<string, WrittenTable> = {};
  const ops = plan.sheets.flatMap((s) => sheetOps(s, sliceBytes, written, options.pageLayout === true));
  // Charts last: a chart's series may live on a sheet written after its own (Chart data).
  for (const s of plan.sheets) for (const chart of s.charts) ops.push(chartOp(s.name, chart));
  for (const n of plan.names) {
    ops.push(op(jsonBytes(n), (context) => context.workbook.names.add(n.name, n.refersTo, n.comment)));
  }
  return { ops, written };
}
