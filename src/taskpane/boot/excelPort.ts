/** The pane's wiring inside Excel: the Office host behind the workbook port. Loaded after Office.onReady. */
import { officeHost } from "../../office/host";
import { detectSupport } from "../../office/support";
import { buildWorkbookPlan } from "../../workbook/buildPlan";
import { TEMPLATES } from "../../workbook/templates";
import { PortError, type YardstickPort } from "../port";
import { officeGateway } from "../service/officeGateway";
import { WorkbookPort } from "../service/workbookPort";

/** The port over this Excel; throws a PortError saying what to do when Excel is too old. */
export function createExcelPort(): YardstickPort {
  const host = officeHost();
  const support = detectSupport(host);
  if (!support.ok)
    throw new PortError("This Excel is too old for Yardstick.", support.message ?? "Update Office.");
  return new WorkbookPort({
    mode: "excel",
    // Excel.createWorkbook: Excel 2019 and later, Microsoft 365 on Windows and Mac, Excel on the web.
    gateway: officeGateway(host, { canCreateWorkbook: host.isSetSupported("ExcelApi", "1.8") }),
    templates: Object.values(TEMPLATES),
    buildPlan: (id, options) => buildWorkbookPlan(id, options),
  });
}
