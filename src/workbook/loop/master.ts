/**
 * A master scorecard read back as the input it can be rebuilt from: what split cuts into
 * office copies and what collect merges into. Tables are found by name, columns by header.
 */
import { runFlags, type Flag } from "../../engine/flags";
import { indexScorecard } from "../../engine/index";
import type { Finding, Observation } from "../../engine/model";
import { copyObservation } from "../../engine/observation";
import { findColumns, TableCursor } from "../cells";
import type { ProgramTarget, WorkbookInput } from "../input";
import { MEASURE_HEADERS, PROGRAM_TARGET_HEADERS, SETTINGS, TABLES } from "../layout";
import { scorecardFromTables, type TablesInput } from "../read";
import { budgetFromTables, budgetInputOf } from "../readBudget";
import { emptyPlanText, TEMPLATES, type PlanText, type TemplateMeasure } from "../templates";
import { masterIdOf, settingsValues, STAMP_LABELS } from "./stamp";

export interface MasterModel {
  input: WorkbookInput;
  /** What the reader found wrong in the master (sheet, row, column). */
  findings: Finding[];
  masterId: string;
  /** True when the master already carries its Master ID setting. */
  hasMasterId: boolean;
}

function planText(tables: TablesInput): PlanText {
  const plan = emptyPlanText();
  const table = tables[TABLES.plan];
  if (!table) return plan;
  const cur = new TableCursor(table, []);
  const c = findColumns(table.headers, { item: "Item", text: "Text" });
  table.rows.forEach((_, i) => {
    const item = cur.text(i, c.item);
    const text = cur.text(i, c.text) ?? "";
    if (!item) return;
    if (item === "Mission") plan.mission = text;
    else if (item === "Performance deficit") plan.deficit = text;
    else if (item === "Target") plan.target = text;
    else if (item === "Theory of change") plan.theoryOfChange = text;
    else if (item === "Strength") plan.swot.strengths.push(text);
    else if (item === "Weakness") plan.swot.weaknesses.push(text);
    else if (item === "Opportunity") plan.swot.opportunities.push(text);
    else if (item === "Threat") plan.swot.threats.push(text);
    else if (/^Goal \d+$/.test(item)) plan.goals.push(text);
  });
  return plan;
}

/** Raw column text by key column, e.g. each measure's Group. */
function columnByKey(
  tables: TablesInput,
  name: string,
  keyHeader: string,
  header: string,
): Map<string, string> {
  const out = new Map<string, string>();
  const table = tables[name];
  if (!table) return out;
  const cur = new TableCursor(table, []);
  const c = findColumns(table.headers, { key: keyHeader, value: header });
  if (c.key < 0 || c.value < 0) return out;
  table.rows.forEach((_, i) => {
    const key = cur.text(i, c.key);
    const value = cur.text(i, c.value);
    if (key !== undefined && value !== undefined) out.set(key, value);
  });
  return out;
}

function programTargets(tables: TablesInput, read: { measure: string; period: string; target: number }[]) {
  const table = tables[TABLES.programTargets];
  const methods = new Map<string, string>();
  if (table) {
    const cur = new TableCursor(table, []);
    const c = findColumns(table.headers, PROGRAM_TARGET_HEADERS);
    table.rows.forEach((_, i) => {
      const m = cur.text(i, c.measure);
      const fy = cur.text(i, c.fiscalYear);
      const method = cur.text(i, c.method);
      if (m && fy && method) methods.set(`${m}|${fy}`, method);
    });
  }
  return read.map((t): ProgramTarget => {
    const out: ProgramTarget = { measure: t.measure, fiscalYear: Number(t.period), target: t.target };
    const method = methods.get(`${t.measure}|${t.period}`);
    if (method) out.method = method;
    return out;
  });
}

/**
 * Read a master from its tables: the scorecard, its plan text and program targets, and the flags
 * the engine raises on it now (keeping the reviews in `previousFlags`).
 * Example: `readMaster(rawTablesFromPlan(buildPlanFromInput(demoInput()))).input.units.length === 12`.
 */
export function readMaster(tables: TablesInput, previousFlags: Flag[] = []): MasterModel {
  const read = scorecardFromTables(tables);
  const settings = settingsValues(tables[TABLES.settings]);
  const templateId = read.settings.templateId ?? "blank";
  const template = (TEMPLATES as Record<string, (typeof TEMPLATES)["blank"] | undefined>)[templateId];
  const incentives = new Map(template?.measures.map((m) => [m.id, m.incentive]) ?? []);
  const groups = columnByKey(tables, TABLES.measures, MEASURE_HEADERS.id, MEASURE_HEADERS.group);
  const measures: TemplateMeasure[] = read.scorecard.measures.map((m) => {
    const out: TemplateMeasure = { ...m };
    const group = groups.get(m.id);
    const incentive = incentives.get(m.id);
    if (group) out.group = group;
    if (incentive) out.incentive = incentive;
    return out;
  });
  // Without their cells, in the one shape: a rest pattern (`{ source, ...o }`) would build a new
  // class from the first values it meets (engine/observation.ts says why that costs).
  const observations: Observation[] = read.scorecard.observations.map((o) => {
    const c = copyObservation(o);
    c.source = undefined;
    return c;
  });
  const targets = programTargets(tables, read.programTargets);
  const findings = [...read.findings];
  const index = indexScorecard(read.scorecard, findings);
  const budgetRead = budgetFromTables(tables, read.settings.fyStartMonth);
  if (budgetRead) findings.push(...budgetRead.findings);
  const flags = runFlags(index, {
    programTargets: read.programTargets,
    previousFlags,
    ...(budgetRead ? { budget: budgetRead } : {}),
    ...(read.revisions ? { revisions: read.revisions.log } : {}),
  }).flags;
  const title = read.settings.title ?? template?.title ?? "Scorecard";
  const unitIds = read.scorecard.units.map((u) => u.id);
  const input: WorkbookInput = {
    templateId,
    title,
    fyStartMonth: read.settings.fyStartMonth,
    asOfMonth: read.settings.asOfMonth ?? "",
    plan: planText(tables),
    measures,
    units: read.scorecard.units,
    observations,
    programTargets: targets,
    flags,
    reliabilityPassed: read.settings.reliabilityPassed ?? settings.get(SETTINGS.reliabilityPassed) === "TRUE",
    // What a rebuild must not drop: the Budget sheet's money and the revision log with its name.
    ...(budgetRead ? { budget: budgetInputOf(budgetRead, read.settings.fyStartMonth) } : {}),
    ...(read.revisions ? { revisions: read.revisions.log } : {}),
    ...(read.settings.revisionWho ? { revisionWho: read.settings.revisionWho } : {}),
  };
  return {
    input,
    findings,
    masterId: masterIdOf(settings, title, templateId, unitIds),
    hasMasterId: settings.has(STAMP_LABELS.masterId),
  };
}
