package org.borderwatch.ingest.pipeline;

/** One bad field: its JSON path (or CSV column) and what is wrong with it. */
public record Violation(String field, String message) {
    /** A violation reported at a JSON pointer ({@code /location/segments/0}), named as a JSON path. */
    public static Violation atPointer(String pointer, String message) {
        return new Violation(jsonPath(pointer), message);
    }

    static String jsonPath(String pointer) {
        if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
            return "$";
        }
        if (pointer.startsWith("$")) {
            return pointer;
        }
        StringBuilder b = new StringBuilder("$");
        for (String part : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/")) {
            String p = part.replace("~1", "/").replace("~0", "~");
            if (!p.isEmpty() && p.chars().allMatch(Character::isDigit)) {
                b.append('[').append(p).append(']');
            } else {
                b.append('.').append(p);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
