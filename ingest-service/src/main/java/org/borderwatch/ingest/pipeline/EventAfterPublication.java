package org.borderwatch.ingest.pipeline;

import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.TimePrecision;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A report cannot describe an event that has not happened yet: its event may not start after its own publication.
 * Allowed beyond {@code publishedAt}: the configured tolerance ({@code ingest.occurred-after-published}, for clocks
 * that disagree) plus the slack of the event's time precision — a {@code DAY} (or {@code UNKNOWN}) interval starts
 * at the local midnight of a day the publication may lie in under another offset, an {@code HOUR} one at the full
 * hour. Beyond that the report is {@code TIME_OUT_OF_RANGE}, in every format:
 * <ul>
 *   <li>canonical: the partner's {@code occurredAt} is after its {@code publishedAt};</li>
 *   <li>statement: the text dates the event after the statement's {@code publishedAt} (a wrong publishedAt or
 *       offset, or a date the text gives with a wrong year);</li>
 *   <li>acled: the row's {@code timestamp} predates its {@code event_date} — ACLED records an event after it
 *       happened, so this is a mapping error on the partner's side (a wrong timestamp column or unit).</li>
 * </ul>
 * A {@code THREAT} is no exception: it announces a future action, but the event a report of it describes is the
 * threat itself, made when the statement is (the statement rules date a threat by the statement's own day); the day
 * of the threatened action is not the report's time.
 */
final class EventAfterPublication {

    private EventAfterPublication() {
    }

    /** How much later than its publication a report's event may start with this precision, beyond the tolerance. */
    static Duration slack(TimePrecision precision) {
        if (precision == null) {
            return Duration.ZERO;
        }
        return switch (precision) {
            case MINUTE -> Duration.ZERO;
            case HOUR -> Duration.ofHours(1);
            case DAY, UNKNOWN -> Duration.ofDays(1);
        };
    }

    /** Throws {@code TIME_OUT_OF_RANGE} when the report's event starts too long after its publication. */
    static void check(IncidentReport report, InputFormat format, Duration tolerance) {
        OffsetDateTime occurred = report.occurredAt();
        OffsetDateTime published = report.publishedAt();
        if (occurred == null || published == null) {
            return; // the schema check names a missing time
        }
        Duration slack = slack(report.timePrecision());
        if (!occurred.isAfter(published.plus(tolerance).plus(slack))) {
            return;
        }
        String by = readable(Duration.between(published, occurred));
        String allowed = "allowed: " + readable(tolerance)
                + (slack.isZero() ? "" : " plus " + readable(slack) + " for the " + report.timePrecision()
                + " precision");
        String detail;
        Violation violation;
        switch (format) {
            case STATEMENT -> {
                detail = "the text dates the event from " + occurred + ", " + by + " after the statement's publishedAt "
                        + published + ": a statement cannot report an event that has not happened yet (" + allowed
                        + "); check publishedAt and its offset, and the dates in the text";
                violation = new Violation("$.publishedAt", "is before the event the text dates (" + occurred + ")");
            }
            case ACLED -> {
                detail = "timestamp (publishedAt " + published + ") is " + by + " before the event (occurredAt "
                        + occurred + ", from event_date and time_precision; " + allowed + "): ACLED records an event"
                        + " after it happened, so the row's timestamp (seconds since 1970 of its last update) is"
                        + " mis-mapped";
                violation = new Violation("timestamp", "is before event_date");
            }
            default -> {
                detail = "occurredAt " + occurred + " is " + by + " after publishedAt " + published
                        + ": a report cannot describe an event that has not happened yet (" + allowed + ")"
                        + (isThreat(report.eventTypes()) ? "; a threat is dated when it is made, not by the action"
                        + " it announces" : "");
                violation = new Violation("$.occurredAt", "is after publishedAt (" + published + ")");
            }
        }
        throw new RejectedInputException(RejectReason.TIME_OUT_OF_RANGE, detail, List.of(violation));
    }

    private static boolean isThreat(List<EventType> types) {
        return types != null && types.contains(EventType.THREAT);
    }

    /** "3 days 14 hours", "10 minutes", "45 seconds": the largest two units. */
    static String readable(Duration d) {
        long seconds = Math.abs(d.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        long secs = seconds % 60;
        StringBuilder b = new StringBuilder();
        if (days > 0) {
            append(b, days, "day");
            if (hours > 0) {
                append(b, hours, "hour");
            }
        } else if (hours > 0) {
            append(b, hours, "hour");
            if (minutes > 0) {
                append(b, minutes, "minute");
            }
        } else if (minutes > 0) {
            append(b, minutes, "minute");
            if (secs > 0) {
                append(b, secs, "second");
            }
        } else {
            append(b, secs, "second");
        }
        return b.toString();
    }

    private static void append(StringBuilder b, long n, String unit) {
        if (!b.isEmpty()) {
            b.append(' ');
        }
        b.append(n).append(' ').append(unit).append(n == 1 ? "" : "s");
    }
}
