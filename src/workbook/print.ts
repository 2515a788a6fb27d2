/**
 * How each sheet prints, decided once for the whole workbook: landscape, the header rows and
 * key columns repeated on every page (the rows and columns the sheet freezes on screen), a
 * header with the workbook's title and as-of month and a footer with the page number. The
 * Dashboard fits one page wide (it sets its own print area); the Data sheet, a long table for
 * PivotTables, prints only its heading.
 */
import { SHEETS } from "./layout";
import type { PrintPlan, SheetPlan } from "./plan";

/** "&" starts a code in Excel's header and footer text; a literal one is doubled. */
function headerText(text: string): string {
  return text.replace(/&/g, "&&");
}

/** A freeze of n rows -> "1:n"; none when nothing is frozen. */
function titleRows(sheet: SheetPlan): string | undefined {
  return sheet.freeze && sheet.freeze.rows > 0 ? `1:${sheet.freeze.rows}` : undefined;
}

function titleColumns(sheet: SheetPlan): string | undefined {
  if (!sheet.freeze || sheet.freeze.columns <= 0) return undefined;
  return `A:${String.fromCharCode(64 + sheet.freeze.columns)}`;
}

/**
 * Give every visible sheet its page setup; a sheet that already has one (the Dashboard) keeps
 * its area and fit and gets the header and footer.
 * @example withPrintSetup(plan.sheets, "County child support", "2027-04")
 */
export function withPrintSetup(sheets: SheetPlan[], title: string, asOfMonth: string): SheetPlan[] {
  const header: PrintPlan["header"] = [headerText(title), "&A", `As of ${asOfMonth}`];
  const footer: PrintPlan["footer"] = ["Yardstick scorecard", "", "Page &P of &N"];
  return sheets.map((sheet) => {
    if (sheet.hidden) return sheet;
    const own = sheet.print;
    const print: PrintPlan = {
      orientation: "landscape",
      ...(titleRows(sheet) ? { titleRows: titleRows(sheet) } : {}),
      ...(titleColumns(sheet) ? { titleColumns: titleColumns(sheet) } : {}),
      ...own,
      header,
      footer,
    };
    // The reference sheets are a few columns wide: one page wide reads best.
    if (!own && sheet.name !== SHEETS.monthly) print.fitToWidth = 1;
    // tblData repeats the grid one row per month (thousands of rows): not for paper.
    if (sheet.name === SHEETS.data) print.area = "A1:H2";
    return { ...sheet, print };
  });
}
