/** Display helpers for the pane. Rates are 0-100 percent; amounts may carry "$". */

const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const twoPlaces = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** A number with its unit label: "1,204 cases", "81.5 %", "$12,000". Missing values read "no data". */
export function formatValue(value: number | undefined, unitLabel?: string): string {
  if (value === undefined || !Number.isFinite(value)) return "no data";
  const text = Number.isInteger(value) ? whole.format(value) : twoPlaces.format(value);
  if (!unitLabel) return text;
  if (unitLabel === "$") return `$${text}`;
  if (unitLabel === "%") return `${text} %`;
  return `${text} ${unitLabel}`;
}

/** A percentage 0-100 with one decimal: "12.5 %". */
export function formatPct(pct: number | undefined): string {
  if (pct === undefined || !Number.isFinite(pct)) return "–";
  return `${pct.toFixed(1)} %`;
}

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2026-07" -> "July 2026". */
export function formatMonth(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  return `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
}
