package dev.ofastudio.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ofastudio.engine.study.ResultTable;

/** Asserts that a saved and reopened result table holds what was saved, row for row. */
final class SameResults {
    private SameResults() {
    }

    static void assertSameResults(ResultTable expected, ResultTable actual) {
        assertEquals(expected.boards(), actual.boards());
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.config(i), actual.config(i));
            assertEquals(expected.accuracy(i), actual.accuracy(i));
            assertEquals(expected.macs(i), actual.macs(i));
            assertEquals(expected.params(i), actual.params(i));
            assertEquals(expected.origin(i), actual.origin(i));
            assertEquals(expected.budget(i), actual.budget(i));
            for (int b = 0; b < expected.boards().size(); b++) {
                assertEquals(expected.latency(b, i), actual.latency(b, i));
            }
        }
    }
}
