/** The calendar day a due date is judged by: UTC's, or the collecting person's own (`CollectOptions.dayOf`). */

/** The UTC day of an ISO instant ("2027-05-13T02:00:00Z" -> "2027-05-13"). */
export const utcDay = (iso: string) => iso.slice(0, 10);

/**
 * The calendar day of an ISO instant in this machine's time zone (daylight saving included).
 * Example, in New York: `localDay("2027-05-13T02:00:00Z") === "2027-05-12"`.
 */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
