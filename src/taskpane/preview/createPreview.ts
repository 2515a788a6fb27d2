/**
 * The browser preview's wiring: the in-memory Excel (src/office/memory, HyperFormula
 * inside) behind the same Office gateway and port the pane uses in Excel. Loaded lazily, only
 * outside Office, so HyperFormula never weighs on the pane's first load in Excel.
 */
import { createMemoryExcel } from "../../office/memory";
import type { ExcelHost } from "../../office/host";
import { buildWorkbookPlan } from "../../workbook/buildPlan";
import { TEMPLATES } from "../../workbook/templates";
import type { YardstickPort } from "../port";
import { officeGateway } from "../service/officeGateway";
import { WorkbookPort } from "../service/workbookPort";
import { computeHere, type FormulaComputer, PreviewWorkbook } from "./memoryWorkbook";
import { notifying } from "./notifying";

export interface Preview {
  port: YardstickPort;
  workbook: PreviewWorkbook;
}

/**
 * The port's reads keep evaluateFormulas off (as they always have: Yardstick reads inputs, not
 * results, and a HyperFormula build per read would cost seconds); the grid's values are computed
 * apart, by `computer`: a web worker in a browser, this thread (after a paint) elsewhere.
 */
export function createPreview(computer?: FormulaComputer): Preview {
  const excel = createMemoryExcel({ apiVersion: "1.20", sheets: ["Sheet1"], evaluateFormulas: false });
  const workbook = new PreviewWorkbook(excel, computer ?? computeHere);
  const host = excel as unknown as ExcelHost;
  const port = new WorkbookPort({
    mode: "preview",
    gateway: officeGateway(host, { canCreateWorkbook: false }),
    templates: Object.values(TEMPLATES),
    buildPlan: (id, options) => buildWorkbookPlan(id, options),
  });
  return {
    workbook,
    port: notifying(
      port,
      () => workbook.changed(),
      (ref) => workbook.select({ sheet: ref.sheet, row: ref.row, column: ref.column }),
    ),
  };
}
