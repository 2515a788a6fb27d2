/** The revision log's hash chain: every kind of tampering is found at the row where it happened. */
import { createHash } from "node:crypto";
import fc from "fast-check";
import {
  appendRevisions,
  canonicalNumber,
  canonicalRevision,
  GENESIS_HASH,
  REVISION_FIELDS,
  REVISION_REASONS,
  REVISION_SOURCES,
  revisionHash,
  verifyChain,
  type LoggedRevision,
  type Revision,
} from "../../../src/engine/revisions";

const revision = (over: Partial<Revision> = {}): Revision => ({
  at: "2026-10-01T09:00:00Z",
  who: "J. Ortiz",
  source: "baseline",
  measure: "Support orders established",
  unit: "Howard County",
  period: "2027",
  field: "target",
  oldValue: null,
  newValue: 1200,
  reason: "baseline",
  note: "",
  ...over,
});

/** Four rows a manager might see: the baseline, then a cut in the spring with a reason. */
const history = (): LoggedRevision[] =>
  appendRevisions(
    [],
    [
      revision(),
      revision({ unit: "Carroll County", newValue: 640 }),
      revision({
        at: "2027-05-14T15:02:11Z",
        source: "pane-proration",
        oldValue: 1200,
        newValue: 1050,
        reason: "resources-changed",
        note: "Two caseworkers left",
      }),
      revision({
        at: "2027-06-02T08:00:00Z",
        field: "milestone",
        period: "2027-06",
        oldValue: 100,
        newValue: 88,
      }),
    ],
  );

const arbRevision: fc.Arbitrary<Revision> = fc.record({
  at: fc
    .date({
      min: new Date("2020-01-01T00:00:00Z"),
      max: new Date("2035-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().replace(/\.\d{3}Z$/, "Z")),
  who: fc.string({ unit: "grapheme", maxLength: 12 }),
  source: fc.constantFrom(...REVISION_SOURCES),
  measure: fc.string({ minLength: 1, maxLength: 20 }),
  unit: fc.string({ minLength: 1, maxLength: 20 }),
  period: fc.constantFrom("2026", "2027", "2027-01", "2027-09"),
  field: fc.constantFrom(...REVISION_FIELDS),
  oldValue: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), {
    nil: null,
  }),
  newValue: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), {
    nil: null,
  }),
  reason: fc.constantFrom(...REVISION_REASONS),
  note: fc.string({ unit: "grapheme", maxLength: 30 }),
});

describe("sealing revisions", () => {
  it("hashes the previous hash, a newline and the canonical row with SHA-256", () => {
    const r = revision();
    const expected = createHash("sha256")
      .update(`${GENESIS_HASH}\n${canonicalRevision(r)}`, "utf8")
      .digest("hex");
    expect(revisionHash(GENESIS_HASH, r)).toBe(expected);
  });

  it("agrees with node's own SHA-256 on any row, whatever its text", () => {
    fc.assert(
      fc.property(
        arbRevision,
        fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 }),
        (r, previous) => {
          const node = createHash("sha256")
            .update(`${previous}\n${canonicalRevision(r)}`, "utf8")
            .digest("hex");
          expect(revisionHash(previous, r)).toBe(node);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("chains each row to the one before", () => {
    const log = history();
    expect(log[0].hash).toBe(revisionHash(GENESIS_HASH, log[0]));
    expect(log[2].hash).toBe(revisionHash(log[1].hash, log[2]));
    expect(verifyChain(log)).toEqual({ ok: true, rows: 4, head: log[3].hash });
  });

  it("writes numbers as a spreadsheet keeps them, so a file saved by Excel or LibreOffice still verifies", () => {
    expect(canonicalNumber(0.1 + 0.2)).toBe("0.3");
    expect(canonicalNumber(-0)).toBe("0");
    expect(canonicalNumber(1200)).toBe("1200");
    expect(canonicalNumber(null)).toBe("");
    const log = appendRevisions([], [revision({ newValue: 0.1 + 0.2 })]);
    const saved = [{ ...log[0], newValue: 0.3 }];
    expect(verifyChain(saved).ok).toBe(true);
  });

  it("reads a hash typed back in capitals or with spaces as the same hash", () => {
    const log = history().map((r) => ({ ...r, hash: ` ${r.hash.toUpperCase()} ` }));
    expect(verifyChain(log).ok).toBe(true);
  });
});

describe("finding tampering", () => {
  it.each<[string, (log: LoggedRevision[]) => LoggedRevision[], number]>([
    [
      "someone edits a target's new value in row 3",
      (l) => l.map((r, i) => (i === 2 ? { ...r, newValue: 1150 } : r)),
      3,
    ],
    [
      "someone rewrites the reason of row 3",
      (l) => l.map((r, i) => (i === 2 ? { ...r, reason: "correction" } : r)),
      3,
    ],
    ["someone deletes row 2", (l) => l.filter((_, i) => i !== 1), 2],
    ["someone swaps rows 2 and 3", (l) => [l[0], l[2], l[1], l[3]], 2],
    [
      "someone inserts a row, copying a hash",
      (l) => [l[0], { ...l[1], unit: "Frederick County" }, ...l.slice(1)],
      2,
    ],
    ["someone sorts the table by unit", (l) => [...l].sort((a, b) => a.unit.localeCompare(b.unit)), 1],
  ])("%s: the log says it was edited at or after that row", (_what, tamper, row) => {
    const check = verifyChain(tamper(history()));
    expect(check).toMatchObject({ ok: false, firstBadRow: row, problem: "edited" });
    if (!check.ok) expect(check.message).toContain(`at or after row ${row}`);
  });

  it("finds the last rows deleted when the seal says how many there were", () => {
    const log = history();
    const seal = { rows: 4, head: log[3].hash };
    expect(verifyChain(log, seal).ok).toBe(true);
    const check = verifyChain(log.slice(0, 2), seal);
    expect(check).toMatchObject({ ok: false, problem: "truncated", firstBadRow: 3 });
    if (!check.ok) expect(check.message).toContain("rows 3 to 4 were deleted");
  });

  it("finds a log rebuilt from scratch under an old seal", () => {
    const log = history();
    const rebuilt = appendRevisions([], [revision({ newValue: 900 }), ...log.slice(1)]);
    expect(verifyChain(rebuilt).ok).toBe(true);
    expect(verifyChain(rebuilt, { rows: 4, head: log[3].hash })).toMatchObject({
      ok: false,
      problem: "edited",
    });
  });

  it("finds any single change to any row of any log at exactly that row", () => {
    fc.assert(
      fc.property(
        fc.array(arbRevision, { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.constantFrom("who", "note", "unit", "newValue"),
        (rows, pick, field) => {
          const log = appendRevisions([], rows);
          const i = pick % log.length;
          const before = log[i];
          const changed =
            field === "newValue"
              ? { ...before, newValue: (before.newValue ?? 0) + 1 }
              : { ...before, [field]: `${before[field]}x` };
          const tampered = log.map((r, j) => (j === i ? changed : r));
          expect(verifyChain(tampered)).toMatchObject({ ok: false, firstBadRow: i + 1 });
        },
      ),
      { numRuns: 150 },
    );
  });
});
