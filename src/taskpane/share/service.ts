/**
 * The email loop from the task pane: split the open workbook into office copies and collect
 * the returned files into it. The decisions are src/workbook/loop's (the command line makes
 * the same ones); this file reads the workbook through the SharePort, writes and reads the
 * files with the lazily loaded src/xlsx, and turns the outcome into what the pane shows.
 */
import type { Revision } from "../../engine/revisions/types";
import { addMonths } from "../../engine/period";
import { MONTHLY_KEY_HEADERS, TABLES, UNIT_HEADERS } from "../../workbook/layout";
import {
  collectReturns,
  localDay,
  copyFileName,
  readMaster,
  reportMonthOf,
  SplitError,
  splitMaster,
  type CollectResult,
  type MasterModel,
} from "../../workbook/loop";
import type { PlanScalar } from "../../workbook/plan";
import type { TablesInput } from "../../workbook/read";
import {
  readReturnsRows,
  RETURN_STATUSES,
  RETURNS_TABLE,
  type ReturnsRow,
  type ReturnStatus,
} from "../../workbook/sheets/returns";
import { PortError } from "../port";
import type { CollectedWrite, SharePort } from "./port";
import type { XlsxModule } from "./lazyXlsx";

/** More copies than this are not opened as workbooks in Excel: the command line writes them. */
export const MAX_OPENED_COPIES = 30;

/** Where a split is better made (many units, or a host that cannot open workbooks). */
export const SPLIT_COMMAND = "npx yardstick split master.xlsx --out offices --due YYYY-MM-DD";

export interface ShareDeps {
  xlsx: () => Promise<XlsxModule>;
  /** The clock (issue time, received-late checks). */
  now: () => Date;
}

const isoSecond = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, "Z");

async function master(
  port: SharePort,
  xlsx: XlsxModule,
): Promise<{ master: MasterModel; tables: TablesInput }> {
  const tables = await port.readLoopTables();
  const model = readMaster(tables, xlsx.reviewedFlags(tables));
  const missing = model.findings.filter((f) => f.code === "missing-table" && f.severity === "error");
  if (missing.length)
    throw new PortError(
      `This workbook is not a whole Yardstick scorecard: ${missing.map((f) => f.message).join(" ")}`,
      "Insert a template on the Start tab, or open the master scorecard.",
    );
  return { master: model, tables };
}

/** What the Send form offers: the month the copies will ask for, a due date, the grouping columns. */
export interface SendSetup {
  reportMonth: string;
  defaultDue: string;
  unitCount: number;
  /** Text columns of the Units table a split may group by (e.g. Region). */
  groupColumns: string[];
  /** Who has sent their copy back, from the Returns sheet (undefined: nothing collected yet). */
  returns?: ReturnsTracker;
}

/** The Returns sheet in brief: how many returns stand at each status, and who is still to send. */
export interface ReturnsTracker {
  counts: { status: ReturnStatus; count: number }[];
  /** Offices (names) with nothing usable back yet, the late ones first. */
  waiting: { unit: string; due: string; late: boolean }[];
}

/**
 * The tracker from tblReturns' rows of the latest issue, as the last collect left them. A missing
 * office whose due date has passed since is late now. Superseded copies are left out: a newer
 * copy stands for them.
 * Example: `returnsTracker(rows, names, "2027-05-12")?.waiting[0]`.
 */
export function returnsTracker(
  rows: ReturnsRow[],
  nameOf: (unit: string) => string,
  today: string,
): ReturnsTracker | undefined {
  // The latest issue only: collect carries every earlier return forward, and last quarter's
  // merged copies say nothing about who has sent this one back.
  const latest = rows.reduce((m, r) => (r.issued > m ? r.issued : m), "");
  const standing = rows.filter((r) => r.status !== "superseded" && (r.issued === "" || r.issued === latest));
  if (standing.length === 0) return undefined;
  const late = (r: ReturnsRow) =>
    r.status === "late" || (r.status === "missing" && r.due !== "" && r.due < today);
  const status = (r: ReturnsRow): ReturnStatus => (late(r) ? "late" : r.status);
  const counts = RETURN_STATUSES.map((st) => ({
    status: st,
    count: standing.filter((r) => status(r) === st).length,
  }));
  const waiting = standing
    .filter((r) => r.status === "missing" || r.status === "late")
    .map((r) => ({ unit: nameOf(r.unit), due: r.due, late: late(r) }))
    .sort((a, b) => Number(b.late) - Number(a.late) || a.unit.localeCompare(b.unit));
  return { counts: counts.filter((c) => c.count > 0), waiting };
}

export async function sendSetup(port: SharePort, deps: ShareDeps): Promise<SendSetup> {
  const { master: m, tables } = await master(port, await deps.xlsx());
  let reportMonth: string;
  try {
    reportMonth = reportMonthOf(m);
  } catch (error) {
    throw new PortError((error as Error).message, "Set the as-of month on the About sheet, then try again.");
  }
  const units = tables[TABLES.units];
  const skip = new Set<string>([UNIT_HEADERS.id, UNIT_HEADERS.name]);
  const groupColumns = (units?.headers ?? []).filter(
    (h, c) =>
      h &&
      !skip.has(h) &&
      units!.rows.some((r) => typeof r[c] === "string" && r[c] !== "") &&
      units!.rows.every((r) => typeof r[c] !== "number"),
  );
  const names = new Map(m.input.units.map((u) => [u.id, u.name || u.id]));
  // Late by the calendar where the manager is, as collect judges it.
  const today = localDay(deps.now().toISOString());
  return {
    reportMonth,
    defaultDue: `${addMonths(reportMonth, 1)}-10`,
    unitCount: m.input.units.length,
    groupColumns,
    returns: returnsTracker(readReturnsRows(tables[RETURNS_TABLE]), (u) => names.get(u) ?? u, today),
  };
}

export interface SendRequest {
  /** YYYY-MM-DD */
  due: string;
  /** "unit" or a Units column. */
  by: string;
}

export type SendOutcome =
  | { kind: "opened"; files: string[]; message: string }
  | { kind: "zip"; fileName: string; bytes: Uint8Array; files: string[]; message: string };

/**
 * Split the open workbook: in Excel (ExcelApi 1.8) each copy opens as a new workbook; elsewhere
 * (the browser preview, older Excel) the copies come back as one .zip to download.
 */
export async function sendToOffices(
  port: SharePort,
  canCreateWorkbook: boolean,
  request: SendRequest,
  deps: ShareDeps,
): Promise<SendOutcome> {
  const xlsx = await deps.xlsx();
  const { master: m, tables } = await master(port, xlsx);
  let copies;
  try {
    copies = splitMaster(m, tables, {
      due: request.due,
      by: request.by,
      issuedAt: isoSecond(deps.now()),
    });
  } catch (error) {
    if (error instanceof SplitError)
      throw new PortError(`The copies cannot be made: ${error.message}.`, "Change the form and try again.");
    throw error;
  }
  if (copies.length === 0)
    throw new PortError("This scorecard has no units to send copies to.", "Add units on the Units sheet.");
  if (canCreateWorkbook && copies.length > MAX_OPENED_COPIES)
    throw new PortError(
      `${copies.length} copies are more than Excel should open at once.`,
      `Save this workbook and run the command line: ${SPLIT_COMMAND}`,
    );
  // Collect matches returns by the master's ID: keep it in the workbook from the first split.
  if (!m.hasMasterId) await port.writeMasterId(m.masterId);
  const names = new Set<string>();
  const files = copies.map((c) => {
    let name = copyFileName(c.unit);
    for (let n = 2; names.has(name.toLowerCase()); n++) name = copyFileName(`${c.unit}-${n}`);
    names.add(name.toLowerCase());
    return name;
  });
  const due = copies[0].stamp.due;
  const month = copies[0].stamp.reportMonth;
  if (canCreateWorkbook) {
    for (const c of copies) await port.openNewWorkbook(xlsx.toBase64(await xlsx.writePlanBytes(c.plan)));
    return {
      kind: "opened",
      files,
      message: `Opened ${copies.length} new workbooks, one per office, for ${month}, due ${due}. Save each (as ${files[0]} and so on) and email it to its office.`,
    };
  }
  const written: { name: string; bytes: Uint8Array }[] = [];
  for (const [i, c] of copies.entries())
    written.push({ name: files[i], bytes: await xlsx.writePlanBytes(c.plan) });
  return {
    kind: "zip",
    fileName: `office-copies-${month}.zip`,
    bytes: await xlsx.zipFiles(written),
    files,
    message: `${copies.length} office copies for ${month}, due ${due}, in one .zip: unzip it and email each office its file.`,
  };
}

/** A file the person picked. */
export interface ReturnFile {
  name: string;
  bytes: Uint8Array;
  /** Its modification time (ms), which counts as when it was received. */
  lastModified: number;
}

/** One file's verdict, in the pane's words. */
export interface FileVerdict {
  file: string;
  unit: string;
  status: ReturnStatus;
  /** Nothing from a rejected file enters the workbook. */
  accepted: boolean;
  cells: number;
  /** What is wrong or worth knowing, each naming the file, sheet and cell. */
  reasons: string[];
}

export interface ConflictLine {
  unit: string;
  what: string;
}

export interface CollectCheck {
  verdicts: FileVerdict[];
  conflicts: ConflictLine[];
  /** Units with nothing usable back. */
  missing: string[];
  write: CollectedWrite;
}

const showCanonical = (c: string): string => (c === "" ? "blank" : c.slice(2));

/** The tblMonthly rows a collect writes: key columns and only the merged input columns. */
function monthlyRows(result: CollectResult, tables: TablesInput): CollectedWrite["monthly"] {
  const k = MONTHLY_KEY_HEADERS;
  const headers = [...new Set(result.merges.map((m) => m.header))];
  const table = tables[TABLES.monthly];
  const col = (h: string) => table?.headers.indexOf(h) ?? -1;
  const [mc, uc, fc] = [col(k.measure), col(k.unit), col(k.fiscalYear)];
  const rows = new Map<string, PlanScalar[]>();
  for (const m of result.merges) {
    const key = `${m.measure}\u0000${m.unit}\u0000${m.fiscalYear}`;
    let row = rows.get(key);
    if (!row) {
      // Columns this row does not merge keep what the workbook holds (an unchanged cell is not written).
      const current = table?.rows.find(
        (r) => String(r[mc]) === m.measure && String(r[uc]) === m.unit && Number(r[fc]) === m.fiscalYear,
      );
      row = [
        m.measure,
        m.unit,
        m.fiscalYear,
        ...headers.map((h) => (current?.[col(h)] as PlanScalar | undefined) ?? null),
      ];
      rows.set(key, row);
    }
    row[3 + headers.indexOf(m.header)] = m.value;
  }
  return {
    table: TABLES.monthly,
    columns: [k.measure, k.unit, k.fiscalYear, ...headers],
    rows: [...rows.values()],
  };
}

/**
 * Check returned files against the open workbook as collect does (stamp, master, unit, newest
 * issue, formulas and locked cells, inputs), and decide what would merge. Writes nothing.
 */
export async function checkReturns(
  port: SharePort,
  files: ReturnFile[],
  deps: ShareDeps,
): Promise<CollectCheck> {
  const xlsx = await deps.xlsx();
  const { master: m, tables } = await master(port, xlsx);
  const copies = await Promise.all(
    files.map((f) => xlsx.readReturnedCopy(f.bytes, f.name, isoSecond(new Date(f.lastModified)))),
  );
  const result = collectReturns(m, tables, copies, {
    now: isoSecond(deps.now()),
    dayOf: localDay,
    previous: readReturnsRows(tables[RETURNS_TABLE]),
    // The pane writes only the merged cells; the as-of month stays the manager's to move.
    advanceAsOf: false,
  });
  // Names, not ids: "Anne Arundel", as the manager reads them (a group keeps its value).
  const names = new Map(m.input.units.map((u) => [u.id, u.name || u.id]));
  const nameOf = (unit: string): string => names.get(unit) ?? unit;
  const measures = new Map(m.input.measures.map((x) => [x.id, x.name || x.id]));
  // A row key "orders | howard | 2027" as "Cases with support orders, FY2027".
  const rowWords = (key: string): string => {
    const [measure, , year] = key.split(" | ");
    return year ? `${measures.get(measure) ?? measure}, FY${year}` : key;
  };
  const verdicts: FileVerdict[] = result.returns
    .filter((r) => r.file !== "" && files.some((f) => f.name === r.file))
    .map((r) => ({
      file: r.file,
      unit: nameOf(r.unit),
      status: r.status,
      accepted: r.status === "merged" || r.status === "received",
      cells: r.cellsMerged,
      reasons: result.findings
        .filter((f) => f.file === r.file && (f.severity !== "info" || r.status === "superseded"))
        .map((f) => f.message),
    }));
  const conflicts = result.conflicts.map((c) => ({
    unit: nameOf(c.unit),
    what: `${rowWords(c.key)}, ${c.header}: issued ${showCanonical(c.issued)}, this workbook now ${showCanonical(c.master)}, ${c.returned.map((r) => `${r.file} says ${showCanonical(r.value)}`).join(", ")}. Decide, and type the right value in the workbook.`,
  }));
  const logged = m.input.revisions?.length ?? 0;
  const revisions: Revision[] = (result.input.revisions ?? [])
    .slice(logged)
    .map(({ hash: _hash, ...r }) => r);
  return {
    verdicts,
    conflicts,
    missing: result.returns
      .filter((r) => r.status === "missing" || r.status === "late")
      .map((r) => nameOf(r.unit)),
    write: {
      monthly: monthlyRows(result, tables),
      revisions,
      returns: tables[RETURNS_TABLE] ? result.returns : [],
      cells: result.merges.length,
    },
  };
}
