import type { CliCommand } from "../io";
import { CliError } from "../io";

export const checkCommand: CliCommand = {
  name: "check",
  summary: "(not built yet)",
  usage: "yardstick check",
  run: async () => {
    throw new CliError("yardstick check is not built yet", 2);
  },
};
