/**
 * The Prorate tab's state as a pure reducer: what the manager typed (as text, so a half-typed
 * number stays on screen), what came back from the workbook, and the selectors that turn the
 * form into a problem to show or a request to send. No React here, so it is tested with plain
 * objects; a new step (e.g. a revert) is one more action and one more case.
 */
import { parseNumberText } from "../../engine/parse/number";
import type {
  ProrateMethod,
  ProratePreview,
  ProrateRequest,
  ProrateSetup,
  RoundingChoice,
  SpreadChoice,
  WriteResult,
} from "../port";

/** Each method with the one line a manager needs to choose it. */
export const METHODS: { id: ProrateMethod; label: string; explain: string; needsDriver: boolean }[] = [
  { id: "equal", label: "Equal", explain: "Every unit gets the same share.", needsDriver: false },
  {
    id: "proportional",
    label: "By a driver",
    explain: "In proportion to caseload, staff or budget.",
    needsDriver: true,
  },
  {
    id: "priorShare",
    label: "Last year's share",
    explain: "Each unit keeps its share of last year's actual.",
    needsDriver: true,
  },
  {
    id: "custom",
    label: "Custom weights",
    explain: "In proportion to weights you typed in a column.",
    needsDriver: true,
  },
  {
    id: "gapClosing",
    label: "Close the gap",
    explain: "Rates: weaker units close the same part of their gap, so they rise more.",
    needsDriver: false,
  },
  {
    id: "basePlusProRata",
    label: "Base plus share",
    explain: "A fixed base each, the rest by the driver.",
    needsDriver: true,
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
}

export interface ProrateForm extends ProrateFields {
  setup?: ProrateSetup;
  /** Locked unit id -> the held value as typed. */
  locks: Record<string, string>;
  preview?: ProratePreview;
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
  | { type: "previewed"; preview: ProratePreview }
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
  method: "proportional",
  driver: "",
  baseText: "0",
  locks: {},
  rounding: "largestRemainder",
  incrementText: "1",
  fyStartMonth: 10,
  fiscalYearText: "",
  spread: "even",
};

export function prorateReducer(state: ProrateForm, action: ProrateAction): ProrateForm {
  switch (action.type) {
    case "edit":
      return { ...state, [action.field]: action.value };
    case "setupLoaded": {
      const { setup } = action;
      return {
        ...state,
        setup,
        measure: setup.measures[0]?.id ?? "",
        driver: setup.drivers[0] ?? "",
        fyStartMonth: setup.fyStartMonth,
        fiscalYearText: String(setup.fiscalYear),
      };
    }
    case "lockUnits":
      return { ...state, locks: Object.fromEntries(action.units.map((id) => [id, state.locks[id] ?? ""])) };
    case "holdValue":
      return { ...state, locks: { ...state.locks, [action.unit]: action.text } };
    case "previewStarted":
      return { ...state, written: undefined };
    case "previewed":
      return { ...state, preview: action.preview };
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

/** The total: a rate's (or ratio's) may be typed "85%"; a count's may not (12% of a caseload is a mistake). */
function totalOf(form: ProrateForm): number | undefined {
  const kind = form.setup?.measures.find((m) => m.id === form.measure)?.kind;
  return toNumber(form.totalText, kind === "rate" || kind === "ratio");
}

/** The chosen method's description (the first method if the id is unknown). */
export function methodOf(form: ProrateForm): (typeof METHODS)[number] {
  return METHODS.find((m) => m.id === form.method) ?? METHODS[0];
}

/** What stops a preview, as the sentence the pane shows, or undefined when the form is complete. */
export function formProblem(form: ProrateForm): string | undefined {
  const total = totalOf(form);
  const increment = toNumber(form.incrementText);
  const fiscalYear = toNumber(form.fiscalYearText);
  if (!form.measure) return "Choose a measure.";
  if (total === undefined || total < 0) return "Type the program total as a number, 0 or more.";
  if (increment === undefined || increment <= 0)
    return "Rounding step must be a number above 0 (1 = whole numbers).";
  if (fiscalYear === undefined || !Number.isInteger(fiscalYear)) return "Type the fiscal year, e.g. 2027.";
  if (methodOf(form).needsDriver && !form.driver) return "Choose the column to split by.";
  return undefined;
}

/** The request the port prorates and writes; held values that are not numbers are left out. */
export function prorateRequest(form: ProrateForm): ProrateRequest {
  const held: Record<string, number> = {};
  for (const [unit, text] of Object.entries(form.locks)) {
    const n = toNumber(text);
    if (n !== undefined) held[unit] = n;
  }
  return {
    measure: form.measure,
    total: totalOf(form) ?? 0,
    method: form.method,
    driver: methodOf(form).needsDriver ? form.driver : undefined,
    baseEach: form.method === "basePlusProRata" ? (toNumber(form.baseText) ?? 0) : undefined,
    locks: held,
    rounding: form.rounding,
    increment: toNumber(form.incrementText) ?? 1,
    fyStartMonth: form.fyStartMonth,
    fiscalYear: toNumber(form.fiscalYearText) ?? 0,
    spread: form.spread,
  };
}
