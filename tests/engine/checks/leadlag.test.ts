import { check } from "./helpers";

const H = "measure,unit,period,target,actual,lead_for";
const months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];
const rows = (measure: string, unit: string, values: number[], leadFor = "") =>
  values.map((v, i) => `${measure},${unit},${months[i]},1,${v},${leadFor}`);

describe("lead and lag turns", () => {
  const lines = [
    H,
    ...rows("Outreach calls", "North", [10, 9, 8, 7, 8, 10], "Collections"),
    ...rows("Collections", "North", [100, 98, 96, 94, 92, 90]),
    ...rows("Outreach calls", "South", [10, 9, 8, 7, 8, 10], "Collections"),
    ...rows("Collections", "South", [100, 98, 96, 94, 97, 99]),
  ];

  it("reports a lead that turned while its lag has not, and names both", () => {
    const { leadTurns } = check(lines, "2026-06");
    expect(leadTurns).toEqual([
      expect.objectContaining({
        lead: "Outreach calls",
        lag: "Collections",
        unit: "North",
        turnedAt: "2026-06",
        turnedTo: "improving",
        lagTrend: "worsening",
      }),
    ]);
    expect(leadTurns[0].message).toMatch(
      /Outreach calls \(lead\) turned improving in 2026-06 for North; Collections \(lag\) is still worsening/,
    );
  });

  it("stays quiet once the lag has followed the lead", () => {
    expect(check(lines, "2026-06").leadTurns.some((t) => t.unit === "South")).toBe(false);
  });

  it("forgets a turn older than the lookback", () => {
    const withJuly = [
      ...lines,
      "Outreach calls,North,2026-07,1,12,Collections",
      "Collections,North,2026-07,1,88,",
    ];
    const north = (asOf: string, lookback?: number) =>
      check(withJuly, asOf, { leadLookback: lookback }).leadTurns.filter((t) => t.unit === "North");
    expect(north("2026-07").map((t) => t.turnedAt)).toEqual(["2026-06"]);
    expect(north("2026-07", 1)).toEqual([]);
  });
});

describe("a band measure as the lead", () => {
  const B = "measure,unit,period,target,actual,lead_for,direction,lower,upper";
  const month = (i: number) => `2026-0${i + 1}`;
  // Caseload per worker should stay within 140-160: 190 -> 180 -> 170 is moving back toward the band.
  const lines = [
    B,
    ...[150, 170, 190, 180, 170].map(
      (v, i) => `Caseload per worker,North,${month(i)},150,${v},Collections,band,140,160`,
    ),
    ...[100, 99, 98, 97, 96].map((v, i) => `Collections,North,${month(i)},100,${v},,up,,`),
  ];

  it("turns improving when it heads back into its band, as its status row's trend says, though its values fall", () => {
    const { leadTurns, rows } = check(lines, "2026-05");
    expect(rows.find((r) => r.measure === "Caseload per worker" && r.unit === "North")?.trend).toBe(
      "improving",
    );
    expect(leadTurns).toEqual([
      expect.objectContaining({
        lead: "Caseload per worker",
        turnedAt: "2026-05",
        turnedTo: "improving",
        lagTrend: "worsening",
      }),
    ]);
  });
});
