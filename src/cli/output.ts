/**
 * Writing a workbook where the user asked without ever losing what was there: the bytes go to a
 * temporary file in the same folder, are flushed to disk, and only then renamed over the target,
 * so a full disk or a crash leaves the old file whole (a rename within one folder is atomic). An
 * existing file is replaced only when the user said so (`--force`, or yes at a terminal prompt),
 * and never when it is not a workbook Yardstick could have written.
 */
import * as nodeFs from "node:fs";
import path from "node:path";
import { CliError, type CliIo } from "./io";

/** The few file calls a safe write makes; tests pass one that fails where a full disk would. */
export interface WriteFs {
  openSync(file: string, flags: string, mode?: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(file: string): void;
  statSync(file: string): { isFile(): boolean; mode: number; size: number };
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number;
  existsSync(file: string): boolean;
}

export const realFs: WriteFs = nodeFs;

/** The first bytes of every zip file, so of every .xlsx. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** How much of an existing file's end to search for its central directory, which names every part. */
const TAIL_BYTES = 1 << 20;

export interface SafeWriteOptions {
  /** Replace an existing workbook without asking. */
  force: boolean;
  fs?: WriteFs;
}

/**
 * Write `bytes` to `file` (relative to io.cwd) atomically; returns the absolute path written.
 * Example: `await writeWorkbookSafely("scorecard.xlsx", bytes, io, { force: false })`.
 */
export async function writeWorkbookSafely(
  file: string,
  bytes: Uint8Array,
  io: CliIo,
  options: SafeWriteOptions,
): Promise<string> {
  const fs = options.fs ?? realFs;
  const target = path.resolve(io.cwd, file);
  if (!/\.xlsx$/i.test(target)) {
    throw new CliError(
      `${file}: Yardstick writes .xlsx workbooks; give --out a name ending in .xlsx (e.g. ${path.basename(file).replace(/\.[^.]*$/, "")}.xlsx).`,
    );
  }
  const existing = await mayReplace(target, io, options.force, fs);
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`,
  );
  let fd: number | undefined;
  try {
    // "wx": never open something already there (a name clash with another run's temp file).
    fd = fs.openSync(temp, "wx", existing?.mode ?? 0o666);
    for (let offset = 0; offset < bytes.length;) {
      offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    }
    // Without fsync a crash after the rename can leave the new name pointing at empty blocks.
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) ignore(() => fs.closeSync(fd!));
    ignore(() => fs.unlinkSync(temp));
    throw new CliError(
      `cannot write ${target}: ${why(error)}${existing ? "; the old file is unchanged" : ""}.`,
    );
  }
  return target;
}

/** The existing target's mode when the user agreed to replace it; undefined when there is none. */
async function mayReplace(
  target: string,
  io: CliIo,
  force: boolean,
  fs: WriteFs,
): Promise<{ mode: number } | undefined> {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return undefined;
  }
  if (!stat.isFile())
    throw new CliError(`${target} is a folder or device, not a file; choose another --out name.`);
  if (!looksLikeWorkbook(target, stat.size, fs)) {
    throw new CliError(
      `${target} exists and is not an .xlsx workbook; Yardstick will not replace it, even with --force. Choose another --out name.`,
    );
  }
  if (force) return { mode: stat.mode & 0o777 };
  if (io.confirm && (await io.confirm(`${target} exists. Replace it? [y/N] `)))
    return { mode: stat.mode & 0o777 };
  throw new CliError(`${target} already exists; add --force to replace it, or choose another --out name.`);
}

/** A zip whose directory names xl/workbook.xml: what Excel, LibreOffice and Yardstick write (a .docx names word/). */
function looksLikeWorkbook(file: string, size: number, fs: WriteFs): boolean {
  const tailLength = Math.min(size, TAIL_BYTES);
  const head = Buffer.alloc(4);
  const tail = Buffer.alloc(tailLength);
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, "r");
    if (fs.readSync(fd, head, 0, 4, 0) < 4) return false;
    fs.readSync(fd, tail, 0, tailLength, size - tailLength);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) ignore(() => fs.closeSync(fd!));
  }
  return head.equals(ZIP_MAGIC) && tail.includes("xl/workbook.xml");
}

/** The first free name in `dir` for `file`: yardstick-demo.xlsx, then yardstick-demo-2.xlsx, -3, ... */
export function freeName(dir: string, file: string, fs: Pick<WriteFs, "existsSync"> = realFs): string {
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  for (let n = 1; ; n++) {
    const name = n === 1 ? file : `${stem}-${n}${ext}`;
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}

function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOSPC" || code === "EDQUOT") return "the disk is full";
  if (code === "ENOENT") return "the folder does not exist";
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}

function ignore(work: () => void): void {
  try {
    work();
  } catch {
    // Cleanup after a failed write: the first error is the one to report.
  }
}
