/** Workbook, application, worksheets. */
import { memoryPageBreaks, memoryPageLayout } from "./pageLayout";
import { colsOf, parseBox, splitSheet } from "./a1";
import { Collection, type MemoryRequestContext, NullableObject } from "./base";
import { MemoryExcelError } from "./errors";
import type { HostSheet } from "./host";
import { MemoryRange } from "./range";
import { MemoryCharts } from "./charts";
import { MemoryNames, MemorySettings } from "./items";
import { MemoryTables } from "./tables";

export class MemoryApplication {
  constructor(private readonly context: MemoryRequestContext) {}

  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue(
      { call: "suspendApiCalculationUntilNextSync" },
      () => {
        this.context.host.calculationSuspensions += 1;
      },
      "1.8",
    );
  }
}

export class MemoryWorksheet extends NullableObject<HostSheet> {
  constructor(
    context: MemoryRequestContext,
    path: string,
    find: () => HostSheet | undefined,
    nullable = false,
  ) {
    super(context, path, find, nullable);
  }

  protected notFound(): MemoryExcelError {
    return new MemoryExcelError("ItemNotFound", `The requested resource doesn't exist (${this.path}).`);
  }

  protected defaults(): string[] {
    return ["name", "id", "position", "visibility"];
  }

  protected readProp(name: string): unknown {
    const s = this.resolve();
    switch (name) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return this.context.host.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor ?? "";
      default:
        throw new MemoryExcelError(
          "InvalidArgument",
          `The property '${name}' is not part of Worksheet in this double.`,
        );
    }
  }

  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.queue({ set: "name", v }, () => {
      const s = this.resolve();
      const other = this.context.host.findSheet(v);
      if (other && other !== s)
        throw new MemoryExcelError("ItemAlreadyExists", `A sheet named "${v}" already exists.`);
      s.name = v;
    });
  }
  get id(): string {
    return this.prop("id");
  }
  get position(): number {
    return this.prop("position");
  }
  get visibility(): string {
    return this.prop("visibility");
  }
  set visibility(v: "Visible" | "Hidden" | "VeryHidden") {
    this.queue({ set: "visibility", v }, () => {
      this.resolve().visibility = v;
    });
  }
  set tabColor(v: string) {
    this.queue(
      { set: "tabColor", v },
      () => {
        this.resolve().tabColor = v;
      },
      "1.7",
    );
  }

  getRange(address?: string): MemoryRange {
    return new MemoryRange(this.context, `${this.path}.range(${address ?? ""})`, () => {
      const sheet = this.resolve();
      if (address === undefined) return { sheet, box: { row0: 0, col0: 0, row1: 1_048_575, col1: 16_383 } };
      const { sheet: named, local } = splitSheet(address);
      if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase()) {
        throw new MemoryExcelError("InvalidArgument", `The address "${address}" names another sheet.`);
      }
      return { sheet, box: parseBox(local) };
    });
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): MemoryRange {
    const range = new MemoryRange(
      this.context,
      `${this.path}.byIndexes(${startRow},${startColumn},${rowCount},${columnCount})`,
      () => {
        if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0) {
          throw new MemoryExcelError(
            "InvalidArgument",
            "The argument is invalid or missing or has an incorrect format.",
          );
        }
        return {
          sheet: this.resolve(),
          box: {
            row0: startRow,
            col0: startColumn,
            row1: startRow + rowCount - 1,
            col1: startColumn + columnCount - 1,
          },
        };
      },
    );
    return range;
  }

  get tables(): MemoryTables {
    return new MemoryTables(this.context, `${this.path}.tables`, () => this.resolve());
  }

  get charts(): MemoryCharts {
    return new MemoryCharts(this.context, `${this.path}.charts`, () => this.resolve());
  }

  get pageLayout(): ReturnType<typeof memoryPageLayout> {
    return memoryPageLayout(this.queue.bind(this), () => this.resolve());
  }

  get horizontalPageBreaks(): ReturnType<typeof memoryPageBreaks> {
    return memoryPageBreaks(this.queue.bind(this), () => this.resolve());
  }

  get freezePanes(): {
    freezeRows(n: number): void;
    freezeColumns(n: number): void;
    freezeAt(r: MemoryRange | string): void;
    unfreeze(): void;
  } {
    const set = (rows: number, columns: number): void =>
      this.queue(
        { call: "freeze", rows, columns },
        () => {
          this.resolve().frozen = rows || columns ? { rows, columns } : undefined;
        },
        "1.7",
      );
    return {
      freezeRows: (n: number) => set(n, 0),
      freezeColumns: (n: number) => set(0, n),
      freezeAt: (r: MemoryRange | string) => {
        const range = typeof r === "string" ? this.getRange(r) : r;
        this.queue(
          { call: "freezeAt" },
          () => {
            const { box } = range.resolve();
            this.resolve().frozen = {
              rows: box.row1 + 1,
              columns: colsOf(box) === 16_384 ? 0 : box.col1 + 1,
            };
          },
          "1.7",
        );
      },
      unfreeze: () => set(0, 0),
    };
  }

  activate(): void {
    this.queue({ call: "activate" }, () => this.resolve());
  }

  delete(): void {
    this.queue({ call: "delete" }, () => this.context.host.deleteSheet(this.resolve()));
  }
}

export class MemoryWorksheets extends Collection<MemoryWorksheet, HostSheet> {
  protected entities(): HostSheet[] {
    return this.context.host.sheets;
  }
  protected wrap(s: HostSheet): MemoryWorksheet {
    return new MemoryWorksheet(this.context, `ws#${s.id}`, () =>
      this.context.host.sheets.includes(s) ? s : undefined,
    );
  }
  protected itemDefaults(): string[] {
    return ["name", "id", "position", "visibility"];
  }

  add(name?: string): MemoryWorksheet {
    let created: HostSheet | undefined;
    this.queue({ call: "add", name }, () => {
      const host = this.context.host;
      let n = name;
      for (let i = host.sheets.length + 1; n === undefined; i++)
        if (!host.findSheet(`Sheet${i}`)) n = `Sheet${i}`;
      created = host.addSheet(n);
    });
    return new MemoryWorksheet(this.context, `ws.add(${name ?? ""})`, () => created);
  }

  getItem(name: string): MemoryWorksheet {
    return new MemoryWorksheet(this.context, `ws(${name})`, () => this.context.host.findSheet(name));
  }

  getItemOrNullObject(name: string): MemoryWorksheet {
    this.context.enqueue(undefined, () => undefined, "1.4");
    return new MemoryWorksheet(this.context, `ws?(${name})`, () => this.context.host.findSheet(name), true);
  }

  getActiveWorksheet(): MemoryWorksheet {
    return new MemoryWorksheet(this.context, "ws.active", () =>
      this.context.host.sheets.find((s) => s.visibility === "Visible"),
    );
  }
}

export class MemoryWorkbook {
  constructor(private readonly context: MemoryRequestContext) {}

  get worksheets(): MemoryWorksheets {
    return new MemoryWorksheets(this.context, "worksheets");
  }
  get tables(): MemoryTables {
    return new MemoryTables(this.context, "tables");
  }
  get names(): MemoryNames {
    return new MemoryNames(this.context, "names");
  }
  get settings(): MemorySettings {
    return new MemorySettings(this.context, "settings");
  }
  get application(): MemoryApplication {
    return new MemoryApplication(this.context);
  }
}
