/**
 * Logging from the Office side, on the in-memory Excel: a proration writes its targets and
 * milestones and their revision rows in the same batch (as many syncs as the write alone), the
 * chain and seal stay valid, a target typed by a person is detected and logged with the reason
 * given once, and the "who" name is kept in About's settings.
 */
import type { ExcelHost } from "../../src/office/host";
import { prorateRequest } from "../taskpane/requests";
import type { WorkbookGateway } from "../../src/taskpane/service/gateway";
import { officeGateway } from "../../src/taskpane/service/officeGateway";
import { WorkbookPort } from "../../src/taskpane/service/workbookPort";
import { buildWorkbookPlan } from "../../src/workbook/buildPlan";
import { MONTHLY_KEY_HEADERS, TABLES } from "../../src/workbook/layout";
import { scorecardFromTables } from "../../src/workbook/read";
import { TEMPLATES } from "../../src/workbook/templates";
import { createMemoryExcel } from "../support/memoryExcel";

jest.setTimeout(120_000);

const CLOCK = new Date("2027-03-04T10:20:30.456Z");

const request = prorateRequest("genetic-tests", 6000);

/** A child-support workbook with sample data in the in-memory Excel, and a port over it. */
async function workbook(wrap: (g: WorkbookGateway) => WorkbookGateway = (g) => g, sampleData = true) {
  const excel = createMemoryExcel({ apiVersion: "1.20", sheets: ["Sheet1"], evaluateFormulas: false });
  const gateway = wrap(officeGateway(excel as unknown as ExcelHost, { canCreateWorkbook: false }));
  const port = new WorkbookPort({
    mode: "preview",
    gateway,
    templates: Object.values(TEMPLATES),
    buildPlan: (id, options) => buildWorkbookPlan(id, options),
    now: () => CLOCK,
  });
  await port.insertTemplate({ templateId: "child-support", withSampleData: sampleData, destination: "this" });
  return { excel, gateway, port };
}

/** The gateway as it was before the log: writes without revision rows. */
const unlogged = (g: WorkbookGateway): WorkbookGateway => ({
  ...g,
  writeRows: (rows, confirm) => g.writeRows(rows, confirm),
});

describe("the pane logs what it writes", () => {
  it("starts with the template's targets as issued, the chain intact and nothing typed", async () => {
    const { port } = await workbook();
    const review = await port.reviewRevisions();
    expect(review).toMatchObject({ hasLog: true, ok: true, typed: [] });
    expect(review.rows).toBe(2 * 11 * 12); // two fiscal years of targets, 11 measures, 12 offices
  });

  it("logs a proration in the same batch: as many syncs as the write without the log", async () => {
    const counts: number[] = [];
    for (const wrap of [unlogged, (g: WorkbookGateway) => g]) {
      const { excel, port } = await workbook(wrap);
      const before = excel.stats.syncs;
      await port.writeProration(request, { confirm: true });
      counts.push(excel.stats.syncs - before);
    }
    expect(counts[1]).toBe(counts[0]);
  });

  it("starts an empty template's log with the first proration, in the table's blank row", async () => {
    const { port, gateway } = await workbook((g) => g, false);
    expect(await port.reviewRevisions()).toMatchObject({ rows: 0, ok: true, typed: [] });
    await port.writeProration(request, { confirm: true });
    const read = scorecardFromTables(await gateway.readTables());
    const log = read.revisions!.log;
    // 12 targets and 144 milestones, each logged as a baseline: there was nothing before.
    expect(log).toHaveLength(12 * 13);
    expect(log.every((r) => r.reason === "baseline" && r.oldValue === null)).toBe(true);
    expect(read.revisions!.sheetRows[0]).toBe(5);
    expect(await port.reviewRevisions()).toMatchObject({ rows: 156, ok: true, typed: [] });
  });

  it("leaves a valid chain whose last rows are the proration's, under the name given once", async () => {
    const { port, gateway } = await workbook();
    await port.setRevisionName("  J. Okafor ");
    const rowsBefore = (await port.reviewRevisions()).rows;
    await port.writeProration(request, {
      confirm: true,
      reason: "resources-changed",
      note: "New lab contract",
    });
    const review = await port.reviewRevisions();
    expect(review).toMatchObject({ who: "J. Okafor", ok: true, typed: [] });
    const read = scorecardFromTables(await gateway.readTables());
    const added = read.revisions!.log.slice(rowsBefore);
    // 12 offices' targets; milestones only where the even spread changed them.
    expect(added.filter((r) => r.field === "target")).toHaveLength(12);
    expect(added.every((r) => r.source === "pane-proration" && r.who === "J. Okafor")).toBe(true);
    expect(added[0]).toMatchObject({
      at: "2027-03-04T10:20:30Z",
      reason: "resources-changed",
      note: "New lab contract",
    });
    expect(read.revisions!.seal).toEqual({ rows: review.rows, head: read.revisions!.log.at(-1)!.hash });
    const history = await port.targetHistory("genetic-tests", "howard");
    const targets = history.filter((h) => h.field === "target" && h.period === "2027");
    expect(targets.map((h) => h.source)).toEqual(["baseline", "pane-proration"]);
    expect(targets[1].oldValue).toBe(targets[0].newValue);
  });

  it("formats the values it appends to the log as the sheet is built: whole numbers with separators", async () => {
    const { excel, port, gateway } = await workbook();
    const rowsBefore = (await port.reviewRevisions()).rows;
    await port.writeProration(request, { confirm: true });
    const log = (await gateway.readTables([TABLES.revisions]))[TABLES.revisions]!;
    const column = log.headers.indexOf("New value");
    const first = log.topLeftRow + 1 + rowsBefore;
    const formats = await excel.run(async (context) => {
      const range = context.workbook.worksheets
        .getItem(log.sheetName)
        .getRangeByIndexes(first - 1, log.topLeftCol - 1 + column, log.rows.length - rowsBefore, 1)
        .load("numberFormat");
      await context.sync();
      return range.numberFormat.map((r) => r[0]);
    });
    expect(formats.length).toBeGreaterThan(12);
    expect(new Set(formats)).toEqual(new Set(["#,##0"]));
  });

  it("finds a target typed over in the grid and logs it with the reason given once", async () => {
    const { port, gateway } = await workbook();
    await port.setRevisionName("JO");
    const h = MONTHLY_KEY_HEADERS;
    await gateway.writeRows(
      {
        table: TABLES.monthly,
        columns: [h.measure, h.unit, h.fiscalYear, h.target],
        rows: [
          ["locates", "howard", 2027, 3000],
          ["locates", "carroll", 2027, 2000],
        ],
      },
      true,
    );
    const found = await port.reviewRevisions();
    expect(found.ok).toBe(true);
    expect(found.typed.map((t) => [t.unit, t.value, t.address])).toEqual([
      ["carroll", 2000, expect.stringMatching(/^Milestones & Actuals!D\d+$/)],
      ["howard", 3000, expect.stringMatching(/^Milestones & Actuals!D\d+$/)],
    ]);
    const result = await port.logTypedChanges("correction", "Keyed from the regional memo");
    expect(result.message).toBe("2 typed change(s) logged on Revisions.");
    const after = await port.reviewRevisions();
    expect(after).toMatchObject({ ok: true, typed: [], rows: found.rows + 2 });
    const history = await port.targetHistory("locates", "howard");
    expect(history.at(-1)).toMatchObject({
      source: "pane-detected-edit",
      newValue: 3000,
      reason: "correction",
      note: "Keyed from the regional memo",
      who: "JO",
    });
  });

  it("logs a skipped question as 'no reason given'", async () => {
    const { port, gateway } = await workbook();
    const h = MONTHLY_KEY_HEADERS;
    await gateway.writeRows(
      {
        table: TABLES.monthly,
        columns: [h.measure, h.unit, h.fiscalYear, h.target],
        rows: [["locates", "howard", 2027, 10]],
      },
      true,
    );
    await port.logTypedChanges("no-reason-given");
    expect((await port.targetHistory("locates", "howard")).at(-1)).toMatchObject({
      reason: "no-reason-given",
      note: "",
    });
  });
});
