package org.borderwatch.alert.text;

import java.util.Optional;

/**
 * What free text people send may hold (security review F7): a bounded length, and no control characters — a name
 * is one line; a reason, comment or note may have line breaks ({@code \n}, also written {@code \r\n}) but nothing
 * else below U+0020, no DEL, no C1 controls and no bidirectional overrides (which make text display differently
 * from what it says).
 */
public final class TextLimits {

    /** The longest name (of a subscription). */
    public static final int NAME_MAX = 200;
    /** The longest reason, comment or note. */
    public static final int TEXT_MAX = 2000;

    private TextLimits() {
    }

    /** The problem with a one-line name, naming the field, or empty. */
    public static Optional<String> name(String field, String value) {
        return check(field, value, NAME_MAX, false);
    }

    /** The problem with a multi-line text (reason, comment, note), naming the field, or empty. */
    public static Optional<String> text(String field, String value) {
        return check(field, value, TEXT_MAX, true);
    }

    private static Optional<String> check(String field, String value, int max, boolean lineBreaks) {
        if (value == null) {
            return Optional.empty();
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            return Optional.of(field + " is " + length + " characters long; at most " + max + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (lineBreaks && (c == '\n' || c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n')) {
                continue;
            }
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069)) {
                return Optional.of(field + " contains the control character U+" + String.format("%04X", (int) c)
                        + " at position " + (i + 1) + (lineBreaks ? "; only line breaks are allowed"
                        : "; it must be one line of text"));
            }
        }
        return Optional.empty();
    }
}
