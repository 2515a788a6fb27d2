import type { CliCommand } from "../io";
import { CliError } from "../io";

export const statusCommand: CliCommand = {
  name: "status",
  summary: "(not built yet)",
  usage: "yardstick status",
  run: async () => {
    throw new CliError("yardstick status is not built yet", 2);
  },
};
