/** The Review tab's report on the in-memory Excel: what a manager sees for a new and a sample scorecard. */
import { createPreview } from "../../../src/taskpane/preview/createPreview";
import { inWords } from "../../../src/taskpane/service/checks";
import { plainReason } from "../../../src/taskpane/service/proration";

jest.setTimeout(120_000);

describe("the review report", () => {
  it("reports no data problems for a new scorecard without sample data: blank actuals are not problems", async () => {
    const { port } = createPreview();
    await port.insertTemplate({ templateId: "child-support", withSampleData: false, destination: "this" });
    const report = await port.runCheck();
    expect(report).toMatchObject({ hasActuals: false, unreported: 0, findings: [], months: [] });
    expect(report.rows.every((r) => r.status === "no-data")).toBe(true);
  });

  it("offers months up to the last actual only, and names units and measures, never ids or cells", async () => {
    const { port } = createPreview();
    await port.insertTemplate({ templateId: "child-support", withSampleData: true, destination: "this" });
    const report = await port.runCheck();
    expect(report.hasActuals).toBe(true);
    expect(report.months.at(-1)).toBe("2027-04");
    expect(report.asOf).toBe("2027-04");
    expect(report.rows.filter((r) => r.status === "stale")).toEqual([]);
    for (const row of report.rows) {
      expect(row.unitName).not.toMatch(/^[a-z-]+$/);
      expect(row.measureName).not.toMatch(/^[a-z-]+$/);
    }
    for (const f of report.findings)
      expect(`${f.message} ${f.fix ?? ""}`).not.toMatch(/![A-Z]+\d+|\b\d{4}-\d{2}\b/);
  });
});

describe("a finding in the manager's words", () => {
  const scorecard = {
    measures: [{ id: "pep", name: "Paternity establishment (PEP)" }],
    units: [{ id: "allegany", name: "Allegany" }],
  } as unknown as Parameters<typeof inWords>[1];

  it("says names and months where the engine wrote ids, periods and cell addresses", () => {
    const finding = inWords(
      {
        severity: "warning",
        code: "text-in-number",
        measure: "pep",
        unit: "allegany",
        message: 'The actual for pep at allegany in 2026-10 (Milestones & Actuals!Q7) is text "n/a".',
        fix: "Type a number for 2026-10.",
      },
      scorecard,
    );
    expect(finding.message).toBe(
      'The actual for Paternity establishment (PEP) at Allegany in October 2026 is text "n/a".',
    );
    expect(finding.fix).toBe("Type a number for October 2026.");
  });

  it("leaves a word alone that only looks like another finding's id", () => {
    const finding = inWords(
      { severity: "warning", code: "missing-column", unit: "allegany", message: "The pep column is blank." },
      scorecard,
    );
    expect(finding.message).toBe("The pep column is blank.");
  });
});

describe("a proration reason in the manager's words", () => {
  it.each([
    [
      "its caseload of 4,100 is 2.1 % of the free units' caseload, an exact 126.09 rounded down to a whole increment",
      "its caseload of 4,100 is 2.1 % of the unlocked units' caseload, an exact 126.09 rounded down to a whole step",
    ],
    ["an equal share among 3 free units", "an equal share among 3 unlocked units"],
    ["no free unit has a caseload above zero", "no unlocked unit has a caseload above zero"],
  ])("%s", (engine, pane) => {
    expect(plainReason(engine)).toBe(pane);
  });
});
