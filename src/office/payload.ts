/**
 * Requests within a payload budget. Excel on the web refuses a request or response above
 * 5 MB; Yardstick keeps each below a budget (default 4 MB) by splitting big 2-D writes into
 * row slices and packing queued operations into as few syncs as the budget allows.
 */

export const DEFAULT_BUDGET_BYTES = 4 * 1024 * 1024;
/** Allowance for the envelope of one operation (object path, property name). */
const OP_OVERHEAD_BYTES = 256;

export interface QueuedOp {
  bytes: number;
  queue: (context: Excel.RequestContext) => void;
}

/** JSON size of one value as Office.js would send it. */
export function jsonBytes(value: unknown): number {
  return JSON.stringify(value).length;
}

/** A single operation of known size. */
export function op(bytes: number, queue: (context: Excel.RequestContext) => void): QueuedOp {
  return { bytes: bytes + OP_OVERHEAD_BYTES, queue };
}

/**
 * Split a 2-D write into slices of whole rows, each below `maxBytes`.
 * Example: `sliceRows(rows, 1000)` gives `[{ offset: 0, rows: [...] }, ...]`.
 */
export function sliceRows<T>(rows: T[][], maxBytes: number): { offset: number; rows: T[][] }[] {
  const out: { offset: number; rows: T[][] }[] = [];
  let start = 0;
  let bytes = 2;
  rows.forEach((row, i) => {
    const b = jsonBytes(row) + 1;
    if (i > start && bytes + b > maxBytes) {
      out.push({ offset: start, rows: rows.slice(start, i) });
      start = i;
      bytes = 2;
    }
    bytes += b;
  });
  if (rows.length > start) out.push({ offset: start, rows: rows.slice(start) });
  return out;
}

/** Pack operations, in order, into groups whose total stays within the budget. */
export function packOps(ops: QueuedOp[], budgetBytes: number): QueuedOp[][] {
  const groups: QueuedOp[][] = [];
  let current: QueuedOp[] = [];
  let bytes = 0;
  for (const o of ops) {
    if (current.length > 0 && bytes + o.bytes > budgetBytes) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(o);
    bytes += o.bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

export class PayloadTooLargeError extends Error {
  override readonly name = "PayloadTooLargeError";
}
