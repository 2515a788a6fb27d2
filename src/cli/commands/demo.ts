import type { CliCommand } from "../io";
import { CliError } from "../io";

export const demoCommand: CliCommand = {
  name: "demo",
  summary: "(not built yet)",
  usage: "yardstick demo",
  run: async () => {
    throw new CliError("yardstick demo is not built yet", 2);
  },
};
