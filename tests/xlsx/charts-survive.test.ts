/**
 * The Dashboard's charts survive LibreOffice: opened and saved again as .xlsx, the workbook
 * keeps every chart with its series, and the charts read the hidden chart data, where a month
 * without a roll-up is #N/A (a gap in Excel's line, not a drop to zero).
 */
import JSZip from "jszip";
import { demoInput } from "../../src/cli/commands/demo";
import { buildPlanFromInput } from "../../src/workbook/buildPlan";
import { fiscalMonthLabels, SHEETS } from "../../src/workbook/layout";
import { writePlanToXlsx } from "../../src/xlsx";
import { xmlUnescape } from "../../src/xlsx/charts";
import { formulaErrors } from "../workbook/differential-support";
import { readComputedCells, recalculate } from "../support/libreoffice";

jest.setTimeout(600_000);

async function charts(bytes: Buffer): Promise<{ part: string; series: string[] }[]> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
  return Promise.all(
    parts.map(async (part) => {
      const xml = await zip.file(part)!.async("string");
      const series = [...xml.matchAll(/<c:val>\s*<c:numRef>\s*<c:f>([^<]*)<\/c:f>/g)].map((m) =>
        xmlUnescape(m[1]),
      );
      return { part, series };
    }),
  );
}

describe("the demo's charts in LibreOffice", () => {
  const input = demoInput();
  const plan = buildPlanFromInput(input);
  let written: Buffer;
  let saved: Buffer;
  beforeAll(async () => {
    written = await writePlanToXlsx(plan);
    // The lock on soffice is shared by everyone on the machine: allow for a queue.
    [saved] = await recalculate([written], { timeoutMs: 500_000 });
  });

  it("keeps every chart, each with its series, after open and save as .xlsx", async () => {
    const planned = plan.sheets.flatMap((s) => s.charts);
    // One line chart per measure, the program's, and the Budget and results column chart.
    expect(planned.length).toBe(input.measures.length + 1 + (input.budget ? 1 : 0));
    const before = await charts(written);
    const after = await charts(saved);
    expect(before).toHaveLength(planned.length);
    expect(after).toHaveLength(planned.length);
    const seriesCount = (list: { series: string[] }[]) => list.map((c) => c.series.length).sort();
    expect(seriesCount(after)).toEqual(seriesCount(before));
    for (const c of after)
      for (const ref of c.series)
        expect(ref).toMatch(/^'?Chart data'?!(\$C\$\d+:\$N\$\d+|\$B\$\d+:\$B\$\d+|\$[ST]\$\d+:\$[ST]\$\d+)$/);
  });

  it("labels the percent axes as percents, in the file and after LibreOffice saves it", async () => {
    const percentAxes = async (bytes: Buffer) => {
      const zip = await JSZip.loadAsync(bytes);
      const parts = Object.keys(zip.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
      const xml = await Promise.all(parts.map((p) => zip.file(p)!.async("string")));
      return xml.filter((x) =>
        /<c:valAx>.*?<c:numFmt formatCode="0%" sourceLinked="0"\/>.*?<\/c:valAx>/s.test(x),
      ).length;
    };
    // The program's attainment chart and the budget chart.
    expect(await percentAxes(written)).toBe(2);
    expect(await percentAxes(saved)).toBe(2);
  });

  it("plots reported months as numbers and months without data as #N/A gaps", async () => {
    const cells = await readComputedCells(saved);
    const labels = fiscalMonthLabels(input.fyStartMonth);
    const reported = labels.indexOf("Apr") + 1; // the demo is as of 2027-04
    // Row 6 is the first measure's Actual (row 5 its Milestone), columns C.. are the months.
    const actual = labels.map((_, j) => cells.get(`${SHEETS.chartData}!${String.fromCharCode(67 + j)}6`));
    expect(cells.get(`${SHEETS.chartData}!B6`)?.value).toBe("Actual");
    actual.slice(0, reported).forEach((cell) => expect(typeof cell?.value).toBe("number"));
    actual.slice(reported).forEach((cell) => expect(cell?.error).toBe("#N/A"));
    // The deliberate gaps are not counted as formula errors; nothing else is an error.
    expect(formulaErrors(cells).errors).toEqual([]);
  });

  it("hides the chart data from the tabs a reader sees", async () => {
    const zip = await JSZip.loadAsync(written);
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toMatch(
      /<sheet [^>]*name="Chart data"[^>]*state="hidden"|<sheet [^>]*state="hidden"[^>]*name="Chart data"/,
    );
  });
});
