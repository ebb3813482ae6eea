package dev.ebpfjvm.core.conformance;

import java.io.PrintStream;
import java.util.List;

/**
 * The results of a run over a directory of conformance tests, in file-name order.
 *
 * @param results one result per test file
 */
public record ConformanceReport(List<ConformanceResult> results) {

    public ConformanceReport {
        results = List.copyOf(results);
    }

    /** {@return the number of tests that passed} */
    public int passed() {
        return count(ConformanceResult.Status.PASS);
    }

    /** {@return the number of tests that failed or ended in an error} */
    public int failed() {
        return count(ConformanceResult.Status.FAIL) + count(ConformanceResult.Status.ERROR);
    }

    /** {@return true when at least one test ran and none failed or ended in an error} */
    public boolean allPassed() {
        return !results.isEmpty() && failed() == 0;
    }

    /** {@return the summary line: {@code N passed, M failed}} */
    public String summary() {
        return passed() + " passed, " + failed() + " failed";
    }

    /** Prints one line per test that did not pass (failures and errors), then the summary line. */
    public void print(PrintStream out) {
        for (ConformanceResult r : results) {
            if (!r.passed()) {
                out.println(r.describe());
            }
        }
        out.println(summary());
    }

    private int count(ConformanceResult.Status status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }
}
