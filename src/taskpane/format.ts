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

const oneDecimal = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const cents = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** What formatting a number needs from its measure. */
export interface MeasureLook {
  kind: "count" | "amount" | "rate" | "ratio";
  unitLabel?: string;
}

/**
 * A number as its measure reads: whole counts ("1,965 cases"), one-decimal rates ("81.5 %"),
 * money with its currency ("$12,000"), ratios of money as "$4.86 per $1". Missing: "no data".
 */
export function formatMeasure(value: number | undefined, look: MeasureLook): string {
  if (value === undefined || !Number.isFinite(value)) return "no data";
  const label = look.unitLabel?.trim();
  switch (look.kind) {
    case "count":
      return label ? `${whole.format(Math.round(value))} ${label}` : whole.format(Math.round(value));
    case "rate":
      return `${oneDecimal.format(value)} %`;
    case "ratio": {
      const money = /^(\S+) per \1$/.exec(label ?? "");
      if (money) return `${money[1]}${cents.format(value)} per ${money[1]}1`;
      return label ? `${cents.format(value)} ${label}` : cents.format(value);
    }
    case "amount": {
      const text = Math.abs(value) >= 100 ? whole.format(Math.round(value)) : cents.format(value);
      if (label && /^[$€£¥]$/.test(label)) return value < 0 ? `-${label}${text.slice(1)}` : `${label}${text}`;
      return label ? `${text} ${label}` : text;
    }
  }
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

const dollarsWhole = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
});
const dollarsCents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/**
 * Whole cents as currency: "$612,000" for budgets and spend (whole dollars, as a budget reads),
 * "$6.37" for a cost per result (`exact`, to the cent). Missing: "no data".
 */
export function formatCents(cents: number | undefined, exact = false): string {
  if (cents === undefined || !Number.isFinite(cents)) return "no data";
  return (exact ? dollarsCents : dollarsWhole).format(cents / 100);
}
