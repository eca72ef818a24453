package org.borderwatch.alert.silence;

import java.util.List;

public class SilenceRejectedException extends RuntimeException {
    private final List<String> problems;

    public SilenceRejectedException(List<String> problems) {
        super("silence refused: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
