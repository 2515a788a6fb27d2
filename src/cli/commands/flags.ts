import type { CliCommand } from "../io";
import { CliError } from "../io";

export const flagsCommand: CliCommand = {
  name: "flags",
  summary: "(not built yet)",
  usage: "yardstick flags",
  run: async () => {
    throw new CliError("yardstick flags is not built yet", 2);
  },
};
