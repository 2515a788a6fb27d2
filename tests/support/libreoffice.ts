/**
 * Recalculate .xlsx files in LibreOffice headless and read the computed values back.
 *
 * Each call converts xlsx -> xlsx with `soffice --convert-to`, in a fresh temporary directory,
 * with this process's own user profile (so it never fights a desktop LibreOffice or another
 * engineer's run), the profile set to "always recalculate on load", and all soffice calls on
 * the machine serialized by `flock` (soffice is slow and the machine is small). Several files
 * go through one soffice start, since starting LibreOffice costs most of the time.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readSheetCells } from "../../src/xlsx";
import { columnNumber } from "../../src/xlsx/address";

/** LibreOffice is missing, failed, timed out or wrote no output; the message says which and what to do. */
export class LibreOfficeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LibreOfficeError";
  }
}

const LOCK_FILE = path.join(os.tmpdir(), "yardstick-soffice.lock");
/** The soffice binary: `YARDSTICK_SOFFICE` or `soffice` on PATH, read at each call. */
function sofficeBinary(): string {
  return process.env.YARDSTICK_SOFFICE ?? "soffice";
}

/** "Always recalculate" for OOXML and ODF on load, so cached values can never stand in for formulas. */
const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

let profileDir: string | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** True when `soffice` runs on this machine. */
export function sofficeAvailable(): boolean {
  const binary = sofficeBinary();
  let known = availability.get(binary);
  if (known === undefined) {
    try {
      execFileSync(binary, ["--version"], { stdio: "pipe", timeout: 30_000 });
      known = true;
    } catch {
      known = false;
    }
    availability.set(binary, known);
  }
  return known;
}
const availability = new Map<string, boolean>();

function profile(): string {
  if (!profileDir) {
    profileDir = mkdtempSync(path.join(os.tmpdir(), "yardstick-lo-profile-"));
    mkdirSync(path.join(profileDir, "user"), { recursive: true });
    writeFileSync(path.join(profileDir, "user", "registrymodifications.xcu"), REGISTRY);
    process.once("exit", () => rmSync(profileDir!, { recursive: true, force: true }));
  }
  return profileDir;
}

function runSoffice(args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("flock", [LOCK_FILE, sofficeBinary(), ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new LibreOfficeError(
          `soffice took longer than ${timeoutMs / 1000} s and was stopped: ${stderr.trim()}`,
        ),
      );
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(
        new LibreOfficeError(
          `could not start soffice (${error.message}); install LibreOffice Calc (apt-get install libreoffice-calc) or set YARDSTICK_SOFFICE`,
        ),
      );
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** Time the last `recalculate` call spent inside soffice, in milliseconds (for the bench). */
export let lastSofficeMs = 0;

/**
 * Load each workbook in LibreOffice, recalculate every formula and save it again; one soffice start for all.
 * @example const [recalculated] = await recalculate([await writePlanToXlsx(plan)]);
 */
export function recalculate(files: Buffer[], options: { timeoutMs?: number } = {}): Promise<Buffer[]> {
  const run = queue.then(() => recalculateNow(files, options.timeoutMs ?? 120_000 + 30_000 * files.length));
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Milliseconds soffice takes to open a workbook and recalculate it, without writing it back as
 * .xlsx (it converts to CSV, which writes only the first sheet's values): what a recipient waits
 * for when the file opens, with LibreOffice's start included as for any user.
 * @example const ms = await timeOpen(await writePlanToXlsx(plan));
 */
export function timeOpen(file: Buffer, options: { timeoutMs?: number } = {}): Promise<number> {
  const run = queue.then(() => openNow(file, options.timeoutMs ?? 600_000));
  queue = run.catch(() => undefined);
  return run;
}

async function openNow(file: Buffer, timeoutMs: number): Promise<number> {
  requireSoffice();
  const work = mkdtempSync(path.join(os.tmpdir(), "yardstick-open-"));
  try {
    const input = path.join(work, "book.xlsx");
    writeFileSync(input, file);
    const args = convertArgs("csv", work, [input]);
    const started = Date.now();
    const { code, stderr } = await runSoffice(args, timeoutMs);
    const ms = Date.now() - started;
    if (code !== 0 || !existsSync(path.join(work, "book.csv")))
      throw new LibreOfficeError(
        `soffice exited with ${code} and wrote no CSV: ${stderr.trim() || "(none)"}`,
      );
    return ms;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Throw a LibreOfficeError saying what to install when soffice does not run here. */
function requireSoffice(): void {
  if (!sofficeAvailable()) {
    throw new LibreOfficeError(
      `LibreOffice "${sofficeBinary()}" is not installed or does not start; install LibreOffice Calc (apt-get install libreoffice-calc) or point YARDSTICK_SOFFICE at soffice`,
    );
  }
}

/** soffice arguments converting `inputs` to `format` into `outDir`, with this process's own profile. */
function convertArgs(format: string, outDir: string, inputs: string[]): string[] {
  return [
    `-env:UserInstallation=file://${profile()}`,
    "--headless",
    "--norestore",
    "--nolockcheck",
    "--convert-to",
    format,
    "--outdir",
    outDir,
    ...inputs,
  ];
}

/**
 * The PDF LibreOffice prints for a workbook (every visible sheet, with its page setup), after
 * recalculating it: what a recipient gets from File > Export as PDF.
 * @example const pdf = await exportPdf(await writePlanToXlsx(plan));
 */
export function exportPdf(file: Buffer, options: { timeoutMs?: number } = {}): Promise<Buffer> {
  const run = queue.then(() => exportPdfNow(file, options.timeoutMs ?? 300_000));
  queue = run.catch(() => undefined);
  return run;
}

async function exportPdfNow(file: Buffer, timeoutMs: number): Promise<Buffer> {
  requireSoffice();
  const work = mkdtempSync(path.join(os.tmpdir(), "yardstick-pdf-"));
  try {
    const input = path.join(work, "book.xlsx");
    writeFileSync(input, file);
    const { code, stderr } = await runSoffice(convertArgs("pdf", work, [input]), timeoutMs);
    const output = path.join(work, "book.pdf");
    if (code !== 0 || !existsSync(output))
      throw new LibreOfficeError(
        `soffice exited with ${code} and wrote no PDF: ${stderr.trim() || "(none)"}`,
      );
    return readFileSync(output);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function recalculateNow(files: Buffer[], timeoutMs: number): Promise<Buffer[]> {
  requireSoffice();
  const work = mkdtempSync(path.join(os.tmpdir(), "yardstick-recalc-"));
  try {
    const inDir = path.join(work, "in");
    const outDir = path.join(work, "out");
    mkdirSync(inDir);
    mkdirSync(outDir);
    const inputs = files.map((bytes, i) => {
      const file = path.join(inDir, `book${i + 1}.xlsx`);
      writeFileSync(file, bytes);
      return file;
    });
    const args = convertArgs("xlsx:Calc MS Excel 2007 XML", outDir, inputs);
    const started = Date.now();
    const { code, stderr } = await runSoffice(args, timeoutMs);
    lastSofficeMs = Date.now() - started;
    const missing = inputs.map((f) => path.join(outDir, path.basename(f))).filter((f) => !existsSync(f));
    if (code !== 0 || missing.length > 0) {
      throw new LibreOfficeError(
        `soffice exited with ${code} and wrote ${files.length - missing.length} of ${files.length} files` +
          (missing.length ? ` (missing: ${missing.map((f) => path.basename(f)).join(", ")})` : "") +
          `; its output: ${stderr.trim() || "(none)"}`,
      );
    }
    return inputs.map((f) => readFileSync(path.join(outDir, path.basename(f))));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export type ComputedValue = number | string | boolean | null;

/** One cell after recalculation: its formula (if any), its value, and its error code (if any). */
export interface ComputedCell {
  sheet: string;
  address: string;
  row: number;
  column: number;
  formula?: string;
  value: ComputedValue;
  /** "#NAME?", "#REF!", "#DIV/0!", ... when the cell evaluated to an error. */
  error?: string;
}

/**
 * Every non-empty cell of a workbook with its computed value, keyed "Sheet!A1". Read from the
 * sheet XML, since ExcelJS drops cached formula results of 0, "" and FALSE.
 */
export async function readComputedCells(bytes: Buffer): Promise<Map<string, ComputedCell>> {
  const cells = new Map<string, ComputedCell>();
  for (const [sheet, sheetCells] of await readSheetCells(bytes)) {
    for (const [address, cell] of sheetCells) {
      if (cell.formula === undefined && cell.value === null && !cell.error) continue;
      const match = /^([A-Z]+)(\d+)$/.exec(address)!;
      cells.set(`${sheet}!${address}`, {
        sheet,
        address,
        row: Number(match[2]),
        column: columnNumber(match[1]),
        formula: cell.formula,
        value: cell.value,
        ...(cell.error ? { error: cell.error } : {}),
      });
    }
  }
  return cells;
}

/** Recalculate workbooks in one soffice start and read every cell of each back. */
export async function recalculateAndRead(files: Buffer[]): Promise<Map<string, ComputedCell>[]> {
  const outputs = await recalculate(files);
  return Promise.all(outputs.map(readComputedCells));
}
