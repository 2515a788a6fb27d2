/**
 * The revision log's hash chain. Each row's hash is SHA-256 over the previous row's hash, a
 * newline and the row's canonical text, so changing, deleting, inserting or reordering any row
 * breaks every hash from that row on. The canonical text survives a spreadsheet saving the file:
 * numbers are written with 15 significant digits (what Excel and LibreOffice keep), text is
 * Unicode-normalised with plain newlines.
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import type { LoggedRevision, Revision } from "./types";

/** The "previous hash" of the first row. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * A number as text that every spreadsheet round trip preserves: 15 significant digits, no -0.
 * Example: `canonicalNumber(0.1 + 0.2) === "0.3"`, `canonicalNumber(null) === ""`.
 */
export function canonicalNumber(value: number | null): string {
  if (value === null) return "";
  if (!Number.isFinite(value)) throw new RangeError(`a revision holds a finite number, not ${value}`);
  const rounded = Number(value.toPrecision(15));
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

const text = (s: string): string => s.normalize("NFC").replace(/\r\n?/g, "\n");

/**
 * The row as the hash sees it: every field in a fixed order, as a JSON array of strings.
 * Example: `canonicalRevision(r).startsWith('["2026-07-01T09:00:00Z",')`.
 */
export function canonicalRevision(r: Revision): string {
  return JSON.stringify([
    text(r.at),
    text(r.who),
    r.source,
    text(r.measure),
    text(r.unit),
    text(r.period),
    r.field,
    canonicalNumber(r.oldValue),
    canonicalNumber(r.newValue),
    r.reason,
    text(r.note),
  ]);
}

/** The hash that seals `r` after `previousHash`. Example: `revisionHash(GENESIS_HASH, r).length === 64`. */
export function revisionHash(previousHash: string, r: Revision): string {
  return bytesToHex(sha256(utf8ToBytes(`${previousHash}\n${canonicalRevision(r)}`)));
}

/** The log's last hash (GENESIS_HASH for an empty log). */
export function headHash(log: readonly LoggedRevision[]): string {
  return log.length === 0 ? GENESIS_HASH : log[log.length - 1].hash;
}

/**
 * The log with `revisions` sealed onto its end, in order. The log itself is not changed.
 * Example: `appendRevisions([], [r])[0].hash === revisionHash(GENESIS_HASH, r)`.
 */
export function appendRevisions(
  log: readonly LoggedRevision[],
  revisions: readonly Revision[],
): LoggedRevision[] {
  const out = [...log];
  let previous = headHash(log);
  for (const r of revisions) {
    const hash = revisionHash(previous, r);
    out.push({ ...r, hash });
    previous = hash;
  }
  return out;
}

/** What the workbook keeps apart from the table (a defined name) so that cutting rows off the end shows. */
export interface ChainSeal {
  rows: number;
  head: string;
}

export type ChainCheck =
  | { ok: true; rows: number; head: string }
  | {
      ok: false;
      rows: number;
      /** 1-based row of the log (not of the sheet) where the chain first breaks. */
      firstBadRow: number;
      problem: "edited" | "truncated";
      message: string;
    };

/**
 * Recomputes the chain and says where it first breaks. With a seal, a log shorter than the
 * sealed count, or whose row at the seal has another hash, is reported too.
 * Example: `verifyChain(appendRevisions([], [r])).ok === true`.
 */
export function verifyChain(log: readonly LoggedRevision[], seal?: ChainSeal): ChainCheck {
  let previous = GENESIS_HASH;
  for (let i = 0; i < log.length; i += 1) {
    const expected = revisionHash(previous, log[i]);
    if (expected !== log[i].hash.trim().toLowerCase()) {
      return {
        ok: false,
        rows: log.length,
        firstBadRow: i + 1,
        problem: "edited",
        message: `The revision log was edited at or after row ${i + 1}: a row there was changed, deleted, inserted or moved since it was logged.`,
      };
    }
    previous = expected;
  }
  if (seal && log.length < seal.rows) {
    return {
      ok: false,
      rows: log.length,
      firstBadRow: log.length + 1,
      problem: "truncated",
      message: `The revision log had ${seal.rows} rows when last saved by Yardstick and now has ${log.length}: rows ${log.length + 1} to ${seal.rows} were deleted.`,
    };
  }
  if (seal && seal.rows > 0 && log[seal.rows - 1].hash.trim().toLowerCase() !== seal.head.toLowerCase()) {
    return {
      ok: false,
      rows: log.length,
      firstBadRow: 1,
      problem: "edited",
      message: `The revision log was rewritten: its row ${seal.rows} no longer matches what Yardstick sealed.`,
    };
  }
  return { ok: true, rows: log.length, head: previous };
}
