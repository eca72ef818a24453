package org.borderwatch.ingest.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats partners send, by the name used in topic names, URLs and the offline command. */
public enum InputFormat {
    CANONICAL("canonical"),
    STATEMENT("statement"),
    ACLED("acled");

    private final String id;

    InputFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<InputFormat> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toLowerCase(Locale.ROOT).strip();
        return Arrays.stream(values()).filter(f -> f.id.equals(n)).findFirst();
    }
}
