/**
 * Rates and ratios are never summed. Each unit's target is a numerator over its own denominator,
 * and the numerators are whole increments (whole cases) that together meet the program target:
 * sum(numerators) / sum(denominators) >= program target, as close as whole cases allow.
 */
import type { Finding } from "../model";
import { TIE_BREAK_TEXT } from "./additive";
import { ProrationError } from "./errors";
import { allocationsExplainedBy } from "./lazy";
import { rateText, type AllocationFields } from "./reasons";
import { largestRemainder, webster } from "./rounding";
import type { FallbackCode, ProrationInput, ProrationResult, UnitAllocation } from "./types";
import { canonicalOrder, fmt, pct, sumBy } from "./util";
import type { ProrationSettings } from "./validate";

interface Quotas {
  /** Exact numerator quota per free unit (canonical order of `pool`). */
  numerators: number[];
  gapClosedShare?: number;
  explain: (a: AllocationFields) => string;
}

/** Allocate a rate or ratio target. Example: target 80 % over denominators [100, 300] gives 80 % each under `equal`. */
export function prorateRatio(input: ProrationInput, settings: ProrationSettings): ProrationResult {
  const kind = input.kind === "rate" ? "rate" : "ratio";
  if (input.method !== "equal" && input.method !== "gapClosing") {
    throw new ProrationError("methodNotForKind", {
      detail: `${input.method} splits a sum; a ${kind} needs equal or gapClosing`,
    });
  }
  const scale = kind === "rate" ? 100 : 1;
  const units = input.units;
  for (const u of units) {
    if (u.denominator === undefined || !Number.isFinite(u.denominator) || u.denominator < 0) {
      throw new ProrationError("denominatorMissing", {
        unit: u.id,
        detail: u.denominator === undefined ? "it is blank" : `got ${u.denominator}`,
      });
    }
  }
  const den = (i: number): number => units[i].denominator as number;
  const order = canonicalOrder(units.map((u) => u.id));
  const warnings: Finding[] = [];
  const fallbacks: FallbackCode[] = [];
  const pool = order.filter((i) => units[i].locked === undefined && den(i) > 0);
  const lockedNum = sumBy(order, (i) => ((units[i].locked ?? 0) * den(i)) / scale);
  const totalDen = sumBy(order, den);
  const freeDen = sumBy(pool, den);
  const freeNum = (input.total * totalDen) / scale - lockedNum;
  checkFeasible(input, kind, pool.length, freeNum, freeDen, scale);
  const seats = pool.length === 0 ? 0 : Math.ceil(freeNum / settings.increment - 1e-9);
  const quotas = quotasFor(input, kind, scale, pool, freeNum, warnings);
  const ids = pool.map((i) => units[i].id);
  const shares =
    seats === 0
      ? pool.map(() => 0)
      : (settings.rounding === "webster" ? webster : largestRemainder)({
          ids,
          weights: quotas.numerators,
          seats,
        });
  const allocations = new Array<UnitAllocation>(units.length);
  const freeRate = freeDen > 0 ? (freeNum / freeDen) * scale : input.total;
  const Free = allocationsExplainedBy((a) => {
    const numerator = a.numerator as number;
    const quotaNum = (a.quota * (a.denominator as number)) / scale;
    const rounding =
      a.rounding === "exact"
        ? `${fmt(numerator)} needs no rounding`
        : `${fmt(numerator)} is the exact ${fmt(quotaNum)} rounded ${a.rounding} to whole increments of ${fmt(settings.increment)}`;
    return `${a.id}'s target is ${rateText(a.value, kind)} (${fmt(numerator)} of ${fmt(a.denominator as number)}): ${quotas.explain(a)}; ${rounding}.`;
  });
  pool.forEach((i, k) => {
    const numerator = shares[k] * settings.increment;
    const quotaNum = quotas.numerators[k];
    allocations[i] = new Free({
      id: units[i].id,
      value: (numerator / den(i)) * scale,
      increments: shares[k],
      quota: (quotaNum / den(i)) * scale,
      numerator,
      locked: false,
      baseline: units[i].baseline,
      denominator: den(i),
      weight: quotaNum,
      weightShare: freeNum > 0 ? quotaNum / freeNum : 0,
      rounding: Math.abs(numerator - quotaNum) < 1e-9 ? "exact" : numerator > quotaNum ? "up" : "down",
    });
  });
  const Held = allocationsExplainedBy((a) =>
    a.locked
      ? `${a.id} is locked at ${rateText(a.value, kind)}; the free units make up the rest of the program target.`
      : `${a.id} has no denominator, so it gets the program target of ${rateText(a.value, kind)}.`,
  );
  for (const i of order) {
    if (allocations[i]) continue;
    const u = units[i];
    const locked = u.locked !== undefined;
    const value = locked ? (u.locked as number) : input.total;
    if (!locked) {
      fallbacks.push("targetRateForZeroDenominator");
      warnings.push({
        severity: "warning",
        code: "zeroDenominator",
        unit: u.id,
        message: `${u.id} has a denominator of 0, so it gets the program target and does not move the program ${kind}.`,
        fix: `Check ${u.id}'s denominator.`,
      });
    }
    allocations[i] = new Held({
      id: u.id,
      value,
      increments: (value * den(i)) / scale / settings.increment,
      quota: value,
      numerator: (value * den(i)) / scale,
      locked,
      baseline: u.baseline,
      denominator: den(i),
      weight: 0,
      weightShare: 0,
      rounding: locked ? "locked" : "exact",
    });
  }
  const achievedNum = lockedNum + sumBy(pool, (i) => allocations[i].numerator as number);
  if (pool.length > 0 && seats * settings.increment - freeNum > 1e-9) {
    warnings.push({
      severity: "info",
      code: "roundedUpToWholeIncrements",
      message: `The free units need ${fmt(freeNum)} in the numerator (${rateText(freeRate, kind)} on average); whole increments round that up to ${fmt(seats * settings.increment)}.`,
    });
  }
  return {
    units: allocations,
    provenance: {
      kind: input.kind,
      method: input.method,
      methodUsed: input.method,
      rounding: settings.rounding,
      increment: settings.increment,
      driverLabel: "denominator",
      total: input.total,
      lockedTotal: lockedNum,
      freeTotal: freeNum,
      achieved: totalDen > 0 ? (achievedNum / totalDen) * scale : input.total,
      gapClosedShare: quotas.gapClosedShare,
      fallbacks: [...new Set(fallbacks)],
      warnings,
      tieBreak: TIE_BREAK_TEXT,
    },
  };
}

function checkFeasible(
  input: ProrationInput,
  kind: "rate" | "ratio",
  poolSize: number,
  freeNum: number,
  freeDen: number,
  scale: number,
): void {
  const tolerance = 1e-9 * Math.max(1, Math.abs(freeNum));
  if (freeNum < -tolerance) {
    const locked = input.units.filter((u) => u.locked !== undefined).map((u) => u.id);
    throw new ProrationError("lockedExceedsTotal", {
      unit: locked[0],
      detail: `a program ${kind} above the target of ${rateText(input.total, kind)} (${locked.join(", ")})`,
    });
  }
  if (poolSize === 0 && Math.abs(freeNum) > tolerance) {
    throw new ProrationError("allLockedMismatch", {
      detail: `a program ${kind} that misses ${rateText(input.total, kind)}`,
    });
  }
  if (kind === "rate" && poolSize > 0 && (freeNum / freeDen) * scale > 100 + 1e-9) {
    throw new ProrationError("targetUnreachable", {
      detail: `The free units would need ${rateText((freeNum / freeDen) * scale, kind)} on average, above 100 %. Lower the target or unlock a unit.`,
    });
  }
}

function quotasFor(
  input: ProrationInput,
  kind: "rate" | "ratio",
  scale: number,
  pool: number[],
  freeNum: number,
  warnings: Finding[],
): Quotas {
  const units = input.units;
  const den = (i: number): number => units[i].denominator as number;
  const freeDen = sumBy(pool, den);
  const required = freeDen > 0 ? (freeNum / freeDen) * scale : 0;
  const equal: Quotas = {
    numerators: pool.map((i) => (freeNum * den(i)) / freeDen),
    explain: () =>
      `every free unit needs ${rateText(required, kind)} for the program to reach ${rateText(input.total, kind)}`,
  };
  if (input.method === "equal" || pool.length === 0) return equal;
  const up = (input.direction ?? "up") === "up";
  const benchmark = benchmarkOf(input, kind, up);
  for (const i of pool) {
    if (units[i].baseline === undefined) throw new ProrationError("baselineMissing", { unit: units[i].id });
  }
  const base = (i: number): number => units[i].baseline as number;
  const gapOf = (b: number): number => (up ? Math.max(0, benchmark - b) : Math.min(0, benchmark - b));
  const gap = (i: number): number => gapOf(base(i));
  const baseNum = sumBy(pool, (i) => (den(i) * base(i)) / scale);
  const gapNum = sumBy(pool, (i) => (den(i) * gap(i)) / scale);
  if (gapNum === 0 || (freeNum - baseNum) / gapNum < 0) {
    warnings.push({
      severity: "warning",
      code: gapNum === 0 ? "noGapToClose" : "targetBelowBaseline",
      message:
        gapNum === 0
          ? `Every free unit is already at the benchmark ${rateText(benchmark, kind)}, so all get the same ${kind}.`
          : `The program target ${rateText(input.total, kind)} is not better than current performance, so gap-closing does not apply; all free units get the same ${kind}.`,
    });
    return equal;
  }
  const share = (freeNum - baseNum) / gapNum;
  if (share > 1 + 1e-9) {
    if (kind === "rate" && benchmark >= 100) {
      throw new ProrationError("targetUnreachable", {
        detail: `Closing the whole gap to 100 % does not reach ${rateText(input.total, kind)}.`,
      });
    }
    warnings.push({
      severity: "warning",
      code: "beyondBenchmark",
      message: `Reaching ${rateText(input.total, kind)} asks units to go past the benchmark ${rateText(benchmark, kind)} (${pct(share)} of each gap).`,
    });
  }
  return {
    numerators: pool.map((i) => (den(i) * (base(i) + share * gap(i))) / scale),
    gapClosedShare: share,
    explain: (a) =>
      `it starts at ${rateText(a.baseline as number, kind)}, ${fmt(Math.abs(gapOf(a.baseline as number)))}${kind === "rate" ? " points" : ""} from the benchmark ${rateText(benchmark, kind)}, ` +
      `and every free unit closes ${pct(share)} of its gap so the program reaches ${rateText(input.total, kind)}`,
  };
}

/** The gap-closing benchmark: the given value, 100 for rates, or the best baseline. Example: bestUnit over baselines [70, 90] is 90. */
export function benchmarkOf(input: ProrationInput, kind: "rate" | "ratio", up: boolean): number {
  const spec = input.benchmark ?? (kind === "rate" ? { kind: "value" as const, value: 100 } : undefined);
  if (!spec)
    throw new ProrationError("methodNotForKind", { detail: "gapClosing for a ratio needs a benchmark" });
  if (spec.kind === "value") return spec.value;
  const baselines = input.units.map((u) => u.baseline).filter((b): b is number => b !== undefined);
  if (baselines.length === 0) throw new ProrationError("baselineMissing", { unit: input.units[0].id });
  return baselines.reduce((best, b) => (up ? Math.max(best, b) : Math.min(best, b)));
}
