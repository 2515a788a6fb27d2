/** Target cells against the log: a value typed over a logged target is named with its cell. */
import fc from "fast-check";
import {
  appendRevisions,
  revisionHistory,
  sameStored,
  unloggedChanges,
  type Revision,
} from "../../../src/engine/revisions";

const base: Revision = {
  at: "2026-10-01T09:00:00Z",
  who: "JO",
  source: "baseline",
  measure: "orders",
  unit: "howard",
  period: "2027",
  field: "target",
  oldValue: null,
  newValue: 1200,
  reason: "baseline",
  note: "",
};

const log = appendRevisions(
  [],
  [
    base,
    { ...base, unit: "carroll", newValue: 640 },
    { ...base, at: "2027-05-14T15:02:11Z", oldValue: 1200, newValue: 1050, reason: "resources-changed" },
  ],
);

const cell = (address: string, row: number) => ({ sheet: "Targets", row, column: 4, address });

describe("target cells the log does not explain", () => {
  it("says nothing when every target is what the log last says", () => {
    const current = [
      { measure: "orders", unit: "howard", period: "2027", field: "target" as const, value: 1050 },
      {
        measure: "orders",
        unit: "carroll",
        period: "2027",
        field: "target" as const,
        value: 640.0000000000001,
      },
    ];
    expect(unloggedChanges(log, current)).toEqual([]);
  });

  it("names the cell of a target typed over its logged value, with both values", () => {
    const [change] = unloggedChanges(log, [
      {
        measure: "orders",
        unit: "howard",
        period: "2027",
        field: "target",
        value: 900,
        source: cell("D7", 7),
      },
    ]);
    expect(change).toMatchObject({ unit: "howard", value: 900, loggedValue: 1050 });
    expect(change.message).toBe(
      "The target of orders for howard, 2027 (Targets!D7) is 900; the log last says 1050. Log the change with a reason, or put the value back.",
    );
  });

  it("names a target the log never mentions, and leaves a blank one alone", () => {
    const changes = unloggedChanges(log, [
      {
        measure: "orders",
        unit: "frederick",
        period: "2027",
        field: "target",
        value: 300,
        source: cell("D9", 9),
      },
      { measure: "orders", unit: "allegany", period: "2027", field: "target", value: null },
    ]);
    expect(changes).toHaveLength(1);
    expect(changes[0].message).toContain("was never logged");
  });

  it("names a logged target someone cleared", () => {
    const [change] = unloggedChanges(log, [
      { measure: "orders", unit: "carroll", period: "2027", field: "target", value: null },
    ]);
    expect(change.message).toContain("is blank; the log last says 640");
  });

  it("gives one measure and unit's history, oldest first", () => {
    expect(revisionHistory(log, "orders", "howard").map((r) => r.newValue)).toEqual([1200, 1050]);
  });

  it("counts a value a spreadsheet saved with 15 digits, rounded either way, as unchanged", () => {
    // 70.25641025641025 is 70.2564102564102 to JavaScript and 70.2564102564103 to LibreOffice.
    expect(sameStored(70.25641025641025, 70.2564102564103)).toBe(true);
    expect(sameStored(70.25641025641025, 70.2564102564102)).toBe(true);
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (x) => {
        expect(sameStored(x, Number(x.toPrecision(15)))).toBe(true);
        if (Math.abs(x) > 1e-6) expect(sameStored(x, x * (1 + 1e-9))).toBe(false);
      }),
    );
  });
});
