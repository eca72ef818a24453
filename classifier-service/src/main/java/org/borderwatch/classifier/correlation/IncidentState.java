package org.borderwatch.classifier.correlation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;

/**
 * An incident: a session of reports about one segment, open or (for a grace after its closure) closed. A plain state document (public fields) so that the
 * stream can keep it in a changelogged store as JSON.
 */
public final class IncidentState {
    public UUID id;
    public BorderSegment segment;
    /** Creation order: deterministic tie-breaks and output order. */
    public long seq;
    /** A report that could be placed nowhere (unresolved or ambiguous, answering nothing known): never joined. */
    public boolean alone;
    public List<Membership> members = new ArrayList<>();
    public OffsetDateTime from;
    public OffsetDateTime to;
    public OffsetDateTime start;
    /**
     * True when its start is not among the segment's incident starts (QUIET_BROKEN): an incident opened by a summary
     * of a period, which says nothing of when within it anything happened (eleventh round), or by anything but a claim
     * of hostile action (a mine, a waiting denial, a statement of unknown stance), until such a claim joins it
     * ({@code Assessor#countStartOnceHostile}). False in older state.
     */
    public boolean startUncounted;
    public OffsetDateTime lastPublished;
    /**
     * No longer written: QUIET_BROKEN reads the segment's starts as known now (a claim published late about an
     * earlier event can end a calm that an incident opened before it seemed to break). Kept so that state written by
     * an earlier version still reads.
     */
    public List<OffsetDateTime> priorStarts = new ArrayList<>();
    public long version;
    public Assessment last;
    public Occurrence occurrence;
    public boolean observerDecided;
    public Set<String> claimSources = Set.of();
    /**
     * Stream time at which it closed (null while open). A closed incident is kept until stream time passes this plus
     * the grace, so that a late report within grace (a re-telling, an answer, a coverage) still updates it.
     */
    public OffsetDateTime closedAt;
    /** The sentence its closing version ended with ("Closed: no new reports for 7 days ..."). */
    public String closing;

    public boolean has(UUID reportId) {
        return members.stream().anyMatch(m -> m.reportId().equals(reportId));
    }

    /** Recomputes the window from the members that joined by time. */
    public void rewindow() {
        OffsetDateTime f = null;
        OffsetDateTime t = null;
        for (Membership m : members) {
            if (m.byTime()) {
                f = f == null || m.from().isBefore(f) ? m.from() : f;
                t = t == null || m.to().isAfter(t) ? m.to() : t;
            }
        }
        if (f != null) {
            from = f;
            to = t;
        }
    }
}
