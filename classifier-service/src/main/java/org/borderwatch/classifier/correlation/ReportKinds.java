package org.borderwatch.classifier.correlation;

import java.time.OffsetDateTime;
import org.borderwatch.classifier.verdict.VerdictRules;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Stance;

/** Classifications of reports that correlation needs. */
public final class ReportKinds {

    private ReportKinds() {
    }

    /**
     * A diplomatic milestone: a report of source kind OTHER with event type OTHER. Context, never an incident — unless
     * it answers or observes something (a denial or an observer's word from a source the registry does not know is
     * a response, not a milestone), or names a side of the conflict as acting (a foreign ministry recording "a
     * ceasefire violation by Azerbaijani forces" reports an event, not a diplomatic step).
     */
    public static boolean isMilestone(IncidentReport r) {
        return r.source().kind() == SourceKind.OTHER && r.mainEventType() == EventType.OTHER
                && r.answers() == null && r.coverage() == null
                && (r.actingParty() == null || !r.actingParty().isBelligerent())
                && (r.stance() == Stance.CLAIM || r.stance() == Stance.UNKNOWN);
    }

    /** An observer's refutation or confirmation with a coverage: it applies to every claim it covers. */
    public static boolean isCoverage(IncidentReport r) {
        return (r.stance() == Stance.REFUTATION || r.stance() == Stance.CONFIRMATION) && r.coverage() != null
                && r.coverage().from() != null && r.coverage().to() != null;
    }

    /**
     * Whether an observer statement's coverage applies to a claim in {@code segment} over {@code [from, to]}. A
     * refutation that names no segment ("no incidents along the border") covers every segment; a confirmation must
     * name where it confirms.
     */
    public static boolean covers(IncidentReport observation, BorderSegment segment, OffsetDateTime from,
                                 OffsetDateTime to) {
        return VerdictRules.covers(observation, segment, from, to);
    }

    /**
     * A response that can answer a claim: a denial, refutation or confirmation — but only a side of the conflict
     * denies (common/README.md: "the accused side says it did not happen"). A news agency's report that one side "rejected
     * the accusation" is no denial of the agency's own (sixth round: read as Reuters' denial, it waited for a claim it
     * could never answer as an incident of its own, "UNKNOWN denies the claim it answers"); it is placed by its segments
     * and time like any statement and counts for nothing.
     */
    public static boolean isResponse(IncidentReport r) {
        return r.stance().isResponse() && !isDenialByNoSide(r);
    }

    /** A denial by a source that is no side of the conflict (media of unknown or third party, observers). */
    public static boolean isDenialByNoSide(IncidentReport r) {
        return r.stance() == Stance.DENIAL && !r.source().party().isBelligerent();
    }

    /**
     * A statement that is context only (c23): stance UNKNOWN — ingest could not read what it says (a language its rules
     * do not read) or it reports no event (a calm-day bulletin, a parade, a memorial). It joins an incident of its
     * segment and time as evidence that counts for nothing toward the verdict, casualties or signals, but never makes
     * an incident of its own: an incident holding nothing else is held without an assessment until a statement that
     * counts joins it, and one that never gets such a statement closes and is forgotten unseen; beyond the grace it is
     * not assessed alone.
     */
    public static boolean isContextOnly(IncidentReport r) {
        return r.stance() == Stance.UNKNOWN;
    }

    /** The text names its segments without ambiguity. */
    public static boolean isPlaceable(IncidentReport r) {
        return r.location().isResolved() && !r.location().ambiguous();
    }
}
