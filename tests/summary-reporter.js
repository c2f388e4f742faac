// Prints one plain closing line CI can read: "Summary: N passed, N failed, N skipped".
// A suite that failed to run (a syntax error, a missing file) counts as one failure, so a run where
// whole files never ran cannot print "0 failed".
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites } = results;
    const failed = numFailedTests + (numRuntimeErrorTestSuites || 0);
    process.stdout.write(`\nSummary: ${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped\n`);
  }
}
module.exports = SummaryReporter;
