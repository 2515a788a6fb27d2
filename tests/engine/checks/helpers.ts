/** Scorecards written the way a manager would type them: long CSV lines. */
import { checkScorecard, type CheckOptions, type CheckRow } from "../../../src/engine/checks";
import { parseLongCsv } from "../../../src/engine/longcsv";
import { indexScorecard } from "../../../src/engine/index";

/** Parse CSV lines (header first) into a scorecard plus parser findings. */
export function card(lines: string[], fyStartMonth = 1) {
  return parseLongCsv(lines.join("\n"), { fileName: "card.csv", fyStartMonth });
}

/** Check CSV lines as of a period and return the rows (parser findings feed the checks). */
export function check(lines: string[], asOf: string, extra: Partial<CheckOptions> = {}, fyStartMonth = 1) {
  const parsed = card(lines, fyStartMonth);
  return checkScorecard(indexScorecard(parsed.scorecard, parsed.findings), { asOf, ...extra });
}

/** The row for a measure and unit. */
export function rowOf(rows: CheckRow[], measure: string, unit: string): CheckRow {
  const row = rows.find((r) => r.measure === measure && r.unit === unit);
  if (!row) throw new Error(`no row for ${measure} / ${unit}`);
  return row;
}
