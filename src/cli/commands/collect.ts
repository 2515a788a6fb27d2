/**
 * `yardstick collect MASTER.xlsx FILE... [--out MERGED.xlsx] [--json] [--in-place]`: check each
 * returned office copy against its stamp, merge the typed inputs into a copy of the master (or
 * the master itself with --in-place, after a backup), list conflicts and bad returns with file,
 * sheet and cell, and write the Returns sheet.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { collectReturns, localDay, mergedMasterPlan, type CollectResult } from "../../workbook/loop";
import { readReturnsRows, RETURNS_TABLE } from "../../workbook/sheets/returns";
import { XlsxReadError, writePlanToXlsx } from "../../xlsx";
import { readMasterXlsx, readReturnedCopy } from "../../xlsx/loopRead";
import { FORCE_HELP, FORCE_OPTION, readArgs, SHARED_OPTIONS } from "../args";
import { CliError, type CliCommand, type CliIo } from "../io";
import { freeName, writeWorkbookSafely } from "../output";
import { readInputFile } from "../io";
import { isoNow } from "./split";

const USAGE = `Usage: yardstick collect MASTER.xlsx FILE... [--out MERGED.xlsx] [--in-place] [--json] [--force]

Checks each returned office copy (any names, any order) against its stamp: the right master and
unit, the newest issue, formulas and locked cells unchanged, inputs valid and due. Merges the
typed values of the good ones into the master, lists conflicts (a cell the master changed since
issue and the office changed differently: never overwritten) and every bad return with its file,
sheet and cell, and writes the Returns sheet. Nothing from a rejected file enters the master.

  --out FILE       where to write the merged master (default MASTER-merged.xlsx, never MASTER)
  --in-place       write over MASTER, after saving a backup beside it
  --keep-as-of     keep the master's as-of month (by default it moves to the month the
                   merged copies report, so the Dashboard judges the month just collected)
${FORCE_HELP}
  --json           print the result as JSON

Exit code: 0 all returns merged or received; 1 some were rejected or conflict; 2 bad usage.`;

const OPTIONS = {
  out: SHARED_OPTIONS.out,
  json: SHARED_OPTIONS.json,
  "in-place": { type: "boolean", default: false },
  "keep-as-of": { type: "boolean", default: false },
  ...FORCE_OPTION,
} as const;

function receivedAt(file: string, io: CliIo): string {
  try {
    return statSync(path.resolve(io.cwd, file))
      .mtime.toISOString()
      .replace(/\.\d{3}Z$/, "Z");
  } catch {
    return isoNow(io);
  }
}

/** The text report: one line per return, then conflicts and findings with file, sheet and cell. */
export function formatCollect(result: CollectResult, target: string): string {
  const lines = [
    `Wrote ${target}: ${result.merges.length} cells merged, ${result.conflicts.length} conflicts; as of ${result.input.asOfMonth}.`,
  ];
  lines.push("", "Returns:");
  for (const r of result.returns)
    lines.push(
      `  ${r.unit.padEnd(20)} ${r.status.padEnd(10)} ${r.file || "-"}${r.cellsMerged ? `, ${r.cellsMerged} cells merged` : ""}${r.reason ? `: ${r.reason}` : ""}`,
    );
  if (result.conflicts.length) {
    lines.push("", "Conflicts (decide and type the right value in the master):");
    for (const c of result.conflicts.slice(0, 40)) {
      const values = c.returned.map((r) => `${r.file} says ${r.value.slice(2) || "blank"}`).join(", ");
      lines.push(
        `  ${c.unit} ${c.key} "${c.header}": master ${c.master.slice(2) || "blank"}, ${values} (${c.reason})`,
      );
    }
  }
  const problems = result.findings.filter((f) => f.severity !== "info");
  if (problems.length) {
    lines.push("", `Findings (${problems.length}):`);
    for (const f of problems.slice(0, 60))
      lines.push(`  ${f.severity}: ${f.message}${f.fix ? ` Fix: ${f.fix}` : ""}`);
    if (problems.length > 60) lines.push(`  ... and ${problems.length - 60} more (use --json for all)`);
  }
  return `${lines.join("\n")}\n`;
}

export const collectCommand: CliCommand = {
  name: "collect",
  usage: USAGE,
  run: async (argv, io) => {
    const { values, positionals } = readArgs(argv, OPTIONS, USAGE);
    const [masterFile, ...files] = positionals;
    if (!masterFile || files.length === 0)
      throw new CliError(
        `which master and which returned files? e.g. yardstick collect master.xlsx returns/*.xlsx\n\n${USAGE}`,
      );
    if (values["in-place"] && values.out)
      throw new CliError("--in-place writes over MASTER; leave out --out, or drop --in-place");
    const masterBytes = readInputFile(masterFile, io);
    let read;
    try {
      read = await readMasterXlsx(masterBytes, masterFile);
    } catch (error) {
      if (error instanceof XlsxReadError) throw new CliError(error.message);
      throw error;
    }
    const copies = await Promise.all(
      files.map(async (f) => {
        let bytes: Buffer;
        try {
          bytes = readInputFile(f, io);
        } catch (error) {
          return { file: f, receivedAt: isoNow(io), unreadable: (error as Error).message };
        }
        return readReturnedCopy(bytes, f, receivedAt(f, io));
      }),
    );
    const result = collectReturns(read.master, read.tables, copies, {
      now: isoNow(io),
      // Late by the calendar where the command runs, not by UTC.
      dayOf: localDay,
      previous: readReturnsRows(read.tables[RETURNS_TABLE]),
      advanceAsOf: !(values["keep-as-of"] ?? false),
    });
    const bytes = await writePlanToXlsx(mergedMasterPlan(result.input, result.returns));
    let target: string;
    if (values["in-place"]) {
      const stem = masterFile.replace(/\.xlsx$/i, "");
      const backup = freeName(io.cwd, `${stem}.before-collect.xlsx`);
      await writeWorkbookSafely(backup, masterBytes, io, { force: false });
      target = await writeWorkbookSafely(masterFile, bytes, io, { force: true });
      io.err(`Kept the master as it was in ${path.resolve(io.cwd, backup)}\n`);
    } else {
      const out = values.out ?? freeName(io.cwd, `${masterFile.replace(/\.xlsx$/i, "")}-merged.xlsx`);
      if (path.resolve(io.cwd, out) === path.resolve(io.cwd, masterFile))
        throw new CliError(
          "--out names the master itself; collect writes over the master only with --in-place (it keeps a backup)",
        );
      target = await writeWorkbookSafely(out, bytes, io, { force: values.force ?? false });
    }
    if (values.json) {
      const { input: _input, ...rest } = result;
      io.out(`${JSON.stringify({ master: masterFile, written: target, ...rest }, null, 2)}\n`);
    } else io.out(formatCollect(result, target));
    const troubled = result.returns.some((r) => r.status === "rejected") || result.conflicts.length > 0;
    return troubled ? 1 : 0;
  },
};
