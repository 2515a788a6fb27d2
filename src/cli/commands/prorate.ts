import type { CliCommand } from "../io";
import { CliError } from "../io";

export const prorateCommand: CliCommand = {
  name: "prorate",
  summary: "(not built yet)",
  usage: "yardstick prorate",
  run: async () => {
    throw new CliError("yardstick prorate is not built yet", 2);
  },
};
