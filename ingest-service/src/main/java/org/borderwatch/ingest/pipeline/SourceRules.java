package org.borderwatch.ingest.pipeline;

import org.borderwatch.common.model.SourceKind;

import java.util.EnumSet;
import java.util.Set;

/**
 * What ingest checks about who a report says it comes from, and what a correction may change.
 *
 * @param registeredKinds source kinds only a source in the registry may have: a canonical report whose source the
 *                        registry does not know may not claim to be, say, an independent observer (the classifier
 *                        lets observers refute and confirm)
 * @param keepStance      a correction may not change a report's stance from one known stance to another
 */
public record SourceRules(Set<SourceKind> registeredKinds, boolean keepStance) {

    public static final SourceRules DEFAULTS = new SourceRules(
            EnumSet.of(SourceKind.PARTY_OFFICIAL, SourceKind.INDEPENDENT_OBSERVER), true);

    public SourceRules {
        registeredKinds = registeredKinds == null || registeredKinds.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(registeredKinds));
    }
}
