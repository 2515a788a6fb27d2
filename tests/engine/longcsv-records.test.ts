import { parseLongCsv, plainObservation } from "../../src/engine/longcsv";
import { readRateScale } from "../../src/engine/rateScale";

const text = [
  "measure,unit,period,target,actual,numerator,denominator,kind",
  "Cases closed,North,2026-07,120,118,,,count",
  "Orders %,North,2026-07,80,-5,3,4,rate",
].join("\n");
const read = () => parseLongCsv(text, { fileName: "card.csv" }).scorecard.observations;

describe("an observation read from a long CSV", () => {
  it("writes the JSON of a plain observation, a recomputed actual last as before", () => {
    expect(JSON.stringify(read())).toBe(
      "[" +
        '{"measure":"Cases closed","unit":"North","period":"2026-07",' +
        '"source":{"sheet":"card.csv","row":2,"column":5,"address":"E2"},"target":120,"actual":118},' +
        '{"measure":"Orders %","unit":"North","period":"2026-07",' +
        '"source":{"sheet":"card.csv","row":3,"column":5,"address":"E3"},"target":80,"numerator":3,"denominator":4,"actual":75}' +
        "]",
    );
  });

  it("keeps a value assigned to it, and loses one assigned undefined", () => {
    const [cases] = read();
    cases.actual = 119;
    cases.target = undefined;
    cases.unit = "South";
    expect([cases.actual, cases.target, cases.unit, cases.priorActual]).toEqual([
      119,
      undefined,
      "South",
      undefined,
    ]);
    expect(JSON.parse(JSON.stringify(cases))).toMatchObject({ unit: "South", actual: 119 });
    expect(JSON.parse(JSON.stringify(cases))).not.toHaveProperty("target");
  });

  it("copies into a plain object with every field, where a spread would copy none", () => {
    const [cases] = read();
    const copy = plainObservation(cases);
    expect(copy).toMatchObject({ measure: "Cases closed", unit: "North", period: "2026-07", actual: 118 });
    expect(copy.source?.address).toBe("E2");
    expect(JSON.stringify(copy)).toBe(JSON.stringify(cases));
  });

  it("is scaled by --rate-scale fraction with every field kept", () => {
    const card = parseLongCsv(
      "measure,unit,period,target,actual,kind\nOn time %,N,2021,0.9,0.93,rate",
    ).scorecard;
    const [o] = readRateScale(card, "fraction").scorecard.observations;
    expect(o).toMatchObject({ measure: "On time %", unit: "N", period: "2021", target: 90, actual: 93 });
    expect(o.source?.address).toBe("E2");
    expect(card.observations[0].actual).toBe(0.93);
  });
});
