/**
 * The revision log survives the trip a workbook takes by email: opened and saved by LibreOffice,
 * its chain still verifies (numbers are hashed as the 15 significant digits a spreadsheet keeps,
 * text as NFC), the names and notes people typed stay text even when they look like formulas,
 * and the Revisions sheet and About's seal validate against the OOXML schemas.
 */
import { demoInput } from "../../src/cli/commands/demo";
import { appendRevisions, canonicalNumber, type Revision } from "../../src/engine/revisions";
import { buildPlanFromInput } from "../../src/workbook/buildPlan";
import { readScorecardXlsx, readSheetCells, writePlanToXlsx } from "../../src/xlsx";
import { recalculate } from "../support/libreoffice";
import { validateXlsx } from "../support/ooxml";

jest.setTimeout(300_000);

/** The demo with one more revision whose values and text a careless round trip would change. */
function trickyInput() {
  const input = demoInput();
  const target = input.observations.find(
    (o) => o.measure === "locates" && o.unit === "allegany" && o.period === "2027",
  )!;
  const awkward = 1234 + 1 / 3; // 1234.3333333333333: 17 digits in JavaScript, 15 in a saved file
  const revision: Revision = {
    at: "2027-02-03T08:15:00Z",
    who: '=HYPERLINK("http://example.com","Jo")',
    source: "pane-proration",
    measure: "locates",
    unit: "allegany",
    period: "2027",
    field: "target",
    oldValue: target.target!,
    newValue: awkward,
    reason: "other",
    // Decomposed é (e + combining accent) and a Windows newline: the hash sees NFC and \n.
    note: "+1 for the Cumberland re\u0301organisation\r\nsee memo 00123",
  };
  target.target = awkward;
  input.revisions = appendRevisions(input.revisions!, [revision]);
  return { input, revision };
}

describe("the revision log through LibreOffice", () => {
  const { input, revision } = trickyInput();
  let written: Buffer;
  let saved: Buffer;
  beforeAll(async () => {
    written = await writePlanToXlsx(buildPlanFromInput(input));
    [saved] = await recalculate([written]);
  });

  it("verifies before and after LibreOffice opens and saves the file, with no unlogged change", async () => {
    for (const bytes of [written, saved]) {
      const read = await readScorecardXlsx(bytes, "tricky.xlsx");
      expect(read.revisions?.check).toMatchObject({ ok: true, rows: input.revisions!.length });
      expect(read.revisions?.unlogged).toEqual([]);
      expect(read.findings.filter((f) => f.code.startsWith("revision-log"))).toEqual([]);
    }
  });

  it("keeps who and note as text, never a formula", async () => {
    const cells = (await readSheetCells(saved)).get("Revisions")!;
    const row = 4 + input.revisions!.length;
    expect(cells.get(`B${row}`)).toEqual({ value: revision.who });
    expect(cells.get(`K${row}`)?.formula).toBeUndefined();
    const read = await readScorecardXlsx(saved, "tricky.xlsx");
    const last = read.revisions!.log.at(-1)!;
    expect(last.who).toBe(revision.who);
    // LibreOffice keeps 15 significant digits; the hash was computed over exactly those.
    expect(last.newValue).toBeCloseTo(1234 + 1 / 3, 10);
    expect(canonicalNumber(last.newValue)).toBe("1234.33333333333");
  });

  it("validates against the OOXML schemas as Yardstick writes it", () => {
    const report = validateXlsx({ "written.xlsx": written });
    expect(report.invalid).toEqual([]);
    expect(report.summary).toMatch(/written.xlsx: \d+ parts checked, 0 invalid/);
  });
});
