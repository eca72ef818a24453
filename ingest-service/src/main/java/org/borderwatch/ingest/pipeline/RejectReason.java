package org.borderwatch.ingest.pipeline;

/** Why ingest did not accept a record; the value of the {@code bw-reject-reason} header. */
public enum RejectReason {
    /** Not parseable: broken JSON or CSV, wrong encoding. */
    MALFORMED,
    /** Parseable, but a field is missing, of the wrong type or outside the schema. */
    SCHEMA_VIOLATION,
    /** Larger than the configured record limit. */
    TOO_LARGE,
    /** A format ingest does not know, or one the partner may not send. */
    UNSUPPORTED_FORMAT,
    /** Published (or said to have happened) in the future beyond the clock-skew limit, or before the earliest date. */
    TIME_OUT_OF_RANGE,
    /** A statement without text. */
    EMPTY_TEXT,
    /** An unexpected failure while normalising this record; it is parked here instead of blocking its partition. */
    PROCESSING_ERROR
}
