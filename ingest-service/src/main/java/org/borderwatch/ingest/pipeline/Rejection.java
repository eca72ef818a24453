package org.borderwatch.ingest.pipeline;

import java.util.List;

/**
 * A record ingest did not accept, with the original bytes so nothing is lost.
 *
 * @param line   1-based position in a batch (line of NDJSON, row of CSV), 1 for a single record
 * @param origin where it came from: the raw topic's name, {@code http} or {@code cli}
 */
public record Rejection(RejectReason reason, String detail, List<Violation> violations, byte[] original, int line,
                        String origin) {
    public Rejection {
        violations = violations == null ? List.of() : List.copyOf(violations);
        detail = readable(plain(detail == null || detail.isBlank() ? reason.name() : detail));
    }

    private static final java.util.regex.Pattern PARSER_LOCATION =
            java.util.regex.Pattern.compile("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)|\\s*\\[Source:[^\\]]*\\]");

    /**
     * The JSON parser's wording made plain for a partner: "not valid JSON" instead of the tree type's name, and
     * without the parser's source-location notes (which name its settings), whichever normaliser passed it on.
     */
    static String plain(String detail) {
        String d = detail.startsWith("not a valid JsonNode") ? "not valid JSON" + detail.substring(
                "not a valid JsonNode".length()) : detail;
        return PARSER_LOCATION.matcher(d).replaceAll("");
    }

    /** The longest detail kept; the rest of a (parser's) message is cut with an ellipsis. */
    public static final int MAX_DETAIL = 1000;

    /**
     * A detail fit for a header and for one line of the command's output: control characters (a NUL, a line break,
     * bytes of a binary record quoted by a parser) are written as backslash-u escapes, and it is cut at
     * {@value #MAX_DETAIL} characters.
     */
    static String readable(String detail) {
        StringBuilder b = new StringBuilder(Math.min(detail.length(), MAX_DETAIL + 8));
        for (int i = 0; i < detail.length() && b.length() < MAX_DETAIL; i++) {
            char c = detail.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (b.length() >= MAX_DETAIL) {
            b.setLength(MAX_DETAIL);
            b.append('…');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "line " + line + ": " + reason + ": " + detail;
    }
}
