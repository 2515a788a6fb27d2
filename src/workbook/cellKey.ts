/**
 * One text per cell and per row key, whether the cell comes from a plan or from Excel's
 * `range.formulas`: what the Office adapter fingerprints and merges by (src/office/hash.ts,
 * merge.ts) and what the "would this write replace typed cells" rule matches rows by
 * (typedCells.ts), so the question and the write always agree on which row is which.
 */
import { isFormula, type PlanValue } from "./plan";

/** The same text for a cell whether it comes from a plan or from `range.formulas`; undefined when blank. */
export function canonical(value: unknown): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "object" && isFormula(value as PlanValue))
    return canonical((value as { formula: string }).formula);
  if (typeof value === "number") return `n:${Number(value.toPrecision(15))}`;
  if (typeof value === "boolean") return `b:${value}`;
  const text = String(value);
  if (text.startsWith("=")) return `f:${text.replace(/\s+/g, "").toUpperCase()}`;
  return `s:${text}`;
}

/** Key of a row: canonical text of its key cells, or the row index when there is no key. */
export function rowKey(row: unknown[], keyIndexes: number[], rowIndex: number): string {
  if (keyIndexes.length === 0) return `#${rowIndex}`;
  return keyIndexes.map((i) => canonical(row[i]) ?? "").join("\u0001");
}
