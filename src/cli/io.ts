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
