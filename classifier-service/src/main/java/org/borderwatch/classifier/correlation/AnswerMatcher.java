package org.borderwatch.classifier.correlation;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.regex.Pattern;
import org.borderwatch.classifier.signal.ClaimRecord;
import org.borderwatch.common.model.Answers;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Stance;

/**
 * Finds the claims that a statement's {@code answers} describe. With {@code refs}, only the cited ids count (report
 * ids or the partners' own references). Otherwise a claim matches when every part the text gives fits:
 * <ul>
 *   <li>party: the claim's source is the answered party (for a self-reported action framed as a response, the
 *       party may also be the one the answered claim accuses);</li>
 *   <li>a denial comes from the accused side: the claim's acting party is the denier's;</li>
 *   <li>time: the claim's interval meets {@code [from, to]}; a {@code to} at local midnight (UTC+4) means the whole day;</li>
 *   <li>segments: the claim's incident lies in one of the answered segments.</li>
 * </ul>
 */
public final class AnswerMatcher {

    private AnswerMatcher() {
    }

    public static boolean answers(IncidentReport response, IncidentReport claim, BorderSegment segment) {
        Answers a = response.answers();
        if (a == null || claim.stance() != Stance.CLAIM || claim.reportId().equals(response.reportId())) {
            return false;
        }
        if (!a.refs().isEmpty()) {
            return a.refs().contains(claim.reportId().toString())
                    || (claim.sourceRef() != null && a.refs().contains(claim.sourceRef()))
                    || (claim.url() != null && a.refs().contains(claim.url()));
        }
        if (!knowableAt(response, claim.occurredAt(), claim.occurredUntil(), claim.publishedAt())) {
            return false;
        }
        if (a.party() != null) {
            boolean partyFits = claim.source().party() == a.party()
                    || (response.stance() == Stance.CLAIM && claim.actingParty() == a.party())
                    || accusesDenierForUnknownVoice(response, a, claim.source().party(), claim.actingParty());
            if (!partyFits) {
                return false;
            }
        }
        if (response.stance() == Stance.DENIAL && claim.actingParty() != null
                && claim.actingParty() != response.source().party()) {
            return false;
        }
        if (response.stance() == Stance.CLAIM && claim.source().id().equals(response.source().id())
                && claim.actingParty() == response.actingParty()) {
            return false; // a source does not answer its own report of the same side's action
        }
        if (a.from() != null) {
            OffsetDateTime to = effectiveTo(a);
            if (claim.occurredUntil().isBefore(a.from()) || claim.occurredAt().isAfter(to)) {
                return false;
            }
        }
        return a.segments().isEmpty() || a.segments().contains(segment);
    }

    /**
     * The same test against a remembered claim of a closed incident (its report is gone), as it would have been made
     * while the incident was open: refs cite its report id, the partner's reference or its link; its segments are
     * where it was placed — for a claim left alone, the segments its text names, as for a lone claim held
     * ({@code Correlator#answersIn}, {@code #answersUnplaced}); the answer must name the period it speaks of.
     */
    public static boolean answers(IncidentReport response, ClaimRecord claim) {
        Answers a = response.answers();
        if (a == null || claim.reportId().equals(response.reportId()) || response.stance() == Stance.CLAIM) {
            return false;
        }
        if (!a.refs().isEmpty()) {
            return a.refs().contains(claim.reportId().toString())
                    || (claim.sourceRef() != null && a.refs().contains(claim.sourceRef()))
                    || (claim.url() != null && a.refs().contains(claim.url()));
        }
        if (a.from() == null) {
            return false; // an undated answer speaks of the claims of the day, not of a closed incident's
        }
        if (!knowableAt(response, claim.occurredAt(), claim.occurredUntil(), claim.publishedAt())) {
            return false;
        }
        if (a.party() != null && claim.party() != a.party()
                && !accusesDenierForUnknownVoice(response, a, claim.party(), claim.actingParty())) {
            return false;
        }
        if (response.stance() == Stance.DENIAL && claim.actingParty() != null
                && claim.actingParty() != response.source().party()) {
            return false;
        }
        if (claim.occurredUntil().isBefore(a.from()) || claim.occurredAt().isAfter(effectiveTo(a))) {
            return false;
        }
        if (!claim.segments().isEmpty()) {
            return a.segments().isEmpty() || claim.segments().stream().anyMatch(a.segments()::contains);
        }
        // a claim left alone, by the segments its text names (an ambiguous "Nakhchivan direction"); one remembered
        // before its place was kept has nothing to compare
        return claim.location() != null && (a.segments().isEmpty() || a.segments().contains(BorderSegment.UNRESOLVED)
                || claim.location().segments().stream().anyMatch(s -> s.isResolved() && a.segments().contains(s)));
    }

    /**
     * Whether a dated response that names segments answers a remembered claim left alone because its text names no
     * place the gazetteer knows ("from the area of Vorotan village"), as {@code Correlator#answersUnplaced} does for a
     * lone claim held: it fits in everything but the place. Asked only when the response answers no other claim.
     */
    public static boolean answersUnplaced(IncidentReport response, ClaimRecord claim) {
        Answers a = response.answers();
        return a != null && a.from() != null && a.refs().isEmpty() && !a.segments().isEmpty()
                && claim.segments().isEmpty() && claim.location() != null && !claim.location().ambiguous()
                && claim.location().segments().stream().noneMatch(BorderSegment::isResolved)
                && answers(response, claim.withSegments(a.segments().subList(0, 1)));
    }

    /**
     * A claim whose publisher speaks for no known party (a wire agency — AFP's "Armenia said an Azerbaijani drone hit a
     * tractor near Tegh" —, a publisher the source registry does not know — Armenia's ombudsman's "the Azerbaijani
     * army shelled Sotk") that accuses the denier is, as far as the denial can tell, the accusation of the denier's
     * opponent: the party the denial names ("Yerevan's allegation", "the claims of Armenia's so-called ombudsman")
     * cannot exclude it. Such a denial used to wait beside it, "the claim it answers is not known (yet)", and the claim
     * stayed UNVERIFIED/UNCONTESTED (or CONFIRMED/UNCONTESTED by an observer) although the accused side had denied it.
     * Every other part of the description (time, segments, place) must still fit.
     */
    private static boolean accusesDenierForUnknownVoice(IncidentReport response, Answers a,
                                                        org.borderwatch.common.model.Party claimParty,
                                                        org.borderwatch.common.model.Party claimActing) {
        org.borderwatch.common.model.Party denier = response.source().party();
        return response.stance() == Stance.DENIAL && claimParty == org.borderwatch.common.model.Party.UNKNOWN
                && denier.isBelligerent() && claimActing == denier && a.party() == denier.opponent();
    }

    /**
     * Whether a claim's events can be what a response answers, by the response's own publication (analyst's review,
     * finding 7): a response speaks of what had happened when it was published. It answers no claim about events that
     * began after it; and a claim published after it only if the claim's events had ended by then — a denial published
     * at 12:30 of "fire from Tegh this morning" does not answer a claim published the next day about "yesterday's
     * provocations" (the whole day, most of it after 12:30). A claim published before the response is answered as
     * before, whatever its interval (a whole-day claim of this morning's fire, denied at noon). Cited ids decide alone.
     */
    /**
     * Whether a response could have meant the claim at all: the claim's events had begun by the response's publication
     * (the first half of {@link #knowableAt}; a whole-day claim published later, which the second half leaves out of
     * the answer matching, began at the day's start and could still be meant). A response citing ids could (the
     * citation decides), and so could one that is no answer at all.
     */
    public static boolean couldKnowOf(IncidentReport response, IncidentReport claim) {
        Answers a = response.answers();
        if (a == null || !a.refs().isEmpty()) {
            return true;
        }
        return !claim.occurredAt().isAfter(response.publishedAt());
    }

    static boolean knowableAt(IncidentReport response, OffsetDateTime from, OffsetDateTime to,
                              OffsetDateTime claimPublished) {
        OffsetDateTime spoke = response.publishedAt();
        if (from.isAfter(spoke)) {
            return false;
        }
        return !claimPublished.isAfter(spoke) || !to.isAfter(spoke);
    }

    /**
     * Whether the claim names the settlement the response names (its gazetteer name, or the place among the names of
     * its text). A response that names a place (the denial of fire "at Verin Shorzha on 28 September") answers the
     * matching claims about that place; when none of the matching claims names it, all of them stay answered (a
     * spelling the gazetteer does not share is never a reason to answer nothing). Cited ids decide alone.
     */
    public static boolean namesSettlementOf(IncidentReport response, IncidentReport claim) {
        return namesSettlement(response, claim.location());
    }

    /** {@link #namesSettlementOf(IncidentReport, IncidentReport)} for a remembered claim (false if it kept no place). */
    public static boolean namesSettlementOf(IncidentReport response, ClaimRecord claim) {
        return claim.location() != null && namesSettlement(response, claim.location());
    }

    private static boolean namesSettlement(IncidentReport response, Location at) {
        String place = response.location().settlement();
        if (place == null || place.isBlank() || (response.answers() != null && !response.answers().refs().isEmpty())) {
            return false;
        }
        String needle = place.strip().toLowerCase(Locale.ROOT);
        return (at.settlement() != null && at.settlement().strip().equalsIgnoreCase(needle))
                || (at.text() != null && Pattern.compile("\\b" + Pattern.quote(needle) + "\\b")
                .matcher(at.text().toLowerCase(Locale.ROOT)).find());
    }

    /** The end of the answered period: {@code to} (or {@code from}) at local midnight stands for that whole day. */
    public static OffsetDateTime effectiveTo(Answers a) {
        OffsetDateTime to = a.to() != null ? a.to() : a.from();
        return org.borderwatch.classifier.verdict.BorderTime.endOfDayIfMidnight(to);
    }
}
