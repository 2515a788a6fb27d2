import type { CliCommand } from "../io";
import { checkCommand } from "./check";
import { demoCommand } from "./demo";
import { flagsCommand } from "./flags";
import { prorateCommand } from "./prorate";
import { statusCommand } from "./status";
import { templateCommand } from "./template";

export const commands: CliCommand[] = [
  demoCommand,
  templateCommand,
  checkCommand,
  prorateCommand,
  statusCommand,
  flagsCommand,
];
