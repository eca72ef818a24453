package org.borderwatch.ingest.pipeline;

import java.util.List;
import java.util.stream.Collectors;

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

    /** At most this many (distinct) violations are kept: a validator can report one per array item. */
    public static final int MAX_VIOLATIONS = 50;

    /**
     * A schema violation naming each bad field once: repeats are dropped (4,500 duplicated segments gave 4,500 equal
     * violations, joined quadratically into one detail) and at most {@value #MAX_VIOLATIONS} are kept.
     */
    public static RejectedInputException violations(List<Violation> violations) {
        return violations(violations, null);
    }

    /**
     * The same, for input checked against a named schema that partners can use themselves: the detail ends with
     * "(schema canonical-input.schema.json)"; the violations (and their paths) are the same.
     */
    public static RejectedInputException violations(List<Violation> violations, String schema) {
        RejectedInputException e = violationsOnly(violations);
        return schema == null ? e
                : new RejectedInputException(e.reason, e.getMessage() + " (schema " + schema + ")", e.violations);
    }

    private static RejectedInputException violationsOnly(List<Violation> violations) {
        List<Violation> distinct = violations.stream().distinct().toList();
        List<Violation> kept = distinct.size() > MAX_VIOLATIONS ? distinct.subList(0, MAX_VIOLATIONS) : distinct;
        String detail = kept.isEmpty() ? "invalid" : kept.stream().map(Violation::toString)
                .collect(Collectors.joining("; "));
        if (kept.size() < distinct.size()) {
            detail += "; and " + (distinct.size() - kept.size()) + " more";
        }
        return new RejectedInputException(RejectReason.SCHEMA_VIOLATION, detail, kept);
    }

    public RejectReason reason() {
        return reason;
    }

    public List<Violation> violations() {
        return violations;
    }
}
