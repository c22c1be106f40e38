/** Ends a run with one plain line, "N passed, N failed, N skipped", that any CI can read. */
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites } = results;
    const failed = numFailedTests + numRuntimeErrorTestSuites;
    const line = `Tests: ${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped`;
    // Printed at exit so that it is the run's closing line, after Jest's own summary.
    process.once('exit', () => process.stdout.write(`\n${line}\n`));
  }
}

module.exports = SummaryLineReporter;
