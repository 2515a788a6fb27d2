/**
 * The demo printed to PDF through LibreOffice, as a manager would before emailing it: the
 * Dashboard on one landscape page, every page headed with the workbook's title, sheet and as-of
 * month and numbered, the grid's pages each carrying the measure and unit columns, and the Data
 * sheet (a long table for PivotTables) not printed page after page. The page images are kept in
 * test-artifacts/print/ for a person to look at.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { demoInput } from "../../src/cli/commands/demo";
import { buildPlanFromInput } from "../../src/workbook/buildPlan";
import { SHEETS } from "../../src/workbook/layout";
import { writePlanToXlsx } from "../../src/xlsx";
import { exportPdf } from "../support/libreoffice";
import { pdfPages, pngSize, renderPages, type PdfPage } from "../support/pdf";

jest.setTimeout(600_000);

const ARTIFACTS = path.join(__dirname, "..", "..", "test-artifacts", "print");

describe("the demo printed to PDF", () => {
  const input = demoInput();
  let pdf: Buffer;
  let pages: PdfPage[];
  /** Pages of one sheet: the sheet name is the header's centre (&A). */
  const pagesOf = (sheet: string) =>
    pages.filter((p) =>
      p.text
        .split("\n")
        .slice(0, 3)
        .some((line) =>
          line
            .trim()
            .split(/\s{2,}/)
            .includes(sheet),
        ),
    );

  beforeAll(async () => {
    pdf = await exportPdf(await writePlanToXlsx(buildPlanFromInput(input)));
    pages = pdfPages(pdf);
  });

  it("prints the Dashboard's briefing on its first landscape page, one page wide, the charts after it", () => {
    const dashboard = pagesOf(SHEETS.dashboard);
    expect(dashboard).toHaveLength(2);
    expect(dashboard[1].text).toContain("milestone vs");
    expect(dashboard[0].text).not.toContain("milestone vs");
    const [page] = dashboard;
    expect(page.widthPt).toBeGreaterThan(page.heightPt);
    for (const text of [
      "Act on these",
      "likely to miss the target by about",
      "Measure ID",
      "Forecast label",
      "League table",
      "Flags awaiting review",
      "Federal incentive score",
    ])
      expect(page.text).toContain(text);
    // Off track first: the one off-track measure heads the list, above the at-risk one.
    expect(page.text.indexOf("Paternity acknowledgments rescinded")).toBeLessThan(
      page.text.indexOf("Cases closed as unlocatable"),
    );
    const pngs = renderPages(
      pdf,
      dashboard.map((p) => p.number),
      ARTIFACTS,
      "dashboard",
      110,
    );
    const size = pngSize(readFileSync(pngs[0]));
    expect(size.width).toBeGreaterThan(size.height);
  });

  it("prints this year's rows of Milestones & Actuals three pages wide, not every year's grid", () => {
    // 132 rows this year (11 measures x 12 offices): 2 pages tall x 3 wide; earlier years and the
    // helper columns stay off paper (the whole grid printed as 194 pages).
    expect(pagesOf(SHEETS.monthly).length).toBeLessThanOrEqual(8);
  });

  it("heads every page with the title, sheet and as-of month, and numbers it", () => {
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      expect(page.text).toContain(input.title);
      expect(page.text).toContain(`As of ${input.asOfMonth}`);
      expect(page.text).toContain(`Page ${page.number} of ${pages.length}`);
      expect(page.widthPt).toBeGreaterThan(page.heightPt);
    }
  });

  it("repeats the grid's header rows and measure and unit columns on every page of Milestones & Actuals", () => {
    const grid = pagesOf(SHEETS.monthly);
    expect(grid.length).toBeGreaterThan(1);
    for (const page of grid) {
      expect(page.text).toContain("Measure ID");
      expect(page.text).toContain("Unit ID");
    }
    renderPages(pdf, [grid[0].number, grid[grid.length - 1].number], ARTIFACTS, "milestones");
  });

  it("prints each flag's sentences whole on the Flags pages, wrapped rather than cut at the next column", () => {
    const text = pagesOf(SHEETS.flags)
      .map((p) => p.text)
      .join(" ")
      .replace(/\s+/g, " ");
    expect(input.flags.length).toBeGreaterThan(5);
    // Cut text loses the words past its column's edge; wrapped text keeps every word, in order,
    // with at most a printed line of the neighbouring columns between two of them.
    for (const flag of input.flags.slice(0, 5)) {
      const words = flag.whatToCheck.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
      expect(text).toMatch(new RegExp(words.join("[\\s\\S]{1,300}?")));
    }
  });

  it("keeps the Data sheet to one page and the reference sheets one page wide", () => {
    expect(pagesOf(SHEETS.data)).toHaveLength(1);
    for (const sheet of [SHEETS.about, SHEETS.measures, SHEETS.units, SHEETS.flags])
      for (const page of pagesOf(sheet)) expect(page.text).toMatch(/\S/);
    renderPages(
      pdf,
      pagesOf(SHEETS.flags)
        .map((p) => p.number)
        .slice(0, 1),
      ARTIFACTS,
      "flags",
    );
  });
});
