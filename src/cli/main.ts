/** `yardstick <command> ...`: the command line for budget staff working from files. */
import { createInterface } from "node:readline/promises";
import { commands } from "./commands";
import { CliError, type CliIo } from "./io";

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.out(helpText());
    return name ? 0 : 2;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`yardstick: unknown command "${name}".\n\n${helpText()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`yardstick ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: yardstick <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun "yardstick <command> --help" for a command's options.\n`;
}

/** A yes/no question on the terminal; anything but y or yes is no. */
async function askOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

/** Runs the command line on this process's arguments and streams; the `yardstick` bin calls it. */
export function runFromProcess(): void {
  const io: CliIo = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    confirm: process.stdin.isTTY ? askOnTerminal : undefined,
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `yardstick: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exitCode = 70;
    },
  );
}

if (require.main === module) runFromProcess();
