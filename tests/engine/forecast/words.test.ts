import fc from "fast-check";
import { forecastInWords, missInWords } from "../../../src/engine/forecast/words";

describe("a year-end forecast in words", () => {
  it.each([
    ["a count 6 % short", "count", 94, 100, "likely to miss the target by about 6 %"],
    ["an amount over its ceiling", "amount", 1017.02, 772, "likely to miss the target by about 32 %"],
    ["a ratio just short", "ratio", 4.89, 4.9, "likely to miss the target by less than 1 %"],
    ["a rate in points", "rate", 82.41, 83.03, "likely to miss the target by about 0.6 points"],
    ["a rate a hair short", "rate", 83.0, 83.03, "likely to miss the target by less than 0.1 points"],
    ["a zero target", "count", 5, 0, "likely to miss the target"],
    ["a tiny target", "count", 50, 0.01, "likely to miss the target by more than 999 %"],
  ] as const)("says %s", (_what, kind, value, target, words) => {
    expect(missInWords(kind, value, target)).toBe(words);
  });

  it("says a measure on course meets its target, and a band measure where it ends", () => {
    const f = { value: 101, target: 100, likely: true, label: "likely to meet target (run rate)" };
    expect(forecastInWords(f, { kind: "count", direction: "up" })).toBe("likely to meet the target");
    expect(
      forecastInWords({ ...f, likely: false }, { kind: "rate", direction: "band", lower: 40, upper: 60 }),
    ).toBe("likely to end outside the band (40 to 60)");
  });

  it("passes on why there is no forecast, and says when there is no target", () => {
    const gaps = { label: "no forecast: the year to date has gaps" };
    expect(forecastInWords(gaps, { kind: "count", direction: "up" })).toBe(gaps.label);
    expect(
      forecastInWords(
        { value: 5, label: "no target to compare (run rate)" },
        { kind: "count", direction: "up" },
      ),
    ).toBe("no target to compare");
  });

  it("never says a miss is smaller than the next smaller miss (whole percent, same target)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 99 }),
        (target, shortPct) => {
          const words = missInWords("count", target * (1 - shortPct / 100), target);
          const said = /about (\d+) %/.exec(words);
          if (shortPct === 0) return words.endsWith("less than 1 %");
          return said !== null && Math.abs(Number(said[1]) - shortPct) <= 1;
        },
      ),
    );
  });
});
