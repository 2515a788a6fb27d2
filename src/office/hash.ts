/**
 * Fingerprints of the cells Yardstick wrote, so a user's edit is noticed before Yardstick
 * writes over it. Per table: for each owned column, 64 buckets of 32-bit sums of cell
 * hashes, bucketed by row key. Sums do not depend on row order, so sorting the table is
 * not an edit; a changed, cleared or deleted cell changes one bucket of one column, which
 * locates the edit to that column and about 1/64 of the rows.
 */
import { canonical, rowKey } from "../workbook/cellKey";

export { canonical, rowKey };

export const BUCKETS = 64;

/** FNV-1a, 32 bit. Example: `fnv1a("") === 0x811c9dc5`. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export interface ColumnPrint {
  header: string;
  /** BUCKETS sums as 8-digit hex, concatenated. */
  buckets: string;
}

export interface TablePrint {
  keyHeaders: string[];
  columns: ColumnPrint[];
}

/** Fingerprint owned columns of a table body. Example: `printTable(["Flag ID"], ["Severity"], headers, rows)`. */
export function printTable(
  keyHeaders: string[],
  ownedHeaders: string[],
  headers: string[],
  rows: unknown[][],
): TablePrint {
  const index = (h: string): number => headers.findIndex((x) => x.toLowerCase() === h.toLowerCase());
  const keyIndexes = keyHeaders.map(index).filter((i) => i >= 0);
  const sums = ownedHeaders.map(() => new Uint32Array(BUCKETS));
  const owned = ownedHeaders.map(index);
  rows.forEach((row, r) => {
    const key = rowKey(row, keyIndexes, r);
    const bucket = fnv1a(key) % BUCKETS;
    owned.forEach((c, k) => {
      const text = c < 0 ? undefined : canonical(row[c]);
      if (text === undefined) return;
      sums[k][bucket] = (sums[k][bucket] + fnv1a(`${key}\u0002${text}`)) >>> 0;
    });
  });
  return {
    keyHeaders,
    columns: ownedHeaders.map((header, k) => ({
      header,
      buckets: Array.from(sums[k], (s) => s.toString(16).padStart(8, "0")).join(""),
    })),
  };
}

export interface EditedRegion {
  header: string;
  /** 0-based body rows whose key falls in a changed bucket. */
  rows: number[];
}

/** Where `current` differs from `recorded`: per column, the rows in changed buckets. */
export function diffPrints(
  recorded: TablePrint,
  current: TablePrint,
  headers: string[],
  rows: unknown[][],
): EditedRegion[] {
  const keyIndexes = recorded.keyHeaders
    .map((h) => headers.findIndex((x) => x.toLowerCase() === h.toLowerCase()))
    .filter((i) => i >= 0);
  const bucketOf = rows.map((row, r) => fnv1a(rowKey(row, keyIndexes, r)) % BUCKETS);
  const out: EditedRegion[] = [];
  for (const col of recorded.columns) {
    const now = current.columns.find((c) => c.header === col.header);
    if (!now || now.buckets === col.buckets) continue;
    const changed = new Set<number>();
    for (let b = 0; b < BUCKETS; b++) {
      if (now.buckets.slice(b * 8, b * 8 + 8) !== col.buckets.slice(b * 8, b * 8 + 8)) changed.add(b);
    }
    out.push({ header: col.header, rows: bucketOf.flatMap((b, r) => (changed.has(b) ? [r] : [])) });
  }
  return out;
}
