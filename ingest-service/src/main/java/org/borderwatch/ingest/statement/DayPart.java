package org.borderwatch.ingest.statement;

import java.time.LocalTime;
import java.util.regex.Pattern;

/**
 * THE table of parts of the day: the window of local hours (UTC+4) that a part of the day named without a clock
 * stands for. Every window the statement rules give a part of the day comes from here (precision {@code HOUR}); the
 * README's "Parts of the day" table is this one. A window whose end is before its start runs over midnight into the
 * next day (the night); an end of 24:00 is the day's last second, 23:59:59.
 *
 * <p>Two kinds of row: the grammar's parts (morning, afternoon, evening, night, the early hours) with their
 * qualifiers ("early", "late", "mid-"), which {@link TimeExpressions} reads in many word orders ("early on Tuesday
 * morning", "in the late evening of 3 May", "Sunday afternoon"), and fixed phrases that need no grammar ("before
 * dawn", "in the middle of the night"), whose words are in the row itself ({@link #phrases}).
 *
 * <p>The bounds are the project's choice, kept wide rather than guessed narrow (a window too narrow would let an
 * observer's "in the evening" miss the event it speaks of) and wide enough for the whole year where the sun decides:
 * at 39–41° N in UTC+4 the first light comes between about 05:00 (June) and 08:00 (December), and dusk between about
 * 18:00 and 21:00.
 */
public enum DayPart {

    /** "the early hours", "the small hours", "the wee hours" (of a day: its own first hours). */
    EARLY_HOURS(0, 6, null),
    /**
     * "before dawn", "shortly before daybreak", "before sunrise", "pre-dawn", "in the predawn hours": from midnight to
     * the latest first light of the year.
     */
    BEFORE_DAWN(0, 8, "(?:(?:shortly|just|right|long|well|some\\s+time|sometime)\\s+)?before\\s+(?:the\\s+)?"
            + "(?:dawn|daybreak|sunrise|first\\s+light)|pre-?\\s?dawn"),
    /** "at dawn", "at daybreak", "at first light", "at sunrise", "shortly after dawn", "towards morning". */
    DAWN(4, 9, "(?:at|around|about|(?:shortly|just|soon|right)\\s+after|towards?)\\s+(?:the\\s+)?"
            + "(?:crack\\s+of\\s+dawn|dawn|daybreak|first\\s+light|sunrise)|towards?\\s+(?:the\\s+)?morning"),
    /** "early morning", "early in the morning", "early on Tuesday morning", "early this morning". */
    EARLY_MORNING(4, 9, null),
    /** "this morning", "in the morning", "on the morning of 3 May", "Sunday morning". */
    MORNING(6, 12, null),
    /** "mid-morning", "in the mid-morning", "midmorning". */
    MID_MORNING(9, 11, "(?:in\\s+the\\s+|around\\s+|at\\s+)?mid-?\\s?morning"),
    /** "late morning", "in the late morning". */
    LATE_MORNING(10, 12, null),
    /** "early afternoon". */
    EARLY_AFTERNOON(12, 15, null),
    /** "this afternoon", "in the afternoon", "on Sunday afternoon". */
    AFTERNOON(12, 18, null),
    /** "mid-afternoon", "in the mid-afternoon", "midafternoon". */
    MID_AFTERNOON(14, 16, "(?:in\\s+the\\s+|around\\s+|at\\s+)?mid-?\\s?afternoon"),
    /** "late afternoon", "late on Monday afternoon". */
    LATE_AFTERNOON(15, 18, null),
    /** "at dusk", "at nightfall", "at sunset", "at twilight", "at sundown", "towards evening". */
    DUSK(18, 21, "(?:at|around|about|(?:shortly|just|soon|right)\\s+(?:before|after)|towards?)\\s+(?:the\\s+)?"
            + "(?:dusk|nightfall|sunset|sundown|twilight)|towards?\\s+(?:the\\s+)?evening"),
    /** "early evening", "early in the evening". */
    EARLY_EVENING(18, 21, null),
    /** "this evening", "in the evening", "on the evening of 11 April", "Sunday evening". */
    EVENING(18, 24, null),
    /** "late evening", "in the late evening", "late in the evening". */
    LATE_EVENING(21, 24, null),
    /** "after dark", "after nightfall", "after sunset", "after dusk": any time it was dark, the evening and the night. */
    AFTER_DARK(18, 6, "(?:(?:well|long)\\s+)?after\\s+(?:dark|nightfall|sunset|sundown|dusk)"),
    /**
     * "at night", "during the night", "overnight", "last night", "tonight", "late at night", "the night of 16 to 17
     * March" ("late" does not narrow the night: its window already starts late).
     */
    NIGHT(22, 6, null),
    /** "in the middle of the night", "in the dead of night", "at dead of night". */
    MIDDLE_OF_THE_NIGHT(23, 4, "(?:in|at)\\s+(?:the\\s+)?(?:middle|dead)\\s+of\\s+(?:the\\s+)?night");

    /** The last second of a day: where a window "to 24:00" ends (a day's interval ends there too). */
    static final LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);

    private final LocalTime from;
    private final LocalTime to;
    private final String phrases;

    DayPart(int fromHour, int toHour, String phrases) {
        this.from = LocalTime.of(fromHour, 0);
        this.to = toHour == 24 ? LocalTime.of(23, 59, 59) : LocalTime.of(toHour, 0); // LAST_SECOND
        this.phrases = phrases;
    }

    /** The window's first moment. */
    public LocalTime from() {
        return from;
    }

    /** The window's end: before {@link #from()} when it runs over midnight; 23:59:59 for the day's end. */
    public LocalTime to() {
        return to;
    }

    /** True when the window runs over midnight into the next day. */
    public boolean overMidnight() {
        return to.isBefore(from);
    }

    /** The words of a fixed-phrase row (a regular expression, case-insensitive), or null for a grammar part. */
    String phrases() {
        return phrases;
    }

    /**
     * The grammar's part with its qualifier: {@code part} morning / afternoon / evening / night / hours,
     * {@code qualifier} "", "early", "late", "mid" or "small"; null when the pair names no window ("hours" alone, as in
     * "in the hours that followed").
     */
    static DayPart of(String part, String qualifier) {
        String q = qualifier == null ? "" : qualifier.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (part.toLowerCase(java.util.Locale.ROOT)) {
            case "hours" -> q.equals("early") || q.equals("small") || q.equals("wee") ? EARLY_HOURS : null;
            case "morning" -> q.equals("early") ? EARLY_MORNING : q.equals("late") ? LATE_MORNING
                    : q.equals("mid") ? MID_MORNING : MORNING;
            case "afternoon" -> q.equals("early") ? EARLY_AFTERNOON : q.equals("late") ? LATE_AFTERNOON
                    : q.equals("mid") ? MID_AFTERNOON : AFTERNOON;
            case "evening" -> q.equals("early") ? EARLY_EVENING : q.equals("late") ? LATE_EVENING : EVENING;
            case "night" -> NIGHT;
            default -> null;
        };
    }

    /**
     * The fixed phrases of every row as one pattern with a named group per row ({@code r} + ordinal), longest
     * alternatives first within a row as written.
     */
    static Pattern fixedPhrases() {
        StringBuilder b = new StringBuilder();
        for (DayPart p : values()) {
            if (p.phrases == null) {
                continue;
            }
            if (!b.isEmpty()) {
                b.append('|');
            }
            b.append("(?<r").append(p.ordinal()).append(">\\b(?:").append(p.phrases).append(")\\b)");
        }
        return Alternations.compile(b.toString(), Pattern.CASE_INSENSITIVE);
    }

    /** The row whose group matched in a {@link #fixedPhrases()} match. */
    static DayPart matched(java.util.regex.Matcher m) {
        for (DayPart p : values()) {
            if (p.phrases != null && m.group("r" + p.ordinal()) != null) {
                return p;
            }
        }
        throw new IllegalStateException("no row matched");
    }
}
