/**
 * Differential test on randomized scorecards: LibreOffice's values for every checked formula
 * cell of tblMonthly (period and YTD actuals and plans, variances, attainments, band
 * attainment, status) equal the engine's for the same inputs, and no formula evaluates to an
 * error. Each run batches its workbooks through one LibreOffice start.
 */
import fc from "fast-check";
import { differential } from "./differential-support";
import { scorecardInputArb } from "./random-scorecard";

jest.setTimeout(300_000);

const SEED = Number(process.env.YARDSTICK_DIFF_SEED ?? 20271);
const RUNS = Number(process.env.YARDSTICK_DIFF_RUNS ?? 8);

describe("randomized scorecards recompute in LibreOffice exactly as the engine computes them", () => {
  const inputs = fc.sample(scorecardInputArb, { seed: SEED, numRuns: RUNS });
  let results: Awaited<ReturnType<typeof differential>>;
  beforeAll(async () => {
    results = await differential(inputs);
  });

  it.each(
    inputs.map((input, i) => [
      i,
      input.measures.map((m) => `${m.kind}/${m.direction}`).join(", "),
      input.asOfMonth,
    ]),
  )("scorecard %i (%s, as of %s) matches cell for cell", (i) => {
    const result = results[i as number];
    expect(result.compared).toBeGreaterThan(0);
    if (result.mismatches.length > 0) {
      const detail = result.mismatches
        .slice(0, 10)
        .map(
          (m) =>
            `${m.where} ${m.column}: workbook ${JSON.stringify(m.workbook)} vs engine ${JSON.stringify(m.engine)}`,
        );
      throw new Error(
        `${result.mismatches.length} of ${result.compared} cells differ (seed ${SEED}, run ${i}):\n${detail.join("\n")}\ninput: ${JSON.stringify(inputs[i as number])}`,
      );
    }
    expect(result.errors).toEqual([]);
  });
});
