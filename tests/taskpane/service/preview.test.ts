import { NeedsConfirmationError, PortError } from "../../../src/taskpane/port";
import { createPreview } from "../../../src/taskpane/preview/createPreview";

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
