/**
 * The differential harness: write a scorecard workbook, recalculate it in LibreOffice, and
 * compare its formula cells with the engine's values for the same inputs. The engine sees
 * the scorecard the reader gets back from the file, so the round trip is part of the proof.
 */
import { checkScorecard, type CheckRow } from "../../src/engine/checks";
import type { Finding } from "../../src/engine/model";
import { fiscalYearMonths, fiscalYearOf } from "../../src/engine/period";
import { buildPlanFromInput } from "../../src/workbook/buildPlan";
import { BIG, STATUS_LABELS } from "../../src/workbook/gridFormulas";
import type { WorkbookInput } from "../../src/workbook/input";
import { isFormula, type WorkbookPlan } from "../../src/workbook/plan";
import { TABLES, type RawTable } from "../../src/workbook";
import { formulaExpectations, type Expectation } from "../../src/workbook/expectations";
import { readRawTables, readScorecardXlsx, writePlanToXlsx } from "../../src/xlsx";
import { readComputedCells, recalculate, type ComputedCell } from "../support/libreoffice";
import { isChartGap } from "./support";
import { indexScorecard } from "../../src/engine/index";

/** Grid column -> the engine's CheckRow field it must equal. */
export const GRID_TO_ENGINE: Record<string, keyof CheckRow> = {
  "Period actual": "actual",
  "Period plan": "plan",
  Variance: "varianceAbs",
  "Variance %": "varianceRel",
  Attainment: "attainment",
  "YTD actual": "ytdActual",
  "YTD plan": "ytdPlan",
  "YTD variance": "ytdVarianceAbs",
  "YTD variance %": "ytdVarianceRel",
  "YTD attainment": "ytdAttainment",
  "Band attainment": "bandAttainment",
  Status: "status",
};

export interface Mismatch {
  where: string;
  column: string;
  workbook: unknown;
  engine: unknown;
}

export interface DifferentialResult {
  /** Cells compared: the grid read back through the file, plus every engine expectation. */
  compared: number;
  expectations: number;
  mismatches: Mismatch[];
  /** Formula cells LibreOffice evaluated to an error, "Sheet!A1 #NAME?". */
  errors: string[];
  formulaCells: number;
  readFindings: Finding[];
}

const RELATIVE_TOLERANCE = 1e-9;

/** Equal within 1e-9 relative (absolute below 1e-9 in magnitude); +-1E300 stands for +-Infinity. */
export function numbersAgree(workbook: number, engine: number): boolean {
  if (!Number.isFinite(engine))
    return Math.abs(workbook) >= Number(BIG) && Math.sign(workbook) === Math.sign(engine);
  return (
    Math.abs(workbook - engine) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(workbook), Math.abs(engine))
  );
}

function agree(workbook: unknown, engine: unknown, column: string): boolean {
  if (column === "Status") return workbook === STATUS_LABELS[engine as keyof typeof STATUS_LABELS];
  const blank = workbook === null || workbook === undefined || workbook === "";
  if (engine === undefined || engine === null) return blank;
  if (typeof engine === "number") return typeof workbook === "number" && numbersAgree(workbook, engine);
  return workbook === engine;
}

function column(table: RawTable, header: string): number {
  const i = table.headers.indexOf(header);
  if (i < 0) throw new Error(`${table.tableName} has no column "${header}"`);
  return i;
}

function cellValue(raw: unknown): unknown {
  return raw && typeof raw === "object" && "error" in raw
    ? `#ERROR ${(raw as { error: string }).error}`
    : raw;
}

/** The last month of a fiscal year, YYYY-MM. */
function fiscalYearEnd(fy: number, fyStartMonth: number): string {
  return fiscalYearMonths(fy, fyStartMonth)[11];
}

/**
 * Compare every grid row of one recalculated workbook with the engine. Rows of the as-of
 * fiscal year are judged as of the as-of month; earlier years as of their last month.
 */
export async function compareWorkbook(
  written: Buffer,
  recalculated: Buffer,
  asOfMonth: string,
): Promise<DifferentialResult> {
  const read = await readScorecardXlsx(written);
  const { scorecard } = read;
  const grid = (await readRawTables(recalculated))[TABLES.monthly];
  if (!grid) throw new Error("the recalculated workbook has no tblMonthly");
  const asOfFy = fiscalYearOf(asOfMonth, scorecard.fyStartMonth);
  const checks = new Map<number, Map<string, CheckRow>>();
  const engineRows = (fy: number) => {
    let rows = checks.get(fy);
    if (!rows) {
      const asOf = fy === asOfFy ? asOfMonth : fiscalYearEnd(fy, scorecard.fyStartMonth);
      const result = checkScorecard(indexScorecard(scorecard, read.findings), { asOf });
      rows = new Map(result.rows.filter((r) => !r.rollup).map((r) => [`${r.measure}|${r.unit}`, r]));
      checks.set(fy, rows);
    }
    return rows;
  };
  const [mCol, uCol, fyCol] = ["Measure ID", "Unit ID", "Fiscal year"].map((h) => column(grid, h));
  const mismatches: Mismatch[] = [];
  let compared = 0;
  grid.rows.forEach((row, i) => {
    const measure = row[mCol];
    const fy = row[fyCol];
    if (typeof measure !== "string" || typeof fy !== "number" || fy > asOfFy) return;
    const engine = engineRows(fy).get(`${measure}|${String(row[uCol])}`);
    const where = `${grid.sheetName} row ${grid.topLeftRow + 1 + i} (${measure} / ${String(row[uCol])} / FY${fy})`;
    if (!engine) {
      mismatches.push({ where, column: "(row)", workbook: "present", engine: "no check row" });
      return;
    }
    for (const [header, field] of Object.entries(GRID_TO_ENGINE)) {
      compared += 1;
      const value = cellValue(row[column(grid, header)]);
      if (!agree(value, engine[field], header))
        mismatches.push({ where, column: header, workbook: value, engine: engine[field] });
    }
  });
  compared += compareProgramRows(
    (await readRawTables(recalculated))[TABLES.programStatus],
    checkScorecard(indexScorecard(scorecard, read.findings), { asOf: asOfMonth }).rows,
    mismatches,
  );
  const cells = await readComputedCells(recalculated);
  return { compared, expectations: 0, mismatches, ...formulaErrors(cells), readFindings: read.findings };
}

/**
 * The Dashboard's program rows (roll-ups over every unit) against the engine's roll-up rows:
 * after an edit the roll-ups must leave their fast path over each measure's own grid rows.
 */
function compareProgramRows(program: RawTable | undefined, rows: CheckRow[], mismatches: Mismatch[]): number {
  if (!program) throw new Error("the recalculated workbook has no tblProgramStatus");
  const rollups = new Map(rows.filter((r) => r.rollup).map((r) => [r.measure, r]));
  const idCol = column(program, "Measure ID");
  let compared = 0;
  program.rows.forEach((row) => {
    const engine = rollups.get(String(row[idCol]));
    if (!engine) return;
    for (const [header, field] of Object.entries(GRID_TO_ENGINE)) {
      compared += 1;
      const value = cellValue(row[column(program, header)]);
      if (!agree(value, engine[field], header))
        mismatches.push({
          where: `Dashboard program ${engine.measure}`,
          column: header,
          workbook: value,
          engine: engine[field],
        });
    }
  });
  return compared;
}

/**
 * Every formula cell that evaluated to an error. None is intended in a generated workbook, except
 * the chart data's deliberate NA(), which makes a month without data a gap in a line chart.
 */
export function formulaErrors(cells: Map<string, ComputedCell>): { errors: string[]; formulaCells: number } {
  const errors: string[] = [];
  let formulaCells = 0;
  for (const [key, cell] of cells) {
    if (cell.formula === undefined) continue;
    formulaCells += 1;
    if (cell.error === "#N/A" && isChartGap(cell.formula)) continue;
    if (cell.error) errors.push(`${key} ${cell.error} = ${cell.formula}`);
  }
  return { errors, formulaCells };
}

/** Compare LibreOffice's cells with the engine's expectations (src/workbook/expectations.ts). */
export function compareExpectations(
  expectations: Expectation[],
  cells: Map<string, ComputedCell>,
): Mismatch[] {
  const mismatches: Mismatch[] = [];
  for (const e of expectations) {
    const cell = cells.get(`${e.sheet}!${e.address}`);
    const value = cell?.error ? `#ERROR ${cell.error}` : (cell?.value ?? null);
    const ok =
      e.expected === ""
        ? value === null || value === ""
        : typeof e.expected === "number"
          ? typeof value === "number" && numbersAgree(value, e.expected)
          : value === e.expected;
    if (!ok)
      mismatches.push({
        where: `${e.sheet}!${e.address} (${e.quantity})`,
        column: "",
        workbook: value,
        engine: e.expected,
      });
  }
  return mismatches;
}

/** Write, recalculate (one soffice start for all) and compare several scorecards. */
export async function differential(
  inputs: WorkbookInput[],
  transform: (plan: WorkbookPlan) => WorkbookPlan = (plan) => plan,
): Promise<DifferentialResult[]> {
  const plans = inputs.map((input) => transform(buildPlanFromInput(input)));
  const written = await Promise.all(plans.map((plan) => writePlanToXlsx(plan)));
  const recalculated = await recalculate(written);
  return Promise.all(
    inputs.map(async (input, i) => {
      const grid = await compareWorkbook(written[i], recalculated[i], input.asOfMonth);
      const expectations = formulaExpectations(input, plans[i]);
      const cells = await readComputedCells(recalculated[i]);
      const mismatches = [...grid.mismatches, ...compareExpectations(expectations, cells)];
      return {
        ...grid,
        expectations: expectations.length,
        compared: grid.compared + expectations.length,
        mismatches,
      };
    }),
  );
}

const COUNTIF_STAR =
  /COUNTIFS\(([^,()]+),"\*",([^,()]+),("(?:<=|<|>=|>|=)"&[^,()]+|"(?:<=|<|>=|>|=)?\d+"|[^,()"]+)\)/g;

/**
 * True when a plan counts text cells with COUNTIFS(range,"*",...): LibreOffice's "*" also
 * matches numbers (Excel's matches text only), so such a workbook computes differently there.
 */
export function usesCountifStar(plan: WorkbookPlan): boolean {
  return plan.sheets.some((s) =>
    s.tables.some((t) => t.rows.some((row) => row.some((v) => isFormula(v) && v.formula.includes(',"*",')))),
  );
}

/** COUNTIFS(range,"*",months,criterion) -> SUMPRODUCT(ISTEXT(range)*(months<op>value)), which both compute alike. */
export function portableTextCounts(formula: string): string {
  return formula.replace(COUNTIF_STAR, (_all, range: string, months: string, criterion: string) => {
    const joined = /^"(<=|<|>=|>|=)"&(.+)$/.exec(criterion);
    const literal = /^"(<=|<|>=|>|=)?(\d+)"$/.exec(criterion);
    const test = joined
      ? `${months}${joined[1]}${joined[2]}`
      : literal
        ? `${months}${literal[1] ?? "="}${literal[2]}`
        : `${months}=${criterion}`;
    return `SUMPRODUCT(ISTEXT(${range})*(${test}))`;
  });
}

/** The plan with every text count rewritten portably (see `portableTextCounts`). */
export function withPortableTextCounts(plan: WorkbookPlan): WorkbookPlan {
  const copy = structuredClone(plan);
  for (const s of copy.sheets)
    for (const t of s.tables)
      for (const row of t.rows)
        row.forEach((v, i) => {
          if (isFormula(v)) row[i] = { formula: portableTextCounts(v.formula) };
        });
  return copy;
}
