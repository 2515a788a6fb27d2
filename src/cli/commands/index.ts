/**
 * The commands, each loaded only when it runs: `yardstick --help` must start about as fast as
 * Node itself, and a command's module pulls in ExcelJS, the engine and the workbook plan.
 */
import type { CliCommand } from "../io";

export interface CommandEntry {
  name: string;
  /** One line for `yardstick help`. */
  summary: string;
  load: () => Promise<CliCommand>;
}

export const commands: CommandEntry[] = [
  {
    name: "demo",
    summary: "Write a demo scorecard workbook that works without the add-in",
    load: async () => (await import("./demo")).demoCommand,
  },
  {
    name: "template",
    summary: "Write a new scorecard workbook from a template (live formulas, no add-in needed)",
    load: async () => (await import("./template")).templateCommand,
  },
  {
    name: "check",
    summary: "Read a scorecard workbook and report status, flags and data problems",
    load: async () => (await import("./check")).checkCommand,
  },
  {
    name: "split",
    summary: "Split a master scorecard into one stamped workbook per office to fill in and send back",
    load: async () => (await import("./split")).splitCommand,
  },
  {
    name: "collect",
    summary: "Check returned office workbooks against their stamps and merge them into the master",
    load: async () => (await import("./collect")).collectCommand,
  },
  {
    name: "prorate",
    summary: "Split a program target across units exactly and spread it into milestones",
    load: async () => (await import("./prorate")).prorateCommand,
  },
  {
    name: "status",
    summary: "Judge a long-CSV scorecard as of a period: status, roll-ups, year-end forecasts",
    load: async () => (await import("./status")).statusCommand,
  },
  {
    name: "flags",
    summary: "Flag lowballed targets and gaming patterns in a long-CSV or .xlsx scorecard",
    load: async () => (await import("./flags")).flagsCommand,
  },
  {
    name: "budget",
    summary: "Spend beside results per unit: allotments, cost per result, forecast, two-axis status",
    load: async () => (await import("./budget")).budgetCommand,
  },
];
