import fc from "fast-check";
import { WorkbookPort } from "../../../src/taskpane/service/workbookPort";
import { NeedsConfirmationError, PortError, type ProrateRequest } from "../../../src/taskpane/port";
import { prorateRequest } from "../requests";
import { TablesGateway, smallScorecard } from "./tablesGateway";

const port = (gateway = new TablesGateway(smallScorecard())): WorkbookPort =>
  new WorkbookPort({
    mode: "preview",
    gateway,
    templates: [],
    buildPlan: () => {
      throw new Error("no templates in this test");
    },
  });

const request = (over: Partial<ProrateRequest> = {}): ProrateRequest => prorateRequest("orders", 400, over);

describe("workbook port: prorate", () => {
  it("offers the workbook's measures, units, drivers and the fiscal year of the latest actuals", async () => {
    const setup = await port().loadProrateSetup();
    expect(setup.measures.map((m) => m.id)).toEqual(["orders", "pep"]);
    expect(setup.units.map((u) => u.name)).toEqual(["North", "South"]);
    expect(setup.drivers).toEqual(["caseload", "fte"]);
    expect(setup).toMatchObject({ fyStartMonth: 10, fiscalYear: 2027 });
  });

  it("splits 400 cases 300/100 by caseload, with shares and a reason per unit", async () => {
    const preview = await port().previewProration(request());
    expect(preview.lines.map((l) => [l.unitName, l.value, l.sharePct])).toEqual([
      ["North", 300, 75],
      ["South", 100, 25],
    ]);
    expect(preview.lines.every((l) => l.reason.length > 10)).toBe(true);
    expect(preview.unitLabel).toBe("cases");
  });

  it("keeps a locked unit's value and gives the rest to the others", async () => {
    const preview = await port().previewProration(request({ locks: { south: 150 } }));
    expect(preview.lines.find((l) => l.unit === "south")).toMatchObject({ value: 150, locked: true });
    expect(preview.lines.find((l) => l.unit === "north")?.value).toBe(250);
  });

  it("splits by last year's actuals when asked (216 vs 72 cases in FY2026)", async () => {
    const preview = await port().previewProration(request({ method: "priorShare", driver: undefined }));
    expect(preview.lines.map((l) => l.value)).toEqual([300, 100]);
  });

  it("keeps the program total exactly whatever the total, locks and rounding", async () => {
    const p = port();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 100_000 }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        fc.constantFrom("largestRemainder" as const, "webster" as const),
        async (total, lockSouthPct, rounding) => {
          const locks: Record<string, number> =
            lockSouthPct === undefined ? {} : { south: Math.floor((total * lockSouthPct) / 100) };
          const preview = await p.previewProration(request({ total, locks, rounding }));
          expect(preview.lines.reduce((s, l) => s + l.value, 0)).toBe(total);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("turns an impossible lock into a message that says what to change", async () => {
    const err = await port()
      .previewProration(request({ locks: { south: 500 } }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortError);
    expect((err as PortError).message).toMatch(/more than the total/);
    expect((err as PortError).whatToDo).toMatch(/Change the inputs/);
  });

  it("writes each unit's target and twelve milestones that add up to it, and the program target", async () => {
    const gateway = new TablesGateway(smallScorecard());
    const result = await port(gateway).writeProration(request());
    expect(result.message).toMatch(/2 unit targets/);
    const monthly = gateway.tables.tblMonthly!;
    const north = monthly.rows.find((r) => r[0] === "orders" && r[1] === "north" && r[2] === 2027)!;
    expect(north[3]).toBe(300);
    const milestones = north.slice(4, 16) as number[];
    expect(milestones.reduce((s, v) => s + v, 0)).toBe(300);
    expect(monthly.headers[4]).toBe("Milestone Oct");
    expect(gateway.tables.tblProgramTargets!.rows).toEqual([
      ["orders", 2027, 400, "proportional", null, null],
    ]);
  });

  it("adds grid rows for a measure that has none for the year yet", async () => {
    const gateway = new TablesGateway(smallScorecard());
    await port(gateway).writeProration(
      request({ measure: "pep", total: 80, method: "equal", driver: undefined }),
    );
    const rows = gateway.tables.tblMonthly!.rows.filter((r) => r[0] === "pep" && r[2] === 2027);
    expect(rows.map((r) => [r[1], r[3]])).toEqual([
      ["north", expect.any(Number)],
      ["south", expect.any(Number)],
    ]);
  });
});

describe("workbook port: asking before replacing", () => {
  it("asks before replacing typed targets and writes once confirmed", async () => {
    const gateway = new TablesGateway(smallScorecard());
    gateway.askBeforeReplacing = true;
    const p = port(gateway);
    await expect(p.writeProration(request())).rejects.toBeInstanceOf(NeedsConfirmationError);
    expect(gateway.tables.tblProgramTargets!.rows).toEqual([]);
    await p.writeProration(request(), { confirm: true });
    expect(gateway.tables.tblMonthly!.rows[0][3]).toBe(300);
    // One write of both tables, asked about once and written once confirmed.
    expect(gateway.writes).toEqual([
      { tables: ["tblMonthly", "tblProgramTargets"], confirm: false },
      { tables: ["tblMonthly", "tblProgramTargets"], confirm: true },
    ]);
  });
});

describe("workbook port: check", () => {
  it("judges the latest month with actuals and points each unit at its actual's cell", async () => {
    const report = await port().runCheck();
    expect(report.asOf).toBe("2027-01");
    expect(report.months).toContain("2026-10");
    const north = report.rows.find((r) => r.measure === "orders" && r.unit === "north")!;
    expect(north.cell).toMatchObject({ sheet: "Milestones & Actuals" });
    expect(report.rows.some((r) => r.unit === "*" && r.unitName === "Program")).toBe(true);
  });

  it("re-reads the workbook on refresh, so typed actuals count", async () => {
    const gateway = new TablesGateway(smallScorecard());
    const p = port(gateway);
    const before = await p.runCheck("2027-01");
    const north = gateway.tables.tblMonthly!.rows[0];
    north[16 + 4] = 30; // Actual Feb
    const after = await p.runCheck();
    expect(after.asOf).toBe("2027-02");
    expect(before.asOf).toBe("2027-01");
  });

  it("asks for a template when the workbook has no scorecard", async () => {
    await expect(port(new TablesGateway({})).runCheck()).rejects.toThrow(
      "This workbook has no scorecard yet.",
    );
  });
});

describe("workbook port: flags", () => {
  it("records a dismissal with its note on the Flags sheet and keeps it on the next run", async () => {
    const tables = smallScorecard();
    // South's FY2027 target (60) sits below its FY2026 actual (72): a lowballing prompt.
    tables.tblMonthly!.rows[1][3] = 60;
    const gateway = new TablesGateway(tables);
    const p = port(gateway);
    const list = await p.listFlags();
    const flag = list.flags.find((f) => f.unit === "south" && f.detector === "lowball-prior-actual");
    expect(flag).toBeDefined();
    await p.reviewFlag(flag!.id, { status: "dismissed", note: "Office split in two." });
    const row = gateway.tables.tblFlags!.rows.find((r) => r[0] === flag!.id)!;
    expect(row.slice(10)).toEqual(["dismissed", "Office split in two."]);
    const again = await p.listFlags();
    expect(again.flags.find((f) => f.id === flag!.id)?.review).toEqual({
      status: "dismissed",
      note: "Office split in two.",
    });
  });
});
