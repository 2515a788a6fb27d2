/** Tables, named items, settings and charts. */
import { type Box, parseBox, splitSheet } from "./a1";
import { Collection, type MemoryRequestContext, NullableObject } from "./base";
import { MemoryExcelError } from "./errors";
import type { HostChart, HostName, HostSheet, HostTable } from "./host";
import { MemoryRange } from "./range";

type SheetScope = (() => HostSheet) | undefined;

function notFound(what: string): MemoryExcelError {
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

export class MemoryNamedItem extends NullableObject<HostName> {
  constructor(
    context: MemoryRequestContext,
    path: string,
    find: () => HostName | undefined,
    nullable = false,
  ) {
    super(context, path, find, nullable);
  }
  protected notFound(): MemoryExcelError {
    return notFound(this.path);
  }
  protected defaults(): string[] {
    return ["name", "formula", "comment", "type"];
  }
  protected readProp(name: string): unknown {
    const n = this.resolve();
    const known: Record<string, unknown> = {
      name: n.name,
      formula: n.formula,
      comment: n.comment,
      type: /!/.test(n.formula) ? "Range" : "String",
      value: n.formula.replace(/^=/, ""),
    };
    if (!(name in known))
      throw new MemoryExcelError(
        "InvalidArgument",
        `The property '${name}' is not part of NamedItem in this double.`,
      );
    return known[name];
  }
  get name(): string {
    return this.prop("name");
  }
  get formula(): string {
    return this.prop("formula");
  }
  get comment(): string {
    return this.prop("comment");
  }
  delete(): void {
    this.queue(
      { call: "delete" },
      () => this.context.host.names.delete(this.resolve().name.toLowerCase()),
      "1.4",
    );
  }
}

export class MemoryNames extends Collection<MemoryNamedItem, HostName> {
  protected entities(): HostName[] {
    return [...this.context.host.names.values()];
  }
  protected wrap(n: HostName): MemoryNamedItem {
    return new MemoryNamedItem(this.context, `name#${n.name}`, () =>
      this.context.host.names.get(n.name.toLowerCase()),
    );
  }
  protected itemDefaults(): string[] {
    return ["name", "formula", "comment", "type"];
  }
  add(name: string, reference: string | MemoryRange, comment = ""): MemoryNamedItem {
    this.queue(
      { call: "add", name, reference: typeof reference === "string" ? reference : "range", comment },
      () => {
        const formula =
          typeof reference === "string"
            ? reference
            : `=${this.context.host.addressOf(reference.resolve().sheet, reference.resolve().box)}`;
        this.context.host.addName(name, formula, comment);
      },
      "1.4",
    );
    return this.getItem(name);
  }
  getItem(name: string): MemoryNamedItem {
    return new MemoryNamedItem(this.context, `name(${name})`, () =>
      this.context.host.names.get(name.toLowerCase()),
    );
  }
  getItemOrNullObject(name: string): MemoryNamedItem {
    return new MemoryNamedItem(
      this.context,
      `name?(${name})`,
      () => this.context.host.names.get(name.toLowerCase()),
      true,
    );
  }
}

export class MemorySetting extends NullableObject<{ key: string; value: unknown }> {
  constructor(
    context: MemoryRequestContext,
    path: string,
    find: () => { key: string; value: unknown } | undefined,
    nullable = false,
  ) {
    super(context, path, find, nullable);
  }
  protected notFound(): MemoryExcelError {
    return notFound(this.path);
  }
  protected defaults(): string[] {
    return ["key", "value"];
  }
  protected readProp(name: string): unknown {
    const s = this.resolve();
    if (name === "key") return s.key;
    if (name === "value") return JSON.parse(JSON.stringify(s.value));
    throw new MemoryExcelError("InvalidArgument", `The property '${name}' is not part of Setting.`);
  }
  get key(): string {
    return this.prop("key");
  }
  get value(): unknown {
    return this.prop("value");
  }
  delete(): void {
    this.queue({ call: "delete" }, () => this.context.host.settings.delete(this.resolve().key), "1.4");
  }
}

export class MemorySettings extends Collection<MemorySetting, { key: string; value: unknown }> {
  protected entities(): { key: string; value: unknown }[] {
    return [...this.context.host.settings].map(([key, value]) => ({ key, value }));
  }
  protected wrap(e: { key: string; value: unknown }): MemorySetting {
    return new MemorySetting(this.context, `setting#${e.key}`, () => this.find(e.key));
  }
  protected itemDefaults(): string[] {
    return ["key", "value"];
  }
  private find(key: string): { key: string; value: unknown } | undefined {
    return this.context.host.settings.has(key)
      ? { key, value: this.context.host.settings.get(key) }
      : undefined;
  }
  add(key: string, value: unknown): MemorySetting {
    this.queue(
      { call: "add", key, value },
      () => {
        this.context.host.settings.set(key, JSON.parse(JSON.stringify(value)));
      },
      "1.4",
    );
    return this.getItem(key);
  }
  getItem(key: string): MemorySetting {
    return new MemorySetting(this.context, `setting(${key})`, () => this.find(key));
  }
  getItemOrNullObject(key: string): MemorySetting {
    return new MemorySetting(this.context, `setting?(${key})`, () => this.find(key), true);
  }
}

export class MemoryChart {
  constructor(
    private readonly context: MemoryRequestContext,
    private readonly find: () => HostChart,
  ) {}
  private set(path: string, v: unknown): void {
    this.context.enqueue({ chart: path, v }, () => {
      this.find().settings[path] = v;
    });
  }
  get title(): { text: string } {
    const set = this.set.bind(this);
    return {
      set text(v: string) {
        set("title.text", v);
      },
    } as { text: string };
  }
  get legend(): { position: string; visible: boolean } {
    const set = this.set.bind(this);
    return {
      set position(v: string) {
        set("legend.position", v);
      },
      set visible(v: boolean) {
        set("legend.visible", v);
      },
    } as { position: string; visible: boolean };
  }
  set name(v: string) {
    this.context.enqueue({ chart: "name", v }, () => {
      this.find().name = v;
    });
  }
  setPosition(startCell: string, endCell?: string): void {
    this.context.enqueue({ chart: "setPosition", startCell, endCell }, () => {
      parseBox(startCell);
      if (endCell) parseBox(endCell);
      this.find().address = endCell ? `${startCell}:${endCell}` : startCell;
    });
  }
  get series(): { add(name?: string): SeriesHandle; getItemAt(index: number): SeriesHandle } {
    const handle = (index: () => number): SeriesHandle => {
      const setRef = (key: string) => (r: MemoryRange) =>
        this.context.enqueue(
          { chart: `series.${key}` },
          () => {
            const t = r.resolve();
            const s = this.find().series[index()];
            if (!s) throw new MemoryExcelError("InvalidArgument", "The chart has no such series.");
            s[key] = this.context.host.addressOf(t.sheet, t.box);
          },
          "1.7",
        );
      const context = this.context;
      const find = this.find;
      return {
        setValues: setRef("values"),
        setXAxisValues: setRef("categories"),
        set name(v: string) {
          context.enqueue({ chart: "series.name", v }, () => {
            find().series[index()].name = v;
          });
        },
      } as SeriesHandle;
    };
    return {
      add: (name?: string) => {
        let index = -1;
        this.context.enqueue(
          { chart: "series.add", name },
          () => {
            index = this.find().series.push({ name }) - 1;
          },
          "1.7",
        );
        return handle(() => index);
      },
      getItemAt: (i: number) => handle(() => i),
    };
  }
}

interface SeriesHandle {
  name: string;
  setValues(r: MemoryRange): void;
  setXAxisValues(r: MemoryRange): void;
}

export class MemoryCharts {
  constructor(
    private readonly context: MemoryRequestContext,
    private readonly path: string,
    private readonly sheet: () => HostSheet,
  ) {}
  add(type: string, sourceData: MemoryRange, seriesBy = "Auto"): MemoryChart {
    let created: HostChart | undefined;
    this.context.enqueue({ path: this.path, call: "add", type, seriesBy }, () => {
      const t = sourceData.resolve();
      const sheet = this.sheet();
      const byRows =
        seriesBy === "Rows" || (seriesBy === "Auto" && t.box.col1 - t.box.col0 > t.box.row1 - t.box.row0);
      const count = byRows ? t.box.row1 - t.box.row0 + 1 : t.box.col1 - t.box.col0 + 1;
      const series = Array.from({ length: count }, (_, i) => ({
        values: this.context.host.addressOf(
          t.sheet,
          byRows
            ? { ...t.box, row0: t.box.row0 + i, row1: t.box.row0 + i }
            : { ...t.box, col0: t.box.col0 + i, col1: t.box.col0 + i },
        ),
      }));
      created = {
        sheet,
        name: `Chart ${this.context.host.charts.length + 1}`,
        type,
        address: "",
        series,
        settings: { source: this.context.host.addressOf(t.sheet, t.box) },
      };
      this.context.host.charts.push(created);
    });
    return new MemoryChart(this.context, () => {
      if (!created) throw new MemoryExcelError("InvalidObjectPath", "The chart was not created.");
      return created;
    });
  }
}
