import { readFileSync } from "node:fs";
import path from "node:path";

/** What a CLI command may touch: arguments, output streams and the file system via node. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  /** Ask a yes/no question; present only when a person is at a terminal (stdin is a TTY). */
  confirm?: (question: string) => Promise<boolean>;
  /** The clock (tests fix it); the real time when absent. */
  now?: () => Date;
}

export interface CliCommand {
  name: string;
  usage: string;
  /** Returns the process exit code: 0 ok, 1 findings/failed check, 2 bad usage or input. */
  run: (argv: string[], io: CliIo) => Promise<number>;
}

/** A usage or input error the CLI prints without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** Read a file the user named, with a message saying where it was looked for. */
export function readInputFile(file: string, io: CliIo): Buffer {
  try {
    return readFileSync(path.resolve(io.cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CliError(`no file "${file}" (looked in ${io.cwd})`);
    throw new CliError(`cannot read "${file}": ${(error as Error).message}`);
  }
}
