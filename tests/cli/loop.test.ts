/**
 * `yardstick split` and `yardstick collect` on files: copies per unit and per Region, `check`
 * reads an office copy, collect never writes over the master unless asked (and then keeps a
 * backup), and its exit code says when a return needs a decision.
 */
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { buildPlanFromInput } from "../../src/workbook";
import { readRawTables, writePlanToXlsx } from "../../src/xlsx";
import { typeCells } from "../workbook/loop/files";
import { REPORT, smallInput } from "../workbook/loop/support";

jest.setTimeout(300_000);

const NOW = new Date("2027-05-02T08:00:00Z");

function run(argv: string[], cwd: string) {
  let out = "";
  let err = "";
  return main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, now: () => NOW }).then((code) => ({
    code,
    out,
    err,
  }));
}

describe("yardstick split and collect", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "yardstick-loop-"));
  const input = smallInput(3);
  const [a, b, c] = input.units.map((u) => u.id);

  beforeAll(async () => {
    const plan = buildPlanFromInput(input);
    // A Region column a person added to the Units table.
    const units = plan.sheets.flatMap((s) => s.tables).find((t) => t.name === "tblUnits")!;
    units.columns.push({ header: "Region", owner: "user", width: 10 });
    units.rows.forEach((r, i) => r.push(i < 2 ? "West" : "East"));
    writeFileSync(path.join(dir, "master.xlsx"), await writePlanToXlsx(plan));
  });

  it("writes one stamped copy per unit, each readable by yardstick check", async () => {
    const split = await run(["split", "master.xlsx", "--out", "offices", "--due", "2027-06-10"], dir);
    expect(split.code).toBe(0);
    expect(split.out).toContain("Wrote 3 office copies");
    expect(split.out).toContain("month to report 2027-05, due 2027-06-10, issued 2027-05-02T08:00:00Z");
    expect(readdirSync(path.join(dir, "offices")).sort()).toEqual(
      [`${a}.xlsx`, `${b}.xlsx`, `${c}.xlsx`].sort(),
    );
    const check = await run(["check", path.join("offices", `${a}.xlsx`), "--json"], dir);
    const report = JSON.parse(check.out);
    expect(report.units).toBe(1);
    expect(report.measures).toBe(input.measures.length);
    expect(report.asOf).toBe("2027-05");
  });

  it("splits by a Units column: one copy per region", async () => {
    const split = await run(["split", "master.xlsx", "--out", "regions", "--by", "Region", "--json"], dir);
    expect(split.code).toBe(0);
    const out = JSON.parse(split.out);
    expect(out.copies.map((x: { unit: string; units: string[] }) => [x.unit, x.units])).toEqual([
      ["West", [a, b]],
      ["East", [c]],
    ]);
    expect(out.stamp.due).toBe("2027-06-10");
  });

  it("refuses a grouping column the Units table lacks, saying what to do", async () => {
    const split = await run(["split", "master.xlsx", "--out", "x", "--by", "District"], dir);
    expect(split.code).toBe(2);
    expect(split.err).toMatch(/no column "District".*split --by unit/);
  });

  it("collects into a new file by default, names bad returns, and exits 1 when one was rejected", async () => {
    const office = path.join(dir, "offices", `${a}.xlsx`);
    const typed = await typeCells(readFileSync(office), "tblMonthly", [
      { match: { "Measure ID": "orders", "Fiscal year": REPORT.fy }, values: { [REPORT.actual]: 41 } },
    ]);
    writeFileSync(path.join(dir, "a-back.xlsx"), typed.bytes);
    utimesSync(
      path.join(dir, "a-back.xlsx"),
      new Date("2027-06-05T10:00:00Z"),
      new Date("2027-06-05T10:00:00Z"),
    );
    writeFileSync(path.join(dir, "notes.xlsx"), "not a workbook");
    const before = readFileSync(path.join(dir, "master.xlsx"));
    const collect = await run(["collect", "master.xlsx", "a-back.xlsx", "notes.xlsx"], dir);
    expect(collect.code).toBe(1);
    expect(collect.out).toContain(
      `Wrote ${path.join(dir, "master-merged.xlsx")}: 1 cells merged, 0 conflicts; as of 2027-05.`,
    );
    expect(collect.out).toMatch(new RegExp(`${a}\\s+merged\\s+a-back.xlsx, 1 cells merged`));
    expect(collect.out).toMatch(/rejected\s+notes\.xlsx: notes\.xlsx is not a readable \.xlsx workbook/);
    expect(readFileSync(path.join(dir, "master.xlsx")).equals(before)).toBe(true);
    const returns = (
      await readRawTables(readFileSync(path.join(dir, "master-merged.xlsx")), "m", ["tblReturns"])
    ).tblReturns!;
    const status = returns.headers.indexOf("Status");
    expect(returns.rows.map((r) => r[status])).toEqual(["rejected", "merged", "missing", "missing"]);
  });

  it("refuses --out naming the master; --in-place writes over it after a backup, and --json says what happened", async () => {
    const refused = await run(["collect", "master.xlsx", "a-back.xlsx", "--out", "master.xlsx"], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/only with --in-place/);
    const before = readFileSync(path.join(dir, "master.xlsx"));
    const inPlace = await run(["collect", "master.xlsx", "a-back.xlsx", "--in-place", "--json"], dir);
    expect(inPlace.code).toBe(0);
    expect(readFileSync(path.join(dir, "master.before-collect.xlsx")).equals(before)).toBe(true);
    const json = JSON.parse(inPlace.out);
    expect(json.merges).toHaveLength(1);
    expect(json.returns.map((r: { status: string }) => r.status)).toEqual(["merged", "missing", "missing"]);
    const settings = (await readRawTables(readFileSync(path.join(dir, "master.xlsx")), "m", ["tblSettings"]))
      .tblSettings!;
    expect(settings.rows.map((r) => r[0])).toContain("Master ID");
    // Collecting the same file again finds the value already there: received, nothing merged.
    const again = await run(["collect", "master.xlsx", "a-back.xlsx", "--json", "--out", "again.xlsx"], dir);
    expect(
      JSON.parse(again.out)
        .returns.filter((r: { file: string }) => r.file === "a-back.xlsx")
        .map((r: { status: string }) => r.status),
    ).toEqual(["received"]);
  });
});
