/** One function records a grid write: a revision per changed cell, and afterwards nothing is unlogged. */
import fc from "fast-check";
import { unloggedChanges, type CurrentValue } from "../../src/engine/revisions";
import { MONTHLY_KEY_HEADERS, monthlyHeader } from "../../src/workbook/layout";
import {
  logInstant,
  recordDetectedEdits,
  recordGridWrite,
  type RecordContext,
} from "../../src/workbook/recording";

const h = MONTHLY_KEY_HEADERS;
const ctx: RecordContext = {
  at: "2027-03-04T10:20:30Z",
  who: " JO ",
  source: "pane-proration",
  fyStartMonth: 10,
};
const oct = monthlyHeader("Milestone", 10, 0);
const nov = monthlyHeader("Milestone", 10, 1);
const current: CurrentValue[] = [
  { measure: "orders", unit: "howard", period: "2027", field: "target", value: 1200 },
  { measure: "orders", unit: "howard", period: "2026-10", field: "milestone", value: 100 },
  { measure: "orders", unit: "howard", period: "2026-11", field: "milestone", value: null },
];
const write = (target: number | null, m1: number | null, m2: number | null) => ({
  columns: [h.measure, h.unit, h.fiscalYear, h.target, oct, nov],
  rows: [["orders", "howard", 2027, target, m1, m2]],
});

describe("recordGridWrite", () => {
  it("logs each changed cell with its old value, and nothing for a cell written with what it holds", () => {
    const revisions = recordGridWrite(write(1050, 100, 90), current, ctx);
    expect(revisions).toEqual([
      expect.objectContaining({
        period: "2027",
        field: "target",
        oldValue: 1200,
        newValue: 1050,
        reason: "no-reason-given",
      }),
      expect.objectContaining({
        period: "2026-11",
        field: "milestone",
        oldValue: null,
        newValue: 90,
        reason: "baseline",
      }),
    ]);
    expect(revisions[0]).toMatchObject({ who: "JO", source: "pane-proration", at: ctx.at, note: "" });
  });

  it("uses the reason given for the whole write", () => {
    const revisions = recordGridWrite(write(1050, 100, 90), current, {
      ...ctx,
      reason: "policy-changed",
      note: " memo 7 ",
    });
    expect(revisions.map((r) => [r.reason, r.note])).toEqual([
      ["policy-changed", "memo 7"],
      ["policy-changed", "memo 7"],
    ]);
  });

  it("refuses rows that do not name measure, unit and fiscal year", () => {
    expect(() => recordGridWrite({ columns: [h.target], rows: [[1]] }, current, ctx)).toThrow(/Measure ID/);
  });

  it("leaves no unlogged change behind, whatever was in the cells and whatever is written", () => {
    const value = fc.option(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(fc.tuple(value, value, value), fc.tuple(value, value, value), (before, after) => {
        const cells: CurrentValue[] = current.map((c, i) => ({ ...c, value: before[i] }));
        const log = recordGridWrite(write(before[0], before[1], before[2]), [], ctx);
        const written = recordGridWrite(write(after[0], after[1], after[2]), cells, ctx);
        const now = cells.map((c, i) => ({ ...c, value: after[i] }));
        expect(unloggedChanges([...log, ...written], now)).toEqual([]);
      }),
    );
  });
});

describe("recordDetectedEdits", () => {
  it("logs typed changes as detected edits with the batch's reason, from the last logged value", () => {
    const [r] = recordDetectedEdits(
      [
        {
          measure: "orders",
          unit: "howard",
          period: "2027",
          field: "target",
          value: 900,
          loggedValue: 1200,
          message: "",
        },
      ],
      { at: logInstant(new Date("2027-05-01T08:00:00.999Z")), who: "JO", reason: "resources-changed" },
    );
    expect(r).toMatchObject({
      at: "2027-05-01T08:00:00Z",
      source: "pane-detected-edit",
      oldValue: 1200,
      newValue: 900,
    });
  });

  it("says 'no reason given' when the question was skipped", () => {
    const [r] = recordDetectedEdits(
      [{ measure: "orders", unit: "howard", period: "2027", field: "target", value: 900, message: "" }],
      { at: "2027-05-01T08:00:00Z", who: "JO" },
    );
    expect(r).toMatchObject({ reason: "no-reason-given", oldValue: null });
  });
});
