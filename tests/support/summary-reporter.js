// Prints one plain closing line, "N passed, N failed" (", N skipped" when any), that any CI can read.
// A skipped or todo test fails the run: tests never skip (a missing file or tool is an error, and
// the pretest step installs what the suite needs). YARDSTICK_ALLOW_SKIP=1 is for local debugging.
class SummaryReporter {
  constructor(globalConfig) {
    // A run filtered by name (-t) skips the rest on purpose.
    this.filtered = Boolean(globalConfig && globalConfig.testNamePattern);
  }

  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const suitesFailed = results.numFailedTestSuites;
    const failed = results.numFailedTests + (results.numRuntimeErrorTestSuites || 0);
    if (suitesFailed > 0 && failed === 0) {
      process.stdout.write(`\n${suitesFailed} test suite(s) failed to run\n`);
    }
    this.skipped = this.filtered ? 0 : skipped;
    if (this.skipped > 0 && !process.env.YARDSTICK_ALLOW_SKIP) {
      const names = results.testResults
        .flatMap((suite) => suite.testResults.filter((t) => t.status === "pending" || t.status === "todo"))
        .map((t) => t.fullName);
      process.stdout.write(
        `\n${skipped} skipped test(s) fail this run (tests never skip):\n  ${names.join("\n  ")}\n`,
      );
    }
    process.stdout.write(
      `\nTests: ${results.numPassedTests} passed, ${failed}${failed === 0 && suitesFailed > 0 ? "+" : ""} failed${skipped ? `, ${skipped} skipped` : ""}\n`,
    );
  }

  // Jest fails the run when a reporter returns an error here.
  getLastError() {
    if (this.skipped > 0 && !process.env.YARDSTICK_ALLOW_SKIP) {
      return new Error(`${this.skipped} test(s) skipped: tests never skip`);
    }
    return undefined;
  }
}
module.exports = SummaryReporter;
