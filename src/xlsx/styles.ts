/** Colours and fills for status formats: the familiar Excel "good / neutral / bad" palette. */
import type { StatusColor } from "../workbook/plan";

export interface StatusPalette {
  fillArgb: string;
  fontArgb: string;
}

/** Excel's built-in Good/Neutral/Bad cell styles, so the workbook looks native. */
export const STATUS_PALETTE: Record<StatusColor, StatusPalette> = {
  good: { fillArgb: "FFC6EFCE", fontArgb: "FF006100" },
  warn: { fillArgb: "FFFFEB9C", fontArgb: "FF9C5700" },
  bad: { fillArgb: "FFFFC7CE", fontArgb: "FF9C0006" },
  neutral: { fillArgb: "FFEDEDED", fontArgb: "FF404040" },
};

/** Data bar colours (solid enough to read on white). */
export const BAR_ARGB: Record<StatusColor, string> = {
  good: "FF63BE7B",
  warn: "FFFFB628",
  bad: "FFF8696B",
  neutral: "FF638EC6",
};

/** "#1F6FEB" or "1F6FEB" or "FF1F6FEB" -> "FF1F6FEB"; undefined when it is not a colour. */
export function toArgb(color: string): string | undefined {
  const hex = color.replace(/^#/, "").toUpperCase();
  if (/^[0-9A-F]{6}$/.test(hex)) return `FF${hex}`;
  if (/^[0-9A-F]{8}$/.test(hex)) return hex;
  return undefined;
}
