/**
 * A flag's evidence in words a manager reads: the detectors write statistics ("99 % edge",
 * "p=1.2e-5", "chance about 1.2e-7", "2026-10"); the pane shows odds and month names instead.
 * The engine's own text stays on the Flags sheet for the analyst.
 */
import { formatMonth } from "../format";

const odds = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 2 });

/** A small probability as odds: 1.2e-7 -> "about 1 in 8,300,000". */
export function asOdds(p: number): string {
  if (!Number.isFinite(p) || p <= 0) return "almost never";
  if (p >= 0.5) return "often";
  return `about 1 in ${odds.format(1 / p)}`;
}

/** Evidence text with its statistics said in words. */
export function plainEvidence(text: string): string {
  return text
    .replace(
      /, 99 % edge ([^ ]+) \(n=(\d+)\)/g,
      "; even a poor year on that trend would give $1 (from $2 years)",
    )
    .replace(/chance about ([0-9.e+-]+)/g, (_, p: string) => `${asOdds(Number(p))} by chance`)
    .replace(/binomial p=([0-9.e+-]+)/g, (_, p: string) => `${asOdds(Number(p))} by chance`)
    .replace(/, p=([0-9.e+-]+)\)/g, (_, p: string) => `; ${asOdds(Number(p))} by chance)`)
    .replace(/\b(\d{4}-\d{2})\b/g, (m: string) => formatMonth(m));
}
