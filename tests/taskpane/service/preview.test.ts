import { NeedsConfirmationError, PortError } from "../../../src/taskpane/port";
import { createPreview } from "../../../src/taskpane/preview/createPreview";
import { asRevisionPort } from "../../../src/taskpane/revisions/port";
import { prorateRequest } from "../requests";

describe("the browser preview's port on the in-memory Excel", () => {
  it("inserts a template, prorates, checks and records a flag review through the Office gateway", async () => {
    const { port, workbook } = createPreview();
    const inserted = await port.insertTemplate({
      templateId: "child-support",
      withSampleData: true,
      destination: "this",
    });
    expect(inserted).toMatchObject({ unitCount: 12, measureCount: 11 });
    expect(workbook.sheetNames()).toEqual(
      expect.arrayContaining(["Milestones & Actuals", "Flags", "Targets"]),
    );

    const setup = await port.loadProrateSetup();
    expect(setup).toMatchObject({ fyStartMonth: 10, fiscalYear: 2027 });
    const req = {
      measure: "genetic-tests",
      total: 6000,
      method: "proportional" as const,
      driver: "caseload",
      locks: {},
      rounding: "largestRemainder" as const,
      increment: 1,
      fyStartMonth: 10,
      fiscalYear: 2027,
      spread: "even" as const,
    };
    const preview = await port.previewProration(req);
    expect(preview.lines.reduce((s, l) => s + l.value, 0)).toBe(6000);
    // The sample has targets and milestones people typed: the adapter asks first.
    await expect(port.writeProration(req)).rejects.toBeInstanceOf(NeedsConfirmationError);
    await port.writeProration(req, { confirm: true });
    const after = await port.loadProrateSetup();
    expect(after.units).toHaveLength(12);

    const check = await port.runCheck();
    expect(check.asOf).toBe("2027-04");
    expect(check.rows.some((r) => r.unit === "*" && r.forecast)).toBe(true);

    const flags = await port.listFlags();
    expect(flags.flags.length).toBeGreaterThan(0);
    const flag = flags.flags[0];
    await port.reviewFlag(flag.id, { status: "dismissed", note: "Known staffing change." });
    const again = await port.listFlags();
    expect(again.flags.find((f) => f.id === flag.id)?.review).toEqual({
      status: "dismissed",
      note: "Known staffing change.",
    });
    expect(workbook.grid("Flags").rows.flat()).toContain("Known staffing change.");
  });

  it("refuses to insert a template twice into the same workbook and says why", async () => {
    const { port } = createPreview();
    await port.insertTemplate({ templateId: "blank", withSampleData: false, destination: "this" });
    const again = await port
      .insertTemplate({ templateId: "blank", withSampleData: false, destination: "this" })
      .catch((e: unknown) => e as PortError);
    expect(again).toBeInstanceOf(PortError);
    expect((again as PortError).message).toMatch(/already has "About"/);
    expect((again as PortError).message).toMatch(/new workbook/);
  });
});

describe("the revision log in the browser preview", () => {
  it("logs a proration, then finds a target typed in the grid and logs it with the reason given", async () => {
    const { port, workbook } = createPreview();
    const log = asRevisionPort(port)!;
    await port.insertTemplate({ templateId: "child-support", withSampleData: true, destination: "this" });
    await log.setRevisionName("JO");
    const start = await log.reviewRevisions();
    expect(start).toMatchObject({ who: "JO", ok: true, typed: [] });
    await port.writeProration(prorateRequest("locates", 40000), { confirm: true, reason: "policy-changed" });
    const prorated = await log.reviewRevisions();
    expect(prorated.ok).toBe(true);
    expect(prorated.rows).toBeGreaterThan(start.rows + 12);
    const history = await log.targetHistory("locates", "howard");
    expect(history.filter((h) => h.field === "target" && h.period === "2027").map((h) => h.reason)).toEqual([
      "baseline",
      "policy-changed",
    ]);
    // A person types over Howard's target in the grid, as in Excel.
    const grid = workbook.grid("Milestones & Actuals");
    const row = grid.rows.findIndex((r) => r[0] === "locates" && r[1] === "howard" && r[2] === "2027") + 1;
    expect(row).toBeGreaterThan(1);
    await workbook.setCell("Milestones & Actuals", row, 4, "1234");
    const typed = await log.reviewRevisions();
    expect(typed.typed).toEqual([
      expect.objectContaining({ unit: "howard", value: 1234, address: `Milestones & Actuals!D${row}` }),
    ]);
    await log.logTypedChanges("correction", "Typo in the regional memo");
    expect(await log.reviewRevisions()).toMatchObject({ ok: true, typed: [] });
    expect((await log.targetHistory("locates", "howard")).at(-1)).toMatchObject({
      source: "pane-detected-edit",
      oldValue: history.filter((h) => h.field === "target").at(-1)!.newValue,
      newValue: 1234,
      reason: "correction",
      note: "Typo in the regional memo",
      who: "JO",
    });
  });
});
