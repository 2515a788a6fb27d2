/**
 * The revision log in a real .xlsx: the demo as written verifies, and each way a person can
 * tamper with it (edit a logged row, delete one, reorder two, insert one, cut rows off the end,
 * type over a target) is found by the reader and said by `yardstick check` with the row or cell.
 */
import ExcelJS from "exceljs";
import { checkWorkbook, formatCheckReport } from "../../src/cli/commands/check";
import { demoInput } from "../../src/cli/commands/demo";
import { GENESIS_HASH, revisionHash } from "../../src/engine/revisions";
import { buildPlanFromInput } from "../../src/workbook/buildPlan";
import { REVISION_HEADERS, TABLES } from "../../src/workbook/layout";
import { storedNumber } from "../../src/workbook/sheets/revisions";
import { loadWorkbook, readScorecardXlsx, writePlanToXlsx } from "../../src/xlsx";
import { columnLetters, parseRange } from "../../src/xlsx/address";
import { insertTableRow, setCells } from "./edits";

jest.setTimeout(180_000);

interface LoadedTable {
  table: { name: string; tableRef: string; autoFilterRef?: string; headerRow?: boolean };
}

/** Rewrite a table's data rows the way Excel leaves them after deleting or moving rows: the table fits its rows. */
async function rewriteRows(
  bytes: Buffer,
  tableName: string,
  change: (rows: ExcelJS.CellValue[][]) => ExcelJS.CellValue[][],
): Promise<Buffer> {
  const workbook = await loadWorkbook(bytes);
  for (const ws of workbook.worksheets) {
    const tables = (ws as unknown as { tables: Record<string, LoadedTable> }).tables ?? {};
    const found = tables[tableName];
    if (!found) continue;
    const { table } = found;
    const { from, to } = parseRange(table.tableRef);
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = from.row + 1; r <= to.row; r += 1) {
      const row: ExcelJS.CellValue[] = [];
      for (let c = from.column; c <= to.column; c += 1) row.push(ws.getCell(r, c).value);
      rows.push(row);
    }
    const next = change(rows);
    for (let i = 0; i < rows.length; i += 1)
      for (let c = 0; c <= to.column - from.column; c += 1)
        ws.getCell(from.row + 1 + i, from.column + c).value = next[i]?.[c] ?? null;
    const last = from.row + Math.max(1, next.length);
    table.tableRef = `${columnLetters(from.column)}${from.row}:${columnLetters(to.column)}${last}`;
    table.autoFilterRef = table.tableRef;
    table.headerRow = true;
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
  throw new Error(`no table ${tableName}`);
}

const input = demoInput();
const log = input.revisions!;
// The late cut at Baltimore City is the demo's one revision worth a flag.
const cutIndex = log.findIndex((r) => r.unit === "baltimore-city" && r.reason === "resources-changed");
const isCut = (row: Record<string, ExcelJS.CellValue>) =>
  row[REVISION_HEADERS.unit] === "baltimore-city" && row[REVISION_HEADERS.reason] === "resources-changed";

let demo: Buffer;
beforeAll(async () => {
  demo = await writePlanToXlsx(buildPlanFromInput(input));
});

async function findingsOf(bytes: Buffer) {
  const read = await readScorecardXlsx(bytes, "demo.xlsx");
  const codes = ["revision-log-edited", "revision-log-truncated", "unlogged-change"];
  return { read, findings: read.findings.filter((f) => codes.includes(f.code)) };
}

describe("the demo's revision log as written", () => {
  it("verifies against its seal, and every target cell matches its last logged value", async () => {
    const { read, findings } = await findingsOf(demo);
    expect(read.revisions?.check).toMatchObject({ ok: true, rows: log.length });
    expect(read.revisions?.seal).toEqual({ rows: log.length, head: log.at(-1)!.hash });
    expect(findings).toEqual([]);
    // Values come back as the 15 significant digits the cells keep and the hashes cover.
    expect(read.revisions?.log).toEqual(
      log.map((r) => ({ ...r, oldValue: storedNumber(r.oldValue), newValue: storedNumber(r.newValue) })),
    );
  });

  it("yardstick check says the chain is intact and lists the late cut with its evidence", async () => {
    const report = await checkWorkbook(demo, "demo.xlsx");
    expect(report.revisionLog).toEqual({ rows: log.length, ok: true, unlogged: 0 });
    const cut = report.flags.find((f) => f.detector === "late-target-cut")!;
    expect(cut).toMatchObject({ measure: "locates", unit: "baltimore-city", periods: ["2026"] });
    expect(cut.evidence.text).toContain("in month 10 of 12 of FY2026");
    expect(cut.evidence.text).toContain("by T. Whitfield");
  });
});

describe("tampering with the log is found where it happened", () => {
  const logRow = cutIndex + 1;
  // tblRevisions' header is on sheet row 4: log row n sits on sheet row n + 4.
  const sheetRow = logRow + 4;

  it("an edited value: 'the log was edited at or after row N', pointing at the row", async () => {
    const { bytes } = await setCells(demo, TABLES.revisions, { [REVISION_HEADERS.newValue]: 6100 }, isCut);
    const { findings } = await findingsOf(bytes);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: "error",
        code: "revision-log-edited",
        where: expect.objectContaining({ sheet: "Revisions", row: sheetRow, address: `A${sheetRow}` }),
      }),
      // The forged 6100 is now the "last logged" value, which the grid's target does not match.
      expect.objectContaining({ code: "unlogged-change", measure: "locates", unit: "baltimore-city" }),
    ]);
    expect(findings[0].message).toContain(`The revision log was edited at or after row ${logRow}`);
    const text = formatCheckReport(await checkWorkbook(bytes, "demo.xlsx"));
    expect(text).toContain(
      `Revision log (${log.length} rows): BROKEN: The revision log was edited at or after row ${logRow}`,
    );
  });

  it("an edited reason, the words a reviewer reads", async () => {
    const { bytes } = await setCells(
      demo,
      TABLES.revisions,
      { [REVISION_HEADERS.reason]: "correction" },
      isCut,
    );
    const { findings } = await findingsOf(bytes);
    expect(findings.map((f) => [f.code, f.where?.row])).toEqual([["revision-log-edited", sheetRow]]);
  });

  it("a deleted row", async () => {
    const bytes = await rewriteRows(demo, TABLES.revisions, (rows) => rows.filter((_, i) => i !== cutIndex));
    const { findings } = await findingsOf(bytes);
    expect(findings.map((f) => [f.code, f.where?.row])).toContainEqual(["revision-log-edited", sheetRow]);
    expect(findings[0].message).toContain(`at or after row ${logRow}`);
  });

  it("two rows swapped", async () => {
    const bytes = await rewriteRows(demo, TABLES.revisions, (rows) => {
      const out = [...rows];
      [out[cutIndex - 1], out[cutIndex]] = [out[cutIndex], out[cutIndex - 1]];
      return out;
    });
    const { findings } = await findingsOf(bytes);
    expect(findings.map((f) => [f.code, f.where?.row])).toEqual([["revision-log-edited", sheetRow - 1]]);
  });

  it("an inserted row, even one whose own hash was computed to follow the row above it", async () => {
    const forged = {
      at: "2026-07-01T09:00:00Z",
      who: "T. Whitfield",
      source: "pane-proration" as const,
      measure: "locates",
      unit: "howard",
      period: "2026",
      field: "target" as const,
      oldValue: 900,
      newValue: 800,
      reason: "other" as const,
      note: "",
    };
    const hash = revisionHash(cutIndex === 0 ? GENESIS_HASH : log[cutIndex - 1].hash, forged);
    const h = REVISION_HEADERS;
    const bytes = await insertTableRow(demo, TABLES.revisions, cutIndex, {
      [h.at]: forged.at,
      [h.who]: forged.who,
      [h.source]: forged.source,
      [h.measure]: forged.measure,
      [h.unit]: forged.unit,
      [h.period]: forged.period,
      [h.field]: forged.field,
      [h.oldValue]: forged.oldValue,
      [h.newValue]: forged.newValue,
      [h.reason]: forged.reason,
      [h.note]: forged.note,
      [h.hash]: hash,
    });
    const { findings } = await findingsOf(bytes);
    // The forged row chains onto the one above it; the row it pushed down no longer does. (Its
    // 800 for Howard also differs from Howard's target cell: an unlogged change besides.)
    expect(findings.filter((f) => f.code !== "unlogged-change").map((f) => [f.code, f.where?.row])).toEqual([
      ["revision-log-edited", sheetRow + 1],
    ]);
  });

  it("rows cut off the end: the chain still holds, the seal in About says rows are missing", async () => {
    const bytes = await rewriteRows(demo, TABLES.revisions, (rows) => rows.slice(0, rows.length - 2));
    const { findings } = await findingsOf(bytes);
    // The two targets whose revisions were cut off now differ from what the log last says.
    expect(findings.map((f) => f.code)).toEqual([
      "revision-log-truncated",
      "unlogged-change",
      "unlogged-change",
    ]);
    expect(findings[0].message).toContain(
      `had ${log.length} rows when last saved by Yardstick and now has ${log.length - 2}`,
    );
  });

  it("a target typed over directly is an unlogged change, with its cell and both values", async () => {
    const { bytes, changed } = await setCells(
      demo,
      TABLES.monthly,
      { Target: 5000 },
      (row) =>
        row["Measure ID"] === "locates" && row["Unit ID"] === "baltimore-city" && row["Fiscal year"] === 2026,
    );
    const { read, findings } = await findingsOf(bytes);
    expect(read.revisions?.check.ok).toBe(true);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: "warning",
      code: "unlogged-change",
      measure: "locates",
      unit: "baltimore-city",
      period: "2026",
    });
    expect(`${findings[0].where?.sheet}!${findings[0].where?.address}`).toBe(changed[0]);
    expect(findings[0].message).toContain(`is 5000; the log last says ${log[cutIndex].newValue}`);
    expect(read.revisions?.unlogged[0]).toMatchObject({ value: 5000, loggedValue: log[cutIndex].newValue });
  });
});
