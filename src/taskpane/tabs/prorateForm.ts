/**
 * The Targets tab's form as a pure reducer: what the manager typed (as text, so a half-typed
 * number stays on screen), what came back from the workbook, and the selectors that turn the
 * form into problems to show on their fields or a request to send. No React here, so it is tested
 * with plain objects; a new step (e.g. a revert) is one more action and one more case.
 *
 * Two rules keep the default path and the write honest:
 * - only methods that can apply to the chosen measure are offered, and the default is one of them;
 * - any change to an input clears the preview, and a write sends the request that was previewed.
 */
import type { MeasureDef } from "../../engine/model";
import { parseNumberText } from "../../engine/parse/number";
import { LARGEST_TOTAL, readMeasureValue, type FieldProblem } from "./measureInput";
import { formatMeasure } from "../format";
import { budgetProblems, budgetRequestOf } from "./budgetForm";
import type {
  BudgetBasisChoice,
  ProrateMethod,
  ProratePreview,
  ProrateRequest,
  ProrateSetup,
  RoundingChoice,
  SpreadChoice,
  WriteResult,
} from "../port";

type Kind = MeasureDef["kind"];
const ADDITIVE: Kind[] = ["count", "amount"];
const RATE_LIKE: Kind[] = ["rate", "ratio"];

/** Each method with the one line a manager needs to choose it, and the measures it can split. */
export const METHODS: {
  id: ProrateMethod;
  label: string;
  explain: string;
  /** Whether the manager picks a unit column (caseload, staff ...) to split by. */
  needsDriver: boolean;
  kinds: Kind[];
}[] = [
  {
    id: "equal",
    label: "Equal",
    explain: "Every unit gets the same share.",
    needsDriver: false,
    kinds: [...ADDITIVE, ...RATE_LIKE],
  },
  {
    id: "proportional",
    label: "By a driver",
    explain: "In proportion to caseload, staff or budget.",
    needsDriver: true,
    kinds: ADDITIVE,
  },
  {
    id: "priorShare",
    label: "Last year's share",
    explain: "Each unit keeps its share of last year's actual.",
    needsDriver: false,
    kinds: ADDITIVE,
  },
  {
    id: "custom",
    label: "Custom weights",
    explain: "In proportion to weights you typed in a column.",
    needsDriver: true,
    kinds: ADDITIVE,
  },
  {
    id: "gapClosing",
    label: "Close the gap",
    explain: "Weaker units close the same part of their gap, so they rise more.",
    needsDriver: false,
    kinds: RATE_LIKE,
  },
  {
    id: "basePlusProRata",
    label: "Base plus share",
    explain: "A fixed base each, the rest by the driver.",
    needsDriver: true,
    kinds: ADDITIVE,
  },
];

/** The fields a manager edits directly, each as the control holds it. */
export interface ProrateFields {
  measure: string;
  totalText: string;
  method: ProrateMethod;
  driver: string;
  baseText: string;
  rounding: RoundingChoice;
  incrementText: string;
  /** 1 = January. */
  fyStartMonth: number;
  fiscalYearText: string;
  spread: SpreadChoice;
  /** "Also split a budget": on, the program budget as typed, what it follows, program FTE as typed. */
  budgetOn: boolean;
  budgetText: string;
  budgetBasis: BudgetBasisChoice;
  fteText: string;
}

/** A preview on screen and the exact request that produced it: what Write sends. */
export interface ShownPreview {
  preview: ProratePreview;
  request: ProrateRequest;
}

export { LARGEST_TOTAL, readMeasureValue, type FieldProblem } from "./measureInput";

export interface ProrateForm extends ProrateFields {
  setup?: ProrateSetup;
  /** Locked unit id -> the held value as typed. */
  locks: Record<string, string>;
  shown?: ShownPreview;
  written?: WriteResult;
  /** Set when a write would replace values people typed: the question to ask before writing anyway. */
  askFirst?: string;
}

type FieldEdit = {
  [K in keyof ProrateFields]: { type: "edit"; field: K; value: ProrateFields[K] };
}[keyof ProrateFields];

export type ProrateAction =
  | FieldEdit
  | { type: "setupLoaded"; setup: ProrateSetup }
  /** The units chosen in the locked-units list; units kept keep their held value. */
  | { type: "lockUnits"; units: string[] }
  | { type: "holdValue"; unit: string; text: string }
  | { type: "previewStarted" }
  | { type: "previewed"; preview: ProratePreview; request: ProrateRequest }
  | { type: "writeStarted" }
  | { type: "written"; result: WriteResult }
  | { type: "confirmationNeeded"; question: string }
  | { type: "confirmationCancelled" };

/** The action for one field edit (TypeScript cannot pair a generic key with its value in the union by itself). */
export function editField<K extends keyof ProrateFields>(field: K, value: ProrateFields[K]): ProrateAction {
  return { type: "edit", field, value } as FieldEdit;
}

export const initialProrateForm: ProrateForm = {
  measure: "",
  totalText: "",
  method: "equal",
  driver: "",
  baseText: "0",
  locks: {},
  rounding: "largestRemainder",
  incrementText: "1",
  fyStartMonth: 10,
  fiscalYearText: "",
  spread: "even",
  budgetOn: false,
  budgetText: "",
  budgetBasis: "sameDriver",
  fteText: "",
};

function measureOf(form: Pick<ProrateForm, "setup" | "measure">): MeasureDef | undefined {
  return form.setup?.measures.find((m) => m.id === form.measure);
}

/** The methods that can split this measure with what the workbook has (a driver column, last year's actuals). */
export function methodsFor(form: Pick<ProrateForm, "setup" | "measure">): (typeof METHODS)[number][] {
  const measure = measureOf(form);
  if (!measure) return METHODS.filter((m) => m.id === "equal");
  const hasDrivers = (form.setup?.drivers.length ?? 0) > 0;
  const hasLastYear = form.setup?.lastYear[measure.id] !== undefined;
  return METHODS.filter(
    (m) =>
      m.kinds.includes(measure.kind) &&
      (!m.needsDriver || hasDrivers) &&
      (m.id !== "priorShare" || hasLastYear) &&
      (m.id !== "gapClosing" || hasLastYear),
  );
}

/** The method a measure starts with: by a driver for counts and amounts where there is one, else equal. */
export function defaultMethod(form: Pick<ProrateForm, "setup" | "measure">): ProrateMethod {
  const offered = methodsFor(form).map((m) => m.id);
  return offered.includes("proportional") ? "proportional" : "equal";
}

/** Keeps the method when the measure allows it, else falls back to the measure's default. */
function withUsableMethod(form: ProrateForm): ProrateForm {
  const offered = methodsFor(form).map((m) => m.id);
  return offered.includes(form.method) ? form : { ...form, method: defaultMethod(form) };
}

/** Any change to an input: the preview on screen no longer describes it, so it goes. */
function changed(form: ProrateForm): ProrateForm {
  return { ...form, shown: undefined, written: undefined, askFirst: undefined };
}

export function prorateReducer(state: ProrateForm, action: ProrateAction): ProrateForm {
  switch (action.type) {
    case "edit": {
      const next = changed({ ...state, [action.field]: action.value });
      // A new measure of another kind gets a method it can use, and a total typed for the old one goes.
      if (action.field === "measure" && action.value !== state.measure) {
        const method = defaultMethod(next);
        return {
          ...next,
          method,
          totalText: measureOf(next)?.kind === measureOf(state)?.kind ? next.totalText : "",
        };
      }
      return next;
    }
    case "setupLoaded": {
      const { setup } = action;
      return withUsableMethod(
        changed({
          ...state,
          setup,
          measure: setup.measures[0]?.id ?? "",
          method: defaultMethod({ setup, measure: setup.measures[0]?.id ?? "" }),
          driver: setup.drivers[0] ?? "",
          fyStartMonth: setup.fyStartMonth,
          fiscalYearText: String(setup.fiscalYear),
        }),
      );
    }
    case "lockUnits":
      return changed({
        ...state,
        locks: Object.fromEntries(action.units.map((id) => [id, state.locks[id] ?? ""])),
      });
    case "holdValue":
      return changed({ ...state, locks: { ...state.locks, [action.unit]: action.text } });
    case "previewStarted":
      return { ...state, written: undefined, askFirst: undefined };
    case "previewed":
      return { ...state, shown: { preview: action.preview, request: action.request } };
    case "writeStarted":
    case "confirmationCancelled":
      return { ...state, askFirst: undefined };
    case "written":
      return { ...state, written: action.result };
    case "confirmationNeeded":
      return { ...state, askFirst: action.question };
  }
}

/** A typed number through the one number parser; "%" only where `percent` allows. Blank or junk: undefined. */
export function toNumber(text: string, percent = false): number | undefined {
  const parsed = parseNumberText(text, { percent });
  return parsed.kind === "number" ? parsed.value : undefined;
}

/** A total this many times last year's is refused as a slip (an extra zero or three). */
export const LAST_YEAR_FACTOR = 100;

/** The fields a problem can sit on; a held value's is `lock:<unit id>`. */
export type ProblemField =
  "measure" | "total" | "driver" | "base" | "increment" | "fiscalYear" | "budget" | "fte" | `lock:${string}`;

function totalWhat(measure: MeasureDef | undefined): string {
  return measure?.kind === "rate" ? "the program's target rate" : "the program total";
}

/** The total, where it reads as a number for the measure. */
function totalOf(form: ProrateForm): number | undefined {
  const read = readMeasureValue(form.totalText, measureOf(form), totalWhat(measureOf(form)));
  return read.problem ? undefined : read.value;
}

/** The chosen method's description (the first method if the id is unknown). */
export function methodOf(form: Pick<ProrateForm, "method">): (typeof METHODS)[number] {
  return METHODS.find((m) => m.id === form.method) ?? METHODS[0];
}

/** Every problem that stops a preview, on the field it concerns. Empty when the form is complete. */
export function formProblems(form: ProrateForm): Partial<Record<ProblemField, FieldProblem>> {
  const problems: Partial<Record<ProblemField, FieldProblem>> = {};
  const measure = measureOf(form);
  if (!form.measure || !measure) problems.measure = { message: "Choose a measure." };
  const total = readMeasureValue(form.totalText, measure, totalWhat(measure));
  if (total.problem) problems.total = total.problem;
  else if (measure && ADDITIVE.includes(measure.kind) && total.value !== undefined) {
    const last = form.setup?.lastYear[measure.id];
    if (last !== undefined && last > 0 && total.value > last * LAST_YEAR_FACTOR) {
      problems.total = {
        message: `That is more than ${LAST_YEAR_FACTOR} times last year's ${formatMeasure(last, measure)}. Check the number of zeros.`,
      };
    }
  }
  const step = toNumber(form.incrementText);
  if (step === undefined || step <= 0 || step > LARGEST_TOTAL)
    problems.increment = { message: "Type a step above 0, e.g. 1 for whole numbers." };
  const fiscalYear = toNumber(form.fiscalYearText);
  if (fiscalYear === undefined || !Number.isInteger(fiscalYear) || fiscalYear < 1900 || fiscalYear > 2200)
    problems.fiscalYear = { message: "Type the fiscal year, e.g. 2027." };
  if (methodOf(form).needsDriver && !form.driver)
    problems.driver = { message: "Choose the column to split by." };
  if (form.method === "basePlusProRata") {
    const base = readMeasureValue(form.baseText, measure, "the base per unit");
    if (base.problem) problems.base = base.problem;
  }
  for (const [unit, text] of Object.entries(form.locks)) {
    const name = form.setup?.units.find((u) => u.id === unit)?.name ?? unit;
    const held = readMeasureValue(text, measure, `the value ${name} keeps`);
    if (held.problem) problems[`lock:${unit}`] = held.problem;
  }
  return { ...problems, ...budgetProblems(form) };
}

/** The first problem that stops a preview, as the sentence shown beside Preview; undefined when complete. */
export function formProblem(form: ProrateForm): string | undefined {
  const problems = formProblems(form);
  const order: ProblemField[] = [
    "measure",
    "total",
    "driver",
    "base",
    "increment",
    "fiscalYear",
    "budget",
    "fte",
  ];
  const first = order.find((f) => problems[f]) ?? (Object.keys(problems)[0] as ProblemField | undefined);
  return first ? problems[first]!.message : undefined;
}

/** The request the port prorates; only sent once formProblems is empty. */
export function prorateRequest(form: ProrateForm): ProrateRequest {
  const measure = measureOf(form);
  const held: Record<string, number> = {};
  for (const [unit, text] of Object.entries(form.locks)) {
    const read = readMeasureValue(text, measure, "a held value");
    if (!read.problem && read.value !== undefined) held[unit] = read.value;
  }
  const base = readMeasureValue(form.baseText, measure, "the base");
  const increment = toNumber(form.incrementText);
  const fiscalYear = toNumber(form.fiscalYearText);
  return {
    measure: form.measure,
    total: totalOf(form) ?? 0,
    method: form.method,
    driver: methodOf(form).needsDriver ? form.driver : undefined,
    baseEach: form.method === "basePlusProRata" ? (base.problem ? 0 : (base.value ?? 0)) : undefined,
    locks: held,
    rounding: form.rounding,
    increment: increment !== undefined && increment > 0 && increment <= LARGEST_TOTAL ? increment : 1,
    fyStartMonth: form.fyStartMonth,
    fiscalYear: fiscalYear !== undefined && Number.isInteger(fiscalYear) ? fiscalYear : 0,
    spread: form.spread,
    ...budgetRequestOf(form),
  };
}
