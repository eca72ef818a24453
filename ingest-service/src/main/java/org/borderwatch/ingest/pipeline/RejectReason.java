package org.borderwatch.ingest.pipeline;

/** Why ingest did not accept a record; the value of the {@code bw-reject-reason} header. */
public enum RejectReason {
    /** Not parseable: broken JSON or CSV, wrong encoding; over HTTP also a {@code dryRun} neither true nor false. */
    MALFORMED,
    /** Parseable, but a field is missing, of the wrong type or outside the schema. */
    SCHEMA_VIOLATION,
    /** Larger than the configured record limit. */
    TOO_LARGE,
    /** A format ingest does not know, one the partner may not send, or a form body over HTTP (a 415). */
    UNSUPPORTED_FORMAT,
    /** Published (or said to have happened) in the future beyond the clock-skew limit, or before the earliest date. */
    TIME_OUT_OF_RANGE,
    /** A statement without text. */
    EMPTY_TEXT,
    /**
     * A report whose source contradicts the source registry: a registry id with another kind or party than the
     * registry's, or a source the registry does not know claiming a kind only registered sources have.
     */
    SOURCE_MISMATCH,
    /** A report of a source the sending partner's key may not send reports of. */
    SOURCE_NOT_ALLOWED,
    /** New content under a known report id that changes what a correction may not: the stance or the source. */
    CORRECTION_CONFLICT,
    /** An unexpected failure while normalising this record; it is parked here instead of blocking its partition. */
    PROCESSING_ERROR,
    /**
     * A raw record whose reports could not be published after its attempts (the broker did not confirm the send):
     * parked on the rejected topic, as sent, so it is not lost and can be replayed to its raw topic.
     */
    PUBLISH_FAILED
}
