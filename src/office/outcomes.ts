/**
 * What the adapter's operations return and throw: written, or a question for the user with the
 * cells concerned; a partial write Excel stopped; a table that is not Yardstick's.
 */
import type { CellChange } from "./revert";

export interface AdapterOptions {
  /** Largest request or response Yardstick sends in one sync (default 4 MB; Excel on the web refuses 5 MB). */
  budgetBytes?: number;
}

/** How the user takes back the last operation. */
export type UndoKind = "excel-undo" | "revert";

export interface EditedCells {
  table: string;
  column: string;
  /** Up to 20 cell addresses ("Flags!C7") where the edit is; empty when rows were deleted. */
  addresses: string[];
  rowCount: number;
}

export type WriteOutcome =
  | { status: "written"; syncs: number; undo: UndoKind; rowsWritten: number }
  | {
      status: "needs-confirmation";
      reason:
        "sheets-exist" | "user-edited" | "would-overwrite-inputs" | "notes-would-be-dropped" | "cells-below";
      message: string;
      sheets?: string[];
      edits?: EditedCells[];
      /** For a revert: the cells a person changed since, which it would put back. */
      changes?: CellChange[];
    };

export type NeedsConfirmation = Extract<WriteOutcome, { status: "needs-confirmation" }>;

/** Excel refused part of a write; what was written before it stays until `revert()`. */
export class PartialWriteError extends Error {
  override readonly name = "PartialWriteError";
  constructor(
    message: string,
    readonly excelCode: string | undefined,
  ) {
    super(message);
  }
}

/** Runs a write; what Excel refuses part way becomes a PartialWriteError saying what to do. */
export async function writing<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new PartialWriteError(
      `Excel stopped while ${what} (${code ?? "error"}: ${(error as Error).message}). Part of it may be written: use Revert to take it back, then try again.`,
      code,
    );
  }
}

export class NotYardstickTableError extends Error {
  override readonly name = "NotYardstickTableError";
}
