package org.borderwatch.classifier.signal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Stance;

/**
 * What detectors may know about one open incident.
 *
 * @param start       event time of the incident's first report (the moment that "broke" a calm)
 * @param priorStarts starts of the segment's incidents as known now, open or closed (for QUIET_BROKEN; the detector
 *                    looks at those before {@code start})
 */
public record IncidentFacts(UUID id, BorderSegment segment, OffsetDateTime from, OffsetDateTime to,
                            Occurrence occurrence, List<IncidentReport> members, List<Casualties> casualties,
                            OffsetDateTime start, List<OffsetDateTime> priorStarts) {
    public IncidentFacts {
        members = List.copyOf(members);
        casualties = List.copyOf(casualties);
        priorStarts = priorStarts == null ? List.of() : List.copyOf(priorStarts);
    }

    public List<IncidentReport> claims() {
        return members.stream().filter(r -> r.stance() == Stance.CLAIM).toList();
    }

    /**
     * What tells of the incident's event where SPREAD and QUIET_BROKEN ask whether it was hostile action: its claims;
     * in an incident holding no claim, the independent observers' and third parties' confirmations that opened it
     * (replay audit of batch 48, C6: a shot a patrol heard that no side claimed is an incident of its own).
     */
    public List<IncidentReport> accounts() {
        List<IncidentReport> claims = claims();
        return !claims.isEmpty() ? claims : members.stream().filter(r -> r.stance() == Stance.CONFIRMATION
                && org.borderwatch.classifier.verdict.VerdictRules.isIndependent(r.source())).toList();
    }

    public boolean hasClaims() {
        return members.stream().anyMatch(r -> r.stance() == Stance.CLAIM);
    }
}
