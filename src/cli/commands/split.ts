/**
 * `yardstick split MASTER.xlsx --out DIR [--by unit|COLUMN] [--due YYYY-MM-DD] [--month YYYY-MM]`:
 * one stamped office copy per unit (or per value of a Units column) of a master scorecard, each
 * saying what to fill in, by when and how to send it back. `yardstick collect` takes them back.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { addMonths } from "../../engine/period";
import { copyFileName, reportMonthOf, SplitError, splitMaster } from "../../workbook/loop";
import { XlsxReadError, writePlanToXlsx } from "../../xlsx";
import { readMasterXlsx } from "../../xlsx/loopRead";
import { FORCE_HELP, FORCE_OPTION, oneFile, readArgs, SHARED_OPTIONS } from "../args";
import { CliError, readInputFile, type CliCommand, type CliIo } from "../io";
import { writeWorkbookSafely } from "../output";

const USAGE = `Usage: yardstick split MASTER.xlsx --out DIR [--by unit|COLUMN] [--due YYYY-MM-DD]
                       [--month YYYY-MM] [--protect] [--force] [--json]

Writes one office copy of a master scorecard per unit into DIR (DIR/<unit>.xlsx): the same
template holding only that unit's rows and flags, the measures and program targets as context,
a "Send back" sheet saying what to fill in, by when and how to return it, and a stamp (master,
unit, issue and due dates, a fingerprint of every formula and locked value) that
\`yardstick collect\` checks when the copy comes back.

  --out DIR        the folder to write the copies to (created if needed)
  --by COLUMN      one copy per value of a column of the Units table (e.g. Region) instead of
                   one per unit
  --due DATE       when the copies are due back (default: the 10th of the month after the
                   month to report)
  --month MONTH    the month to report, YYYY-MM (default: the month after the master's as-of month)
  --protect        protect the formula columns (note: protection clears Excel's undo)
${FORCE_HELP}
  --json           print what was written as JSON`;

const OPTIONS = {
  out: SHARED_OPTIONS.out,
  json: SHARED_OPTIONS.json,
  by: { type: "string" },
  due: { type: "string" },
  month: { type: "string" },
  protect: { type: "boolean", default: false },
  ...FORCE_OPTION,
} as const;

/** The ISO time of now, to the second. */
export function isoNow(io: CliIo): string {
  return (io.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export const splitCommand: CliCommand = {
  name: "split",
  usage: USAGE,
  run: async (argv, io) => {
    const { values, positionals } = readArgs(argv, OPTIONS, USAGE);
    if (positionals.length === 0)
      throw new CliError(`which master? e.g. yardstick split master.xlsx --out offices\n\n${USAGE}`);
    const file = oneFile(positionals, "master workbook", USAGE);
    if (!values.out) throw new CliError(`where should the copies go? add --out DIR\n\n${USAGE}`);
    let read;
    try {
      read = await readMasterXlsx(readInputFile(file, io), file);
    } catch (error) {
      if (error instanceof XlsxReadError) throw new CliError(error.message);
      throw error;
    }
    const blocking = read.master.findings.filter((f) => f.code === "missing-table" && f.severity === "error");
    if (blocking.length)
      throw new CliError(`${file} is not a Yardstick scorecard: ${blocking.map((f) => f.message).join(" ")}`);
    let copies;
    try {
      const month = reportMonthOf(read.master, values.month);
      const due = values.due ?? `${addMonths(month, 1)}-10`;
      copies = splitMaster(read.master, read.tables, {
        by: values.by,
        due,
        issuedAt: isoNow(io),
        reportMonth: month,
        protectFormulas: values.protect ?? false,
      });
    } catch (error) {
      if (error instanceof SplitError) throw new CliError(`${file}: ${error.message}`);
      throw error;
    }
    const dir = path.resolve(io.cwd, values.out);
    mkdirSync(dir, { recursive: true });
    const written: { unit: string; file: string; units: string[] }[] = [];
    const names = new Set<string>();
    for (const copy of copies) {
      let name = copyFileName(copy.unit);
      for (let n = 2; names.has(name.toLowerCase()); n++) name = copyFileName(`${copy.unit}-${n}`);
      names.add(name.toLowerCase());
      const bytes = await writePlanToXlsx(copy.plan);
      const target = await writeWorkbookSafely(path.join(dir, name), bytes, io, {
        force: values.force ?? false,
      });
      written.push({ unit: copy.unit, file: target, units: copy.units });
    }
    const stamp = copies[0]?.stamp;
    if (values.json) {
      io.out(
        `${JSON.stringify({ master: file, masterId: read.master.masterId, stamp, copies: written }, null, 2)}\n`,
      );
      return 0;
    }
    io.out(
      [
        `Wrote ${written.length} office copies of ${file} to ${dir}`,
        stamp
          ? `  month to report ${stamp.reportMonth}, due ${stamp.due}, issued ${stamp.issuedAt}, master ${stamp.masterId}`
          : "",
        ...written.slice(0, 20).map((w) => `  ${w.unit}: ${path.basename(w.file)}`),
        written.length > 20 ? `  ... and ${written.length - 20} more` : "",
        `Email each office its file. When they come back: yardstick collect ${file} ${path.join(values.out, "*.xlsx")}`,
        "",
      ]
        .filter((l) => l !== "")
        .join("\n") + "\n",
    );
    return 0;
  },
};
