/**
 * Yardstick's record in the workbook (Excel workbook settings, ExcelApi 1.4): which
 * template made it, and fingerprints of the cells Yardstick wrote. Versioned, with one
 * migration step per version, so a workbook saved by an older Yardstick still opens.
 */
import type { TablePrint } from "./hash";

export const STATE_KEY = "yardstick.state";
export const STATE_VERSION = 2;

/** Version 1 (first preview): only the template id. */
export interface StateV1 {
  version: 1;
  template: string;
}

export interface WrittenTable {
  sheet: string;
  /** Headers Yardstick writes; the other columns belong to people. */
  ownedHeaders: string[];
  print: TablePrint;
  /** The fingerprint before the last write: matching it means Excel's undo took that write back. */
  previousPrint?: TablePrint;
}

export interface YardstickState {
  schemaVersion: 2;
  templateId: string;
  fyStartMonth: number;
  /** Tables holding cells Yardstick wrote, by table name. */
  written: Record<string, WrittenTable>;
}

export class StateVersionError extends Error {
  override readonly name = "StateVersionError";
}

/** An empty record for a workbook Yardstick has not written to. */
export function emptyState(templateId = "", fyStartMonth = 1): YardstickState {
  return { schemaVersion: STATE_VERSION, templateId, fyStartMonth, written: {} };
}

const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // v1 kept no fingerprints: nothing is known to be Yardstick's, so overwrites will ask.
  1: (old) => ({ schemaVersion: 2, templateId: String(old.template ?? ""), fyStartMonth: 1, written: {} }),
};

/**
 * Bring a stored record to the current version. Example: `migrateState({ version: 1, template: "blank" }).schemaVersion === 2`.
 * Throws StateVersionError for a record written by a newer Yardstick.
 */
export function migrateState(stored: unknown): YardstickState {
  if (stored === null || stored === undefined || typeof stored !== "object") return emptyState();
  let record = stored as Record<string, unknown>;
  let version = Number(record.schemaVersion ?? record.version ?? 0);
  if (!Number.isInteger(version) || version < 1) return emptyState();
  if (version > STATE_VERSION) {
    throw new StateVersionError(
      `This workbook was last saved by a newer Yardstick (settings version ${version}; this one reads up to ${STATE_VERSION}). Update the add-in before changing it.`,
    );
  }
  while (version < STATE_VERSION) {
    record = MIGRATIONS[version](record);
    version += 1;
  }
  return record as unknown as YardstickState;
}
