/** Applying plans and reading scorecards back through the in-memory Excel. */
import fc from "fast-check";
import { cellInput, UnsupportedHostError } from "../../src/office";
import { buildPlanFromInput, buildWorkbookPlan } from "../../src/workbook/buildPlan";
import { scorecardFromTables } from "../../src/workbook/read";
import { TABLES } from "../../src/workbook/layout";
import { TEMPLATE_IDS } from "../../src/workbook/templates";
import { createMemoryExcel } from "../support/memoryExcel";
import { memoryAdapter, planTables } from "./adapterSupport";
import { HOSTILE_NAMES, scorecardInput, scorecardPlan } from "./scorecards";

describe("applying a template and reading it back", () => {
  it.each(TEMPLATE_IDS)("gives back the scorecard the %s template holds", async (id) => {
    const plan = buildWorkbookPlan(id, { sampleData: id !== "blank" });
    const { adapter } = memoryAdapter();
    expect(await adapter.applyPlan(plan)).toMatchObject({ status: "written" });
    const read = await adapter.readScorecard();
    const expected = scorecardFromTables(planTables(plan));
    expect(read.scorecard).toEqual(expected.scorecard);
    // An empty table keeps one body row whose computed cells are not blank in Excel; the reader warns about it.
    const placeholder = (f: { code: string }) => id === "blank" && f.code === "blank-key";
    expect(read.findings.filter((f) => !placeholder(f))).toEqual(expected.findings);
    if (id !== "blank") expect(read.scorecard.observations.length).toBeGreaterThan(100);
  });

  it("computes the template's formulas (the Dashboard is not all errors)", async () => {
    const { excel, adapter } = memoryAdapter({ evaluateFormulas: true });
    await adapter.applyPlan(buildPlanFromInput(scorecardInput(4), { dataTable: false }));
    const values = await excel.run(async (context) => {
      const body = context.workbook.tables.getItem(TABLES.unitStatus).getDataBodyRange().load("values");
      await context.sync();
      return body.values.flat();
    });
    const errors = values.filter((v) => typeof v === "string" && v.startsWith("#"));
    expect(values.length).toBeGreaterThan(10);
    expect(errors).toEqual([]);
  });

  it("creates every conditional format, validation, name and chart the plan asks for", async () => {
    const plan = buildWorkbookPlan("child-support", { sampleData: true });
    const { excel, adapter } = memoryAdapter();
    await adapter.applyPlan(plan);
    const sheets = plan.sheets;
    const validations = sheets.reduce(
      (n, s) =>
        n +
        s.validations.length +
        s.tables.reduce((m, t) => m + t.columns.filter((c) => c.validation).length, 0),
      0,
    );
    expect(excel.host.conditionalFormats).toHaveLength(
      sheets.reduce((n, s) => n + s.conditionalFormats.length, 0),
    );
    expect(excel.host.validations).toHaveLength(validations);
    expect(excel.host.validations.every((v) => v.settings.rule && v.settings.errorAlert)).toBe(true);
    expect([...excel.host.names.values()].map((n) => n.name).sort()).toEqual(
      plan.names.map((n) => n.name).sort(),
    );
    const charts = sheets.flatMap((s) => s.charts);
    expect(excel.host.charts.map((c) => c.settings["title.text"])).toEqual(charts.map((c) => c.title));
    expect(excel.host.charts.map((c) => c.series.length)).toEqual(charts.map((c) => c.series.length));
    // Percent axes read as percents, and labels sit below a plot with negative columns.
    expect(excel.host.charts.map((c) => c.settings["axes.valueAxis.numberFormat"])).toEqual(
      charts.map((c) => c.valueFormat),
    );
    expect(charts.filter((c) => c.valueFormat === "0%").length).toBeGreaterThanOrEqual(2);
    expect(excel.host.charts.every((c) => c.settings["axes.categoryAxis.tickLabelPosition"] === "Low")).toBe(
      true,
    );
    expect(excel.host.tables.map((t) => t.name).sort()).toEqual(
      sheets.flatMap((s) => s.tables.map((t) => t.name)).sort(),
    );
  });

  it("asks before building into a workbook that already has a template sheet, and writes nothing", async () => {
    const { excel, adapter } = memoryAdapter({ sheets: ["Flags"] });
    const outcome = await adapter.applyPlan(buildWorkbookPlan("blank"));
    expect(outcome).toMatchObject({
      status: "needs-confirmation",
      reason: "sheets-exist",
      sheets: ["Flags"],
    });
    expect(excel.host.sheets.map((s) => s.name)).toEqual(["Flags"]);
  });
});

describe("round trips stay constant and within the payload budget", () => {
  const noDataTable = (units: number) => buildPlanFromInput(scorecardInput(units), { dataTable: false });

  it("applies the whole plan, Data sheet included, for 1,000 units in as many syncs as for 10", async () => {
    const syncs = [];
    for (const units of [10, 1000]) {
      const { excel, adapter } = memoryAdapter({ evaluateFormulas: false });
      await adapter.applyPlan(buildPlanFromInput(scorecardInput(units), { dataTable: true }));
      syncs.push(excel.stats.syncs);
    }
    expect(syncs[1]).toEqual(syncs[0]);
    expect(syncs[0]).toBeLessThanOrEqual(4);
  });

  it("applies and reads a 1,000-unit scorecard in as many syncs as a 10-unit one", async () => {
    const counts = [];
    for (const units of [10, 1000]) {
      const { excel, adapter } = memoryAdapter({ evaluateFormulas: false });
      await adapter.applyPlan(noDataTable(units));
      const applySyncs = excel.stats.syncs;
      excel.resetStats();
      const read = await adapter.readScorecard();
      expect(read.scorecard.units).toHaveLength(units);
      counts.push({ applySyncs, readSyncs: excel.stats.syncs });
    }
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0].applySyncs).toBeLessThanOrEqual(4);
  });

  it("never sends a request or receives a response above the budget, splitting big writes instead", async () => {
    const budget = 256 * 1024;
    const { excel, adapter } = memoryAdapter(
      { evaluateFormulas: false, requestLimitBytes: budget, responseLimitBytes: budget },
      budget,
    );
    await adapter.applyPlan(buildPlanFromInput(scorecardInput(200), { dataTable: false }));
    const read = await adapter.readScorecard();
    expect(read.scorecard.units).toHaveLength(200);
    expect(Math.max(...excel.stats.requestBytes)).toBeLessThanOrEqual(budget);
    expect(Math.max(...excel.stats.responseBytes)).toBeLessThanOrEqual(budget);
    expect(excel.stats.requestBytes.filter((b) => b > budget / 2).length).toBeGreaterThan(1);
  });

  it("suspends calculation in every write sync", async () => {
    const { excel, adapter } = memoryAdapter({ evaluateFormulas: false }, 64 * 1024);
    await adapter.applyPlan(scorecardPlan(20));
    expect(excel.host.calculationSuspensions).toBeGreaterThan(1);
  });
});

describe("text from people stays text", () => {
  it.each(HOSTILE_NAMES)("a unit called %j is written and read back as that text", async (name) => {
    const { excel, adapter } = memoryAdapter();
    await adapter.applyPlan(
      buildPlanFromInput(scorecardInput(HOSTILE_NAMES.length, { hostile: true }), { dataTable: false }),
    );
    const read = await adapter.readScorecard();
    expect(read.scorecard.units.map((u) => u.name)).toContain(name);
    const cells = [...excel.host.findSheet("Units")!.cells.values()].map((c) => c.content);
    expect(cells.filter((c) => c?.t === "s" && c.v === name)).toHaveLength(1);
  });

  it("no string becomes a formula, number, date or boolean (property)", async () => {
    const excel = createMemoryExcel({ sheets: ["S"] });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 20 }),
        async (texts) => {
          const values = await excel.run(async (context) => {
            const range = context.workbook.worksheets.getItem("S").getRange(`A1:A${texts.length}`);
            range.formulas = texts.map((t) => [cellInput(t)]);
            range.load("values");
            await context.sync();
            return range.values.map((r) => r[0]);
          });
          expect(values).toEqual(texts);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("any unit names survive the round trip (property)", () => {
  it("reads back exactly the names written, whatever characters they hold", async () => {
    const name = fc
      .string({ minLength: 1, maxLength: 16 })
      .filter((n) => n.trim() === n && !n.startsWith("#"));
    await fc.assert(
      fc.asyncProperty(fc.array(name, { minLength: 1, maxLength: 4 }), async (names) => {
        const input = scorecardInput(names.length);
        input.units = input.units.map((u, i) => ({ ...u, name: names[i] }));
        const { adapter } = memoryAdapter();
        await adapter.applyPlan(buildPlanFromInput(input, { dataTable: false }));
        const read = await adapter.readScorecard();
        expect(read.scorecard.units.map((u) => u.name)).toEqual(names);
      }),
      { numRuns: 8 },
    );
  });
});

describe("feature detection", () => {
  it("refuses a host below ExcelApi 1.8 with a message that says what to do", async () => {
    const { adapter } = memoryAdapter({ apiVersion: "1.7" });
    expect(adapter.support.ok).toBe(false);
    expect(adapter.support.message).toMatch(/1\.8.*update Office/);
    await expect(adapter.applyPlan(buildWorkbookPlan("blank"))).rejects.toThrow(UnsupportedHostError);
  });

  it.each([
    ["1.8", { tableResize: false, undoGroups: false }],
    ["1.13", { tableResize: true, undoGroups: false }],
    ["1.20", { tableResize: true, undoGroups: true }],
  ])("on ExcelApi %s uses %j", (apiVersion, features) => {
    expect(memoryAdapter({ apiVersion }).adapter.support).toMatchObject({ ok: true, ...features });
  });
});

describe("page setup in Excel", () => {
  it("prints each sheet as the file writer does where Excel has pageLayout (ExcelApi 1.9)", async () => {
    const plan = buildWorkbookPlan("child-support", { sampleData: true, asOfMonth: "2027-04" });
    const { excel, adapter } = memoryAdapter({ apiVersion: "1.9" });
    expect(await adapter.applyPlan(plan)).toMatchObject({ status: "written" });
    const dashboard = plan.sheets.find((s) => s.name === "Dashboard")!;
    const sheet = excel.host.sheets.find((s) => s.name === "Dashboard")!;
    expect(sheet.print).toMatchObject({
      orientation: "Landscape",
      paperSize: "Letter",
      zoom: { horizontalFitToPages: 1 },
      printArea: dashboard.print!.area,
      titleRows: dashboard.print!.titleRows,
      headerFooter: expect.objectContaining({ centerFooter: dashboard.print!.footer![1] }),
    });
    // Every sheet the plan sets up for printing, and only those.
    expect(excel.host.sheets.filter((s) => s.print).map((s) => s.name)).toEqual(
      plan.sheets.filter((s) => s.print).map((s) => s.name),
    );
    const milestones = plan.sheets.find((s) => s.print?.breaksAfterRows?.length);
    if (milestones)
      expect(excel.host.sheets.find((s) => s.name === milestones.name)!.print!.breaksAbove).toEqual(
        milestones.print!.breaksAfterRows!.map((r) => r + 1),
      );
    // The wrapped header row of the unit status table is as tall as the plan asks.
    const [row, height] = Object.entries(dashboard.rowHeights!)[0];
    expect(sheet.rowHeights?.get(Number(row) - 1)).toBe(height);
  });

  it("builds the same workbook without a page setup on Excel older than 1.9", async () => {
    const plan = buildWorkbookPlan("city-services", { sampleData: true });
    const { excel, adapter } = memoryAdapter({ apiVersion: "1.8" });
    expect(await adapter.applyPlan(plan)).toMatchObject({ status: "written" });
    expect(excel.host.sheets.some((s) => s.print)).toBe(false);
  });
});
