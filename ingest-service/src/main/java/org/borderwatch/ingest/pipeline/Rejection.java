package org.borderwatch.ingest.pipeline;

import java.util.List;

/**
 * A record ingest did not accept, with the original bytes so nothing is lost.
 *
 * @param line   1-based position in a batch (line of NDJSON, row of CSV), 1 for a single record
 * @param origin where it came from: the raw topic's name, {@code http} or {@code cli}
 */
public record Rejection(RejectReason reason, String detail, List<Violation> violations, byte[] original, int line,
                        String origin) {
    public Rejection {
        violations = violations == null ? List.of() : List.copyOf(violations);
        detail = detail == null ? reason.name() : detail;
    }

    @Override
    public String toString() {
        return "line " + line + ": " + reason + ": " + detail;
    }
}
