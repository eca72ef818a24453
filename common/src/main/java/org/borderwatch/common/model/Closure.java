package org.borderwatch.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;
import java.util.UUID;

/**
 * Why an incident closed, machine-readable: on an assessment's closed versions only (the rationale's last sentences
 * say the same for people).
 *
 * @param reason     why it closed
 * @param mergedInto the incident it merged into: required for MERGED, absent otherwise
 */
public record Closure(ClosureReason reason, @JsonInclude(JsonInclude.Include.NON_NULL) UUID mergedInto) {

    public Closure {
        Objects.requireNonNull(reason, "closure.reason");
        if (reason == ClosureReason.MERGED && mergedInto == null) {
            throw new IllegalArgumentException("closure MERGED names the incident it merged into (mergedInto)");
        }
        if (reason != ClosureReason.MERGED && mergedInto != null) {
            throw new IllegalArgumentException("closure " + reason + " has no mergedInto (MERGED only)");
        }
    }

    public static final Closure QUIET = new Closure(ClosureReason.QUIET, null);
    public static final Closure DISSOLVED = new Closure(ClosureReason.DISSOLVED, null);
    public static final Closure ASSESSED_ALONE = new Closure(ClosureReason.ASSESSED_ALONE, null);

    public static Closure mergedInto(UUID survivor) {
        return new Closure(ClosureReason.MERGED, Objects.requireNonNull(survivor, "mergedInto"));
    }

    /** Whether the incident was withdrawn (merged or dissolved) rather than resolved. */
    public boolean withdrawn() {
        return reason.withdrawn();
    }
}
