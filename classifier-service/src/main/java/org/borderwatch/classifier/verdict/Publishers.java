package org.borderwatch.classifier.verdict;

import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.Stance;

/**
 * Who may raise an alarm (security review F2). Ingest accepts statements of publishers its source registry does not
 * know, from any partner key, under the id {@code unregistered/<slug>} (kind OTHER, party UNKNOWN); the display name is
 * the partner's free text. Such a publisher is shown — its statements are placed, described and listed as evidence —
 * but it is low-trust: its figures are not counted as casualties, its weapons raise no HEAVY_WEAPONS, its claims make
 * no CLAIM_SURGE, and an incident whose claims and confirmations all come from such publishers stays at most MEDIUM.
 * Once a registered source speaks, the registered sources' figures and words count as always.
 */
public final class Publishers {

    /** The id prefix ingest gives the sources its registry does not know. */
    public static final String UNREGISTERED_PREFIX = "unregistered/";

    private Publishers() {
    }

    public static boolean unregistered(String sourceId) {
        return sourceId == null || sourceId.startsWith(UNREGISTERED_PREFIX);
    }

    public static boolean unregistered(Source source) {
        return unregistered(source.id());
    }

    public static boolean unregistered(IncidentReport r) {
        return unregistered(r.source());
    }

    /** Whether a claim or confirmation of a registered source is among the statements: someone who counts says so. */
    public static boolean anyRegisteredWord(java.util.List<IncidentReport> statements) {
        return statements.stream().anyMatch(r -> (r.stance() == Stance.CLAIM || r.stance() == Stance.CONFIRMATION)
                && !unregistered(r));
    }
}
