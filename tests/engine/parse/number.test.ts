import fc from "fast-check";
import {
  describeNumberProblem,
  parseNumberText,
  plainNumber,
  type DecimalMark,
} from "../../../src/engine/parse/number";

const value = (text: string, decimal: DecimalMark = "point") => {
  const parsed = parseNumberText(text, { decimal });
  return parsed.kind === "number" ? parsed.value : parsed.kind;
};

describe("parseNumberText: the forms a person or a spreadsheet export writes", () => {
  // prettier-ignore
  it.each([
    ["1234", 1234], ["-1.5", -1.5], ["+7", 7], ["0", 0], [".5", 0.5], ["5.", 5],
    ["  42 ", 42], ["1,234", 1234], ["1,234,567.25", 1234567.25], ["$1,200", 1200],
    ["-$5", -5], ["$-5", -5], ["(5)", -5], ["($1,234.50)", -1234.5], ["95%", 95], ["12.5 %", 12.5],
    ["(5%)", -5], ["5 €", 5], ["€5", 5], ["£3.50", 3.5], ["1.5E+07", 15000000], ["2e-3", 0.002],
    ["\u22125", -5], ["1\u00a0234", "refused"], ["1e308", 1e308],
  ])("point decimal: %j reads as %p", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  // prettier-ignore
  it.each([
    ["1,5", 1.5], ["1.234,5", 1234.5], ["1.234", 1234], ["1 234,5", 1234.5], ["1\u00a0234,5", 1234.5],
    ["1\u202f234", 1234], ["-0,25", -0.25], ["12,5 %", 12.5], ["1.234,50 €", 1234.5], ["(3,5)", -3.5], ["7", 7],
  ])("comma decimal: %j reads as %p", (text, expected) => {
    expect(value(text, "comma")).toBe(expected);
  });

  // prettier-ignore
  it.each([
    ["", "blank"], ["   ", "blank"], ["#N/A", "error"], ["#div/0!", "error"], ["#VALUE!", "error"],
    ["#REF!", "error"], ["#NAME?", "error"], ["#SPILL!", "error"], ["Err:502", "error"],
    ["n/a", "placeholder"], ["N/A", "placeholder"], ["-", "placeholder"], ["null", "placeholder"],
  ])("missing: %j is a %s, not a number and not a mistake", (text, kind) => {
    expect(parseNumberText(text).kind).toBe(kind);
  });

  // prettier-ignore
  it.each([
    ["0x10", "not-a-number"], ["0b101", "not-a-number"], ["12abc", "not-a-number"], ["abc", "not-a-number"],
    ["1.2.3", "not-a-number"], ["--5", "not-a-number"], ["5-", "not-a-number"], ["(-5)", "not-a-number"],
    ["(5", "not-a-number"], ["1_000", "not-a-number"], ["$5%", "not-a-number"], ["%5", "not-a-number"],
    ["5%%", "not-a-number"], ["$$5", "not-a-number"], ["1,23", "decimal-mark"], ["1,5", "decimal-mark"],
    ["1,2345", "decimal-mark"], ["Infinity", "not-a-number"], ["NaN", "not-a-number"], ["#FOO!", "not-a-number"],
    ["1e309", "not-finite"], ["9".repeat(400), "not-finite"], ["-2e308", "not-finite"], ["1 234", "decimal-mark"],
  ])("refused in a point-decimal file: %j (%s)", (text, reason) => {
    expect(parseNumberText(text)).toEqual({ kind: "refused", text, reason });
  });

  it.each([["1.5"], ["1,234.5"], ["12abc"]])("refused in a comma-decimal file: %j", (text) => {
    expect(parseNumberText(text, { decimal: "comma" }).kind).toBe("refused");
  });

  it("refuses a percent where the measure is not a rate, and says so", () => {
    const parsed = parseNumberText("12%", { percent: false });
    expect(parsed).toEqual({ kind: "refused", text: "12%", reason: "percent-not-allowed" });
    expect(describeNumberProblem(parsed)).toBe("is a percent, but this measure is not a rate");
    expect(parseNumberText("12", { percent: false })).toMatchObject({ kind: "number", value: 12 });
  });

  it("marks which numbers carried a percent or a currency sign", () => {
    expect(parseNumberText("95%")).toMatchObject({ percent: true, currency: false });
    expect(parseNumberText("$95")).toMatchObject({ percent: false, currency: true });
  });

  it("reads back what JavaScript writes for any finite number", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(value(String(x))).toBe(x === 0 ? 0 : x);
      }),
    );
  });

  it("reads a grouped amount the same in both decimal marks", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const grouped = whole.toLocaleString("en-US");
        const point = `${grouped}.${String(cents).padStart(2, "0")}`;
        const comma = `${grouped.replace(/,/g, ".")},${String(cents).padStart(2, "0")}`;
        expect(value(point)).toBe(value(comma, "comma"));
        expect(value(point)).toBeCloseTo(whole + cents / 100, 2);
      }),
    );
  });

  it("never throws and never returns a number that is not finite", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom<DecimalMark>("point", "comma"), (text, decimal) => {
        const parsed = parseNumberText(text, { decimal });
        if (parsed.kind === "number") expect(Number.isFinite(parsed.value)).toBe(true);
      }),
    );
  });
});

describe("plainNumber, the allocation-free path for plain cells", () => {
  it("agrees with parseNumberText wherever it answers", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double().map(String)), (text) => {
        const plain = plainNumber(text);
        const parsed = parseNumberText(text);
        if (plain !== undefined) expect(parsed).toMatchObject({ kind: "number", value: plain });
      }),
    );
  });
});
