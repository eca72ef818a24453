package org.borderwatch.ingest.pipeline;

import java.util.List;

/** Thrown by a normaliser for input it cannot accept; the pipeline turns it into a {@link Rejection}. */
public class RejectedInputException extends RuntimeException {

    private final RejectReason reason;
    private final List<Violation> violations;

    public RejectedInputException(RejectReason reason, String detail) {
        this(reason, detail, List.of());
    }

    public RejectedInputException(RejectReason reason, String detail, List<Violation> violations) {
        super(detail);
        this.reason = reason;
        this.violations = List.copyOf(violations);
    }

    public static RejectedInputException violations(List<Violation> violations) {
        String detail = violations.stream().map(Violation::toString).reduce((a, b) -> a + "; " + b).orElse("invalid");
        return new RejectedInputException(RejectReason.SCHEMA_VIOLATION, detail, violations);
    }

    public RejectReason reason() {
        return reason;
    }

    public List<Violation> violations() {
        return violations;
    }
}
