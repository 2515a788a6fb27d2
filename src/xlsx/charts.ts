/**
 * Native Excel charts. ExcelJS cannot write charts, so after it writes the workbook we add
 * DrawingML parts to the zip: one drawing per sheet holding its charts, one chart part per
 * chart, their relationships and content types. Series point at cells (no cached values),
 * so the charts follow the live formulas in Excel and LibreOffice alike.
 */
import JSZip from "jszip";
import type { ChartPlan, WorkbookPlan } from "../workbook/plan";
import { parseRange } from "./address";
import { XlsxPlanError } from "./errors";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const REL_DRAWING = `${NS_R}/drawing`;
const REL_CHART = `${NS_R}/chart`;
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/** Escape text for XML content and attributes. */
export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Undo `xmlEscape` (the five predefined entities). */
export function xmlUnescape(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function attr(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? xmlUnescape(match[1]) : undefined;
}

/** Sheet name -> zip path of its worksheet part, read from workbook.xml and its relationships. */
export async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbookXml = await zip.file("xl/workbook.xml")?.async("string");
  const relsXml = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (!workbookXml || !relsXml) throw new XlsxPlanError("the written workbook has no xl/workbook.xml");
  const targets = new Map<string, string>();
  for (const tag of relsXml.match(/<Relationship\s[^>]*>/g) ?? []) {
    const id = attr(tag, "Id");
    const target = attr(tag, "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const tag of workbookXml.match(/<sheet\s[^>]*>/g) ?? []) {
    const name = attr(tag, "name");
    const id = attr(tag, "r:id");
    const target = id ? targets.get(id) : undefined;
    if (name && target) parts.set(name, target);
  }
  return parts;
}

function seriesXml(chart: ChartPlan, index: number): string {
  const series = chart.series[index];
  const line = chart.kind === "line" && series.as !== "column";
  return [
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>`,
    `<c:tx><c:v>${xmlEscape(series.name)}</c:v></c:tx>`,
    line ? `<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>` : `<c:invertIfNegative val="0"/>`,
    `<c:cat><c:strRef><c:f>${xmlEscape(series.categories.replace(/^=/, ""))}</c:f></c:strRef></c:cat>`,
    `<c:val><c:numRef><c:f>${xmlEscape(series.values.replace(/^=/, ""))}</c:f></c:numRef></c:val>`,
    line ? `<c:smooth val="0"/>` : "",
    `</c:ser>`,
  ].join("");
}

/** The chart part for one chart plan: a line, clustered column or combo chart with a title and legend. */
export function chartXml(chart: ChartPlan): string {
  const all = chart.series.map((_s, i) => i);
  const columns = all.filter((i) => chart.kind !== "line" || chart.series[i].as === "column");
  const lines = all.filter((i) => !columns.includes(i));
  const xml = (indexes: number[]) => indexes.map((i) => seriesXml(chart, i)).join("");
  const axes = `<c:axId val="500000001"/><c:axId val="500000002"/>`;
  // A combo shares one pair of axes: the columns' group first, so the lines draw over them.
  const body =
    (columns.length
      ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${xml(columns)}<c:gapWidth val="${lines.length ? 60 : 150}"/>${axes}</c:barChart>`
      : "") +
    (lines.length
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${xml(lines)}<c:marker val="1"/>${axes}</c:lineChart>`
      : "");
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${xmlEscape(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  // Category labels sit below the plot ("low"), not on the zero line, which runs through the
  // middle of a chart with negative columns and would put the labels over them.
  const valueFormat = chart.valueFormat
    ? `<c:numFmt formatCode="${xmlEscape(chart.valueFormat)}" sourceLinked="0"/>`
    : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
  const catAx = `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="low"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>`;
  const valAx = `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>${valueFormat}<c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${body}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="0"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function anchorXml(chart: ChartPlan, index: number, sheet: string): string {
  const { from, to } = parseRange(chart.anchor, sheet);
  const marker = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${marker("from", from.column - 1, from.row - 1)}${marker("to", to.column, to.row)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${xmlEscape(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}">` +
    `<c:chart xmlns:c="${NS_C}" r:id="rIdChart${index + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  const body = rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlEscape(r.target)}"/>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
}

/** CT_Worksheet's children that come after `<drawing>`, in the schema's order (sml.xsd). */
const AFTER_DRAWING = new Set([
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

/**
 * Insert `<drawing>` where CT_Worksheet's sequence wants it: before the first top-level child
 * that the schema puts after it. Only direct children of `<worksheet>` count: a conditional
 * format's data bar carries its own nested `<extLst>`, and a drawing placed there makes
 * LibreOffice drop every chart and Excel repair the file. Nothing after `</sheetData>` is
 * large, so the scan starts there.
 */
export function withDrawingElement(sheetXml: string, relId: string): string {
  const element = `<drawing r:id="${relId}"/>`;
  const dataEnd = /<\/sheetData>|<sheetData\s*\/>/.exec(sheetXml);
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/g;
  tag.lastIndex = dataEnd ? dataEnd.index + dataEnd[0].length : 0;
  let depth = dataEnd ? 1 : 0;
  for (let m = tag.exec(sheetXml); m; m = tag.exec(sheetXml)) {
    const [, closing, name, selfClosing] = m;
    if (closing) {
      depth -= 1;
      if (depth === 0) return sheetXml.slice(0, m.index) + element + sheetXml.slice(m.index);
      continue;
    }
    if (depth === 1 && AFTER_DRAWING.has(name.replace(/^\w+:/, "")))
      return sheetXml.slice(0, m.index) + element + sheetXml.slice(m.index);
    if (!selfClosing) depth += 1;
  }
  throw new XlsxPlanError("the written worksheet has no closing </worksheet>");
}

/**
 * Add the plan's charts to an .xlsx written by ExcelJS; returns the bytes unchanged when there are none.
 * @example const withCharts = await addCharts(await wb.xlsx.writeBuffer(), plan);
 */
export async function addCharts(bytes: Buffer, plan: WorkbookPlan): Promise<Buffer> {
  if (plan.sheets.every((s) => s.charts.length === 0)) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  await addChartsToZip(zip, plan);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Add the plan's charts to an open zip (the writer batches its zip edits in one pass). */
export async function addChartsToZip(zip: JSZip, plan: WorkbookPlan): Promise<void> {
  const sheetsWithCharts = plan.sheets.filter((s) => s.charts.length > 0);
  if (sheetsWithCharts.length === 0) return;
  const parts = await sheetParts(zip);
  const overrides: string[] = [];
  let chartNumber = 0;
  let drawingNumber = Object.keys(zip.files).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f)).length;
  for (const sheet of sheetsWithCharts) {
    const sheetPath = parts.get(sheet.name);
    if (!sheetPath) throw new XlsxPlanError("sheet part not found for charts", sheet.name);
    drawingNumber += 1;
    const drawingPath = `xl/drawings/drawing${drawingNumber}.xml`;
    const chartRels = sheet.charts.map((chart, i) => {
      if (chart.series.length === 0)
        throw new XlsxPlanError(`chart "${chart.title}" has no series`, sheet.name);
      chartNumber += 1;
      zip.file(`xl/charts/chart${chartNumber}.xml`, chartXml(chart));
      overrides.push(`<Override PartName="/xl/charts/chart${chartNumber}.xml" ContentType="${CT_CHART}"/>`);
      return { id: `rIdChart${i + 1}`, type: REL_CHART, target: `../charts/chart${chartNumber}.xml` };
    });
    const anchors = sheet.charts.map((chart, i) => anchorXml(chart, i, sheet.name)).join("");
    zip.file(
      drawingPath,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors}</xdr:wsDr>`,
    );
    zip.file(`xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, relsXml(chartRels));
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/>`);
    await linkDrawing(zip, sheetPath, `../drawings/drawing${drawingNumber}.xml`);
  }
  const typesXml = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", typesXml.replace("</Types>", `${overrides.join("")}</Types>`));
}

async function linkDrawing(zip: JSZip, sheetPath: string, drawingTarget: string): Promise<void> {
  const slash = sheetPath.lastIndexOf("/");
  const relsPath = `${sheetPath.slice(0, slash)}/_rels/${sheetPath.slice(slash + 1)}.rels`;
  const existing = (await zip.file(relsPath)?.async("string")) ?? "";
  const rels = (existing.match(/<Relationship\s[^>]*>/g) ?? []).map((tag) => ({
    id: attr(tag, "Id") ?? "",
    type: attr(tag, "Type") ?? "",
    target: attr(tag, "Target") ?? "",
    mode: attr(tag, "TargetMode"),
  }));
  const relId = "rIdYardstickDrawing";
  const body = rels
    .map(
      (r) =>
        `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlEscape(r.target)}"${r.mode ? ` TargetMode="${r.mode}"` : ""}/>`,
    )
    .concat(`<Relationship Id="${relId}" Type="${REL_DRAWING}" Target="${drawingTarget}"/>`)
    .join("");
  zip.file(
    relsPath,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`,
  );
  const sheetXml = await zip.file(sheetPath)!.async("string");
  zip.file(sheetPath, withDrawingElement(sheetXml, relId));
}
