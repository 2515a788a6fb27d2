// Prints one plain closing line, "N passed, N failed" (", N skipped" when any), that any CI can read.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const suitesFailed = results.numFailedTestSuites;
    const failed = results.numFailedTests + (results.numRuntimeErrorTestSuites || 0);
    if (suitesFailed > 0 && failed === 0) {
      process.stdout.write(`\n${suitesFailed} test suite(s) failed to run\n`);
    }
    process.stdout.write(
      `\nTests: ${results.numPassedTests} passed, ${failed}${failed === 0 && suitesFailed > 0 ? "+" : ""} failed${skipped ? `, ${skipped} skipped` : ""}\n`,
    );
  }
}
module.exports = SummaryReporter;
