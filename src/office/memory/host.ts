/**
 * The host side of the in-memory Excel: what the workbook holds after each sync. Client
 * proxies (base.ts and the files beside it) only ever change it through queued operations applied at sync.
 */
import { type Box, MAX_COLS, boxAddress, colsOf, overlaps, quoteSheet, rowsOf } from "./a1";
import { type Cell, type Content, type Scalar, fillFormula, formulaOf, parseInput } from "./cells";
import { MemoryExcelError } from "./errors";
import { type EngineInput, HostFormulas } from "./formulas";
import type { HostChart, HostName, HostRecord, HostSheet, HostSnapshot, HostTable } from "./model";

export type { HostChart, HostName, HostRecord, HostSheet, HostSnapshot, HostTable } from "./model";

const key = (row: number, col: number): number => row * MAX_COLS + col;

const TABLE_NAME_RE = /^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/;
const SHEET_NAME_BAD = /[[\]:*?/\\]/;

export class HostWorkbook {
  sheets: HostSheet[] = [];
  tables: HostTable[] = [];
  names = new Map<string, HostName>();
  settings = new Map<string, unknown>();
  conditionalFormats: HostRecord[] = [];
  validations: HostRecord[] = [];
  charts: HostChart[] = [];
  calculationSuspensions = 0;
  private nextId = 1;
  private readonly formulas = new HostFormulas(this);

  constructor(readonly evaluateFormulas: boolean) {}

  /** Everything an undo puts back (settings are saved outside Yardstick's undo groups, so they stay). */
  snapshot(): HostSnapshot {
    const copies = new Map(
      this.sheets.map((s) => [
        s,
        {
          ...s,
          cells: new Map([...s.cells].map(([k, c]) => [k, { ...c }])),
          columnWidths: new Map(s.columnWidths),
          ...(s.rowHeights ? { rowHeights: new Map(s.rowHeights) } : {}),
          ...(s.print ? { print: structuredClone(s.print) } : {}),
        },
      ]),
    );
    const sheet = (s: HostSheet): HostSheet => copies.get(s) ?? s;
    const record = <R extends HostRecord>(r: R): R => ({
      ...r,
      sheet: sheet(r.sheet),
      settings: { ...r.settings },
    });
    return {
      sheets: this.sheets.map(sheet),
      tables: this.tables.map((t) => ({ ...t, sheet: sheet(t.sheet), box: { ...t.box } })),
      names: new Map(this.names),
      conditionalFormats: this.conditionalFormats.map(record),
      validations: this.validations.map(record),
      charts: this.charts.map((c) => ({ ...record(c), series: c.series.map((x) => ({ ...x })) })),
    };
  }

  restore(s: HostSnapshot): void {
    Object.assign(this, s);
    this.touch();
  }

  addSheet(name: string): HostSheet {
    if (name.length === 0 || name.length > 31 || SHEET_NAME_BAD.test(name) || name.startsWith("'")) {
      throw new MemoryExcelError("InvalidArgument", `The sheet name "${name}" is not valid.`);
    }
    if (this.findSheet(name))
      throw new MemoryExcelError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    const sheet: HostSheet = {
      id: `{${this.nextId++}}`,
      name,
      cells: new Map(),
      visibility: "Visible",
      columnWidths: new Map(),
    };
    this.sheets.push(sheet);
    this.touch();
    return sheet;
  }

  findSheet(name: string): HostSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheetOrThrow(name: string): HostSheet {
    const s = this.findSheet(name);
    if (!s)
      throw new MemoryExcelError(
        "ItemNotFound",
        `The requested resource doesn't exist: worksheet "${name}".`,
      );
    return s;
  }

  deleteSheet(sheet: HostSheet): void {
    if (this.sheets.filter((s) => s.visibility === "Visible").length <= 1 && sheet.visibility === "Visible") {
      throw new MemoryExcelError(
        "InvalidOperation",
        "A workbook must contain at least one visible worksheet.",
      );
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    this.conditionalFormats = this.conditionalFormats.filter((r) => r.sheet !== sheet);
    this.validations = this.validations.filter((r) => r.sheet !== sheet);
    this.charts = this.charts.filter((r) => r.sheet !== sheet);
    this.touch();
  }

  cell(sheet: HostSheet, row: number, col: number): Cell | undefined {
    return sheet.cells.get(key(row, col));
  }

  private cellForWrite(sheet: HostSheet, row: number, col: number): Cell {
    const k = key(row, col);
    let c = sheet.cells.get(k);
    if (!c) {
      c = {};
      sheet.cells.set(k, c);
    }
    return c;
  }

  /** Write values or formulas (Excel parses both the same way). null leaves a cell unchanged. */
  writeContents(sheet: HostSheet, box: Box, data: unknown, property: string): void {
    const grid = Array.isArray(data) ? this.checkShape(box, data, property) : this.fill(box, data);
    for (let r = 0; r < grid.length; r++) {
      for (let c = 0; c < grid[r].length; c++) {
        const raw = grid[r][c];
        if (raw === null || raw === undefined) continue;
        const at = { sheet, row: box.row0 + r, col: box.col0 + c };
        const check = (f: string): boolean => this.formulas.isValidAt(f, at);
        const existing = this.cell(sheet, box.row0 + r, box.col0 + c);
        const parsed = parseInput(raw, existing?.numberFormat, check);
        if (parsed === null) {
          if (existing) existing.content = undefined;
        } else this.cellForWrite(sheet, box.row0 + r, box.col0 + c).content = parsed;
      }
    }
    this.touch();
  }

  writeFormat(sheet: HostSheet, box: Box, data: unknown): void {
    const grid = Array.isArray(data)
      ? this.checkShape(box, data, "numberFormat")
      : this.grid(box, () => data);
    grid.forEach((row, r) =>
      row.forEach((fmt, c) => {
        if (fmt === null || fmt === undefined) return;
        if (typeof fmt !== "string")
          throw new MemoryExcelError("InvalidArgument", "A number format must be text.");
        this.cellForWrite(sheet, box.row0 + r, box.col0 + c).numberFormat = fmt === "" ? undefined : fmt;
      }),
    );
  }

  setStyle(sheet: HostSheet, box: Box, style: Partial<Cell>): void {
    for (let r = box.row0; r <= box.row1; r++) {
      for (let c = box.col0; c <= box.col1; c++) Object.assign(this.cellForWrite(sheet, r, c), style);
    }
  }

  clear(sheet: HostSheet, box: Box, applyTo: string): void {
    for (let r = box.row0; r <= box.row1; r++) {
      for (let c = box.col0; c <= box.col1; c++) {
        const cell = this.cell(sheet, r, c);
        if (!cell) continue;
        if (applyTo === "All") sheet.cells.delete(key(r, c));
        else if (applyTo === "Contents") cell.content = undefined;
        else if (applyTo === "Formats") sheet.cells.set(key(r, c), { content: cell.content });
      }
    }
    this.touch();
  }

  deleteRowsUp(sheet: HostSheet, box: Box): void {
    const n = rowsOf(box);
    for (const t of this.tables.filter((x) => x.sheet === sheet && overlaps(x.box, box))) {
      const whole =
        box.col0 <= t.box.col0 && box.col1 >= t.box.col1 && box.row0 > t.box.row0 && box.row1 <= t.box.row1;
      if (!whole || rowsOf(t.box) - n < 2) {
        throw new MemoryExcelError(
          "InvalidOperation",
          "This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.",
        );
      }
    }
    const moved = new Map<number, Cell>();
    sheet.cells.forEach((cell, k) => {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (c < box.col0 || c > box.col1 || r < box.row0) return;
      sheet.cells.delete(k);
      if (r > box.row1) moved.set(key(r - n, c), cell);
    });
    moved.forEach((cell, k) => sheet.cells.set(k, cell));
    for (const t of this.tables.filter(
      (x) => x.sheet === sheet && box.col0 <= x.box.col0 && box.col1 >= x.box.col1,
    )) {
      if (t.box.row0 > box.row1) t.box = { ...t.box, row0: t.box.row0 - n, row1: t.box.row1 - n };
      else if (t.box.row1 >= box.row0) t.box = { ...t.box, row1: t.box.row1 - n };
    }
    this.touch();
  }

  /** One value for a whole range (accepted by Excel, though typed as a 2-D array): formulas fill relatively. */
  private fill(box: Box, value: unknown): unknown[][] {
    return this.grid(box, (r, c) =>
      typeof value === "string" && value.startsWith("=")
        ? fillFormula(value, r - box.row0, c - box.col0)
        : value,
    );
  }

  private checkShape(box: Box, data: unknown, property: string): unknown[][] {
    const ok =
      Array.isArray(data) &&
      data.length === rowsOf(box) &&
      data.every((row) => Array.isArray(row) && row.length === colsOf(box));
    if (!ok) {
      throw new MemoryExcelError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property} for ${boxAddress(box)}).`,
      );
    }
    return data as unknown[][];
  }

  formulasOf(sheet: HostSheet, box: Box): Scalar[][] {
    return this.grid(box, (r, c) => formulaOf(this.cell(sheet, r, c)));
  }

  numberFormatsOf(sheet: HostSheet, box: Box): string[][] {
    return this.grid(box, (r, c) => this.cell(sheet, r, c)?.numberFormat ?? "General");
  }

  valuesOf(sheet: HostSheet, box: Box): Scalar[][] {
    return this.grid(box, (r, c) => this.valueOf(sheet, r, c));
  }

  /** The workbook as HyperFormula reads it, cut to `sheet` and the sheets it reaches when given. */
  engineInput(sheet?: HostSheet): EngineInput {
    return this.formulas.engineInput(sheet);
  }

  /** The box from A1 to the last cell with content, at most rows x cols; undefined when empty. */
  usedBox(sheet: HostSheet, rows: number, cols: number): Box | undefined {
    let row1 = -1;
    let col1 = -1;
    sheet.cells.forEach((cell, k) => {
      if (!cell.content) return;
      row1 = Math.max(row1, Math.floor(k / MAX_COLS));
      col1 = Math.max(col1, k % MAX_COLS);
    });
    return row1 < 0
      ? undefined
      : { row0: 0, col0: 0, row1: Math.min(row1, rows - 1), col1: Math.min(col1, cols - 1) };
  }

  private valueOf(sheet: HostSheet, row: number, col: number): Scalar {
    const content: Content | undefined = this.cell(sheet, row, col)?.content;
    if (!content) return "";
    if (content.t !== "f") return content.v;
    if (!this.evaluateFormulas) return 0;
    return this.formulas.valueAt(sheet, row, col);
  }

  private grid<T>(box: Box, at: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = box.row0; r <= box.row1; r++) {
      const row: T[] = [];
      for (let c = box.col0; c <= box.col1; c++) row.push(at(r, c));
      out.push(row);
    }
    return out;
  }

  addTable(sheet: HostSheet, box: Box, hasHeaders: boolean): HostTable {
    const clash = this.tables.find((t) => t.sheet === sheet && overlaps(t.box, box));
    if (clash)
      throw new MemoryExcelError("InvalidArgument", `A table can't overlap another table (${clash.name}).`);
    const full = hasHeaders ? box : { ...box, row1: box.row1 + 1 };
    if (!hasHeaders) this.shiftDown(sheet, box);
    const table: HostTable = {
      id: this.nextId++,
      name: this.freeTableName(),
      sheet,
      box: full,
      showTotals: false,
    };
    this.normalizeHeaders(table);
    this.tables.push(table);
    return table;
  }

  private shiftDown(sheet: HostSheet, box: Box): void {
    for (let r = box.row1; r >= box.row0; r--) {
      for (let c = box.col0; c <= box.col1; c++) {
        const cell = sheet.cells.get(key(r, c));
        sheet.cells.delete(key(r, c));
        if (cell) sheet.cells.set(key(r + 1, c), cell);
      }
    }
  }

  /** Excel makes headers unique, non-empty text ("Column1", "Name2"). */
  normalizeHeaders(table: HostTable): void {
    const seen = new Set<string>();
    for (let c = table.box.col0; c <= table.box.col1; c++) {
      const cell = this.cellForWrite(table.sheet, table.box.row0, c);
      const raw = cell.content ? String(this.valueOf(table.sheet, table.box.row0, c)) : "";
      let name = raw === "" ? `Column${c - table.box.col0 + 1}` : raw;
      for (let i = 2; seen.has(name.toLowerCase()); i++) name = `${raw || "Column"}${i}`;
      seen.add(name.toLowerCase());
      cell.content = { t: "s", v: name };
    }
    this.touch();
  }

  private freeTableName(): string {
    for (let i = 1; ; i++) if (!this.findTable(`Table${i}`)) return `Table${i}`;
  }

  findTable(name: string): HostTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  renameTable(table: HostTable, name: string): void {
    if (!TABLE_NAME_RE.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name)) {
      throw new MemoryExcelError("InvalidArgument", `The table name "${name}" is not valid.`);
    }
    const other = this.findTable(name) ?? (this.names.has(name.toLowerCase()) ? table : undefined);
    if (other && other !== table)
      throw new MemoryExcelError("InvalidArgument", `A table named "${name}" already exists.`);
    table.name = name;
    this.touch();
  }

  resizeTable(table: HostTable, box: Box): void {
    if (box.row0 !== table.box.row0 || box.col0 !== table.box.col0 || rowsOf(box) < 2) {
      throw new MemoryExcelError(
        "InvalidArgument",
        "The table's header row must stay in place and keep at least one data row.",
      );
    }
    const clash = this.tables.find((t) => t !== table && t.sheet === table.sheet && overlaps(t.box, box));
    if (clash)
      throw new MemoryExcelError("InvalidArgument", `A table can't overlap another table (${clash.name}).`);
    table.box = box;
    this.normalizeHeaders(table);
  }

  addName(name: string, formula: string, comment: string): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      throw new MemoryExcelError("InvalidArgument", `The name "${name}" is not valid.`);
    }
    if (this.names.has(name.toLowerCase()) || this.findTable(name)) {
      throw new MemoryExcelError("ItemAlreadyExists", `The name "${name}" already exists.`);
    }
    const f = formula.startsWith("=") ? formula : `=${formula}`;
    if (!this.formulas.isValid(f)) {
      throw new MemoryExcelError(
        "InvalidArgument",
        `There's a problem with the reference of "${name}": ${formula}`,
      );
    }
    this.names.set(name.toLowerCase(), { name, formula: f, comment });
    this.touch();
  }

  isValidFormula(formula: string): boolean {
    return this.formulas.isValid(formula.startsWith("=") ? formula : `=${formula}`);
  }

  addressOf(sheet: HostSheet, box: Box): string {
    return `${quoteSheet(sheet.name)}!${boxAddress(box)}`;
  }

  private touch(): void {
    this.formulas.invalidate();
  }
}
