/**
 * The one catalogue of proration and milestone errors. Misuse and impossible inputs throw a
 * `ProrationError` whose `code` is a key of this catalogue and whose message names the unit.
 */

export const PRORATION_ERRORS = {
  noUnits: "There are no units to prorate to. Add at least one unit.",
  duplicateUnit: "Unit {unit} appears more than once. Give every unit a unique name.",
  blankUnit: "A unit has no name (position {detail}). Give every unit a name.",
  totalNotFinite: "The total is not a number ({detail}). Enter a number.",
  totalNegative: "The total is negative ({detail}). Enter zero or more.",
  incrementInvalid: "The increment must be a positive number, got {detail}.",
  driverNegative: "Unit {unit} has a negative driver ({detail}). Drivers must be zero or more.",
  driverNotFinite:
    "Unit {unit} has a driver that is not a number ({detail}). Enter a number or leave it blank.",
  lockedNotFinite: "Unit {unit} has a locked value that is not a number ({detail}).",
  lockedNegative: "Unit {unit} has a negative locked value ({detail}).",
  lockedExceedsTotal: "Locked units hold {detail}, more than the total. Unlock a unit or raise the total.",
  allLockedMismatch:
    "Every unit is locked but the locked values sum to {detail}, not the total. Unlock a unit.",
  incrementCannotMeet:
    "The amount left for free units ({detail}) is not a multiple of the increment. Change the total, the increment or a locked value.",
  baseExceedsTotal:
    "The base of {detail} per free unit is more than the total left for free units. Lower the base.",
  baseInvalid: "The base per unit must be zero or more, got {detail}.",
  methodNotForKind: "Method {detail}. Choose another method.",
  denominatorMissing:
    "Unit {unit} has no usable denominator ({detail}). Rates and ratios need each unit's denominator, zero or more.",
  baselineMissing: "Unit {unit} has no baseline. Gap-closing needs each free unit's current value.",
  rateOutOfRange: "{detail} is outside 0-100. Rates are percentages.",
  targetUnreachable: "{detail}",
  fyStartInvalid: "The fiscal year must start in a month 1-12, got {detail}.",
  fiscalYearInvalid: "The fiscal year must be a whole year, got {detail}.",
  profileInvalid: "The custom profile {detail}.",
  targetNotFinite: "Unit {unit} has a target that is not a number ({detail}).",
  targetNotMultiple: "Unit {unit} has a target ({detail}) that is not a multiple of the increment.",
  moneyNotWhole:
    "{detail} is not a whole number of the money unit. Give budgets in whole cents or whole dollars, as chosen.",
  productivityMissing:
    "Unit {unit} has no usable productivity ({detail}). Targets that follow resources need each free unit's results per dollar, zero or more.",
  fteStepInvalid: "{detail}. Give staff in steps such as 0.1 or 0.5 FTE that divide the total.",
} as const;

export type ProrationErrorCode = keyof typeof PRORATION_ERRORS;

/** Thrown for inputs no allocation can honour. Example: `new ProrationError("duplicateUnit", { unit: "North" })`. */
export class ProrationError extends Error {
  readonly code: ProrationErrorCode;
  readonly unit?: string;

  constructor(code: ProrationErrorCode, context: { unit?: string; detail?: string | number } = {}) {
    super(
      PRORATION_ERRORS[code]
        .replace("{unit}", context.unit === undefined ? "?" : `"${context.unit}"`)
        .replace("{detail}", context.detail === undefined ? "" : String(context.detail)),
    );
    this.name = "ProrationError";
    this.code = code;
    this.unit = context.unit;
  }
}
