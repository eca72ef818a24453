package org.borderwatch.classifier.verdict;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The border's local time: Armenia and Azerbaijan both keep UTC+4 all year (no daylight saving since 2012 and 2016),
 * so "16 March" in a statement, a day-long answer or an observer's patrol days means 16 March at UTC+4, whatever
 * offset a partner wrote its times in (ninth round: a report sent in UTC read "at 2025-03-16 22:30 +00:00" for fire
 * at 02:30 on the 17th, and EUMA's patrols of 17 March read "from 2025-03-16 to 2025-03-17").
 */
public final class BorderTime {

    /** UTC+4, the local time on both sides of the border. */
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(4);

    private BorderTime() {
    }

    /** The same instant at the border's offset. */
    public static OffsetDateTime local(OffsetDateTime t) {
        return t.withOffsetSameInstant(OFFSET);
    }

    /**
     * The end of a period whose end is written as a day: a {@code to} at local midnight (the border's midnight,
     * whatever offset it is written in) stands for that whole day; any other instant is taken as it is.
     */
    public static OffsetDateTime endOfDayIfMidnight(OffsetDateTime to) {
        return local(to).toLocalTime().equals(LocalTime.MIDNIGHT) ? to.plusDays(1).minusNanos(1) : to;
    }
}
