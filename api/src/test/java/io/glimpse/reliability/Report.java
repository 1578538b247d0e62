package io.glimpse.reliability;

import java.util.ArrayList;
import java.util.List;

/** The figures in Markdown, and the failures that make the suite exit with 1. */
final class Report {

    private final StringBuilder text = new StringBuilder();
    private final List<String> failures = new ArrayList<>();

    void line(String line) {
        text.append(line).append('\n');
        System.out.println(line);
    }

    /** Records a failure unless {@code holds}. */
    void check(boolean holds, String failure) {
        if (!holds) {
            failures.add(failure);
            line("");
            line("**FAILED:** " + failure);
            line("");
        }
    }

    List<String> failures() {
        return failures;
    }

    String text() {
        return text.toString();
    }
}
