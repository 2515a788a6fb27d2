/**
 * Every bad return the issue lists, as a real file: each is reported with its file, sheet and
 * cell, and nothing from it enters the master (a late one is merged and marked late).
 */
import { collectReturns, type ReturnedCopy } from "../../../src/workbook/loop";
import { encryptedWorkbookShell } from "../../xlsx/cfb";
import { insertRowExcelLike, renameSheet, setCells, sortTable } from "../../xlsx/edits";
import { deleteLastRow, received, typeRow, writeCopies } from "./files";
import { REPORT, smallInput, splitFixture } from "./support";

jest.setTimeout(300_000);

const fixture = splitFixture(smallInput(2));
const [a, b] = fixture.input.units.map((u) => u.id);
const NOW = "2027-06-06T00:00:00Z";
let files: Map<string, Buffer>;
/** Unit a's copy with May's orders typed (41): the good return the bad ones are variations of. */
let good: Buffer;

beforeAll(async () => {
  files = await writeCopies(fixture.copies);
  good = await typeRow(files.get(a)!, "orders", { [REPORT.actual]: 41 });
});

const collect = (copies: ReturnedCopy[]) =>
  collectReturns(fixture.master, fixture.tables, copies, { now: NOW });
const errors = (r: ReturnType<typeof collect>) => r.findings.filter((f) => f.severity === "error");

describe("a good return, as a file", () => {
  it("merges the typed value, and still matches after the office sorted the grid", async () => {
    const sorted = await sortTable(good, "tblMonthly", "Measure ID", "desc");
    for (const bytes of [good, sorted]) {
      const result = collect([await received(bytes, `${a}.xlsx`)]);
      expect(errors(result)).toEqual([]);
      expect(result.merges.map((m) => [m.unit, m.measure, m.header, m.value])).toEqual([
        [a, "orders", "Actual May", 41],
      ]);
    }
  });
});

describe("bad returns: reported with file, sheet and cell; nothing merged", () => {
  it("a file from another master", async () => {
    const other = splitFixture(smallInput(2, "Another county program"));
    const bytes = (await writeCopies([other.copies[0]])).get(a)!;
    const result = collect([await received(bytes, "stranger.xlsx")]);
    expect(result.merges).toEqual([]);
    expect(errors(result)).toEqual([
      expect.objectContaining({ code: "return-other-master", file: "stranger.xlsx" }),
    ]);
    expect(result.returns[0]).toMatchObject({ file: "stranger.xlsx", status: "rejected" });
    expect(result.returns[0].reason).toMatch(/another master/);
  });

  it("the same unit twice with the same values: merged once, the second superseded", async () => {
    const result = collect([
      await received(good, "a.xlsx"),
      await received(good, "a (2).xlsx", "2027-06-05T13:00:00Z"),
    ]);
    expect(result.merges).toHaveLength(1);
    expect(result.returns.filter((r) => r.unit === a).map((r) => [r.file, r.status])).toEqual([
      ["a (2).xlsx", "superseded"],
      ["a.xlsx", "merged"],
    ]);
  });

  it("the same unit twice with different values: a conflict, nothing merged", async () => {
    const other = await typeRow(files.get(a)!, "orders", { [REPORT.actual]: 44 });
    const result = collect([
      await received(good, "a.xlsx"),
      await received(other, "a-corrected.xlsx", "2027-06-06T09:00:00Z"),
    ]);
    expect(result.merges).toEqual([]);
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        unit: a,
        key: `orders | ${a} | 2027`,
        header: "Actual May",
        returned: [
          { file: "a.xlsx", value: "n:41" },
          { file: "a-corrected.xlsx", value: "n:44" },
        ],
      }),
    ]);
    expect(result.returns.filter((r) => r.unit === a).map((r) => r.status)).toEqual(["rejected", "rejected"]);
  });

  it("an edited formula, named by sheet, cell, column and row", async () => {
    const typed = await setCells(
      good,
      "tblMonthly",
      { "YTD actual": { formula: "1+1" } as never },
      (r) => r["Measure ID"] === "pep" && r["Fiscal year"] === 2027,
    );
    const result = collect([await received(typed.bytes, "a.xlsx")]);
    expect(result.merges).toEqual([]);
    const [f] = errors(result);
    expect(f.code).toBe("return-cell-changed");
    expect(f.message).toContain(
      `${typed.changed[0]} (tblMonthly, column "YTD actual", row "pep | ${a} | 2027"): its formula was edited`,
    );
  });

  it("a deleted formula (a value typed over it)", async () => {
    const typed = await setCells(
      good,
      "tblMonthly",
      { "YTD actual": 500 },
      (r) => r["Measure ID"] === "pep" && r["Fiscal year"] === 2027,
    );
    const result = collect([await received(typed.bytes, "a.xlsx")]);
    expect(result.merges).toEqual([]);
    expect(errors(result).map((f) => f.message)).toEqual([
      expect.stringContaining(`${typed.changed[0]} (tblMonthly, column "YTD actual"`),
    ]);
    expect(errors(result)[0].message).toContain("its formula was replaced by a typed value");
  });

  it("a deleted row", async () => {
    const result = collect([await received(await deleteLastRow(good, "tblMonthly"), "a.xlsx")]);
    expect(result.merges).toEqual([]);
    expect(errors(result).map((f) => f.code)).toContain("return-row-deleted");
    expect(errors(result).find((f) => f.code === "return-row-deleted")!.where).toMatchObject({
      sheet: "Milestones & Actuals",
    });
  });

  it("an inserted row", async () => {
    const inserted = await insertRowExcelLike(good, "tblMonthly", 2);
    const result = collect([await received(inserted.bytes, "a.xlsx")]);
    expect(result.merges).toEqual([]);
    expect(errors(result).map((f) => [f.code, f.where?.row])).toEqual([
      ["return-row-inserted", inserted.row],
    ]);
  });

  it("a renamed sheet (and nothing else reported for the formulas that followed it)", async () => {
    const renamed = await renameSheet(good, "Milestones & Actuals", "Monthly");
    const result = collect([await received(renamed, "a.xlsx")]);
    expect(result.merges).toEqual([]);
    expect(errors(result).map((f) => f.code)).toEqual(["return-sheet-renamed"]);
    expect(errors(result)[0].message).toContain('the sheet "Milestones & Actuals" was renamed "Monthly"');
  });

  it("text in an actual", async () => {
    const typed = await typeRow(good, "pep", { [REPORT.actual]: "about 80" });
    const result = collect([await received(typed, "a.xlsx")]);
    expect(result.merges).toEqual([]);
    expect(errors(result)).toEqual([
      expect.objectContaining({
        code: "return-bad-input",
        where: expect.objectContaining({ sheet: "Milestones & Actuals" }),
      }),
    ]);
    expect(errors(result)[0].message).toContain('"about 80" where a number belongs');
  });

  it("a return of an older issue: superseded by the newer copy, which is merged", async () => {
    const newer = splitFixture(fixture.input, { issuedAt: "2027-05-20T09:00:00Z" });
    const newBytes = await typeRow((await writeCopies([newer.copies[0]])).get(a)!, "orders", {
      [REPORT.actual]: 45,
    });
    const result = collect([await received(good, "old.xlsx"), await received(newBytes, "new.xlsx")]);
    expect(result.merges.map((m) => [m.file, m.value])).toEqual([["new.xlsx", 45]]);
    expect(result.returns.find((r) => r.file === "old.xlsx")).toMatchObject({ status: "superseded" });
    expect(result.findings.find((f) => f.file === "old.xlsx")?.code).toBe("return-older-issue");
  });

  it("a file that is not a workbook", async () => {
    const result = collect([await received(Buffer.from("Hi, numbers below: 41, 42"), "notes.xlsx")]);
    expect(errors(result)).toEqual([
      expect.objectContaining({ code: "return-unreadable", file: "notes.xlsx" }),
    ]);
    expect(errors(result)[0].message).toMatch(/not a readable \.xlsx workbook/);
    expect(result.returns[0]).toMatchObject({ status: "rejected" });
  });

  it("a password-protected file", async () => {
    const result = collect([await received(encryptedWorkbookShell(), "locked.xlsx")]);
    expect(errors(result)[0].message).toMatch(/protected with a password.*remove the password/);
    expect(result.merges).toEqual([]);
  });

  it("a file past its due date: merged, and marked late", async () => {
    const result = collect([await received(good, "a.xlsx", "2027-06-12T08:00:00Z")]);
    expect(result.merges).toHaveLength(1);
    expect(result.returns[0]).toMatchObject({ status: "merged", cellsMerged: 1 });
    expect(result.returns[0].reason).toBe("late: received 2027-06-12, due 2027-06-10");
  });

  it("b's untouched copy is received with nothing merged", async () => {
    const result = collect([await received(files.get(b)!, "b.xlsx")]);
    expect(result.returns.find((r) => r.unit === b)).toMatchObject({ status: "received", cellsMerged: 0 });
  });
});
