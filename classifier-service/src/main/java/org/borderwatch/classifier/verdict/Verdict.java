package org.borderwatch.classifier.verdict;

import java.util.List;
import java.util.Set;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;

/**
 * The answer to the two questions about an incident, with the reasons.
 *
 * @param observerDecided true when an independent observer's word decided the occurrence (CONFIRMED by an observer,
 *                        or REFUTED): only such verdicts move the claimants' track records
 * @param claimSources    ids of the sources that made the incident's claims
 */
public record Verdict(Occurrence occurrence, Attribution attribution, Party actingParty, double confidence,
                      List<String> reasons, boolean observerDecided, Set<String> claimSources) {
    public Verdict {
        reasons = List.copyOf(reasons);
        claimSources = Set.copyOf(claimSources);
    }
}
