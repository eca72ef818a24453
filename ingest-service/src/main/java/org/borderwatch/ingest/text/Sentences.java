package org.borderwatch.ingest.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a text into sentences, keeping their character ranges. */
public final class Sentences {

    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?։;])\\s+(?=[\\p{Lu}\\p{Lo}\\d\"'«„(])");

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
