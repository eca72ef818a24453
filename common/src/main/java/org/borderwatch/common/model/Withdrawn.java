package org.borderwatch.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The mark of an alert message that closes a withdrawn incident (merged into another, or dissolved) rather than a
 * resolved one.
 *
 * @param kind       MERGED or DISSOLVED
 * @param mergedInto the incident it merged into (MERGED, when known), else absent
 */
public record Withdrawn(ClosureReason kind, @JsonInclude(JsonInclude.Include.NON_NULL) UUID mergedInto) {

    public Withdrawn {
        Objects.requireNonNull(kind, "withdrawn.kind");
        if (!kind.withdrawn()) {
            throw new IllegalArgumentException("withdrawn.kind is MERGED or DISSOLVED, not " + kind);
        }
        if (kind != ClosureReason.MERGED) {
            mergedInto = null;
        }
    }

    /** The mark a closure gives: present for MERGED and DISSOLVED only. */
    public static Optional<Withdrawn> of(Closure closure) {
        return closure == null || !closure.withdrawn() ? Optional.empty()
                : Optional.of(new Withdrawn(closure.reason(), closure.mergedInto()));
    }
}
