import type { CliCommand } from "../io";
import { CliError } from "../io";

export const templateCommand: CliCommand = {
  name: "template",
  summary: "(not built yet)",
  usage: "yardstick template",
  run: async () => {
    throw new CliError("yardstick template is not built yet", 2);
  },
};
