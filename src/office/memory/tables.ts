/** Tables and their columns. */
import { type Box, parseBox, splitSheet } from "./a1";
import { Collection, type MemoryRequestContext, NullableObject } from "./base";
import { MemoryExcelError } from "./errors";
import type { HostSheet, HostTable } from "./host";
import { MemoryRange } from "./range";

type SheetScope = (() => HostSheet) | undefined;

export function notFound(what: string): MemoryExcelError {
  return new MemoryExcelError("ItemNotFound", `The requested resource doesn't exist (${what}).`);
}

export class MemoryTable extends NullableObject<HostTable> {
  constructor(
    context: MemoryRequestContext,
    path: string,
    find: () => HostTable | undefined,
    nullable = false,
  ) {
    super(context, path, find, nullable);
  }
  protected notFound(): MemoryExcelError {
    return notFound(this.path);
  }
  protected defaults(): string[] {
    return ["name", "id", "style", "showTotals", "showHeaders"];
  }
  protected readProp(name: string): unknown {
    const t = this.resolve();
    const known: Record<string, unknown> = {
      name: t.name,
      id: String(t.id),
      style: t.style ?? "TableStyleMedium2",
      showTotals: t.showTotals,
      showHeaders: true,
    };
    if (!(name in known))
      throw new MemoryExcelError(
        "InvalidArgument",
        `The property '${name}' is not part of Table in this double.`,
      );
    return known[name];
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.queue({ set: "name", v }, () => this.context.host.renameTable(this.resolve(), v));
  }
  set style(v: string) {
    this.queue({ set: "style", v }, () => {
      this.resolve().style = v;
    });
  }
  set showTotals(v: boolean) {
    this.queue({ set: "showTotals", v }, () => {
      this.resolve().showTotals = v;
    });
  }

  private part(label: string, f: (b: Box) => Box): MemoryRange {
    return new MemoryRange(this.context, `${this.path}.${label}`, () => {
      const t = this.resolve();
      return { sheet: t.sheet, box: f(t.box) };
    });
  }
  getRange(): MemoryRange {
    return this.part("range", (b) => b);
  }
  getHeaderRowRange(): MemoryRange {
    return this.part("header", (b) => ({ ...b, row1: b.row0 }));
  }
  getDataBodyRange(): MemoryRange {
    return this.part("body", (b) => ({ ...b, row0: b.row0 + 1 }));
  }
  get columns(): MemoryTableColumns {
    return new MemoryTableColumns(this.context, `${this.path}.columns`, () => this.resolve());
  }
  get worksheet(): { name: string; load(p?: string): unknown } {
    return new MemoryWorksheetRef(this.context, `${this.path}.worksheet`, () => this.resolve().sheet);
  }
  /** ExcelApi 1.13. */
  resize(range: MemoryRange | string): void {
    this.queue(
      { call: "resize", range: typeof range === "string" ? range : "range" },
      () => {
        const t = this.resolve();
        const box = typeof range === "string" ? parseBox(splitSheet(range).local) : range.resolve().box;
        this.context.host.resizeTable(t, box);
      },
      "1.13",
    );
  }
  convertToRange(): void {
    this.queue(
      { call: "convertToRange" },
      () => {
        const t = this.resolve();
        this.context.host.tables = this.context.host.tables.filter((x) => x !== t);
      },
      "1.2",
    );
  }
  delete(): void {
    this.queue({ call: "delete" }, () => {
      const t = this.resolve();
      this.context.host.tables = this.context.host.tables.filter((x) => x !== t);
      this.context.host.clear(t.sheet, t.box, "All");
    });
  }
}

/** The sheet a table sits on; only `name` is modelled. */
class MemoryWorksheetRef extends NullableObject<HostSheet> {
  constructor(context: MemoryRequestContext, path: string, find: () => HostSheet | undefined) {
    super(context, path, find, false);
  }
  protected notFound(): MemoryExcelError {
    return notFound(this.path);
  }
  protected defaults(): string[] {
    return ["name"];
  }
  protected readProp(name: string): unknown {
    if (name !== "name")
      throw new MemoryExcelError("InvalidArgument", `The property '${name}' is not modelled here.`);
    return this.resolve().name;
  }
  get name(): string {
    return this.prop("name");
  }
}

export class MemoryTables extends Collection<MemoryTable, HostTable> {
  constructor(
    context: MemoryRequestContext,
    path: string,
    private readonly scope?: SheetScope,
  ) {
    super(context, path);
  }
  protected entities(): HostTable[] {
    const sheet = this.scope?.();
    return this.context.host.tables.filter((t) => !sheet || t.sheet === sheet);
  }
  protected wrap(t: HostTable): MemoryTable {
    return new MemoryTable(this.context, `table#${t.id}`, () =>
      this.context.host.tables.includes(t) ? t : undefined,
    );
  }
  protected itemDefaults(): string[] {
    return ["name", "id", "style", "showTotals", "showHeaders"];
  }

  add(address: string | MemoryRange, hasHeaders: boolean): MemoryTable {
    let created: HostTable | undefined;
    this.queue({ call: "add", address: typeof address === "string" ? address : "range", hasHeaders }, () => {
      const host = this.context.host;
      let sheet: HostSheet;
      let box: Box;
      if (typeof address === "string") {
        const { sheet: named, local } = splitSheet(address);
        sheet = this.scope ? this.scope() : named ? host.sheetOrThrow(named) : host.sheets[0];
        box = parseBox(local);
      } else ({ sheet, box } = address.resolve());
      created = host.addTable(sheet, box, hasHeaders);
    });
    return new MemoryTable(this.context, `tables.add`, () => created);
  }
  getItem(name: string): MemoryTable {
    return new MemoryTable(this.context, `table(${name})`, () =>
      this.entities().find((t) => t.name.toLowerCase() === name.toLowerCase()),
    );
  }
  getItemOrNullObject(name: string): MemoryTable {
    return new MemoryTable(
      this.context,
      `table?(${name})`,
      () => this.entities().find((t) => t.name.toLowerCase() === name.toLowerCase()),
      true,
    );
  }
}

export class MemoryTableColumn extends NullableObject<{ table: HostTable; index: number }> {
  constructor(
    context: MemoryRequestContext,
    path: string,
    find: () => { table: HostTable; index: number } | undefined,
    nullable = false,
  ) {
    super(context, path, find, nullable);
  }
  protected notFound(): MemoryExcelError {
    return notFound(this.path);
  }
  protected defaults(): string[] {
    return ["name", "index"];
  }
  protected readProp(name: string): unknown {
    const { table, index } = this.resolve();
    if (name === "index") return index;
    if (name === "name")
      return String(
        this.context.host.formulasOf(table.sheet, { ...table.box, row1: table.box.row0 })[0][index],
      );
    throw new MemoryExcelError(
      "InvalidArgument",
      `The property '${name}' is not part of TableColumn in this double.`,
    );
  }
  get name(): string {
    return this.prop("name");
  }
  get index(): number {
    return this.prop("index");
  }
  getDataBodyRange(): MemoryRange {
    return new MemoryRange(this.context, `${this.path}.body`, () => {
      const { table, index } = this.resolve();
      const col = table.box.col0 + index;
      return {
        sheet: table.sheet,
        box: { row0: table.box.row0 + 1, row1: table.box.row1, col0: col, col1: col },
      };
    });
  }
}

export class MemoryTableColumns extends Collection<MemoryTableColumn, { table: HostTable; index: number }> {
  constructor(
    context: MemoryRequestContext,
    path: string,
    private readonly table: () => HostTable,
  ) {
    super(context, path);
  }
  protected entities(): { table: HostTable; index: number }[] {
    const t = this.table();
    return Array.from({ length: t.box.col1 - t.box.col0 + 1 }, (_, index) => ({ table: t, index }));
  }
  protected wrap(e: { table: HostTable; index: number }): MemoryTableColumn {
    return new MemoryTableColumn(this.context, `${this.path}[${e.index}]`, () => e);
  }
  protected itemDefaults(): string[] {
    return ["name", "index"];
  }
  getItem(key: string | number): MemoryTableColumn {
    return new MemoryTableColumn(this.context, `${this.path}(${key})`, () => {
      const cols = this.entities();
      if (typeof key === "number") return cols[key];
      return cols.find(
        (c) =>
          String(
            this.context.host.formulasOf(c.table.sheet, { ...c.table.box, row1: c.table.box.row0 })[0][
              c.index
            ],
          ).toLowerCase() === key.toLowerCase(),
      );
    });
  }
}
