/**
 * Every XML part Yardstick writes validates against the Office Open XML Transitional schemas:
 * element order, required and unknown elements and attributes. Excel is strict about these
 * (it "repairs" the file and drops what it cannot place) and LibreOffice silently drops the
 * charts, so a misplaced element is a workbook that arrives broken by email.
 */
import { demoInput } from "../../src/cli/commands/demo";
import { buildPlanFromInput, buildWorkbookPlan } from "../../src/workbook/buildPlan";
import { TEMPLATE_IDS } from "../../src/workbook/templates";
import { writePlanToXlsx } from "../../src/xlsx";
import { withDrawingElement } from "../../src/xlsx/charts";
import { validateXlsx } from "../support/ooxml";
import { f, sheet, workbook } from "./plans";

jest.setTimeout(600_000);

describe("the workbooks Yardstick writes are valid OOXML", () => {
  it("validates every part of the demo and of each template, with and without sample data", async () => {
    const files: Record<string, Buffer> = {
      "demo.xlsx": await writePlanToXlsx(buildPlanFromInput(demoInput())),
    };
    for (const id of TEMPLATE_IDS) {
      files[`${id}.xlsx`] = await writePlanToXlsx(buildWorkbookPlan(id));
      if (id !== "blank")
        files[`${id}-sample.xlsx`] = await writePlanToXlsx(buildWorkbookPlan(id, { sampleData: true }));
    }
    const report = validateXlsx(files);
    expect(report.invalid).toEqual([]);
    expect(report.status).toBe(0);
    // Every file was opened and its parts checked (a silent skip would also give no lines).
    for (const name of Object.keys(files))
      expect(report.summary).toMatch(new RegExp(`${name}: \\d+ parts checked, 0 invalid`));
  });

  it("places a chart's drawing after a data bar's nested extLst, not inside it", async () => {
    const bytes = await writePlanToXlsx(
      workbook([
        sheet("Dashboard", {
          ranges: [
            {
              topLeft: "A1",
              values: [
                ["Month", "Cases"],
                ["Jul", 3],
                ["Aug", f("=B2+1")],
              ],
            },
          ],
          conditionalFormats: [{ type: "dataBar", range: "B2:B3", color: "good" }],
          tables: [],
          charts: [
            {
              title: "Cases",
              kind: "line",
              anchor: "D2:J12",
              series: [{ name: "Cases", categories: "Dashboard!$A$2:$A$3", values: "Dashboard!$B$2:$B$3" }],
            },
          ],
        }),
      ]),
    );
    expect(validateXlsx({ "databar.xlsx": bytes }).invalid).toEqual([]);
  });

  it.each([
    [
      "after the last top-level child before tableParts",
      '<worksheet><sheetData/><pageMargins/><tableParts count="1"/></worksheet>',
      '<pageMargins/><drawing r:id="d"/><tableParts',
    ],
    [
      "before the worksheet's own extLst, not a cfRule's",
      "<worksheet><sheetData></sheetData><conditionalFormatting><cfRule><extLst><ext/></extLst></cfRule></conditionalFormatting><extLst/></worksheet>",
      '</conditionalFormatting><drawing r:id="d"/><extLst/>',
    ],
    [
      "at the end when nothing follows it",
      "<worksheet><sheetData/><pageSetup/></worksheet>",
      '<pageSetup/><drawing r:id="d"/></worksheet>',
    ],
  ])("puts <drawing> %s", (_name, xml, expected) => {
    expect(withDrawingElement(xml, "d")).toContain(expected);
  });
});
