import { formatValue } from "../../../src/taskpane/preview/numberFormat";

describe("the preview's number formats (those Yardstick's workbooks use)", () => {
  it.each<[number, string, string]>([
    [1234567, "#,##0", "1,234,567"],
    [1234.5, "#,##0", "1,235"],
    [0, "#,##0", "0"],
    [-1234.4, "#,##0", "-1,234"],
    [0.9090909, "0.0%", "90.9%"],
    [0.5, "0%", "50%"],
    [86.7, '0.0"%"', "86.7%"],
    [91.41463414634147, "#,##0.0#", "91.41"],
    [1200, "#,##0.0#", "1,200.0"],
    [1234.5, "#,##0.0#", "1,234.5"],
    [11499917.82, "$#,##0", "$11,499,918"],
    [1198008, '"$"#,##0', "$1,198,008"],
    [1.25, "$#,##0.00", "$1.25"],
    [-42.5, "$#,##0.00", "-$42.50"],
    [4.9, '"$"0.00" per $1"', "$4.90 per $1"],
    [3.25, '+0.0" pts";-0.0" pts";0.0" pts"', "+3.3 pts"],
    [-3.25, '+0.0" pts";-0.0" pts";0.0" pts"', "-3.3 pts"],
    [0, '+0.0" pts";-0.0" pts";0.0" pts"', "0.0 pts"],
    [-0.125, "+0.0%;-0.0%;0.0%", "-12.5%"],
    [1500, "+#,##0;-#,##0;#,##0", "+1,500"],
    [7, "0", "7"],
    [2.5, "0", "3"],
    [0.1234, "0.000", "0.123"],
    [9, "0.0", "9.0"],
    [1.5, "0.0##", "1.5"],
    [1.23456, "0.0##", "1.235"],
    [1, "0.00", "1.00"],
    [45000.25, ";;;", ""],
    [0.9090909090909, "General", "0.909090909"],
    [11499917.82, "General", "11499917.82"],
    [12, "General", "12"],
    [-1.5, "General", "-1.5"],
  ])("%p in %s shows %s", (value, format, shown) => {
    expect(formatValue(value, format)).toBe(shown);
  });

  it("shows text as typed, hides it under ;;; and leaves errors and booleans as Excel shows them", () => {
    expect(formatValue("On track", "0.0%")).toBe("On track");
    expect(formatValue("hidden", ";;;")).toBe("");
    expect(formatValue("#N/A", "#,##0")).toBe("#N/A");
    expect(formatValue("#DIV/0!", ";;;")).toBe("#DIV/0!");
    expect(formatValue(true, "0")).toBe("TRUE");
    expect(formatValue("", "0.0%")).toBe("");
    expect(formatValue(null, "General")).toBe("");
  });

  it("writes General as Excel does: about 11 characters, scientific beyond", () => {
    expect(formatValue(123456789012, "General")).toBe("1.23457E+11");
    expect(formatValue(0.000000000012, "General")).toBe("1.2E-11");
    expect(formatValue(2 / 3, "General")).toBe("0.666666667");
  });
});
