package org.borderwatch.ingest.pipeline;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The checks every record passes, from configuration.
 *
 * @param maxRecordBytes   a larger record is {@code TOO_LARGE}
 * @param clockSkew        how far in the future publishedAt (or occurredAt) may be before it is {@code TIME_OUT_OF_RANGE}
 * @param earliest         publishedAt before this is {@code TIME_OUT_OF_RANGE}
 * @param occurredAfterPublished how far after its own publishedAt a report's event may start, beyond its time
 *                         precision (a day for {@code DAY} and {@code UNKNOWN}, an hour for {@code HOUR}), before the
 *                         report is {@code TIME_OUT_OF_RANGE}: a report cannot describe an event that has not
 *                         happened yet (see {@link EventAfterPublication})
 */
public record IngestLimits(int maxRecordBytes, Duration clockSkew, OffsetDateTime earliest,
                           Duration occurredAfterPublished) {
    /** The default of {@code occurredAfterPublished} ({@code ingest.occurred-after-published}). */
    public static final Duration DEFAULT_OCCURRED_AFTER_PUBLISHED = Duration.ofMinutes(10);
    public static final IngestLimits DEFAULTS = new IngestLimits(64 * 1024, Duration.ofMinutes(10),
            OffsetDateTime.parse("1991-01-01T00:00:00Z"), DEFAULT_OCCURRED_AFTER_PUBLISHED);

    public IngestLimits {
        if (occurredAfterPublished == null || occurredAfterPublished.isNegative()) {
            throw new IllegalArgumentException("occurredAfterPublished must be zero or positive");
        }
    }

    /** The limits with the default tolerance for an event starting after its publication. */
    public IngestLimits(int maxRecordBytes, Duration clockSkew, OffsetDateTime earliest) {
        this(maxRecordBytes, clockSkew, earliest, DEFAULT_OCCURRED_AFTER_PUBLISHED);
    }
}
