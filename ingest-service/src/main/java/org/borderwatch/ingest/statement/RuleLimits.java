package org.borderwatch.ingest.statement;

/**
 * How much of a statement's text the rules read (configuration {@code ingest.rules.*}; the offline command uses
 * {@link #DEFAULTS}, the same values as the service's defaults). The report always keeps the text as sent.
 *
 * @param maxTextChars the rules read at most this many characters of a text, up to the last sentence end before
 *                     it. Their cost is linear in the text (at most about 10 ms per KB, see the README's robustness
 *                     audit), so at the default record limit of 64 KB this cuts nothing; it bounds the time one
 *                     record can take if {@code ingest.max-record-size} is raised
 * @param maxMarkRun   the most combining marks (Unicode category Mn) in a row the rules read. Real text stacks two
 *                     or three on a letter; "Zalgo" text stacks thousands, and the JDK's regex word boundary walks
 *                     back over the whole run at every position in it (quadratic: 30,000 marks took minutes)
 */
public record RuleLimits(int maxTextChars, int maxMarkRun) {

    public static final int MIN_TEXT_CHARS = 1024;
    public static final int MIN_MARK_RUN = 3;
    public static final int LARGEST_MARK_RUN = 100;

    /** The defaults of the service ({@code ingest.rules.*}) and of the offline command. */
    public static final RuleLimits DEFAULTS = new RuleLimits(64 * 1024, 8);

    public RuleLimits {
        if (maxTextChars < MIN_TEXT_CHARS) {
            throw new IllegalArgumentException("maxTextChars must be at least " + MIN_TEXT_CHARS + ": " + maxTextChars);
        }
        if (maxMarkRun < MIN_MARK_RUN || maxMarkRun > LARGEST_MARK_RUN) {
            throw new IllegalArgumentException("maxMarkRun must be within " + MIN_MARK_RUN + "-" + LARGEST_MARK_RUN
                    + ": " + maxMarkRun);
        }
    }
}
