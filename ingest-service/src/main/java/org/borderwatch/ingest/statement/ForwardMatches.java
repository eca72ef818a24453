package org.borderwatch.ingest.statement;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first match of a pattern starting at or after a position, up to a fixed end (a sentence's), for a rule that
 * asks once per word ("is there a 'died of his wounds' later in this sentence?"). Asking afresh each time scans to
 * the sentence's end for every word, which is quadratic in a long sentence; here a search's answer is reused while
 * the position stays between where that search started and the match it found, so positions asked in increasing
 * order cost one pass over the sentence. The answer is the same as {@code region(from, end).find()} for patterns
 * whose matches start with a letter or a character that needs no look-behind (all the patterns that use this).
 */
final class ForwardMatches {

    private final Matcher matcher;
    private final int end;
    private int searchedFrom = Integer.MAX_VALUE;
    private MatchResult found;
    private int searches;

    ForwardMatches(Pattern pattern, String text, int end) {
        this.matcher = pattern.matcher(text);
        this.end = end;
    }

    /** The first match starting at or after {@code from}, or null. */
    MatchResult from(int from) {
        boolean reusable = from >= searchedFrom && (found == null || from <= found.start());
        if (!reusable) {
            matcher.region(from, end);
            searchedFrom = from;
            searches++;
            found = matcher.find() ? matcher.toMatchResult() : null;
        }
        return found;
    }

    /** How many times the pattern was searched (for the test that the searches stay linear). */
    int searches() {
        return searches;
    }
}
