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
const MARGINS = [
  "leftMargin",
  "rightMargin",
  "topMargin",
  "bottomMargin",
  "headerMargin",
  "footerMargin",
] as const;

/** An object whose properties only take values, each handed to `apply` with its key. */
function setters<K extends string>(
  keys: readonly K[],
  apply: (key: K, v: unknown) => void,
): Record<K, unknown> {
  const out = {} as Record<K, unknown>;
  for (const key of keys)
    Object.defineProperty(out, key, { set: (v: unknown) => apply(key, v), enumerable: true });
  return out;
}

/** "$1:$3" -> "1:3", "$A:$C" -> "A:C": the whole rows or columns print titles take. */
function span(v: string, part: string): string {
  const m = new RegExp(`^\\$?(${part}):\\$?(${part})$`).exec(v.trim());
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
  // Header and footer parts, and margins in points: plain setters the double records.
  const parts = setters(
    ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"],
    (key, v) =>
      set("headerFooter", v, (p) => {
        p.headerFooter = { ...p.headerFooter, [key]: String(v) };
      }),
  );
  const margins = setters(MARGINS, (key, v) =>
    set("margins", v, (p) => {
      p.margins = { ...p.margins, [key.replace("Margin", "")]: Number(v) };
    }),
  );
  const layout = {
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
    headersFooters: { defaultForAllPages: parts },
    setPrintArea(area: string): void {
      parseBox(area.replace(/\$/g, ""));
      set("printArea", area.replace(/\$/g, ""));
    },
    setPrintTitleRows(rows: string): void {
      set("titleRows", span(rows, "\\d+"));
    },
    setPrintTitleColumns(columns: string): void {
      set("titleColumns", span(columns, "[A-Z]{1,3}"));
    },
  };
  return Object.defineProperties(layout, Object.getOwnPropertyDescriptors(margins)) as typeof layout &
    Record<(typeof MARGINS)[number], number>;
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
