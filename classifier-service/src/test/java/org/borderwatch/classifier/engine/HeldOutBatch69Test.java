package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Evidence;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.Stance;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Held-out batch 69, a blind end-to-end round kept as batches 62 and 63 are: an analyst who never saw the code wrote a
 * fictional summer and autumn of 32 statements (2 May – 16 October 2026, 31 sourceRefs, one corrected under its own)
 * and the 13 incidents they expect; the fixture ({@code src/test/resources/round-69/rows.json}, one row, as a
 * {@link BlindRound}) holds the canonical reports ingest made of them and the analyst's expectations. Checked as every
 * round is ({@link BlindRoundTest}); {@code ClassifierTopologyTest} streams it. 0 of 13 differed, no extra incident,
 * on the blind run (ingest of main c3397b2, classifier c2dab9f).
 */
public class HeldOutBatch69Test extends BlindRoundTest {

    private static final String ROW = "r69-01";

    /** The border service's self-report no longer framed as retaliation. */
    private static final Consumer<ObjectNode> UNFRAMED = n -> n.put("retaliation", false);

    public HeldOutBatch69Test() {
        super(69, 1, 13);
    }

    /**
     * Armenia's foreign ministry on the ministers' talks, the mine action agency's May tally, the US State
     * Department's concern over "reports of deadly clashes" and the deputy prime ministers' meeting are in no version.
     */
    @Test
    void theStatementsOfNoEventFormNoIncident() {
        assertThat(List.of("h69-08", "h69-09", "h69-21", "h69-31")).allSatisfy(ref -> assertThat(report(ref).stance())
                .as(ref).isEqualTo(Stance.UNKNOWN));
        assertThat(heldInAnyVersion(ROW))
                .doesNotContain("h69-08", "h69-09", "h69-21", "h69-31")
                .contains("h69-01", "h69-12", "h69-14", "h69-19", "h69-25", "h69-30");
    }

    /**
     * Ararat: four starts in May (2, 9, 19, 25 May), then nothing until 4 July 20:20 — 39 days 21 h 30 min between
     * starts. QUIET_BROKEN on every version of the 4 July incident and on no other Ararat incident, MEDIUM, naming the
     * claim and Reuters' relay. Without the 25 May incident the calm is measured from 19 May (46 days, 3 incidents
     * before it); without the 2 and 19 May claims too only two incidents precede it and the signal goes.
     */
    @Test
    void theAraratCalmIsBrokenAfter39Days() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        assertThat(Duration.between(report("h69-06").occurredAt(), report("h69-13").occurredAt()))
                .isEqualTo(Duration.ofDays(39).plusHours(21).plusMinutes(30));
        List<Assessment> broken = quietBrokenBy(versions, refs, BorderSegment.ARARAT, 5, "h69-13",
                "First incident in ARARAT after 39 days of calm (last one 2026-05-25); "
                        + "4 incidents in the 90 days before the calm.");
        assertThat(broken.get(0).window().from()).isAtSameInstantAs(report("h69-13").occurredAt());
        assertThat(named(last(broken).signals().get(0), refs)).containsExactlyInAnyOrder("h69-13", "h69-14");
        assertThat(last(broken).occurrence()).isEqualTo(Occurrence.DISPUTED);

        Assessment from19May = last(incidentOf(replay(without("h69-06", "h69-07")), refs, "h69-13"));
        assertThat(signal(from19May, SignalType.QUIET_BROKEN).rationale())
                .startsWith("First incident in ARARAT after 46 days of calm (last one 2026-05-19); "
                        + "3 incidents in the 90 days before the calm.");

        Assessment twoBefore = last(incidentOf(replay(without("h69-01", "h69-02", "h69-05")), refs, "h69-13"));
        assertThat(twoBefore.signals()).isEmpty();
        assertThat(twoBefore.severity()).isEqualTo(Severity.LOW);
    }

    /**
     * Khoznavar: Azerbaijan's claim of a serviceman killed on 14 July (DISPUTED, FATALITIES, HIGH, never a cycle) and,
     * 36 h 40 min later, Armenia's claim of a soldier killed with the border service's own "punitive operation" and the
     * foreign ministry's condemnation: a second incident, CONFIRMED/UNCONTESTED from the self-report on, killed 1 in
     * every version, FATALITIES and RETALIATION_CYCLE, HIGH. The cycle names the 14 July claim and the 16 July claim
     * and self-report. Either reason raises it alone; without both it goes, and the 48 h window decides.
     */
    @Test
    void theRetaliationCycleNamesTheKillingAndThePunitiveOperation() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        List<Assessment> killing = incidentOf(versions, refs, "h69-16");
        List<Assessment> punitive = incidentOf(versions, refs, "h69-19");
        assertThat(last(killing).incidentId()).isNotEqualTo(last(punitive).incidentId());
        assertThat(List.of(last(killing), last(punitive))).extracting(Assessment::segment)
                .containsOnly(BorderSegment.SYUNIK_EAST);

        assertThat(killing).allSatisfy(a -> {
            assertThat(a.signals()).extracting(Signal::type).containsExactly(SignalType.FATALITIES);
            assertThat(a.killed()).isEqualTo(1);
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
        });
        assertThat(last(killing).occurrence()).isEqualTo(Occurrence.DISPUTED);

        assertThat(punitive).extracting(Assessment::occurrence).containsExactly(Occurrence.UNVERIFIED,
                Occurrence.CONFIRMED, Occurrence.CONFIRMED, Occurrence.CONFIRMED);
        assertThat(punitive).allSatisfy(a -> {
            assertThat(a.attribution()).isEqualTo(Attribution.UNCONTESTED);
            assertThat(a.killed()).isEqualTo(1);
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.signals()).extracting(Signal::type)
                    .containsExactlyInAnyOrder(SignalType.FATALITIES, SignalType.RETALIATION_CYCLE);
        });
        assertThat(last(punitive).reportIds().get(Stance.CLAIM)).extracting(refs::get)
                .containsExactlyInAnyOrder("h69-18", "h69-19", "h69-20");
        Signal cycle = signal(last(punitive), SignalType.RETALIATION_CYCLE);
        assertThat(named(cycle, refs)).containsExactlyInAnyOrder("h69-16", "h69-18", "h69-19");
        assertThat(holds(last(killing), refs, "h69-16")).isTrue();
        assertThat(cycle.rationale()).contains("presented its own forces' action as retaliation",
                "2026-07-14 16:40 +04:00 in SYUNIK_EAST was followed within 48 hours");

        Assessment following = last(incidentOf(replay(with("h69-19", UNFRAMED)), refs, "h69-19"));
        assertThat(named(signal(following, SignalType.RETALIATION_CYCLE), refs))
                .containsExactlyInAnyOrder("h69-16", "h69-18");
        Assessment framed = last(incidentOf(replay(without("h69-16", "h69-17")), refs, "h69-19"));
        assertThat(named(signal(framed, SignalType.RETALIATION_CYCLE), refs)).containsExactly("h69-19");

        List<IncidentReport> neither = new ArrayList<>(with("h69-19", UNFRAMED));
        neither.removeIf(r -> r.sourceRef().equals("h69-16") || r.sourceRef().equals("h69-17"));
        Assessment alone = last(incidentOf(replay(neither), refs, "h69-19"));
        assertThat(alone.signals()).extracting(Signal::type).containsExactly(SignalType.FATALITIES);

        assertThat(last(incidentOf(replay(unframedWithKillingAt("2026-07-14T05:30:00+04:00")), refs, "h69-19"))
                .hasSignal(SignalType.RETALIATION_CYCLE)).as("47 h 50 min before").isTrue();
        assertThat(last(incidentOf(replay(unframedWithKillingAt("2026-07-14T05:10:00+04:00")), refs, "h69-19"))
                .hasSignal(SignalType.RETALIATION_CYCLE)).as("48 h 10 min before").isFalse();
    }

    /** The self-report not framed as retaliation, and the 14 July killing moved to another minute of that day. */
    private List<IncidentReport> unframedWithKillingAt(String at) {
        return with(with("h69-19", UNFRAMED), "h69-16", n -> {
            n.put("occurredAt", at);
            n.put("occurredUntil", at);
        });
    }

    /**
     * 19–20 August: Armenia's mortars at Tegh, mortars at Kut and a drone at Jermuk, one Azerbaijani denial naming all
     * three. One incident in each of the three segments, each with HEAVY_WEAPONS (naming its own claim) and SPREAD
     * (naming the three claims), HIGH; SPREAD from the third segment's claim on, not before. EUMA's gunfire near Tegh
     * is in the Syunik East incident alone, CONFIRMED/CONTESTED; Kut and Jermuk stay DISPUTED. Without the Kut claim
     * two segments remain and no version spreads.
     */
    @Test
    void theHeavyWeaponsSpreadOverThreeSegmentsAndEumaConfirmsTegh() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        assertThat(report("h69-26").location().segments()).containsExactlyInAnyOrder(BorderSegment.SYUNIK_EAST,
                BorderSegment.GEGHARKUNIK, BorderSegment.VAYOTS_DZOR_EAST);
        Map<String, BorderSegment> claims = Map.of("h69-22", BorderSegment.SYUNIK_EAST, "h69-24",
                BorderSegment.GEGHARKUNIK, "h69-23", BorderSegment.VAYOTS_DZOR_EAST);
        assertThat(versions.stream().filter(a -> holds(a, refs, "h69-26")).map(Assessment::incidentId).distinct())
                .hasSize(3);
        claims.forEach((claim, segment) -> {
            List<Assessment> incident = incidentOf(versions, refs, claim);
            Assessment last = last(incident);
            assertThat(last.segment()).as(claim).isEqualTo(segment);
            assertThat(last.severity()).as(claim).isEqualTo(Severity.HIGH);
            assertThat(last.attribution()).as(claim).isEqualTo(Attribution.CONTESTED);
            assertThat(last.signals()).as(claim).extracting(Signal::type)
                    .containsExactlyInAnyOrder(SignalType.HEAVY_WEAPONS, SignalType.SPREAD);
            assertThat(named(signal(last, SignalType.HEAVY_WEAPONS), refs)).as(claim).containsExactly(claim);
            assertThat(named(signal(last, SignalType.SPREAD), refs)).as(claim)
                    .containsExactlyInAnyOrder("h69-22", "h69-23", "h69-24");
            assertThat(signal(last, SignalType.SPREAD).rationale()).as(claim).contains("SYUNIK_EAST from 2026-08-19 "
                    + "22:10", "GEGHARKUNIK from 2026-08-20 00:00", "VAYOTS_DZOR_EAST from 2026-08-20 06:40");
            assertThat(incident).as(claim).allSatisfy(a -> assertThat(a.hasSignal(SignalType.SPREAD))
                    .isEqualTo(!a.asOf().isBefore(report("h69-24").publishedAt())));
        });

        List<Assessment> tegh = incidentOf(versions, refs, "h69-22");
        assertThat(last(tegh).occurrence()).isEqualTo(Occurrence.CONFIRMED);
        assertThat(last(tegh).reportIds().get(Stance.CONFIRMATION)).extracting(refs::get).containsExactly("h69-25");
        assertThat(versions).filteredOn(a -> holds(a, refs, "h69-25")).extracting(Assessment::incidentId)
                .containsOnly(last(tegh).incidentId());
        assertThat(List.of("h69-23", "h69-24")).allSatisfy(claim -> assertThat(
                last(incidentOf(versions, refs, claim)).occurrence()).as(claim).isEqualTo(Occurrence.DISPUTED));

        List<Assessment> twoSegments = replay(without("h69-24"));
        assertThat(twoSegments).noneMatch(a -> a.hasSignal(SignalType.SPREAD));
        assertThat(last(incidentOf(twoSegments, refs, "h69-22")).severity()).isEqualTo(Severity.MEDIUM);
    }

    /**
     * Norabak, 11 June 22:35: UNVERIFIED, DISPUTED after the denial, REFUTED at INFO from EUMA's statement that its
     * patrols in Gegharkunik on 11 and 12 June saw nothing; that statement is in no other incident (not the Kut
     * incident of August). Had the patrols' period ended at 22:00 on the 11th, the claim would stay DISPUTED.
     */
    @Test
    void theObserversPatrolsRefuteTheNorabakClaim() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        List<Assessment> norabak = incidentOf(versions, refs, "h69-10");
        assertThat(norabak).extracting(Assessment::occurrence).containsExactly(Occurrence.UNVERIFIED,
                Occurrence.DISPUTED, Occurrence.REFUTED, Occurrence.REFUTED);
        assertThat(norabak).extracting(Assessment::severity).containsExactly(Severity.LOW, Severity.LOW,
                Severity.INFO, Severity.INFO);
        assertThat(last(norabak).attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(last(norabak).reportIds().get(Stance.REFUTATION)).extracting(refs::get).containsExactly("h69-12");
        assertThat(versions).filteredOn(a -> holds(a, refs, "h69-12")).extracting(Assessment::incidentId)
                .containsOnly(last(norabak).incidentId());

        List<Assessment> shorter = replay(with("h69-12", n -> {
            n.put("occurredUntil", "2026-06-11T22:00:00+04:00");
            ((ObjectNode) n.get("coverage")).put("to", "2026-06-11T22:00:00+04:00");
        }));
        Assessment outside = last(incidentOf(shorter, refs, "h69-10"));
        assertThat(outside.occurrence()).isEqualTo(Occurrence.DISPUTED);
        assertThat(outside.severity()).isEqualTo(Severity.LOW);
    }

    /**
     * Sadarak, 9 May: the claim first says 21:15 and its correction under the same sourceRef 23:15–23:40. One
     * incident, whose version taken at the correction's publication moves its window and holds revision 2; the
     * denial of "the evening of 9 May" holds both times, so DISPUTED/CONTESTED LOW before and after.
     */
    @Test
    void theCorrectionMovesTheClaimWithinTheDeniedEvening() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        IncidentReport corrected = report("h69-03");
        assertThat(corrected.revision()).isEqualTo(2);
        List<Assessment> sadarak = incidentOf(versions, refs, "h69-03");
        assertThat(sadarak).allMatch(a -> holds(a, refs, "h69-03"));
        assertThat(sadarak).extracting(a -> a.window().from().toLocalDateTime().toString())
                .containsExactly("2026-05-09T21:15", "2026-05-09T21:15", "2026-05-09T23:15", "2026-05-09T23:15");
        assertThat(sadarak).extracting(Assessment::occurrence).containsExactly(Occurrence.UNVERIFIED,
                Occurrence.DISPUTED, Occurrence.DISPUTED, Occurrence.DISPUTED);
        assertThat(sadarak.get(2).asOf()).isAtSameInstantAs(corrected.publishedAt());
        assertThat(sadarak.subList(0, 2)).allSatisfy(a -> assertThat(a.evidence())
                .filteredOn(e -> e.reportId().equals(corrected.reportId())).extracting(Evidence::revision)
                .containsExactly(1));
        assertThat(last(sadarak).evidence()).filteredOn(e -> e.reportId().equals(corrected.reportId()))
                .extracting(Evidence::revision).containsExactly(2);
        assertThat(last(sadarak).window().to().toLocalDateTime().toString()).isEqualTo("2026-05-09T23:40");
        assertThat(last(sadarak).attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(last(sadarak).severity()).isEqualTo(Severity.LOW);
        assertThat(last(sadarak).rationale()).anyMatch(s -> s.contains("revision 2 correcting an earlier version"));
    }
}
