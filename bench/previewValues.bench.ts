/**
 * The browser preview's values: insert a template with its sample data into the in-memory Excel
 * the way the preview does, then time HyperFormula computing the visible grid (at most 400 x 60
 * cells) of the Dashboard and of "Milestones & Actuals": over the whole workbook (what the host's
 * evaluateFormulas does) and over only the sheets the shown sheet reaches (what the preview does).
 */
import { createMemoryExcel } from "../src/office/memory";
import type { ExcelHost } from "../src/office/host";
import { buildWorkbookPlan } from "../src/workbook/buildPlan";
import { TEMPLATES } from "../src/workbook/templates";
import { officeGateway } from "../src/taskpane/service/officeGateway";
import { WorkbookPort } from "../src/taskpane/service/workbookPort";
import { computeValues } from "../src/office/memory/formulas";

export const title = "Preview: computing the grid's formula values after an insert";

const ms = (t0: number): string => `${(performance.now() - t0).toFixed(0)} ms`;

export async function run(): Promise<void> {
  for (const templateId of ["child-support", "city-services"]) {
    const excel = createMemoryExcel({ apiVersion: "1.20", sheets: ["Sheet1"], evaluateFormulas: false });
    const port = new WorkbookPort({
      mode: "preview",
      gateway: officeGateway(excel as unknown as ExcelHost, { canCreateWorkbook: false }),
      templates: Object.values(TEMPLATES),
      buildPlan: (id, options) => buildWorkbookPlan(id, options),
    });
    const t0 = performance.now();
    await port.insertTemplate({ templateId, withSampleData: true, destination: "this" });
    const host = excel.host;
    let formulas = 0;
    for (const s of host.sheets) for (const c of s.cells.values()) if (c.content?.t === "f") formulas++;
    const lines = [`${templateId}: insert ${ms(t0)}; ${formulas} formulas`];
    for (const name of ["Dashboard", "Milestones & Actuals"]) {
      const sheet = host.findSheet(name)!;
      const box = host.usedBox(sheet, 400, 60)!;
      const size = `${box.row1 + 1}x${box.col1 + 1}`;
      for (const whole of [true, false]) {
        const t1 = performance.now();
        const input = host.engineInput(whole ? undefined : sheet);
        const prepared = ms(t1);
        const reached = Object.values(input.sheets).filter((rows) => rows.length > 0).length;
        const t2 = performance.now();
        computeValues(input, name, box);
        lines.push(
          `  ${name} ${size}, ${whole ? "whole workbook" : `${reached} sheets reached`}: input ${prepared}, compute ${ms(t2)}`,
        );
      }
    }
    console.log(lines.join("\n"));
  }
}
