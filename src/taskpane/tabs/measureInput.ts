/**
 * A number typed for a measure, read as the measure reads: the one number parser underneath,
 * and the manager's words for each refusal. Shared by the Targets form's total, base and held values.
 */
import type { MeasureDef } from "../../engine/model";
import { parseNumberText } from "../../engine/parse/number";

type Kind = MeasureDef["kind"];
const ADDITIVE: Kind[] = ["count", "amount"];

/** Nothing a program plans is this large; beyond it a typed number is a slip of the keyboard. */
export const LARGEST_TOTAL = 1e12;

/** A problem with one field, in the manager's words; `suggest` is the text "did you mean" offers. */
export interface FieldProblem {
  message: string;
  suggest?: string;
}

const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

/**
 * A value typed for a measure, as the measure reads it: counts refuse "%" and "$", rates take
 * "92%" or "92" and ask about "0.92", money takes "$6,000". `what` names the field in a sentence.
 */
export function readMeasureValue(
  text: string,
  measure: MeasureDef | undefined,
  what: string,
): { value?: number; problem?: FieldProblem } {
  const kind = measure?.kind ?? "count";
  const label = measure?.unitLabel && measure.unitLabel !== "%" ? measure.unitLabel : undefined;
  const parsed = parseNumberText(text, { percent: true });
  if (parsed.kind === "blank") return { problem: { message: `Type ${what}.` } };
  if (parsed.kind !== "number") {
    if (parsed.kind === "refused" && parsed.reason === "not-finite")
      return { problem: { message: `That number is too large for ${what}.` } };
    return {
      problem: {
        message: `"${text.trim()}" is not a number. Type ${what} in digits, e.g. ${example(kind)}.`,
      },
    };
  }
  const { value } = parsed;
  if (value < 0) return { problem: { message: `${capital(what)} cannot be below 0.` } };
  if (Math.abs(value) > LARGEST_TOTAL)
    return { problem: { message: `That number is too large for ${what}.` } };
  if (ADDITIVE.includes(kind) && parsed.percent)
    return {
      problem: { message: `This measure is ${label ?? "a number"}, not a percent: type ${what} without %.` },
    };
  if (kind === "count" && parsed.currency)
    return {
      problem: {
        message: `This measure counts ${label ?? "things"}, not money: type ${what} without the currency sign.`,
      },
    };
  if (kind === "count" && !Number.isInteger(value))
    return { problem: { message: `Targets are whole ${label ?? "numbers"}: type a whole number.` } };
  if (kind === "rate") {
    if (value > 100) return { problem: { message: "A rate cannot be above 100 %." } };
    if (!parsed.percent && value > 0 && value < 1) {
      const pct = whole.format(value * 100);
      return {
        value,
        problem: {
          message: `Did you mean ${pct} %? Rates are typed in percent, e.g. 92 for 92 %.`,
          suggest: pct,
        },
      };
    }
  }
  return { value };
}

function example(kind: Kind): string {
  return kind === "rate" ? "92" : kind === "ratio" ? "4.5" : "1,200";
}

function capital(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
