/** The Targets form's "Also split a budget" section: pure reducer and selectors, plain objects. */
import fc from "fast-check";
import type { ProrateSetup } from "../../../src/taskpane/port";
import { budgetOffered, budgetOnSheet, readBudget, readFte } from "../../../src/taskpane/tabs/budgetForm";
import {
  editField,
  formProblem,
  formProblems,
  initialProrateForm,
  prorateReducer,
  prorateRequest,
  type ProrateAction,
  type ProrateForm,
} from "../../../src/taskpane/tabs/prorateForm";

const setup: ProrateSetup = {
  measures: [
    { id: "locates", name: "Locates", kind: "count", direction: "up", unitLabel: "locates" },
    { id: "pep", name: "Paternity establishment", kind: "rate", direction: "up", unitLabel: "%" },
  ],
  units: [
    { id: "north", name: "North", caseload: 300 },
    { id: "south", name: "South", caseload: 100 },
  ],
  drivers: ["caseload"],
  fyStartMonth: 7,
  fiscalYear: 2027,
  lastYear: { locates: 1100 },
  budget: { programCents: { 2027: 120_000_000 }, programFte: { 2027: 42.5 } },
};

const after = (...actions: ProrateAction[]): ProrateForm =>
  actions.reduce(prorateReducer, initialProrateForm);
const withBudget = (...more: ProrateAction[]): ProrateForm =>
  after(
    { type: "setupLoaded", setup },
    editField("totalText", "1,200"),
    editField("budgetOn", true),
    editField("budgetText", "$1,200,000.50"),
    ...more,
  );

describe("the Targets form's budget section", () => {
  it("is offered only with a Budget sheet and a measure whose results can be counted", () => {
    expect(budgetOffered(after({ type: "setupLoaded", setup }))).toBe(true);
    expect(budgetOffered(after({ type: "setupLoaded", setup }, editField("measure", "pep")))).toBe(false);
    expect(budgetOffered(after({ type: "setupLoaded", setup: { ...setup, budget: undefined } }))).toBe(false);
  });

  it("starts off, so a target alone is split and written as before", () => {
    const form = after({ type: "setupLoaded", setup }, editField("totalText", "1200"));
    expect(form.budgetOn).toBe(false);
    expect(prorateRequest(form).budget).toBeUndefined();
    expect(formProblem(form)).toBeUndefined();
  });

  it("sends the budget in whole cents, by the target's driver unless told otherwise, staff only when typed", () => {
    expect(prorateRequest(withBudget()).budget).toEqual({ amountCents: 120_000_050, basis: "sameDriver" });
    expect(
      prorateRequest(withBudget(editField("budgetBasis", "targets"), editField("fteText", "42.5"))).budget,
    ).toEqual({ amountCents: 120_000_050, basis: "targets", fteTotal: 42.5 });
  });

  it("drops the budget from the request when the measure changes to a rate", () => {
    const form = withBudget(editField("measure", "pep"), editField("totalText", "90"));
    expect(prorateRequest(form).budget).toBeUndefined();
    expect(formProblems(form).budget).toBeUndefined();
  });

  it.each<[string, string, string]>([
    ["blank", "", "Type the program budget, e.g. 1,200,000."],
    [
      "negative in brackets",
      "(500)",
      "A budget cannot be negative. Type the amount without brackets or a minus.",
    ],
    [
      "a fraction of a cent",
      "10.005",
      '"10.005" has fractions of a cent. Type it as 1200000 or $1,200,000.50.',
    ],
    ["words", "lots", '"lots" is not a number. Type it as 1200000 or $1,200,000.50.'],
    ["a slip of zeros", "1e15", "That budget is too large. Check the number of zeros."],
  ])("says what is wrong with a budget typed as %s, on its field", (_, text, message) => {
    const form = withBudget(editField("budgetText", text));
    expect(formProblems(form).budget?.message).toBe(message);
    expect(formProblem(form)).toBe(message);
  });

  it.each<[string, string]>([
    ["42.55", "Staff are split in steps of 0.1 FTE: type e.g. 42.5."],
    ["-3", '"-3" is not a number of staff. Type FTE like 42.5, or leave it blank.'],
    ["many", '"many" is not a number of staff. Type FTE like 42.5, or leave it blank.'],
  ])("refuses staff typed as %s", (text, message) => {
    expect(formProblems(withBudget(editField("fteText", text))).fte?.message).toBe(message);
  });

  it("clears the preview when any budget field changes, so a stale budget is never written", () => {
    const shown = prorateReducer(withBudget(), {
      type: "previewed",
      preview: { lines: [], total: 1200, kind: "count", warnings: [] },
      request: prorateRequest(withBudget()),
    });
    expect(shown.shown).toBeDefined();
    for (const action of [
      editField("budgetText", "1"),
      editField("budgetBasis", "targets"),
      editField("fteText", "3"),
      editField("budgetOn", false),
    ])
      expect(prorateReducer(shown, action).shown).toBeUndefined();
  });

  it("shows the Budget sheet's program budget and staff for the fiscal year being split", () => {
    expect(budgetOnSheet(withBudget())).toEqual({ cents: 120_000_000, fte: 42.5 });
    expect(budgetOnSheet(withBudget(editField("fiscalYearText", "2030")))).toEqual({});
  });

  it("reads any amount to the cent the way it was typed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (cents) => {
        const text = `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;
        expect(readBudget(text).cents).toBe(cents);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (tenths) => {
        expect(readFte(String(tenths / 10)).fte).toBe(tenths / 10);
      }),
    );
  });
});
