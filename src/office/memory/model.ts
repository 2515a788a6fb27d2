/** What the host workbook holds: sheets, tables, names and the records of formats, validations and charts. */
import type { Box } from "./a1";
import type { Cell } from "./cells";

export interface HostSheet {
  id: string;
  name: string;
  cells: Map<number, Cell>;
  tabColor?: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  frozen?: { rows: number; columns: number };
  columnWidths: Map<number, number>;
  /** Row index (0-based) -> height in points. */
  rowHeights?: Map<number, number>;
  /** What worksheet.pageLayout set (ExcelApi 1.9): the page setup a printout uses. */
  print?: HostPrint;
}

export interface HostPrint {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea?: string;
  titleRows?: string;
  titleColumns?: string;
  margins?: Record<string, number>;
  headerFooter?: Record<string, string>;
  /** Rows (1-based) a horizontal page break sits above. */
  breaksAbove?: number[];
}

export interface HostTable {
  id: number;
  name: string;
  sheet: HostSheet;
  /** Header row included. */
  box: Box;
  style?: string;
  showTotals: boolean;
}

export interface HostRecord {
  sheet: HostSheet;
  address: string;
  settings: Record<string, unknown>;
}

export interface HostChart extends HostRecord {
  name: string;
  type: string;
  series: Record<string, unknown>[];
}

export interface HostName {
  name: string;
  formula: string;
  comment: string;
}

export interface HostSnapshot {
  sheets: HostSheet[];
  tables: HostTable[];
  names: Map<string, HostName>;
  conditionalFormats: HostRecord[];
  validations: HostRecord[];
  charts: HostChart[];
}
