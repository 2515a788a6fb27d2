/** The Prorate tab's form as a pure reducer: no React, plain objects in and out. */
import fc from "fast-check";
import type { ProrateSetup } from "../../../src/taskpane/port";
import {
  editField,
  formProblem,
  formProblems,
  methodsFor,
  initialProrateForm,
  type ProrateAction,
  type ProrateForm,
  prorateReducer,
  prorateRequest,
} from "../../../src/taskpane/tabs/prorateForm";

const setup: ProrateSetup = {
  measures: [
    { id: "orders", name: "Cases with orders", kind: "count", direction: "up", unitLabel: "cases" },
    { id: "pep", name: "Paternity establishment", kind: "rate", direction: "up", unitLabel: "%" },
  ],
  units: [
    { id: "north", name: "North", caseload: 300 },
    { id: "south", name: "South", caseload: 100 },
  ],
  drivers: ["caseload", "fte"],
  fyStartMonth: 7,
  fiscalYear: 2027,
  lastYear: { orders: 1100, pep: 81 },
};

const after = (...actions: ProrateAction[]): ProrateForm =>
  actions.reduce(prorateReducer, initialProrateForm);

/** A form the manager has filled in: total 1,200 cases, split by caseload. */
const filled = (): ProrateForm => after({ type: "setupLoaded", setup }, editField("totalText", "1,200"));

describe("the Prorate form", () => {
  it("starts on the workbook's first measure and driver, fiscal year and its start month", () => {
    const form = after({ type: "setupLoaded", setup });
    expect(form).toMatchObject({
      measure: "orders",
      driver: "caseload",
      fyStartMonth: 7,
      fiscalYearText: "2027",
    });
    expect(formProblem(form)).toBe("Type the program total.");
  });

  it("asks for a measure when the workbook has none", () => {
    const form = after({ type: "setupLoaded", setup: { ...setup, measures: [], drivers: [] } });
    expect(formProblem(form)).toBe("Choose a measure.");
  });

  it.each<[string, ProrateAction, string]>([
    ["a negative total", editField("totalText", "-5"), "The program total cannot be below 0."],
    [
      "a total that is not a number",
      editField("totalText", "lots"),
      '"lots" is not a number. Type the program total in digits, e.g. 1,200.',
    ],
    [
      "a rounding step of 0",
      editField("incrementText", "0"),
      "Type a step above 0, e.g. 1 for whole numbers.",
    ],
    [
      "a blank rounding step",
      editField("incrementText", " "),
      "Type a step above 0, e.g. 1 for whole numbers.",
    ],
    [
      "a fiscal year with a fraction",
      editField("fiscalYearText", "2027.5"),
      "Type the fiscal year, e.g. 2027.",
    ],
    ["no driver for a method that needs one", editField("driver", ""), "Choose the column to split by."],
  ])("names the problem with %s", (_what, action, problem) => {
    expect(formProblem(prorateReducer(filled(), action))).toBe(problem);
  });

  it("puts each problem on its own field", () => {
    const form = after(
      { type: "setupLoaded", setup },
      editField("totalText", "12%"),
      editField("fiscalYearText", "soon"),
      { type: "lockUnits", units: ["south"] },
      { type: "holdValue", unit: "south", text: "x" },
    );
    const problems = formProblems(form);
    expect(Object.keys(problems).sort()).toEqual(["fiscalYear", "lock:south", "total"]);
    expect(problems["lock:south"]?.message).toBe(
      '"x" is not a number. Type the value South keeps in digits, e.g. 1,200.',
    );
  });

  it.each<[string, string, number | undefined, string | undefined]>([
    ["92%", "a percent sign", 92, undefined],
    ["92", "a plain number", 92, undefined],
    ["0.92%", "a small percent typed on purpose", 0.92, undefined],
    ["0.92", "a fraction", undefined, "Did you mean 92 %? Rates are typed in percent, e.g. 92 for 92 %."],
    ["120", "more than 100", undefined, "A rate cannot be above 100 %."],
  ])("reads a rate typed as %s (%s)", (typed, _what, total, problem) => {
    const form = after(
      { type: "setupLoaded", setup },
      editField("measure", "pep"),
      editField("totalText", typed),
    );
    expect(formProblem(form)).toBe(problem);
    if (total !== undefined) expect(prorateRequest(form).total).toBe(total);
  });

  it.each(setup.measures.map((m) => [m.name, m.id]))(
    "offers %s only methods that can split it, and starts on one of them",
    (_name, measure) => {
      const form = after({ type: "setupLoaded", setup }, editField("measure", measure));
      const offered = methodsFor(form).map((m) => m.id);
      expect(offered).toContain(form.method);
      const kind = setup.measures.find((m) => m.id === measure)!.kind;
      if (kind === "rate") expect(offered).toEqual(["equal", "gapClosing"]);
      else expect(offered).not.toContain("gapClosing");
    },
  );

  it("starts a rate measure on equal, never on a driver split", () => {
    const rateFirst = { ...setup, measures: [...setup.measures].reverse() };
    expect(after({ type: "setupLoaded", setup: rateFirst }).method).toBe("equal");
    expect(after({ type: "setupLoaded", setup }, editField("measure", "pep")).method).toBe("equal");
  });

  it("clears the preview on any input change, so a stale preview is never written", () => {
    const preview = { lines: [], total: 1200, kind: "count" as const, warnings: [] };
    const shown = after({ type: "setupLoaded", setup }, editField("totalText", "1200"), {
      type: "previewed",
      preview,
      request: prorateRequest(filled()),
    });
    expect(shown.shown?.preview).toBe(preview);
    const edits: ProrateAction[] = [
      editField("totalText", "1300"),
      editField("method", "equal"),
      editField("spread", "ramp"),
      editField("fyStartMonth", 1),
      { type: "lockUnits", units: ["north"] },
      { type: "holdValue", unit: "north", text: "3" },
    ];
    for (const edit of edits) expect(prorateReducer(shown, edit).shown).toBeUndefined();
  });

  it("needs no driver for an equal split, and does not send one", () => {
    const form = after(
      { type: "setupLoaded", setup },
      editField("totalText", "90"),
      editField("driver", ""),
      editField("method", "equal"),
    );
    expect(formProblem(form)).toBeUndefined();
    expect(prorateRequest(form)).toMatchObject({ method: "equal", driver: undefined, total: 90 });
  });

  it("builds the request from what was typed: separators dropped, base only for base plus share", () => {
    const form = after(
      { type: "setupLoaded", setup },
      editField("totalText", "1,200"),
      editField("baseText", "50"),
      editField("incrementText", "5"),
      editField("spread", "seasonal"),
      editField("rounding", "webster"),
    );
    expect(prorateRequest(form)).toEqual({
      measure: "orders",
      total: 1200,
      method: "proportional",
      driver: "caseload",
      baseEach: undefined,
      locks: {},
      rounding: "webster",
      increment: 5,
      fyStartMonth: 7,
      fiscalYear: 2027,
      spread: "seasonal",
    });
    expect(prorateRequest(prorateReducer(form, editField("method", "basePlusProRata"))).baseEach).toBe(50);
  });

  it("keeps a locked unit's typed value while other units are locked or released", () => {
    const form = after(
      { type: "setupLoaded", setup },
      { type: "lockUnits", units: ["north"] },
      { type: "holdValue", unit: "north", text: "700" },
      { type: "lockUnits", units: ["north", "south"] },
    );
    expect(form.locks).toEqual({ north: "700", south: "" });
    // South has no value yet: it is not sent as held at 0.
    expect(prorateRequest(form).locks).toEqual({ north: 700 });
    expect(prorateReducer(form, { type: "lockUnits", units: ["south"] }).locks).toEqual({ south: "" });
  });

  it("clears the last write's note when a new preview starts, but keeps the table on screen", () => {
    const preview = { lines: [], total: 1200, kind: "count" as const, warnings: [] };
    const written = { where: "Targets!B2:D3", message: "Wrote 2 targets." };
    const request = prorateRequest(filled());
    const form = after(
      { type: "previewed", preview, request },
      { type: "written", result: written },
      { type: "previewStarted" },
    );
    expect(form.written).toBeUndefined();
    expect(form.shown).toEqual({ preview, request });
  });

  it("asks before replacing typed values, and forgets the question on cancel or a new write", () => {
    const asked = after({ type: "confirmationNeeded", question: "3 targets were typed by hand." });
    expect(asked.askFirst).toBe("3 targets were typed by hand.");
    expect(prorateReducer(asked, { type: "confirmationCancelled" }).askFirst).toBeUndefined();
    expect(prorateReducer(asked, { type: "writeStarted" }).askFirst).toBeUndefined();
  });

  it("never changes the state it was given", () => {
    const form = filled();
    const copy = structuredClone(form);
    prorateReducer(form, { type: "holdValue", unit: "north", text: "1" });
    prorateReducer(form, editField("totalText", "9"));
    expect(form).toEqual(copy);
  });

  it("sends only finite numbers, whatever is typed in the number fields", () => {
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom("1e400", "-0", "Infinity", "NaN", "1,2,3", " $ ", "0x10"),
    );
    fc.assert(
      fc.property(text, text, text, text, text, (total, base, increment, year, held) => {
        const form = after(
          { type: "setupLoaded", setup },
          editField("method", "basePlusProRata"),
          editField("totalText", total),
          editField("baseText", base),
          editField("incrementText", increment),
          editField("fiscalYearText", year),
          { type: "lockUnits", units: ["north"] },
          { type: "holdValue", unit: "north", text: held },
        );
        const request = prorateRequest(form);
        const numbers = [
          request.total,
          request.baseEach!,
          request.increment,
          request.fiscalYear,
          ...Object.values(request.locks),
        ];
        expect(numbers.every(Number.isFinite)).toBe(true);
      }),
    );
  });
});
