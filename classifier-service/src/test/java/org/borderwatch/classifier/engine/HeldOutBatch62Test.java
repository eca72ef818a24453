package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.Evidence;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.Stance;
import org.junit.jupiter.api.Test;

/**
 * Held-out batch 62, a blind end-to-end round kept as batches 57 and 63 are: an analyst who never saw the code wrote
 * a fictional autumn of 37 statements (1 October – 21 November 2026, 35 sourceRefs, two corrected under their own)
 * and the 14 incidents they expect; the fixture ({@code src/test/resources/round-62/rows.json}, one row, as a
 * {@link BlindRound}) holds the 38 canonical reports ingest made of them (a denial carries a counter-claim) and the
 * analyst's expectations. Checked as every round is ({@link BlindRoundTest}); {@code ClassifierTopologyTest} streams
 * it. 0 of 14 differed, no extra incident, with ingest after branch i62 (main 36c6582).
 */
public class HeldOutBatch62Test extends BlindRoundTest {

    private static final String ROW = "r62-01";

    public HeldOutBatch62Test() {
        super(62, 1, 14);
    }

    /**
     * The EEAS's meeting, EUMA's quiet week, a month of demining, Russia's comment in Russian, a deputy minister's
     * meeting, the mandate's extension and the ministers in Washington are in no version.
     */
    @Test
    void theStatementsOfNoEventFormNoIncident() {
        assertThat(heldInAnyVersion(ROW))
                .doesNotContain("h62-06", "h62-07", "h62-08", "h62-14", "h62-23", "h62-30", "h62-33")
                .contains("h62-01", "h62-10#counter-claim", "h62-22", "h62-35");
    }

    /**
     * One claim names Kut, Jermuk and Khnatsakh: an incident in each of the three segments, each judged by what
     * answers it there. The counter-claim (one Azerbaijani killed) is in Gegharkunik only, which a mutual accusation
     * makes CONFIRMED, killed 2 + 1 per side, CRITICAL; EUMA's Jermuk confirmation is in Vayots Dzor East only
     * (UNVERIFIED, DISPUTED after the denial, CONFIRMED from EUMA's word on); Syunik East, denied and nothing more,
     * is DISPUTED. HEAVY_WEAPONS and SPREAD on all three in every version.
     */
    @Test
    void eachSegmentOfTheFrontClaimTakesItsOwnVerdict() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        assertThat(report("h62-09").location().segments()).containsExactlyInAnyOrder(BorderSegment.GEGHARKUNIK,
                BorderSegment.VAYOTS_DZOR_EAST, BorderSegment.SYUNIK_EAST);
        List<Assessment> front = versions.stream().filter(a -> holds(a, refs, "h62-09")).toList();
        assertThat(front.stream().map(Assessment::incidentId).distinct()).hasSize(3);
        assertThat(front).allSatisfy(a -> assertThat(a.signals()).extracting(Signal::type)
                .contains(SignalType.HEAVY_WEAPONS, SignalType.SPREAD));

        List<Assessment> kut = incidentOf(versions, refs, "h62-10#counter-claim");
        List<Assessment> jermuk = incidentOf(versions, refs, "h62-13");
        List<Assessment> khnatsakh = front.stream().filter(a -> a.segment() == BorderSegment.SYUNIK_EAST).toList();
        assertThat(List.of(kut, jermuk, khnatsakh)).extracting(i -> last(i).segment()).containsExactly(
                BorderSegment.GEGHARKUNIK, BorderSegment.VAYOTS_DZOR_EAST, BorderSegment.SYUNIK_EAST);
        assertThat(versions).filteredOn(a -> holds(a, refs, "h62-10#counter-claim"))
                .allMatch(a -> a.segment() == BorderSegment.GEGHARKUNIK);
        assertThat(versions).filteredOn(a -> holds(a, refs, "h62-13"))
                .allMatch(a -> a.segment() == BorderSegment.VAYOTS_DZOR_EAST);

        Assessment k = last(kut);
        assertThat(k.occurrence()).isEqualTo(Occurrence.CONFIRMED);
        assertThat(k.attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(k.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(k.casualties()).extracting(Casualties::party, Casualties::killed)
                .containsExactlyInAnyOrder(tuple(Party.AM, 2), tuple(Party.AZ, 1));
        assertThat(kut).extracting(Assessment::killed).containsExactly(0, 1, 1, 3, 3, 3);
        assertThat(kut).noneMatch(a -> a.hasSignal(SignalType.RETALIATION_CYCLE));

        assertThat(jermuk).extracting(Assessment::occurrence).containsExactly(Occurrence.UNVERIFIED,
                Occurrence.UNVERIFIED, Occurrence.DISPUTED, Occurrence.DISPUTED, Occurrence.CONFIRMED,
                Occurrence.CONFIRMED);
        assertThat(last(jermuk).attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(last(jermuk).reportIds().get(Stance.CONFIRMATION)).extracting(refs::get)
                .containsExactly("h62-13");
        assertThat(last(jermuk).severity()).isEqualTo(Severity.HIGH);

        assertThat(khnatsakh).noneMatch(a -> a.occurrence() == Occurrence.CONFIRMED);
        assertThat(last(khnatsakh).occurrence()).isEqualTo(Occurrence.DISPUTED);
        assertThat(last(khnatsakh).severity()).isEqualTo(Severity.HIGH);
        assertThat(last(khnatsakh).reportIds().keySet()).containsExactlyInAnyOrder(Stance.CLAIM, Stance.DENIAL);
    }

    /**
     * EUMA's patrols "on 7 and 8 November" (a coverage ending at 23:59:59 on the 8th) refute the claim of
     * 7 November 16:40 (REFUTED, INFO) and never touch the claim that starts at 23:45 on the 8th and ends at 00:30 on
     * the 9th (DISPUTED in every version after the denial, without EUMA's statement). The midnight decides: the same
     * claim ending at 23:50 on the 8th is refuted.
     */
    @Test
    void theObserversTwoDaysContainTheSeventhButNotTheNightPastMidnight() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        IncidentReport patrols = report("h62-22");
        IncidentReport aravus = report("h62-20");
        assertThat(aravus.occurredAt()).isBefore(patrols.occurredUntil());
        assertThat(aravus.occurredUntil()).isAfter(patrols.occurredUntil());

        List<Assessment> khaznavar = incidentOf(versions, refs, "h62-18");
        assertThat(last(khaznavar).occurrence()).isEqualTo(Occurrence.REFUTED);
        assertThat(last(khaznavar).severity()).isEqualTo(Severity.INFO);
        assertThat(last(khaznavar).reportIds().get(Stance.REFUTATION)).extracting(refs::get)
                .containsExactly("h62-22");

        List<Assessment> night = incidentOf(versions, refs, "h62-20");
        assertThat(night).noneMatch(a -> holds(a, refs, "h62-22"))
                .noneMatch(a -> a.occurrence() == Occurrence.REFUTED);
        assertThat(night).anyMatch(a -> !a.asOf().isBefore(patrols.publishedAt()));
        assertThat(last(night).occurrence()).isEqualTo(Occurrence.DISPUTED);
        assertThat(last(night).severity()).isEqualTo(Severity.LOW);
        assertThat(versions).filteredOn(a -> holds(a, refs, "h62-22")).extracting(Assessment::incidentId)
                .containsOnly(last(khaznavar).incidentId());

        List<Assessment> beforeMidnight =
                replay(with("h62-20", n -> n.put("occurredUntil", "2026-11-08T23:50:00+04:00")));
        assertThat(last(incidentOf(beforeMidnight, refs, "h62-20")).occurrence()).isEqualTo(Occurrence.REFUTED);
    }

    /**
     * Azerbaijan's claim of 10 November 23:50 is published on 14 November, after Armenia's claim of 11 November 23:10
     * in the same segment: two incidents and no RETALIATION_CYCLE in any version of either, although Armenia's claim
     * comes 23 h 20 min later in event time. Published the day before Armenia's claim, the same claim gives it one.
     */
    @Test
    void theLateClaimIsFollowedByNothingPublishedBeforeIt() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        IncidentReport late = report("h62-28");
        IncidentReport yeraskh = report("h62-24");
        assertThat(Duration.between(late.occurredAt(), yeraskh.occurredAt())).isEqualTo(Duration.ofMinutes(1400));
        assertThat(late.publishedAt()).isAfter(yeraskh.publishedAt());

        List<Assessment> earlier = incidentOf(versions, refs, "h62-28");
        List<Assessment> later = incidentOf(versions, refs, "h62-24");
        assertThat(last(earlier).incidentId()).isNotEqualTo(last(later).incidentId());
        assertThat(List.of(last(earlier), last(later))).allSatisfy(a -> {
            assertThat(a.segment()).isEqualTo(BorderSegment.ARARAT);
            assertThat(a.occurrence()).isEqualTo(Occurrence.DISPUTED);
        });
        assertThat(later).anyMatch(a -> a.asOf().isAfter(late.publishedAt()));
        assertThat(earlier).noneMatch(a -> a.hasSignal(SignalType.RETALIATION_CYCLE));
        assertThat(later).noneMatch(a -> a.hasSignal(SignalType.RETALIATION_CYCLE));

        List<Assessment> inTime = replay(with("h62-28", n -> n.put("publishedAt", "2026-11-11T12:00:00+04:00")));
        assertThat(last(incidentOf(inTime, refs, "h62-24")).hasSignal(SignalType.RETALIATION_CYCLE)).isTrue();
    }

    /**
     * Nerkin Hand: three killed while the first revision stands (CRITICAL, also after the denial), one killed once
     * the same sourceRef corrects it the next morning (HIGH); FATALITIES alone in every version.
     */
    @Test
    void theKilledCorrectionLowersCriticalToHighPerVersion() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        List<Assessment> nerkinHand = incidentOf(versions, refs, "h62-31");
        assertThat(nerkinHand).extracting(Assessment::killed).containsExactly(3, 3, 1);
        assertThat(nerkinHand).extracting(Assessment::severity).containsExactly(Severity.CRITICAL,
                Severity.CRITICAL, Severity.HIGH);
        assertThat(nerkinHand).extracting(Assessment::occurrence).containsExactly(Occurrence.UNVERIFIED,
                Occurrence.DISPUTED, Occurrence.DISPUTED);
        assertThat(nerkinHand).allSatisfy(a -> assertThat(a.signals()).extracting(Signal::type)
                .containsExactly(SignalType.FATALITIES));
        IncidentReport corrected = report("h62-31");
        assertThat(corrected.revision()).isEqualTo(2);
        assertThat(last(nerkinHand).asOf()).isAtSameInstantAs(corrected.publishedAt());
        assertThat(last(nerkinHand).evidence()).filteredOn(e -> e.reportId().equals(corrected.reportId()))
                .extracting(Evidence::revision).containsExactly(2);
    }

    /**
     * Tavush: three hostile incidents in October (none with a signal), then 39 days without one (EUMA's quiet week
     * makes none), then 20 November: QUIET_BROKEN in every version of that incident alone, MEDIUM. Without the
     * unanswered claim of 1 October only two incidents precede the calm, and the signal goes.
     */
    @Test
    void theTavushCalmIsBrokenAfter39Days() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        List<Assessment> broken = quietBrokenBy(versions, refs, BorderSegment.TAVUSH, 4, "h62-34",
                "First incident in TAVUSH after 39 days of calm (last one 2026-10-12); "
                        + "3 incidents in the 90 days before the calm.");
        assertThat(last(broken).occurrence()).isEqualTo(Occurrence.DISPUTED);

        List<Assessment> twoBefore = replay(without("h62-01"));
        Assessment after = last(incidentOf(twoBefore, refs, "h62-34"));
        assertThat(after.signals()).isEmpty();
        assertThat(after.severity()).isEqualTo(Severity.LOW);
    }
}
