/**
 * The one place that decides which findings stop a command: those the catalogue marks `stops`
 * (an empty file, no measure column, a decimal mark that cannot be told, not one usable row).
 * The command then exits 2 and prints each, with what to do, instead of a report that looks clean.
 */
import { stoppingFindings } from "../engine/findings";
import type { Finding } from "../engine/model";
import { CliError } from "./io";

/** Throw a usage-level error (exit 2) listing the findings that make `file` unreadable, if any. */
export function stopOnUnreadable(file: string, findings: readonly Finding[]): void {
  const stopping = stoppingFindings(findings);
  if (stopping.length === 0) return;
  const lines = stopping.map((f) => `${f.message}${f.fix ? `\n  Fix: ${f.fix}` : ""}`);
  throw new CliError(`${file} cannot be used:\n${lines.join("\n")}`);
}
