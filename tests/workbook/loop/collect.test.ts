/**
 * The merge decision for returned copies, on plain tables and no file: what the office typed
 * enters the master, a cell the master changed since issue is a conflict, and a copy with a
 * changed formula, target or key is refused with the cell named.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import fc from "fast-check";
import {
  canonicalNumber,
  collectReturns,
  fingerprintOf,
  formulaR1C1,
  issuedRecord,
  loopTablesFromPlan,
  readMaster,
  readStamp,
  splitMaster,
  type LoopTables,
  type ReturnedCopy,
} from "../../../src/workbook/loop";
import { buildPlanFromInput, rawTablesFromPlan, type TablesInput } from "../../../src/workbook";
import type { ReturnsRow } from "../../../src/workbook/sheets/returns";
import { DUE, ISSUED_AT, monthlyKey, REPORT, smallInput, splitFixture, typeInto } from "./support";

const fixture = splitFixture(smallInput(3));
const RECEIVED = "2027-06-05T12:00:00Z";
const NOW = "2027-06-06T00:00:00Z";

function returned(
  unit: string,
  edit: (t: LoopTables) => void = () => undefined,
  file = `${unit}.xlsx`,
): ReturnedCopy {
  const copy = fixture.copies.find((c) => c.unit === unit)!;
  const tables = loopTablesFromPlan(copy.plan);
  edit(tables);
  return { file, receivedAt: RECEIVED, tables };
}

const collect = (copies: ReturnedCopy[], tables = fixture.tables) =>
  collectReturns(fixture.master, tables, copies, { now: NOW });

describe("canonical cell text", () => {
  it("reads a number LibreOffice rewrote with 15 digits as the number sent", () => {
    expect(canonicalNumber(72.78048780487805)).toBe(canonicalNumber(72.7804878048781));
    expect(canonicalNumber(0.1 + 0.2)).toBe("0.3");
    expect(canonicalNumber(-0)).toBe("0");
  });

  it("is unchanged by writing a number the way it canonicalizes it (what a save does)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const once = canonicalNumber(x);
        expect(canonicalNumber(Number(once))).toBe(once);
      }),
    );
  });

  it("writes a formula relative to its cell, so a row moved by a sort reads the same", () => {
    expect(formulaR1C1("=$A7+B7*$C$2", 7, 3)).toBe("RC1+RC[-1]*R2C3");
    expect(formulaR1C1("=$A9+B9*$C$2", 9, 3)).toBe(formulaR1C1("=$A7+B7*$C$2", 7, 3));
    expect(formulaR1C1('=IF(A1="B7",_xlfn.STDEV.S(B1:B3),0)', 1, 1)).toBe(
      'IF(RC="B7",STDEV.S(RC[1]:R[2]C[1]),0)',
    );
  });
});

describe("the stamp", () => {
  it("carries master, unit, dates and a fingerprint matching the copy's own cells", () => {
    const copy = fixture.copies[0];
    const tables = loopTablesFromPlan(copy.plan);
    const { stamp } = readStamp(tables);
    expect(stamp).toMatchObject({
      masterId: fixture.master.masterId,
      unit: fixture.input.units[0].id,
      issuedAt: ISSUED_AT,
      due: DUE,
      reportMonth: "2027-05",
      groupedBy: "unit",
    });
    expect(stamp!.fingerprint).toBe(fingerprintOf(issuedRecord(tables)));
  });

  it("holds only the copy's unit and every measure", () => {
    const copy = fixture.copies[1];
    const grid = loopTablesFromPlan(copy.plan).tblMonthly!;
    const units = new Set(grid.rows.map((r) => r[grid.headers.indexOf("Unit ID")]));
    expect([...units]).toEqual([copy.unit]);
    expect(copy.plan.sheets[0].name).toBe("Send back");
    expect(JSON.stringify(copy.plan.sheets[0].ranges)).toContain("Actual May");
  });
});

describe("collect, on plain tables", () => {
  const [a, b, c] = fixture.input.units.map((u) => u.id);

  it("merges exactly the typed actuals and marks the rest missing", () => {
    const result = collect([
      returned(a, (t) => {
        typeInto(t, "tblMonthly", monthlyKey("orders", a), REPORT.actual, 41);
        typeInto(t, "tblMonthly", monthlyKey("current", a), REPORT.actual, 66.5);
        typeInto(t, "tblMonthly", monthlyKey("current", a), REPORT.denominator, 900);
      }),
      returned(b),
    ]);
    expect(result.merges.map((m) => [m.unit, m.measure, m.header, m.value])).toEqual([
      [a, "orders", "Actual May", 41],
      [a, "current", "Actual May", 66.5],
      [a, "current", "Denominator May", 900],
    ]);
    const orders = result.input.observations.find(
      (o) => o.measure === "orders" && o.unit === a && o.period === "2027-05",
    );
    expect(orders?.actual).toBe(41);
    expect(result.returns.map((r) => [r.unit, r.status, r.cellsMerged])).toEqual([
      [a, "merged", 3],
      [b, "received", 0],
      [c, "missing", 0],
    ]);
    expect(result.conflicts).toEqual([]);
  });

  it("lists a cell the master changed since issue and the office changed differently, and keeps the master's", () => {
    const master = structuredClone(fixture.tables);
    typeInto(master, "tblMonthly", monthlyKey("orders", a), REPORT.actual, 39);
    const result = collect(
      [returned(a, (t) => typeInto(t, "tblMonthly", monthlyKey("orders", a), REPORT.actual, 41))],
      master,
    );
    expect(result.merges).toEqual([]);
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        unit: a,
        header: "Actual May",
        issued: "",
        master: "n:39",
        returned: [{ file: `${a}.xlsx`, value: "n:41" }],
      }),
    ]);
    expect(result.returns[0]).toMatchObject({ status: "received", conflicts: 1 });
  });

  it("takes the office's value where the master changed nothing, and nothing where both agree", () => {
    const master = structuredClone(fixture.tables);
    typeInto(master, "tblMonthly", monthlyKey("orders", a), REPORT.actual, 41);
    const result = collect(
      [
        returned(a, (t) => {
          typeInto(t, "tblMonthly", monthlyKey("orders", a), REPORT.actual, 41);
          typeInto(t, "tblMonthly", monthlyKey("pep", a), REPORT.actual, 88);
        }),
      ],
      master,
    );
    expect(result.conflicts).toEqual([]);
    expect(result.merges.map((m) => m.measure)).toEqual(["pep"]);
  });

  it("refuses a copy whose target was changed, naming the cell by sheet, address, column and row", () => {
    let address = "";
    const result = collect([
      returned(a, (t) => {
        typeInto(t, "tblMonthly", monthlyKey("orders", a), REPORT.actual, 41);
        address = typeInto(t, "tblMonthly", monthlyKey("orders", a), "Target", 1);
      }),
    ]);
    expect(result.merges).toEqual([]);
    expect(result.returns[0].status).toBe("rejected");
    expect(result.findings[0]).toMatchObject({
      code: "return-cell-changed",
      where: { sheet: "Milestones & Actuals", address },
    });
    expect(result.findings[0].message).toContain(
      `Milestones & Actuals!${address} (tblMonthly, column "Target", row "orders | ${a} | 2027")`,
    );
  });

  it("finds the same rows after the office sorted the grid (cells are named by key, not address)", () => {
    const result = collect([
      returned(a, (t) => {
        const grid = t.tblMonthly!;
        const order = grid.rows.map((_, i) => i).reverse();
        grid.rows = order.map((i) => grid.rows[i]);
        grid.formulas = order.map((i) => grid.formulas[i]);
        typeInto(t, "tblMonthly", monthlyKey("pep", a), REPORT.actual, 77);
      }),
    ]);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.merges.map((m) => [m.measure, m.value])).toEqual([["pep", 77]]);
  });

  it.each([
    ["text in an actual", "about 40", "return-bad-input"],
    ["#N/A in an actual", { error: "#N/A" }, "return-bad-input"],
    ["a negative count", -3, "return-bad-input"],
  ])("refuses %s and names the cell", (_name, value, code) => {
    let address = "";
    const result = collect([
      returned(a, (t) => {
        typeInto(t, "tblMonthly", monthlyKey("pep", a), REPORT.actual, 80);
        address = typeInto(t, "tblMonthly", monthlyKey("orders", a), REPORT.actual, value);
      }),
    ]);
    expect(result.merges).toEqual([]);
    expect(result.returns[0].status).toBe("rejected");
    expect(result.findings).toEqual([
      expect.objectContaining({ code, where: expect.objectContaining({ address }) }),
    ]);
  });

  it("refuses a month that is not due yet", () => {
    const result = collect([
      returned(a, (t) => typeInto(t, "tblMonthly", monthlyKey("orders", a), "Actual Jun", 12)),
    ]);
    expect(result.findings.map((f) => f.code)).toEqual(["return-not-due"]);
    expect(result.returns[0].status).toBe("rejected");
  });

  it("keeps a value the office cleared, with a warning", () => {
    const result = collect([
      returned(a, (t) => typeInto(t, "tblMonthly", monthlyKey("orders", a), "Actual Jan", null)),
    ]);
    expect(result.merges).toEqual([]);
    expect(result.findings.map((f) => f.code)).toEqual(["return-input-cleared"]);
    expect(result.returns[0].status).toBe("received");
  });

  it("lists an office that returned in an earlier collect once, as merged, not also as missing", () => {
    const first = collect([
      returned(a, (t) => typeInto(t, "tblMonthly", monthlyKey("orders", a), REPORT.actual, 41)),
    ]);
    const second = collectReturns(fixture.master, fixture.tables, [returned(b)], {
      now: NOW,
      previous: first.returns,
    });
    expect(second.returns.map((r) => [r.unit, r.status]).sort()).toEqual([
      [a, "merged"],
      [b, "received"],
      [c, "missing"],
    ]);
  });

  it("takes an earlier issue's return as no answer to the latest one, even when no file comes in", () => {
    const merged = (unit: string, issued: string): ReturnsRow => ({
      ...{ unit, issued, due: DUE, file: `${unit}.xlsx`, received: RECEIVED, status: "merged" },
      ...{ reason: "", cellsMerged: 1, conflicts: 0, findings: "" },
    });
    const old = merged(a, "2026-01-01T00:00:00Z");
    const latest = merged(b, ISSUED_AT);
    const result = collectReturns(fixture.master, fixture.tables, [], { now: NOW, previous: [old, latest] });
    expect(
      result.returns
        .filter((r) => r.file === "")
        .map((r) => r.unit)
        .sort(),
    ).toEqual([a, c].sort());
  });

  it("marks units with nothing back late after the due date", () => {
    const result = collectReturns(fixture.master, fixture.tables, [returned(a)], {
      now: "2027-06-11T08:00:00Z",
    });
    expect(result.returns.filter((r) => r.file === "").map((r) => r.status)).toEqual(["late", "late"]);
  });

  describe("judges late by the calendar where the collector is", () => {
    // 18:00 in Los Angeles (UTC-7 in June) on the due day is already the next day in UTC.
    const now = new Date(`${DUE}T18:00:00-07:00`).toISOString();
    const losAngeles = (iso: string) => new Date(Date.parse(iso) - 7 * 3_600_000).toISOString().slice(0, 10);

    it("reads an instant's day in the machine's time zone, daylight saving included", () => {
      // Jest's process.env is its own copy, so the zone is set on a child process.
      const script = [
        'const { localDay } = require("./src/workbook/loop/calendar.ts");',
        `console.log(JSON.stringify([localDay("${now}"), localDay("2027-01-15T07:59:00Z"), localDay("2027-01-15T08:00:00Z")]));`,
      ].join("\n");
      const out = execFileSync(process.execPath, ["--import", "tsx", "-e", script], {
        cwd: path.resolve(__dirname, "../../.."),
        env: { ...process.env, TZ: "America/Los_Angeles" },
        encoding: "utf8",
      });
      expect(JSON.parse(out)).toEqual([DUE, "2027-01-14", "2027-01-15"]);
    });

    it("does not call an office late on the evening of its due day, nor a return sent then", () => {
      const sent = { ...returned(a), receivedAt: now };
      const utc = collectReturns(fixture.master, fixture.tables, [sent], { now });
      expect(utc.returns.map((r) => r.status)).toEqual(["received", "late", "late"]);
      expect(utc.returns[0].reason).toMatch(/^late: received 2027-06-11/);
      const local = collectReturns(fixture.master, fixture.tables, [sent], { now, dayOf: losAngeles });
      expect(local.returns.map((r) => [r.status, r.reason])).toEqual([
        ["received", ""],
        ["missing", "nothing usable back yet"],
        ["missing", "nothing usable back yet"],
      ]);
    });
  });

  it("never takes a value from a refused copy, whatever else it holds (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 500 }), (actual, bad) => {
        const result = collect([
          returned(a, (t) => {
            typeInto(t, "tblMonthly", monthlyKey("orders", a), REPORT.actual, actual);
            typeInto(t, "tblMonthly", monthlyKey("orders", a), "Milestone May", bad);
          }),
        ]);
        expect(result.merges).toEqual([]);
        expect(result.input.observations).toEqual(fixture.master.input.observations);
      }),
      { numRuns: 20 },
    );
  });
});

describe("collect, on a master without program targets", () => {
  it("takes the empty Targets table's one blank row as issued, not as an inserted row", () => {
    const bare = splitFixture({ ...smallInput(2), programTargets: [] });
    const unit = bare.copies[0].unit;
    const tables = loopTablesFromPlan(bare.copies[0].plan);
    typeInto(tables, "tblMonthly", monthlyKey("orders", unit), REPORT.actual, 12);
    const result = collectReturns(
      bare.master,
      bare.tables,
      [{ file: "a.xlsx", receivedAt: RECEIVED, tables }],
      {
        now: NOW,
      },
    );
    expect(result.findings).toEqual([]);
    expect(result.merges).toHaveLength(1);
  });
});

describe("split", () => {
  const input = smallInput(4);
  const plan = buildPlanFromInput(input);
  const masterTables = rawTablesFromPlan(plan);
  const master = readMaster(masterTables);
  const gridKeys = (tables: LoopTables | TablesInput) => {
    const g = tables.tblMonthly!;
    const c = (h: string) => g.headers.indexOf(h);
    return g.rows.map(
      (r) => `${String(r[c("Measure ID")])}|${String(r[c("Unit ID")])}|${String(r[c("Fiscal year")])}`,
    );
  };

  it("puts every unit's grid rows in exactly one copy, however units are grouped (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("North", "South", "East"), { minLength: 4, maxLength: 4 }),
        (regions) => {
          const tables = structuredClone(masterTables);
          const units = tables.tblUnits!;
          units.headers.push("Region");
          units.rows.forEach((r, i) => r.push(regions[i]));
          const copies = splitMaster(master, tables, { due: DUE, issuedAt: ISSUED_AT, by: "Region" });
          expect(copies.map((c) => c.unit).sort()).toEqual([...new Set(regions)].sort());
          const keys = copies.flatMap((c) => gridKeys(loopTablesFromPlan(c.plan)));
          expect(keys.sort()).toEqual(gridKeys(masterTables).sort());
        },
      ),
      { numRuns: 6 },
    );
  });

  it("protects the formula columns only when asked (protection clears Excel's undo)", () => {
    const [plain] = splitMaster(master, masterTables, { due: DUE, issuedAt: ISSUED_AT });
    const [locked] = splitMaster(master, masterTables, {
      due: DUE,
      issuedAt: ISSUED_AT,
      protectFormulas: true,
    });
    const grid = (c: typeof plain) => c.plan.sheets.find((s) => s.name === "Milestones & Actuals")!;
    expect(grid(plain).protectFormulas).toBeFalsy();
    expect(grid(locked).protectFormulas).toBe(true);
    expect(readStamp(loopTablesFromPlan(locked.plan)).stamp!.fingerprint).toBe(plain.stamp.fingerprint);
  });

  it("refuses a due date that is not YYYY-MM-DD", () => {
    expect(() => splitMaster(master, masterTables, { due: "10/06/2027", issuedAt: ISSUED_AT })).toThrow(
      /due date must be YYYY-MM-DD/,
    );
  });
});

describe("what a collect keeps of the master", () => {
  it("keeps its budget and revision log, sends each office only its own budget, and logs a revised actual", () => {
    const a = fixture.input.units[0].id;
    const master = fixture.master.input;
    expect(master.budget?.years.length).toBeGreaterThan(0);
    // Read back from the Budget sheet as it was built (rows in any order).
    const byKey = <T extends { unit: string; fiscalYear: number }>(rows: T[]) =>
      [...rows].sort((x, y) => `${x.unit}|${x.fiscalYear}`.localeCompare(`${y.unit}|${y.fiscalYear}`));
    expect(byKey(master.budget!.years)).toEqual(byKey(fixture.input.budget!.years));
    expect(byKey(master.budget!.spend)).toEqual(byKey(fixture.input.budget!.spend));
    const logged = master.revisions!;
    expect(logged.length).toBeGreaterThan(0);

    const copy = fixture.copies.find((c) => c.unit === a)!;
    const copyBudget = copy.plan.sheets.flatMap((s) => s.tables).find((t) => t.name === "tblBudget")!;
    expect(new Set(copyBudget.rows.map((r) => r[0]))).toEqual(new Set([a]));

    const before = master.observations.find(
      (o) => o.measure === "orders" && o.unit === a && o.period === "2027-04",
    )!.actual!;
    const result = collect([
      returned(a, (t) => typeInto(t, "tblMonthly", monthlyKey("orders", a), "Actual Apr", before + 3)),
    ]);
    expect(result.input.budget).toEqual(master.budget);
    const log = result.input.revisions!;
    expect(log.slice(0, logged.length)).toEqual(logged);
    expect(log.slice(logged.length)).toEqual([
      expect.objectContaining({
        source: "collected-return",
        measure: "orders",
        unit: a,
        period: "2027-04",
        field: "actual",
        oldValue: before,
        newValue: before + 3,
        note: `Collected from ${a}.xlsx`,
      }),
    ]);
  });
});
