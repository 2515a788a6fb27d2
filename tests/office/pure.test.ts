/** The adapter's pure parts: cell inputs, fill-down, fingerprints, payload slicing, settings migration. */
import fc from "fast-check";
import { cellInput, isPlainText, migrateState } from "../../src/office";
import { filledDownFormula, shiftRows } from "../../src/office/fillDown";
import { diffPrints, printTable } from "../../src/office/hash";
import { op, packOps, sliceRows } from "../../src/office/payload";

describe("cell inputs", () => {
  it.each([
    ["North", "North"],
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["+1", "'+1"],
    ["-1+2", "'-1+2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["2026-07", "'2026-07"],
    ["true", "'true"],
    ["District 9", "'District 9"],
    [" padded", "' padded"],
    ["", ""],
  ])("writes the text %j as %j", (text, input) => {
    expect(cellInput(text)).toBe(input);
  });

  it.each([
    [{ formula: "=A1*2" }, "=A1*2"],
    [12.5, 12.5],
    [null, ""],
    [Number.NaN, ""],
  ])("writes %j as %j", (value, input) => {
    expect(cellInput(value)).toBe(input);
  });

  it("leaves text alone in a text-formatted column", () => {
    expect(cellInput("=1+2", true)).toBe("=1+2");
  });

  it("calls only letters-and-punctuation strings plain", () => {
    fc.assert(
      fc.property(fc.string(), (s) => !isPlainText(s) || (!/\d/.test(s) && /^[A-Za-z\u00C0-\uFFFF]/.test(s))),
    );
  });
});

describe("formula fill-down", () => {
  it.each([
    ["=A7+B7", 3, "=A10+B10"],
    ["=$A7+B$7", 3, "=$A10+B$7"],
    ['=IF(A7="B7",LOG10(C7),0)', 1, '=IF(A8="B7",LOG10(C8),0)'],
    ["='Milestones & Actuals'!$A$7:$A$36", 5, "='Milestones & Actuals'!$A$7:$A$36"],
    ["=tblMonthly[@Target]*2", 4, "=tblMonthly[@Target]*2"],
  ])("shifts %j by %i rows to %j", (formula, rows, shifted) => {
    expect(shiftRows(formula, rows)).toBe(shifted);
  });

  it("recognizes any formula filled down, and nothing else", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("=A5*2", "=SUM($B5:D5)", '=IF(C5="x",1,0)', "=[@Actual]"),
        fc.integer({ min: 2, max: 30 }),
        (top, rows) => {
          const column = Array.from({ length: rows }, (_, r) => ({ formula: shiftRows(top, r) }));
          expect(filledDownFormula(column)).toBe(top);
          const broken = [...column.slice(0, -1), { formula: "=1" }];
          expect(filledDownFormula(broken)).toBeUndefined();
        },
      ),
    );
  });
});

describe("fingerprints of Yardstick's cells", () => {
  const headers = ["Flag ID", "Severity", "Note"];
  const rowsArb = fc.uniqueArray(
    fc.tuple(fc.string({ minLength: 1 }), fc.constantFrom("high", "low"), fc.string()),
    { selector: (r) => r[0], minLength: 1, maxLength: 30 },
  );

  it("does not change when rows are sorted or people's columns edited", () => {
    fc.assert(
      fc.property(rowsArb, fc.string(), (rows, note) => {
        const before = printTable(["Flag ID"], ["Flag ID", "Severity"], headers, rows);
        const after = printTable(
          ["Flag ID"],
          ["Flag ID", "Severity"],
          headers,
          [...rows].reverse().map((r) => [r[0], r[1], note]),
        );
        expect(after).toEqual(before);
      }),
    );
  });

  it("finds the column and row of any edited Yardstick cell", () => {
    fc.assert(
      fc.property(rowsArb, fc.nat(), (rows, pick) => {
        const i = pick % rows.length;
        const before = printTable(["Flag ID"], ["Flag ID", "Severity"], headers, rows);
        const edited = rows.map((r, k) => (k === i ? [r[0], r[1] === "high" ? "low" : "high", r[2]] : r));
        const regions = diffPrints(
          before,
          printTable(["Flag ID"], ["Flag ID", "Severity"], headers, edited),
          headers,
          edited,
        );
        expect(regions).toEqual([{ header: "Severity", rows: expect.arrayContaining([i]) }]);
      }),
    );
  });
});

describe("payload slicing", () => {
  it("slices rows in order, each slice within the limit unless one row is larger", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 5 }), { maxLength: 200 }),
        fc.integer({ min: 10, max: 500 }),
        (rows, max) => {
          const slices = sliceRows(rows, max);
          expect(slices.flatMap((s) => s.rows)).toEqual(rows);
          for (const s of slices)
            expect(s.rows.length === 1 || JSON.stringify(s.rows).length <= max + s.rows.length).toBe(true);
        },
      ),
    );
  });

  it("packs operations in order into groups within the budget", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 100 }), (sizes) => {
        const ops = sizes.map((b) => op(b, () => undefined));
        const groups = packOps(ops, 6000);
        expect(groups.flat()).toEqual(ops);
        for (const g of groups)
          expect(g.length === 1 || g.reduce((n, o) => n + o.bytes, 0) <= 6000).toBe(true);
      }),
    );
  });
});

describe("settings migration", () => {
  it.each([
    [undefined, { schemaVersion: 2, templateId: "", fyStartMonth: 1, written: {} }],
    [
      { version: 1, template: "blank" },
      { schemaVersion: 2, templateId: "blank", fyStartMonth: 1, written: {} },
    ],
    [
      { schemaVersion: 2, templateId: "x", fyStartMonth: 10, written: {} },
      { schemaVersion: 2, templateId: "x", fyStartMonth: 10, written: {} },
    ],
  ])("migrates %j", (stored, expected) => {
    expect(migrateState(stored)).toEqual(expected);
  });
});
