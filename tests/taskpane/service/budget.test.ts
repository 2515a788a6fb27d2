/**
 * The budget split with a target and the monthly monitor, through the browser preview's port on
 * the in-memory Excel (the Office gateway and adapter the pane uses in Excel), on the child-support
 * sample whose Budget sheet has one county behind on locates while overspending.
 */
import fc from "fast-check";
import {
  NeedsConfirmationError,
  PortError,
  type ProrateRequest,
  type YardstickPort,
} from "../../../src/taskpane/port";
import { createPreview } from "../../../src/taskpane/preview/createPreview";
import { prorateRequest } from "../requests";
import { asSharePort } from "../../../src/taskpane/share/port";
import { budgetFromTables } from "../../../src/workbook/readBudget";
import { fiscalYearMonths } from "../../../src/engine/period";

jest.setTimeout(120_000);

let port: YardstickPort;
let locatesLastYear: number;
let budget2027: number;

beforeAll(async () => {
  port = createPreview().port;
  await port.insertTemplate({ templateId: "child-support", withSampleData: true, destination: "this" });
  const setup = await port.loadProrateSetup();
  locatesLastYear = Math.round(setup.lastYear.locates!);
  budget2027 = setup.budget!.programCents[2027];
});

/** Each unit's twelve monthly allotments on tblSpend for a fiscal year, in cents. */
async function allotments(fiscalYear: number): Promise<Map<string, number[]>> {
  const tables = await asSharePort(port)!.readLoopTables();
  const months = fiscalYearMonths(fiscalYear, 10);
  const read = budgetFromTables(tables, 10)!;
  return new Map(
    [...read.resources].map(([unit, r]) => [unit, months.map((m) => r.months.get(m)?.allotmentCents ?? NaN)]),
  );
}

const request = (budget: ProrateRequest["budget"], total = locatesLastYear): ProrateRequest =>
  prorateRequest("locates", total, { budget });

describe("splitting a budget with the target in the pane", () => {
  it("offers the split where the workbook has a Budget sheet, with this year's program budget and staff", async () => {
    const setup = await port.loadProrateSetup();
    expect(setup.budget?.programCents[2027]).toBeGreaterThan(0);
    expect(setup.budget?.programFte[2027]).toBeGreaterThan(0);
  });

  it("keeps the targets shown without a budget, and adds each unit's budget, staff and cost per result", async () => {
    const plain = await port.previewProration(request(undefined));
    const joint = await port.previewProration(
      request({ amountCents: 123_456_789, basis: "sameDriver", fteTotal: 250.5 }),
    );
    expect(joint.lines.map((l) => l.value)).toEqual(plain.lines.map((l) => l.value));
    expect(joint.lines.reduce((a, l) => a + l.budget!.budgetCents, 0)).toBe(123_456_789);
    expect(Math.round(joint.lines.reduce((a, l) => a + l.budget!.fte!, 0) * 10)).toBe(2505);
    for (const l of joint.lines) {
      expect(Math.abs(l.budget!.budgetCents - (123_456_789 * l.quota) / locatesLastYear)).toBeLessThanOrEqual(
        1,
      );
      expect(l.budget!.costPerResultCents).toBeCloseTo(l.budget!.budgetCents / l.value, 9);
      expect(l.budget!.reason).toMatch(new RegExp(`^${l.unitName} gets`));
    }
    expect(joint.budget).toMatchObject({ totalCents: 123_456_789, fteTotal: 250.5, followed: "caseload" });
    expect(joint.budget!.costPerResultCents).toBeCloseTo(123_456_789 / locatesLastYear, 9);
  });

  it("adds up to the cent for any budget, by targets as well as by the driver", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.constantFrom("sameDriver" as const, "targets" as const),
        async (cents, basis) => {
          const p = await port.previewProration(request({ amountCents: cents, basis }));
          expect(p.lines.reduce((a, l) => a + l.budget!.budgetCents, 0)).toBe(cents);
          for (const l of p.lines) expect(Number.isInteger(l.budget!.budgetCents)).toBe(true);
        },
      ),
      { numRuns: 8 },
    );
  });

  it("says a rate cannot carry a budget, in words", async () => {
    const rate = { ...request({ amountCents: 100_000, basis: "sameDriver" }), measure: "pep", total: 90 };
    await expect(port.previewProration({ ...rate, method: "equal", driver: undefined })).rejects.toThrow(
      PortError,
    );
  });

  it("asks before replacing typed budgets, refuses budgets other than those shown, then writes them", async () => {
    const before = await allotments(2027);
    const req = request({ amountCents: budget2027, basis: "sameDriver" });
    const shown = await port.previewProration(req);
    const ask = port.writeProration(req, { shown });
    await expect(ask).rejects.toBeInstanceOf(NeedsConfirmationError);
    await expect(ask).rejects.toThrow(
      /people typed on the Budget sheet \(Budget, Allotment\) would be replaced/,
    );
    // Nothing was written while asking.
    expect((await port.loadProrateSetup()).budget!.programCents[2027]).toBe(budget2027);

    const tampered = {
      ...shown,
      lines: shown.lines.map((l, i) =>
        i === 0 ? { ...l, budget: { ...l.budget!, budgetCents: l.budget!.budgetCents + 1 } } : l,
      ),
    };
    await expect(port.writeProration(req, { shown: tampered, confirm: true })).rejects.toThrow(
      /budgets would differ/,
    );

    const written = await port.writeProration(req, { shown, confirm: true });
    expect(written.message).toMatch(
      /Their budgets are on the Budget sheet, with monthly allotments that add up to them/,
    );
    // Each unit's twelve allotments add up to its new budget, to the cent, in the shape they had.
    const spread = await allotments(2027);
    for (const l of shown.lines) {
      const now = spread.get(l.unit)!;
      const had = before.get(l.unit)!;
      const hadSum = had.reduce((a, b) => a + b, 0);
      expect(now.reduce((a, b) => a + b, 0)).toBe(l.budget!.budgetCents);
      now.forEach((c, i) => expect(Math.abs(c - (had[i] * l.budget!.budgetCents) / hadSum)).toBeLessThan(1));
    }
    const after = await port.previewProration(req);
    expect(after.lines.map((l) => l.budget!.budgetCents)).toEqual(
      shown.lines.map((l) => l.budget!.budgetCents),
    );
    expect((await port.loadProrateSetup()).budget!.programCents[2027]).toBe(budget2027);
    // Writing the same split again replaces nothing typed, so it does not ask.
    await expect(port.writeProration(req, { shown: after })).resolves.toMatchObject({
      where: expect.any(String),
    });
  });

  it("appends the Budget sheet's rows for a fiscal year it does not have yet, without asking", async () => {
    const req = {
      ...request({ amountCents: 5_000_000_001, basis: "targets", fteTotal: 12.3 }),
      fiscalYear: 2028,
    };
    const shown = await port.previewProration(req);
    await port.writeProration(req, { shown });
    const setup = await port.loadProrateSetup();
    expect(setup.budget!.programCents[2028]).toBe(5_000_000_001);
    expect(setup.budget!.programFte[2028]).toBe(12.3);
    // The year being reviewed is untouched.
    expect(setup.budget!.programCents[2027]).toBe(budget2027);
    // The new year's allotments are spread evenly (none were there to keep the shape of).
    const spread = await allotments(2028);
    for (const l of shown.lines) {
      const cents = spread.get(l.unit)!;
      expect(cents.reduce((a, b) => a + b, 0)).toBe(l.budget!.budgetCents);
      expect(Math.max(...cents) - Math.min(...cents)).toBeLessThanOrEqual(1);
    }
  });

  it("puts spend beside results on the Review cards and names the unit behind while overspending", async () => {
    const report = await port.runCheck();
    const cards = report.rows.filter((r) => r.measure === "locates" && r.budget);
    expect(cards.length).toBe(13); // twelve counties and the program
    const warned = cards.filter((r) => r.budget!.warning);
    expect(warned.map((r) => r.unitName)).toEqual(["Prince George's"]);
    expect(warned[0].budget).toMatchObject({
      status: "Behind on results while spending ahead of plan.",
      spending: "over plan",
      results: "behind",
    });
    expect(warned[0].budget!.spendYtdCents!).toBeGreaterThan(warned[0].budget!.allotmentYtdCents);
    // Only the measure the money buys carries the money.
    expect(report.rows.filter((r) => r.measure !== "locates" && r.budget)).toEqual([]);
  });
});
