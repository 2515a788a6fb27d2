/** The one "would this write replace what someone typed" rule, shared by the adapter and the pane. */
import fc from "fast-check";
import { changedTypedCells } from "../../src/workbook/typedCells";

const HEADERS = ["Unit", "Fiscal year", "Budget", "Note"];

describe("changedTypedCells", () => {
  it("names a typed cell the write would change, by column and row, and ignores blanks", () => {
    const current = [
      ["North", 2026, 5000, "kept"],
      ["South", 2026, "", ""],
    ];
    const input = {
      columns: ["Unit", "Fiscal year", "Budget"],
      rows: [
        ["South", 2026, 7000],
        ["North", 2026, 6000],
      ],
    };
    expect([...changedTypedCells(HEADERS, current, ["Unit", "Fiscal year"], input)]).toEqual([
      ["Budget", [0]],
    ]);
  });

  it("takes a number typed as text ($5,000) as the number, and matches headers whatever their case", () => {
    const current = [["North", 2026, "$5,000", ""]];
    const input = { columns: ["unit", "fiscal year", "budget"], rows: [["North", 2026, 5000]] };
    expect(changedTypedCells(HEADERS, current, ["unit", "fiscal year"], input).size).toBe(0);
  });

  it('matches rows as the write merges them: fiscal year 2026 and the text "2026" are different rows', () => {
    const input = { columns: ["Unit", "Fiscal year", "Budget"], rows: [["North", "2026", 6000]] };
    expect(changedTypedCells(HEADERS, [["North", 2026, 5000, ""]], ["Unit", "Fiscal year"], input).size).toBe(
      0,
    );
  });

  it("asks nothing when a key column is missing, rather than matching every row to one", () => {
    const input = { columns: ["Budget"], rows: [[1]] };
    expect(changedTypedCells(HEADERS, [["North", 2026, 5, ""]], ["Unit"], input).size).toBe(0);
  });

  it("matches by position when the table has no key columns", () => {
    const input = { columns: ["Budget"], rows: [[5], [9]] };
    const current = [
      ["a", 1, 5, ""],
      ["b", 1, 8, ""],
    ];
    expect([...changedTypedCells(HEADERS, current, [], input)]).toEqual([["Budget", [1]]]);
  });

  it("property: writing the table's own values back changes nothing; changing one typed cell names exactly it", () => {
    const row = fc.tuple(
      fc.integer({ min: 0, max: 1e9 }),
      fc.option(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 })),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { minLength: 1, maxLength: 30, selector: (r) => r[0] }),
        fc.nat(),
        (rows, pick) => {
          const current = rows.map(([id, v]) => [`U${id}`, 2026, v ?? "", ""]);
          const same = {
            columns: ["Unit", "Budget"],
            rows: current.map((r) => [r[0], r[2] === "" ? 1 : r[2]]),
          };
          expect(changedTypedCells(HEADERS, current, ["Unit"], same).size).toBe(0);
          const typed = current.map((r, i) => [i, r] as const).filter(([, r]) => r[2] !== "");
          if (typed.length === 0) return;
          const [at] = typed[pick % typed.length];
          const changed = {
            columns: ["Unit", "Budget"],
            rows: same.rows.map((r, i) => (i === at ? [r[0], (r[1] as number) + 1] : r)),
          };
          const out = changedTypedCells(HEADERS, current, ["Unit"], changed);
          expect([...out]).toEqual([["Budget", [at]]]);
        },
      ),
    );
  });
});
