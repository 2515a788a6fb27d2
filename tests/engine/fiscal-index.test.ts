import fc from "fast-check";
import {
  fiscalMonthOffsetOfIndex,
  fiscalYearMonths,
  fiscalYearOfIndex,
  monthFromIndex,
  monthIndex,
} from "../../src/engine/period";

describe("fiscal year of a month index (shared by checks and flags)", () => {
  it.each([
    ["October 2026 opens US federal FY2027", "2026-10", 10, 2027, 0],
    ["September 2027 closes US federal FY2027", "2027-09", 10, 2027, 11],
    ["July 2026 opens a state FY2027 (Jul-Jun)", "2026-07", 7, 2027, 0],
    ["June 2026 closes a state FY2026", "2026-06", 7, 2026, 11],
    ["a calendar fiscal year names its own year", "2026-12", 1, 2026, 11],
  ])("%s", (_name, month, fyStart, fiscalYear, offset) => {
    expect(fiscalYearOfIndex(monthIndex(month), fyStart)).toBe(fiscalYear);
    expect(fiscalMonthOffsetOfIndex(monthIndex(month), fyStart)).toBe(offset);
  });

  it("puts every month at its own place in the twelve months of its fiscal year", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900 * 12, max: 2200 * 12 }),
        fc.integer({ min: 1, max: 12 }),
        (idx, fyStart) => {
          const fy = fiscalYearOfIndex(idx, fyStart);
          expect(fiscalYearMonths(fy, fyStart)[fiscalMonthOffsetOfIndex(idx, fyStart)]).toBe(
            monthFromIndex(idx),
          );
        },
      ),
    );
  });
});
