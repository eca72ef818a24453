package org.borderwatch.ingest.pipeline;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The checks every record passes, from configuration.
 *
 * @param maxRecordBytes   a larger record is {@code TOO_LARGE}
 * @param clockSkew        how far in the future publishedAt (or occurredAt) may be before it is {@code TIME_OUT_OF_RANGE}
 * @param earliest         publishedAt before this is {@code TIME_OUT_OF_RANGE}
 */
public record IngestLimits(int maxRecordBytes, Duration clockSkew, OffsetDateTime earliest) {
    public static final IngestLimits DEFAULTS = new IngestLimits(64 * 1024, Duration.ofMinutes(10),
            OffsetDateTime.parse("1991-01-01T00:00:00Z"));
}
