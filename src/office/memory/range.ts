/** Range and its format; its data validation and conditional formats are in ./rules. */
import { type Box, MAX_COLS, MAX_ROWS, colsOf, rowsOf } from "./a1";
import { ClientObject, type MemoryRequestContext } from "./base";
import { MemoryExcelError } from "./errors";
import type { HostSheet } from "./host";
import { MemoryConditionalFormats, MemoryDataValidation } from "./rules";

export interface RangeTarget {
  sheet: HostSheet;
  box: Box;
}

export type RangeResolver = () => RangeTarget;

const RANGE_DEFAULTS = [
  "address",
  "values",
  "formulas",
  "numberFormat",
  "rowCount",
  "columnCount",
  "rowIndex",
  "columnIndex",
];

function within(box: Box): Box {
  if (
    box.row0 < 0 ||
    box.col0 < 0 ||
    box.row1 >= MAX_ROWS ||
    box.col1 >= MAX_COLS ||
    box.row1 < box.row0 ||
    box.col1 < box.col0
  ) {
    throw new MemoryExcelError(
      "InvalidArgument",
      "The argument is invalid or missing or has an incorrect format (range outside the grid).",
    );
  }
  return box;
}

export class MemoryRange extends ClientObject {
  constructor(
    context: MemoryRequestContext,
    path: string,
    readonly resolve: RangeResolver,
  ) {
    super(context, path);
  }

  protected defaults(): string[] {
    return RANGE_DEFAULTS;
  }

  protected readProp(name: string): unknown {
    const { sheet, box } = this.resolve();
    const host = this.context.host;
    switch (name) {
      case "address":
        return host.addressOf(sheet, box);
      case "values":
        return host.valuesOf(sheet, box);
      case "text":
        return host.valuesOf(sheet, box).map((row) => row.map((v) => String(v)));
      case "formulas":
        return host.formulasOf(sheet, box);
      case "numberFormat":
        return host.numberFormatsOf(sheet, box);
      case "rowCount":
        return rowsOf(box);
      case "columnCount":
        return colsOf(box);
      case "rowIndex":
        return box.row0;
      case "columnIndex":
        return box.col0;
      default:
        throw new MemoryExcelError(
          "InvalidArgument",
          `The property '${name}' is not part of Range in this double.`,
        );
    }
  }

  get address(): string {
    return this.prop("address");
  }
  get values(): unknown[][] {
    return this.prop("values");
  }
  set values(v: unknown[][]) {
    this.queue({ set: "values", v }, () => {
      const { sheet, box } = this.resolve();
      this.context.host.writeContents(sheet, box, v, "values");
    });
  }
  get formulas(): unknown[][] {
    return this.prop("formulas");
  }
  set formulas(v: unknown[][]) {
    this.queue({ set: "formulas", v }, () => {
      const { sheet, box } = this.resolve();
      this.context.host.writeContents(sheet, box, v, "formulas");
    });
  }
  get numberFormat(): unknown[][] {
    return this.prop("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.queue({ set: "numberFormat", v }, () => {
      const { sheet, box } = this.resolve();
      this.context.host.writeFormat(sheet, box, v);
    });
  }
  get text(): string[][] {
    return this.prop("text");
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }
  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }

  private derived(label: string, f: (t: RangeTarget) => Box): MemoryRange {
    return new MemoryRange(this.context, `${this.path}.${label}`, () => {
      const t = this.resolve();
      return { sheet: t.sheet, box: within(f(t)) };
    });
  }

  getCell(row: number, column: number): MemoryRange {
    return this.derived(`cell(${row},${column})`, ({ box }) => {
      if (row >= rowsOf(box) || column >= colsOf(box))
        throw new MemoryExcelError("InvalidArgument", "The cell is outside the range.");
      return { row0: box.row0 + row, col0: box.col0 + column, row1: box.row0 + row, col1: box.col0 + column };
    });
  }
  getResizedRange(deltaRows: number, deltaColumns: number): MemoryRange {
    return this.derived(`resized(${deltaRows},${deltaColumns})`, ({ box }) => ({
      ...box,
      row1: box.row1 + deltaRows,
      col1: box.col1 + deltaColumns,
    }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): MemoryRange {
    return this.derived(`offset(${rowOffset},${columnOffset})`, ({ box }) => ({
      row0: box.row0 + rowOffset,
      col0: box.col0 + columnOffset,
      row1: box.row1 + rowOffset,
      col1: box.col1 + columnOffset,
    }));
  }
  getRow(row: number): MemoryRange {
    return this.derived(`row(${row})`, ({ box }) => ({ ...box, row0: box.row0 + row, row1: box.row0 + row }));
  }
  getColumn(column: number): MemoryRange {
    return this.derived(`column(${column})`, ({ box }) => ({
      ...box,
      col0: box.col0 + column,
      col1: box.col0 + column,
    }));
  }

  getRowsBelow(count = 1): MemoryRange {
    return this.derived(`rowsBelow(${count})`, ({ box }) => ({
      ...box,
      row0: box.row1 + 1,
      row1: box.row1 + count,
    }));
  }

  /** Delete cells and shift up. Table rows go only whole: a partial table row throws like Excel. */
  delete(shift: "Up" | "Left"): void {
    this.queue({ call: "delete", shift }, () => {
      if (shift !== "Up") throw new MemoryExcelError("InvalidArgument", "Only shift Up is modelled.");
      const { sheet, box } = this.resolve();
      this.context.host.deleteRowsUp(sheet, box);
    });
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.queue({ call: "clear", applyTo }, () => {
      const { sheet, box } = this.resolve();
      this.context.host.clear(sheet, box, applyTo);
    });
  }

  select(): void {
    this.queue({ call: "select" }, () => this.resolve());
  }

  get format(): MemoryRangeFormat {
    return new MemoryRangeFormat(this);
  }

  get dataValidation(): MemoryDataValidation {
    return new MemoryDataValidation(this);
  }

  get conditionalFormats(): MemoryConditionalFormats {
    return new MemoryConditionalFormats(this);
  }

  /** For collaborators in this folder. */
  enqueue(wire: Record<string, unknown>, apply: () => unknown, minVersion?: string): void {
    this.queue(wire, apply, minVersion);
  }
}

export class MemoryRangeFormat {
  constructor(private readonly range: MemoryRange) {}

  private style(wire: string, v: unknown, apply: (t: RangeTarget) => void): void {
    this.range.enqueue({ format: wire, v }, () => apply(this.range.resolve()));
  }

  get font(): { bold: boolean; size: number; color: string; name: string } {
    const set = (key: "bold" | "fontSize" | "fontColor") => (v: unknown) =>
      this.style(key, v, (t) => this.range.context.host.setStyle(t.sheet, t.box, { [key]: v }));
    return {
      set bold(v: boolean) {
        set("bold")(v);
      },
      set size(v: number) {
        set("fontSize")(v);
      },
      set color(v: string) {
        set("fontColor")(v);
      },
      set name(_v: string) {
        /* accepted, not modelled */
      },
    } as { bold: boolean; size: number; color: string; name: string };
  }

  get fill(): { color: string } {
    const style = this.style.bind(this);
    const host = this.range.context.host;
    return {
      set color(v: string) {
        style("fill", v, (t) => host.setStyle(t.sheet, t.box, { fill: v }));
      },
    } as { color: string };
  }

  set wrapText(v: boolean) {
    this.style("wrap", v, (t) => this.range.context.host.setStyle(t.sheet, t.box, { wrap: v }));
  }

  set columnWidth(points: number) {
    this.style("columnWidth", points, (t) => {
      for (let c = t.box.col0; c <= t.box.col1; c++) t.sheet.columnWidths.set(c, points);
    });
  }

  set rowHeight(points: number) {
    this.style("rowHeight", points, (t) => {
      const heights = (t.sheet.rowHeights ??= new Map());
      for (let r = t.box.row0; r <= t.box.row1; r++) heights.set(r, points);
    });
  }

  set verticalAlignment(_v: string) {
    this.style("verticalAlignment", _v, () => undefined);
  }

  set horizontalAlignment(_v: string) {
    this.style("horizontalAlignment", _v, () => undefined);
  }

  autofitColumns(): void {
    this.style("autofitColumns", true, () => undefined);
  }
}
