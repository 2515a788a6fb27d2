/**
 * What the long CSV's rows say about each measure (direction, kind, band edges, lead and pairing),
 * gathered row by row and resolved into MeasureDefs at the end, and the checks on values that
 * need the measure's kind (a negative count, a rate above 100 %).
 */
import type { CellRef, Direction, MeasureDef, MeasureKind } from "../model";
import { describeNumberProblem, parseNumberText, type DecimalMark } from "../parse/number";
import { BIT, type ObservationColumns } from "./observations";
import { NUMERIC_FIELDS, OBS_KEY, at, cellText, label, type Add, type Columns, type RefFn } from "./shared";

const EDGES = ["lower", "upper"] as const;

/** Per-measure facts gathered while reading rows, resolved into a MeasureDef at the end. */
export interface MeasureFacts {
  id: string;
  firstRef: CellRef;
  direction?: Direction;
  lower?: number;
  upper?: number;
  /** Where the lower edge was read, so an inverted band names its cell. */
  lowerRef?: CellRef;
  kind?: MeasureKind;
  pairedWith?: string;
  leadFor?: string;
  sawPercent: boolean;
  sawDollar: boolean;
  sawFraction: boolean;
  lastDirectionText?: string;
  lastKindText?: string;
}

/** Direction, kind, band edges, pairing and lead from one row; each text parsed once per measure. */
export function noteMeasureFacts(
  facts: MeasureFacts,
  cells: string[],
  columns: Columns,
  line: number,
  ref: RefFn,
  add: Add,
  decimal: DecimalMark,
): void {
  const dirText = cellText(cells, columns.direction);
  // Most rows repeat their measure's direction and kind: parse a text once per measure.
  if (dirText && dirText !== facts.lastDirectionText) {
    facts.lastDirectionText = dirText;
    const dir = parseDirection(dirText);
    const where = ref(line, columns.direction!);
    if (!dir)
      add(
        "warning",
        "bad-direction",
        `Line ${line}: direction "${dirText}" is not up, down or band.`,
        where,
        {
          measure: facts.id,
        },
      );
    else if (facts.direction && facts.direction !== dir) {
      const msg = `Line ${line}: ${facts.id} says direction ${dir} but an earlier row says ${facts.direction}; the first is kept.`;
      add("warning", "conflicting-direction", msg, where, { measure: facts.id });
    } else facts.direction = dir;
  }
  const kindText = cellText(cells, columns.kind);
  if (kindText && kindText !== facts.lastKindText) {
    facts.lastKindText = kindText;
    const kind = parseKind(kindText);
    const msg = `Line ${line}: kind "${kindText}" is not count, amount, rate or ratio.`;
    if (!kind) add("warning", "bad-kind", msg, ref(line, columns.kind!), { measure: facts.id });
    else facts.kind ??= kind;
  }
  for (const edge of EDGES) {
    // The first edge read is kept, so once a measure has it no later cell need be looked at.
    if (facts[edge] !== undefined || columns[edge] === undefined) continue;
    const raw = cellText(cells, columns[edge]);
    if (!raw) continue;
    const parsed = parseNumberText(raw, { decimal });
    if (parsed.kind === "number") {
      facts[edge] = parsed.value;
      if (edge === "lower") facts.lowerRef = ref(line, columns.lower!);
    } else {
      const msg = `Line ${line}: the ${edge} band edge "${raw}" ${describeNumberProblem(parsed)}.`;
      add("warning", "not-a-number", msg, ref(line, columns[edge]!), { measure: facts.id });
    }
  }
  if (!facts.pairedWith && columns.paired_with !== undefined)
    facts.pairedWith = cellText(cells, columns.paired_with) || undefined;
  if (!facts.leadFor && columns.lead_for !== undefined)
    facts.leadFor = cellText(cells, columns.lead_for) || undefined;
}

function parseDirection(text: string): Direction | undefined {
  const t = text.toLowerCase();
  if (/^(up|higher|increase|more|\+|max)/.test(t)) return "up";
  if (/^(down|lower|decrease|less|-|min)/.test(t)) return "down";
  if (/^(band|within|maintain|range|stabili[sz]e)/.test(t)) return "band";
  return undefined;
}

function parseKind(text: string): MeasureKind | undefined {
  const t = text.toLowerCase().trim();
  if (/^(count|number|#|n)$/.test(t)) return "count";
  if (/^(amount|money|dollars?|\$|currency|sum)$/.test(t)) return "amount";
  if (/^(rate|percent|percentage|pct|%)$/.test(t)) return "rate";
  if (/^(ratio|per)$/.test(t)) return "ratio";
  return undefined;
}

/** Kind and direction from what the rows said, else from the values (a % sign means a rate). */
export function resolveMeasure(m: MeasureFacts, add: Add): MeasureDef {
  const name = m.id;
  const keys = { measure: name };
  const looksRate = m.sawPercent || /%|\brate\b|percent/i.test(name);
  const kind: MeasureKind =
    m.kind ?? (looksRate ? "rate" : m.sawDollar || m.sawFraction ? "amount" : "count");
  let direction = m.direction ?? (m.lower !== undefined && m.upper !== undefined ? "band" : undefined);
  if (!direction) {
    direction = "up";
    const msg = `${name}: no direction given, so higher is taken as better.`;
    add("info", "direction-assumed", msg, m.firstRef, keys);
  }
  if (direction === "band" && (m.lower === undefined || m.upper === undefined)) {
    const msg = `${name} is a band measure but its lower or upper edge is missing.`;
    add("error", "band-without-edges", msg, m.firstRef, keys);
  }
  if (direction === "band" && m.lower !== undefined && m.upper !== undefined && m.lower > m.upper) {
    const msg = `${name}: the band's lower edge ${m.lower} is above its upper edge ${m.upper}, so every result would be judged outside it.`;
    add("error", "band-inverted", msg, m.lowerRef ?? m.firstRef, keys);
  }
  const def: MeasureDef = { id: name, name, kind, direction };
  if (kind === "rate") def.unitLabel = "%";
  else if (kind === "amount" && m.sawDollar) def.unitLabel = "$";
  if (m.lower !== undefined) def.lower = m.lower;
  if (m.upper !== undefined) def.upper = m.upper;
  if (m.pairedWith) def.pairedWith = m.pairedWith;
  if (m.leadFor) {
    def.indicator = "lead";
    def.leadFor = m.leadFor;
  }
  return def;
}

/**
 * Drop the values of row `i` a measure of this kind cannot have, and fill an actual from
 * numerator / denominator.
 */
export function validateValues(
  rows: ObservationColumns,
  i: number,
  kind: MeasureKind,
  columns: Columns,
  ref: RefFn,
  add: Add,
): void {
  const both = BIT.numerator | BIT.denominator;
  // Nearly every row is in range and has its actual: settle that with plain reads first.
  if (inRange(rows, i, kind) && (rows.present[i] & (BIT.actual | both)) !== both) return;
  const line = rows.line(i);
  let droppedActual = false;
  for (const f of NUMERIC_FIELDS) {
    const value = rows.get(i, OBS_KEY[f]);
    if (value === undefined) continue;
    const negative = value < 0 && (kind !== "amount" || f === "denominator");
    const over = kind === "rate" && value > 100 && f !== "numerator" && f !== "denominator";
    if (!negative && !over) continue;
    const where = ref(line, columns[f]!);
    const why = negative
      ? `is negative, which a ${kind} cannot be`
      : "is above 100 %, which a rate cannot be";
    const msg = `${at(where)}: the ${label(f)} ${value} for ${rows.describe(i)} ${why}.`;
    add("error", negative ? "negative-value" : "rate-above-100", msg, where, rows.keys(i));
    rows.drop(i, OBS_KEY[f]);
    if (f === "actual") droppedActual = true;
  }
  const numerator = rows.get(i, "numerator");
  const denominator = rows.get(i, "denominator");
  if (rows.has(i, "actual") || numerator === undefined || denominator === undefined) return;
  const source = ref(line, rows.sourceColumn - 1);
  if (denominator === 0) {
    const msg = `Line ${line}: ${rows.describe(i)} has a zero denominator, so no rate can be computed.`;
    add("warning", "zero-denominator", msg, source, rows.keys(i));
    return;
  }
  const ratio = numerator / denominator;
  if (kind === "rate" && ratio > 1) {
    const msg = `Line ${line}: ${rows.describe(i)} has a numerator above its denominator (${numerator} / ${denominator}).`;
    add("error", "rate-above-100", msg, source, rows.keys(i));
    return;
  }
  rows.putMovedActual(i, kind === "rate" ? ratio * 100 : ratio, droppedActual);
}

/** Whether no value is one the loop in validateValues would drop (negative, or a rate above 100). */
function inRange(rows: ObservationColumns, i: number, kind: MeasureKind): boolean {
  const signed = kind === "amount";
  const capped = kind === "rate";
  const present = rows.present[i];
  return (
    (!(present & BIT.target) || fits(rows.target[i], signed, capped)) &&
    (!(present & BIT.actual) || fits(rows.actual[i], signed, capped)) &&
    (!(present & BIT.milestone) || fits(rows.milestone[i], signed, capped)) &&
    (!(present & BIT.numerator) || fits(rows.numerator[i], signed, false)) &&
    (!(present & BIT.denominator) || fits(rows.denominator[i], false, false)) &&
    (!(present & BIT.priorActual) || fits(rows.priorActual[i], signed, capped))
  );
}

function fits(value: number, signed: boolean, capped: boolean): boolean {
  return (signed || !(value < 0)) && (!capped || !(value > 100));
}

/** Mark each lead's lag measure, and warn about a lead whose lag has no rows. */
export function linkLeads(measures: MeasureDef[], add: Add): void {
  const byId = new Map(measures.map((m) => [m.id, m]));
  for (const m of measures) {
    if (!m.leadFor) continue;
    const lag = byId.get(m.leadFor);
    if (lag) lag.indicator ??= "lag";
    else {
      const msg = `${m.id} is a lead for "${m.leadFor}", which has no rows in the file.`;
      add("warning", "unknown-lag", msg, undefined, { measure: m.id });
    }
  }
}
