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

    /**
     * The text's first line when it is a headline: at most 200 characters with a letter, no closing punctuation, then
     * a line break and a line that starts like a sentence. Group {@code last}: its last word; group {@code blank}: a
     * blank line after it. The leading white space is taken possessively (a text blanked to spaces stays linear).
     */
    private static final Pattern HEADLINE = Pattern.compile("^\\s*+(?=[^\\n]*\\p{L})[^\\n]{0,199}?"
            + "(?<last>[\\p{L}\\d'’)\\]]+)[ \\t]*+\\r?\\n(?<blank>[ \\t]*+\\r?\\n)?\\s*+(?=[\\p{Lu}\\p{Lo}\\d\"'«„(])");

    /**
     * Words a line ends with when a sentence runs on into the next line (a text wrapped by its sender: "units of the
     * Armenian armed forces stationed near\nSotk fired …"), so that line is no headline unless a blank line follows.
     */
    private static final java.util.Set<String> RUNS_ON = java.util.Set.of("a", "an", "the", "of", "and", "or", "but",
            "to", "in", "at", "on", "near", "from", "by", "with", "for", "towards", "toward", "against", "into", "onto",
            "that", "which", "who", "whose", "was", "were", "is", "are", "has", "have", "had", "be", "been", "its",
            "their", "our", "his", "her", "as", "than", "about", "around", "after", "before", "since", "during",
            "between", "along", "across", "over", "under", "upon", "via", "per", "not", "no", "also", "then", "when",
            "while", "where", "if", "this", "these", "those", "some", "several", "two", "three", "four", "five", "one");

    private Sentences() {
    }

    /**
     * The sentences: split after a full stop (see {@link #BOUNDARY}) and after a headline line without one
     * ("Armenian forces fire on Nakhchivan positions\nOn 5 May at 21:10 …"), whose words would otherwise run into the
     * first sentence's reading.
     */
    public static List<Span> split(String text) {
        List<Span> out = new ArrayList<>();
        Matcher m = BOUNDARY.matcher(text);
        int start = 0;
        int[] headline = headline(text);
        while (m.find()) {
            if (headline != null && m.start() > headline[0]) {
                out.add(new Span(start, headline[0]));
                start = headline[1];
                headline = null;
            }
            out.add(new Span(start, m.start()));
            start = m.end();
        }
        if (headline != null && start <= headline[0]) {
            out.add(new Span(start, headline[0]));
            start = headline[1];
        }
        if (start < text.length()) {
            out.add(new Span(start, text.length()));
        }
        return out;
    }

    /** Where the headline line ends and the body starts ({@link #HEADLINE}), or null when the text opens with none. */
    private static int[] headline(String text) {
        if (text.indexOf('\n') < 0) {
            return null;
        }
        Matcher h = HEADLINE.matcher(text);
        if (!h.lookingAt() || h.group("blank") == null
                && RUNS_ON.contains(h.group("last").toLowerCase(java.util.Locale.ROOT))) {
            return null;
        }
        return new int[] {h.end("last"), h.end()};
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
