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
import { PreviewWorkbook } from "./memoryWorkbook";
import { notifying } from "./notifying";

export interface Preview {
  port: YardstickPort;
  workbook: PreviewWorkbook;
}

export function createPreview(): Preview {
  const excel = createMemoryExcel({ apiVersion: "1.20", sheets: ["Sheet1"], evaluateFormulas: false });
  const workbook = new PreviewWorkbook(excel);
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
