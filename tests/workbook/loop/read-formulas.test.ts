/**
 * The loop's reader sees a formula as Excel saves it: a filled-down column written once as a
 * shared formula counts, in every cell of its group, as the same formula relative to its cell.
 */
import { readLoopTables } from "../../../src/xlsx/loopRead";
import { handmadeXlsx } from "../../xlsx/handmade";

const header = `<row r="1"><c r="A1" t="inlineStr"><is><t>Cases</t></is></c><c r="B1" t="inlineStr"><is><t>Double</t></is></c></row>`;
const row = (r: number, f: string) =>
  `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}">${f}<v>${2 * r}</v></c></row>`;

describe("formulas as the loop reads them", () => {
  it("gives each cell of a shared formula group the group's formula, relative to the cell", async () => {
    const shared = await handmadeXlsx([
      {
        name: "S",
        sheetData:
          header +
          row(2, `<f t="shared" ref="B2:B4" si="0">A2*2</f>`) +
          row(3, `<f t="shared" si="0"/>`) +
          row(4, `<f t="shared" si="0"></f>`),
        table: ["tblT", "A1:B4"],
      },
    ]);
    const plain = await handmadeXlsx([
      {
        name: "S",
        sheetData: header + row(2, "<f>A2*2</f>") + row(3, "<f>A3*2</f>") + row(4, "<f>A4*2</f>"),
        table: ["tblT", "A1:B4"],
      },
    ]);
    const a = (await readLoopTables(shared, "shared.xlsx")).tblT!;
    const b = (await readLoopTables(plain, "plain.xlsx")).tblT!;
    expect(a.formulas.map((r) => r[1])).toEqual(["RC[-1]*2", "RC[-1]*2", "RC[-1]*2"]);
    expect(b.formulas).toEqual(a.formulas);
    expect(a.rows.map((r) => r[1])).toEqual([4, 6, 8]);
  });
});
