/**
 * worksheet.pageLayout and horizontalPageBreaks (ExcelApi 1.9) in the double: what a printout
 * would use, recorded on the sheet so tests can read it back. Property sets and calls queue like
 * the real API's and fail at sync on a host older than 1.9.
 */
import { parseBox } from "./a1";
import { MemoryExcelError } from "./errors";
import type { HostPrint, HostSheet } from "./model";

type Queue = (record: Record<string, unknown>, apply: () => void, version?: string) => void;

const ORIENTATIONS = new Set(["Portrait", "Landscape"]);

/** "$1:$3" or "1:3" -> "1:3"; a row range is what print titles take. */
function rowSpan(v: string): string {
  const m = /^\$?(\d+):\$?(\d+)$/.exec(v.trim());
  if (!m)
    throw new MemoryExcelError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format: "${v}".`,
    );
  return `${m[1]}:${m[2]}`;
}

function columnSpan(v: string): string {
  const m = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/.exec(v.trim());
  if (!m)
    throw new MemoryExcelError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format: "${v}".`,
    );
  return `${m[1]}:${m[2]}`;
}

export function memoryPageLayout(queue: Queue, sheet: () => HostSheet) {
  const set = (key: keyof HostPrint, value: unknown, apply?: (p: HostPrint) => void) =>
    queue(
      { set: `pageLayout.${key}`, v: value },
      () => {
        const p = (sheet().print ??= {});
        if (apply) apply(p);
        else (p as Record<string, unknown>)[key] = value;
      },
      "1.9",
    );
  const footer = (key: string) => (v: string) =>
    set("headerFooter", v, (p) => {
      p.headerFooter = { ...p.headerFooter, [key]: v };
    });
  const defaultForAllPages = {
    set leftHeader(v: string) {
      footer("leftHeader")(v);
    },
    set centerHeader(v: string) {
      footer("centerHeader")(v);
    },
    set rightHeader(v: string) {
      footer("rightHeader")(v);
    },
    set leftFooter(v: string) {
      footer("leftFooter")(v);
    },
    set centerFooter(v: string) {
      footer("centerFooter")(v);
    },
    set rightFooter(v: string) {
      footer("rightFooter")(v);
    },
  };
  const margin = (key: string) => (v: number) =>
    set("margins", v, (p) => {
      p.margins = { ...p.margins, [key]: v };
    });
  return {
    set orientation(v: string) {
      if (!ORIENTATIONS.has(v)) throw new MemoryExcelError("InvalidArgument", `Invalid orientation "${v}".`);
      set("orientation", v);
    },
    set paperSize(v: string) {
      set("paperSize", v);
    },
    set zoom(v: HostPrint["zoom"]) {
      set("zoom", v);
    },
    set leftMargin(v: number) {
      margin("left")(v);
    },
    set rightMargin(v: number) {
      margin("right")(v);
    },
    set topMargin(v: number) {
      margin("top")(v);
    },
    set bottomMargin(v: number) {
      margin("bottom")(v);
    },
    set headerMargin(v: number) {
      margin("header")(v);
    },
    set footerMargin(v: number) {
      margin("footer")(v);
    },
    headersFooters: { defaultForAllPages },
    setPrintArea(area: string): void {
      parseBox(area.replace(/\$/g, ""));
      set("printArea", area.replace(/\$/g, ""));
    },
    setPrintTitleRows(rows: string): void {
      set("titleRows", rowSpan(rows));
    },
    setPrintTitleColumns(columns: string): void {
      set("titleColumns", columnSpan(columns));
    },
  };
}

export function memoryPageBreaks(queue: Queue, sheet: () => HostSheet) {
  return {
    add(at: string): void {
      const box = parseBox(at.replace(/\$/g, ""));
      queue(
        { call: "horizontalPageBreaks.add", at },
        () => {
          const p = (sheet().print ??= {});
          p.breaksAbove = [...(p.breaksAbove ?? []), box.row0 + 1];
        },
        "1.9",
      );
    },
  };
}
