import fc from "fast-check";
import { columnLetter, normalizeHeader, parseLongCsv } from "../../src/engine/longcsv";

const HEADER = "measure,unit,period,target,actual";
const csv = (...lines: string[]) => [HEADER, ...lines].join("\n");
const codes = (text: string) => parseLongCsv(text, { fileName: "card.csv" }).findings.map((f) => f.code);

describe("parseLongCsv", () => {
  it("reads one observation per row with its CSV line and column", () => {
    const { scorecard, findings } = parseLongCsv(csv("Cases closed,North,2026-07,120,118"), {
      fileName: "card.csv",
    });
    // As a report or --json shows it: the cell's address is computed on read, not stored.
    expect(JSON.parse(JSON.stringify(scorecard.observations))).toEqual([
      {
        measure: "Cases closed",
        unit: "North",
        period: "2026-07",
        target: 120,
        actual: 118,
        source: { sheet: "card.csv", row: 2, column: 5, address: "E2" },
      },
    ]);
    expect(scorecard.observations[0].source?.address).toBe("E2");
    expect(scorecard.units).toEqual([{ id: "North", name: "North" }]);
    expect(scorecard.measures[0]).toMatchObject({ id: "Cases closed", kind: "count", direction: "up" });
    expect(findings.map((f) => f.code)).toEqual(["direction-assumed"]);
  });

  it("tolerates header case, spaces and camelCase", () => {
    const text = "MEASURE, Unit ,Period,Target,Actual,Prior Actual,priorActual,Lead-For\nA,N,2026,1,2,3,4,B";
    const obs = parseLongCsv(text).scorecard.observations[0];
    expect(obs.priorActual).toBe(3);
    expect(normalizeHeader("Paired With")).toBe("paired_with");
  });

  it.each([
    ["text in the actual", "abc", "not-a-number"],
    ["#N/A in the actual", "#N/A", "not-available"],
    ["NA in the actual", "NA", "not-available"],
    ["a blank actual", "", "blank-actual"],
    ["a negative count", "-3", "negative-value"],
  ])("turns %s into a finding at line 2 column E, never an exception", (_name, cell, code) => {
    const { scorecard, findings } = parseLongCsv(csv(`Cases,North,2026-07,10,${cell}`), {
      fileName: "card.csv",
    });
    const f = findings.find((x) => x.code === code)!;
    expect(f).toBeDefined();
    expect(f.where).toMatchObject({ sheet: "card.csv", row: 2, column: 5, address: "E2" });
    expect(f.fix).toBeTruthy();
    expect(scorecard.observations[0].actual).toBeUndefined();
  });

  it("rejects a rate above 100 % but keeps a rate of exactly 100 %", () => {
    const { scorecard, findings } = parseLongCsv(
      csv("Seen in 4h %,A,2026-01,95,100.5", "Seen in 4h %,A,2026-02,95,100"),
    );
    expect(findings.filter((f) => f.code === "rate-above-100").map((f) => f.where?.row)).toEqual([2]);
    expect(scorecard.observations.map((o) => o.actual)).toEqual([undefined, 100]);
  });

  it("infers a rate from a % sign, an amount from $, a band from lower and upper", () => {
    const text = [
      "measure,unit,period,target,actual,lower,upper",
      "Paternity,A,2026-01,80%,78.5%,,",
      "Overtime,A,2026-01,$1000,$950,,",
      "Temp,A,2026-01,,20,18,22",
    ].join("\n");
    const m = parseLongCsv(text).scorecard.measures;
    expect(m.map((x) => [x.id, x.kind, x.direction])).toEqual([
      ["Paternity", "rate", "up"],
      ["Overtime", "amount", "up"],
      ["Temp", "count", "band"],
    ]);
    expect(m[2]).toMatchObject({ lower: 18, upper: 22 });
  });

  it("computes a rate from numerator and denominator when the actual is blank", () => {
    const text =
      "measure,unit,period,target,actual,kind,numerator,denominator\nOrders,A,2026-01,80,,rate,45,60";
    expect(parseLongCsv(text).scorecard.observations[0].actual).toBe(75);
  });

  it("does not ask for an actual column when numerator and denominator are there", () => {
    const text =
      "measure,unit,period,target,numerator,denominator\nSeen in 4h %,RF4,2019-03-01,95,22400,27129";
    const { scorecard, findings } = parseLongCsv(text);
    expect(findings.filter((f) => f.code === "missing-column")).toEqual([]);
    expect(scorecard.observations[0]).toMatchObject({ period: "2019-03", actual: (100 * 22400) / 27129 });
  });

  it("links a lead measure to its lag and warns about an unknown lag", () => {
    const text =
      "measure,unit,period,target,actual,lead_for\nCalls,A,2026-01,1,1,Collections\nCollections,A,2026-01,1,1,\nVisits,A,2026-01,1,1,Nothing";
    const { scorecard, findings } = parseLongCsv(text);
    const byId = Object.fromEntries(scorecard.measures.map((m) => [m.id, m]));
    expect(byId.Calls).toMatchObject({ indicator: "lead", leadFor: "Collections" });
    expect(byId.Collections.indicator).toBe("lag");
    expect(findings.some((f) => f.code === "unknown-lag" && f.measure === "Visits")).toBe(true);
  });

  it.each([
    ["a bad period", "Cases,North,July,10,9", "bad-period"],
    ["a blank measure", ",North,2026-07,10,9", "missing-key"],
  ])("skips a row with %s and says where", (_n, line, code) => {
    const { scorecard, findings } = parseLongCsv(csv(line));
    expect(scorecard.observations).toHaveLength(0);
    expect(findings.find((f) => f.code === code)?.where?.row).toBe(2);
  });

  it("keeps the first of two duplicate rows and names both lines", () => {
    const { scorecard, findings } = parseLongCsv(csv("C,N,2026-07,10,9", "C,N,2026-07-01,10,8"));
    expect(scorecard.observations.map((o) => o.actual)).toEqual([9]);
    expect(findings.find((f) => f.code === "duplicate-row")?.message).toMatch(/Line 3 .* line 2/);
  });

  it("counts lines correctly after a quoted field that spans lines", () => {
    const { findings } = parseLongCsv(csv('"Cases\nclosed",N,2026-07,10,9', "Cases,N,2026-07,10,x"));
    expect(findings.find((f) => f.code === "not-a-number")?.where?.row).toBe(4);
  });

  it("counts lines the same in a Windows (CRLF) file with a byte-order mark and blank lines", () => {
    const text =
      "\uFEFFmeasure,unit,period,target,actual\r\nCases,N,2026-07,10,9\r\n\r\nCases,N,2026-08,10,x\r\n";
    const { scorecard, findings } = parseLongCsv(text);
    expect(scorecard.observations).toHaveLength(2);
    expect(findings.find((f) => f.code === "not-a-number")?.where).toMatchObject({ row: 4, address: "E4" });
  });

  it("reports a missing required column instead of throwing", () => {
    expect(codes("unit,period,actual\nN,2026-07,1")).toEqual(["missing-column"]);
    expect(codes("")).toEqual(["empty-file"]);
  });

  it("names spreadsheet columns like Excel", () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
  });

  it("never throws, whatever the cells hold", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 5, maxLength: 5 }), { maxLength: 8 }),
        (rows) => {
          const text = [HEADER, ...rows.map((r) => r.map((c) => JSON.stringify(c)).join(","))].join("\n");
          const { scorecard } = parseLongCsv(text);
          for (const o of scorecard.observations) {
            expect(o.actual === undefined || Number.isFinite(o.actual)).toBe(true);
          }
        },
      ),
    );
  });
});
