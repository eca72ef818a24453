package org.borderwatch.ingest.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a text into sentences, keeping their character ranges. */
public final class Sentences {

    /**
     * After a full stop (not one of an initial, "Private R. M. of the army", nor of a rank, "Pvt. Aliyev") and before a
     * capital, a digit or an opening quote or bracket.
     */
    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?։;])(?<![\\s(]\\p{Lu}\\.)"
            + "(?<!\\b(?:Pvt|Pte|Sgt|Cpl|Lt|Capt|Col|Maj|Gen|Mr|Mrs|Ms|Dr)\\.)\\s+(?=[\\p{Lu}\\p{Lo}\\d\"'«„(])");

    private Sentences() {
    }

    public static List<Span> split(String text) {
        List<Span> out = new ArrayList<>();
        Matcher m = BOUNDARY.matcher(text);
        int start = 0;
        while (m.find()) {
            out.add(new Span(start, m.start()));
            start = m.end();
        }
        if (start < text.length()) {
            out.add(new Span(start, text.length()));
        }
        return out;
    }

    /** A character range [start, end). */
    public record Span(int start, int end) {
        public boolean contains(int offset) {
            return offset >= start && offset < end;
        }

        public String of(String text) {
            return text.substring(start, end);
        }
    }
}
