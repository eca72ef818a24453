package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.Stance;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Held-out batch 87, a blind end-to-end round kept as batches 69 and 73 are: an analyst who never saw the code wrote
 * a fictional spring to autumn of 35 statements (28 April – 19 October 2026, 34 sourceRefs, one corrected under its
 * own, one arriving out of order) and the 14 incidents they expect; the fixture
 * ({@code src/test/resources/round-87/rows.json}, one row, as a {@link BlindRound}) holds the canonical reports ingest
 * made of them, in the order they arrive, and the analyst's expectations. Checked as every round is
 * ({@link BlindRoundTest}); {@code ClassifierTopologyTest} streams it. 14 of 14 as expected, no extra incident, on the
 * blind run (ingest of main d572a9a, classifier c2dab9f).
 */
public class HeldOutBatch87Test extends BlindRoundTest {

    private static final String ROW = "r87-01";

    /** Azerbaijan's ministry's four claimed events in Gegharkunik, 4–7 May. */
    private static final List<String> SURGE = List.of("h87-02", "h87-03", "h87-04", "h87-09");

    /** The reports of 14 and 15 July that make the SPREAD (Kut, EUMA at Jermuk, Tegh with its relay and death). */
    private static final List<String> SPREAD = List.of("h87-17", "h87-18", "h87-19", "h87-20", "h87-23");

    /** The border service's self-report no longer framed as retaliation. */
    private static final Consumer<ObjectNode> UNFRAMED = n -> n.put("retaliation", false);

    public HeldOutBatch87Test() {
        super(87, 1, 14);
    }

    /**
     * The Council of the EU's welcome of the initialled agreement, Armenia's ministry's calm week and the ICRC's return
     * of two civilians (stance UNKNOWN, no place) and EUMA's border-wide "nothing" of 12–18 October, which holds no
     * claim, are in no version. Had the Nakhchivan claim and its denial been of 13 October, that week would have
     * refuted the claim (REFUTED, INFO) though it names no segment.
     */
    @Test
    void theStatementsOfNoEventFormNoIncident() {
        assertThat(List.of("h87-01", "h87-11", "h87-28")).allSatisfy(ref -> assertThat(report(ref).stance()).as(ref)
                .isEqualTo(Stance.UNKNOWN));
        IncidentReport week = report("h87-34");
        assertThat(week.stance()).isEqualTo(Stance.REFUTATION);
        assertThat(week.coverage().segments()).isEmpty();
        assertThat(heldInAnyVersion(ROW)).doesNotContain("h87-01", "h87-11", "h87-28", "h87-34").contains("h87-02",
                "h87-10", "h87-15", "h87-18", "h87-22", "h87-25", "h87-33");

        Assessment refuted = refutedHadItBeen("h87-32", during("2026-10-13T22:20:00+04:00",
                "2026-10-13T22:20:00+04:00", "2026-10-14T09:30:00+04:00"), "h87-33", during(
                "2026-10-13T00:00:00+04:00", "2026-10-13T23:59:59+04:00", "2026-10-14T12:40:00+04:00"), "h87-34");
        assertThat(refuted.segment()).isEqualTo(BorderSegment.UNRESOLVED);
    }

    /**
     * Gegharkunik, 4–7 May: Azerbaijan's ministry claims four events in under three days against an empty baseline
     * (the stream begins on 28 April, which the rationale says, with the Council's milestone). CLAIM_SURGE on the four
     * from the third claim's publication on; UNCORROBORATED_SURGE from EUMA's patrols of 4 and 5 May on (then two of
     * three refuted; in the end three of four refuted or disputed). Both signals name exactly the ministry's four
     * claims, not APA's relay or the foreign ministry's repetition. The two refuted incidents are held at MEDIUM, the
     * disputed and the unanswered one are HIGH. Without EUMA's statement two of three are disputed from the second
     * denial on (an uncorroborated surge for a few hours) and two of four once the fourth claim is read, 50 %: no final
     * carries it, every incident MEDIUM.
     */
    @Test
    void theMinistrysMayClaimsSurgeAndTheRefutedAreHeldAtMedium() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        Map<String, Occurrence> occurrence = Map.of("h87-02", Occurrence.REFUTED, "h87-03", Occurrence.REFUTED,
                "h87-04", Occurrence.DISPUTED, "h87-09", Occurrence.UNVERIFIED);
        Map<String, Severity> severity = Map.of("h87-02", Severity.MEDIUM, "h87-03", Severity.MEDIUM, "h87-04",
                Severity.HIGH, "h87-09", Severity.HIGH);
        assertThat(SURGE).allSatisfy(claim -> {
            List<Assessment> incident = incidentOf(versions, refs, claim);
            Assessment last = last(incident);
            assertThat(last.segment()).as(claim).isEqualTo(BorderSegment.GEGHARKUNIK);
            assertThat(last.occurrence()).as(claim).isEqualTo(occurrence.get(claim));
            assertThat(last.severity()).as(claim).isEqualTo(severity.get(claim));
            assertThat(last.signals()).as(claim).extracting(Signal::type).containsExactlyInAnyOrder(
                    SignalType.CLAIM_SURGE, SignalType.UNCORROBORATED_SURGE);
            assertThat(last.signals()).as(claim).allSatisfy(s -> assertThat(named(s, refs))
                    .containsExactlyInAnyOrderElementsOf(SURGE));
            assertThat(signal(last, SignalType.CLAIM_SURGE).rationale()).as(claim).startsWith("Ministry of Defence of "
                    + "Azerbaijan claimed 4 events from 2026-05-04 22:50 +04:00 to 2026-05-07 20:00 +04:00").contains(
                    "against a weekly average of 0.0 over the 4 weeks before; but the classifier has no reports before"
                    + " 2026-04-28 18:00 +04:00, so that baseline covers only 0 of its 28 days.",
                    "It follows a diplomatic milestone: Council of the European Union on 2026-04-28");
            assertThat(signal(last, SignalType.UNCORROBORATED_SURGE).rationale()).as(claim).startsWith("3 of 4 "
                    + "claimed events in Ministry of Defence of Azerbaijan's surge are refuted or disputed");
            assertThat(incident).as(claim).allSatisfy(a -> {
                assertThat(a.hasSignal(SignalType.CLAIM_SURGE)).isEqualTo(!a.asOf().isBefore(
                        report("h87-04").publishedAt()));
                assertThat(a.hasSignal(SignalType.UNCORROBORATED_SURGE)).isEqualTo(!a.asOf().isBefore(
                        report("h87-07").publishedAt()));
            });
        });
        assertThat(in(last(incidentOf(versions, refs, "h87-02")), Stance.CLAIM, refs))
                .containsExactlyInAnyOrder("h87-02", "h87-10");
        assertThat(in(last(incidentOf(versions, refs, "h87-04")), Stance.CLAIM, refs))
                .containsExactlyInAnyOrder("h87-04", "h87-05");
        assertThat(in(last(incidentOf(versions, refs, "h87-03")), Stance.DENIAL, refs)).isEmpty();

        List<Assessment> unpatrolled = replay(without("h87-07"));
        assertThat(unpatrolled).filteredOn(a -> a.hasSignal(SignalType.UNCORROBORATED_SURGE))
                .allSatisfy(a -> assertThat(a.asOf()).isAtSameInstantAs(report("h87-08").publishedAt()))
                .isNotEmpty();
        assertThat(SURGE).allSatisfy(claim -> {
            Assessment last = last(incidentOf(unpatrolled, refs, claim));
            assertThat(last.signals()).as(claim).extracting(Signal::type).containsExactly(SignalType.CLAIM_SURGE);
            assertThat(last.severity()).as(claim).isEqualTo(Severity.MEDIUM);
        });
        assertThat(last(incidentOf(unpatrolled, refs, "h87-02")).occurrence()).isEqualTo(Occurrence.DISPUTED);
    }

    /**
     * Ararat, 9 June: the border service's claim of a border guard killed by a sniper at 16:40, corrected under the
     * same sourceRef to 16:55 (one incident, the window moving with the correction, revision 2 in the final), denied by
     * Armenia: DISPUTED/CONTESTED, killed 1, FATALITIES alone, HIGH, no cycle.
     */
    @Test
    void theCorrectedSniperClaimStaysOneIncident() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        IncidentReport corrected = report("h87-12");
        assertThat(corrected.revision()).isEqualTo(2);
        List<Assessment> sniper = incidentOf(versions, refs, "h87-12");
        assertThat(sniper.stream().filter(a -> !a.closed())).extracting(a -> a.window().from().toLocalTime()
                .toString()).containsExactly("16:40", "16:55", "16:55");
        assertThat(sniper.get(1).asOf()).isAtSameInstantAs(corrected.publishedAt());
        assertThat(sniper).allSatisfy(a -> {
            assertThat(a.segment()).isEqualTo(BorderSegment.ARARAT);
            assertThat(a.killed()).isEqualTo(1);
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.signals()).extracting(Signal::type).containsExactly(SignalType.FATALITIES);
        });
        assertThat(last(sniper).occurrence()).isEqualTo(Occurrence.DISPUTED);
        assertThat(last(sniper).attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(last(sniper).evidence()).filteredOn(e -> e.reportId().equals(corrected.reportId()))
                .extracting(Evidence::revision).containsExactly(2);
    }

    /**
     * Ararat, 10 June: Armenia's claim of three killed by mortars at 06:15, then the border service's placeless
     * "retaliation operation" of 06:10 naming two Armenian dead (placed through the claim it answers, joining by
     * time), then the foreign ministry's "three". UNVERIFIED, then CONFIRMED/UNCONTESTED from the self-report on;
     * killed 3, then 2 (the most conservative figure, the disagreement in the rationale); FATALITIES, HEAVY_WEAPONS and
     * RETALIATION_CYCLE in every version, CRITICAL. The cycle is there from the first version (Armenia's accusation
     * follows the sniper claim by 13 h 20 min) and the final names the self-report too. Without the border service's
     * figure killed is 3; without its statement UNVERIFIED with 3 and still a cycle (the following alone), as when it
     * is not framed as retaliation; without the sniper claim and its denial the framing alone raises it (the
     * self-report still placed in Ararat); without both no cycle (the self-report answers nothing and stays apart:
     * Armenia's claim UNVERIFIED with its three killed).
     */
    @Test
    void theRetaliationTakesTheMostConservativeToll() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        IncidentReport self = report("h87-15");
        assertThat(self.location().segments()).containsExactly(BorderSegment.UNRESOLVED);
        assertThat(self.actingParty()).isEqualTo(Party.AZ);
        assertThat(self.retaliation()).isTrue();
        List<Assessment> yeraskh = incidentOf(versions, refs, "h87-14").stream().filter(a -> !a.closed()).toList();
        assertThat(yeraskh).extracting(Assessment::occurrence).containsExactly(Occurrence.UNVERIFIED,
                Occurrence.CONFIRMED, Occurrence.CONFIRMED);
        assertThat(yeraskh.get(1).asOf()).isAtSameInstantAs(self.publishedAt());
        assertThat(yeraskh).extracting(Assessment::killed).containsExactly(3, 2, 2);
        assertThat(yeraskh).allSatisfy(a -> {
            assertThat(a.segment()).isEqualTo(BorderSegment.ARARAT);
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.signals()).extracting(Signal::type).containsExactlyInAnyOrder(SignalType.FATALITIES,
                    SignalType.HEAVY_WEAPONS, SignalType.RETALIATION_CYCLE);
        });
        assertThat(named(signal(yeraskh.get(0), SignalType.RETALIATION_CYCLE), refs))
                .containsExactlyInAnyOrder("h87-12", "h87-14");
        Assessment last = last(incidentOf(versions, refs, "h87-14"));
        assertThat(named(signal(last, SignalType.RETALIATION_CYCLE), refs))
                .containsExactlyInAnyOrder("h87-12", "h87-14", "h87-15");
        assertThat(in(last, Stance.CLAIM, refs)).containsExactlyInAnyOrder("h87-14", "h87-15", "h87-16");
        assertThat(last.attribution()).isEqualTo(Attribution.UNCONTESTED);
        assertThat(last.rationale()).anyMatch(s -> s.startsWith("Sources differ on Armenian losses")
                && s.endsWith("the most conservative figure is used: 2 killed, 0 wounded."));
        assertThat(versions.stream().filter(a -> holds(a, refs, "h87-12")).map(Assessment::incidentId).distinct())
                .hasSize(1).doesNotContain(last.incidentId());

        Assessment unfigured = last(incidentOf(replay(with("h87-15", n -> n.remove("casualties"))), refs, "h87-14"));
        assertThat(unfigured.occurrence()).isEqualTo(Occurrence.CONFIRMED);
        assertThat(unfigured.killed()).isEqualTo(3);

        Assessment unanswered = last(incidentOf(replay(without("h87-15")), refs, "h87-14"));
        assertThat(unanswered.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
        assertThat(unanswered.killed()).isEqualTo(3);
        assertThat(named(signal(unanswered, SignalType.RETALIATION_CYCLE), refs))
                .containsExactlyInAnyOrder("h87-12", "h87-14");

        Assessment framedAlone = last(incidentOf(replay(without("h87-12", "h87-13")), refs, "h87-14"));
        assertThat(in(framedAlone, Stance.CLAIM, refs)).contains("h87-15");
        assertThat(named(signal(framedAlone, SignalType.RETALIATION_CYCLE), refs)).containsExactly("h87-15");

        Assessment followingAlone = last(incidentOf(replay(with("h87-15", UNFRAMED)), refs, "h87-14"));
        assertThat(named(signal(followingAlone, SignalType.RETALIATION_CYCLE), refs))
                .containsExactlyInAnyOrder("h87-12", "h87-14");

        Assessment neither = last(incidentOf(replay(with(without("h87-12", "h87-13"), "h87-15", UNFRAMED)), refs,
                "h87-14"));
        assertThat(neither.hasSignal(SignalType.RETALIATION_CYCLE)).isFalse();
        assertThat(neither.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
        assertThat(neither.killed()).isEqualTo(3);
    }

    /**
     * 14–15 July: Kut (Gegharkunik) 22:10, EUMA's heard gunfire near Jermuk (Vayots Dzor East) 23:30 that nobody
     * claimed, and the drone at Tegh (Syunik East) from 12:00 (Armenpress's afternoon): SPREAD on the three, naming
     * their reports. The observer's incident counts and carries the signal (LOW before it, MEDIUM with it). Kut breaks
     * Gegharkunik's calm of 68 days after four incidents (QUIET_BROKEN in every version, HIGH with SPREAD); no other
     * version carries QUIET_BROKEN. Tegh's soldier dies: killed 0, 0, 1, CRITICAL from the death on. Without the
     * Jermuk statement only two segments: no SPREAD, Kut MEDIUM with QUIET_BROKEN alone, Tegh HIGH. Without the 7 May
     * claim the calm is measured from 6 May over three incidents, two of them refuted, and is still broken.
     */
    @Test
    void threeSegmentsSpreadAndKutBreaksTheCalm() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        Map<String, BorderSegment> spread = Map.of("h87-17", BorderSegment.GEGHARKUNIK, "h87-18",
                BorderSegment.VAYOTS_DZOR_EAST, "h87-19", BorderSegment.SYUNIK_EAST);
        spread.forEach((ref, segment) -> {
            Assessment last = last(incidentOf(versions, refs, ref));
            assertThat(last.segment()).as(ref).isEqualTo(segment);
            assertThat(named(signal(last, SignalType.SPREAD), refs)).as(ref)
                    .containsExactlyInAnyOrderElementsOf(SPREAD);
        });

        List<Assessment> kut = incidentOf(versions, refs, "h87-17");
        assertThat(kut).allSatisfy(a -> assertThat(signal(a, SignalType.QUIET_BROKEN).rationale()).isEqualTo(
                "First incident in GEGHARKUNIK after 68 days of calm (last one 2026-05-07); 4 incidents in the 90 days"
                + " before the calm."));
        assertThat(versions).filteredOn(a -> a.hasSignal(SignalType.QUIET_BROKEN)).extracting(Assessment::incidentId)
                .containsOnly(last(kut).incidentId());
        assertThat(kut).extracting(Assessment::severity).containsOnly(Severity.MEDIUM, Severity.HIGH);
        assertThat(last(kut).severity()).isEqualTo(Severity.HIGH);
        assertThat(in(last(kut), Stance.DENIAL, refs)).containsExactly("h87-21");

        List<Assessment> jermuk = incidentOf(versions, refs, "h87-18");
        assertThat(jermuk).allSatisfy(a -> {
            assertThat(a.reportIds()).containsOnlyKeys(Stance.CONFIRMATION);
            assertThat(a.occurrence()).isEqualTo(Occurrence.CONFIRMED);
            assertThat(a.attribution()).isEqualTo(Attribution.UNCONTESTED);
            assertThat(a.severity()).isEqualTo(a.hasSignal(SignalType.SPREAD) ? Severity.MEDIUM : Severity.LOW);
        });
        assertThat(jermuk.get(0).signals()).isEmpty();

        List<Assessment> tegh = incidentOf(versions, refs, "h87-19");
        assertThat(tegh).extracting(Assessment::killed).containsExactly(0, 0, 1, 1);
        assertThat(tegh.get(2).asOf()).isAtSameInstantAs(report("h87-23").publishedAt());
        assertThat(last(tegh).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(last(tegh).window().from().toLocalTime().toString()).isEqualTo("12:00");

        List<Assessment> twoSegments = replay(without("h87-18"));
        assertThat(twoSegments).noneMatch(a -> a.hasSignal(SignalType.SPREAD));
        Assessment kutAlone = last(incidentOf(twoSegments, refs, "h87-17"));
        assertThat(kutAlone.signals()).extracting(Signal::type).containsExactly(SignalType.QUIET_BROKEN);
        assertThat(kutAlone.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(last(incidentOf(twoSegments, refs, "h87-19")).severity()).isEqualTo(Severity.HIGH);

        Assessment fromTheSixth = last(incidentOf(replay(without("h87-09")), refs, "h87-17"));
        assertThat(signal(fromTheSixth, SignalType.QUIET_BROKEN).rationale()).isEqualTo("First incident in GEGHARKUNIK"
                + " after 69 days of calm (last one 2026-05-06); 3 incidents in the 90 days before the calm.");
    }

    /**
     * The Kut claim, published on 15 July at 09:00, arrives after Armenpress's relay of 17:40 (8 h 40 min behind
     * stream time). Run by the core in that order it is accepted, not late, and every final says what the replay's
     * (which orders by publication) says; only the two June incidents close at a later stream time (the Jermuk
     * statement's, the first July report to arrive, instead of the Kut claim's). In that order Kut's first version
     * already carries SPREAD and QUIET_BROKEN (HIGH), and the Jermuk and Tegh incidents have no SPREAD until Kut
     * arrives; in publication order Kut's first version carries QUIET_BROKEN alone (MEDIUM).
     */
    @Test
    void theKutClaimArrivingOutOfOrderChangesNoFinal() {
        Map<UUID, String> refs = refs(ROW);
        OutOfOrder run = outOfOrder("h87-17", "h87-20");
        assertThat(report("h87-17").publishedAt()).isBefore(report("h87-18").publishedAt());
        // only the stream time at which the June incidents closed differs: the first July report to arrive
        assertThat(run.closedAtAnotherTime()).allSatisfy(a -> {
            assertThat(a.asOf()).isAtSameInstantAs(report("h87-18").publishedAt());
            assertThat(run.replayedFinals().get(a.incidentId()).asOf())
                    .isAtSameInstantAs(report("h87-17").publishedAt());
        }).extracting(a -> refs.get(a.reportIds().get(Stance.CLAIM).get(0)))
                .containsExactlyInAnyOrder("h87-12", "h87-14");

        Assessment firstLive = incidentOf(run.live(), refs, "h87-17").get(0);
        assertThat(firstLive.signals()).extracting(Signal::type).containsExactlyInAnyOrder(SignalType.SPREAD,
                SignalType.QUIET_BROKEN);
        assertThat(firstLive.severity()).isEqualTo(Severity.HIGH);
        assertThat(List.of("h87-18", "h87-19")).allSatisfy(ref -> assertThat(run.beforeItArrives())
                .filteredOn(a -> holds(a, refs, ref)).as(ref).isNotEmpty()
                .noneMatch(a -> a.hasSignal(SignalType.SPREAD)));
        Assessment firstReplayed = incidentOf(run.replayed(), refs, "h87-17").get(0);
        assertThat(firstReplayed.signals()).extracting(Signal::type).containsExactly(SignalType.QUIET_BROKEN);
        assertThat(firstReplayed.severity()).isEqualTo(Severity.MEDIUM);
    }

    /**
     * Azerbaijan's denial of a drone strike near Tegh "on 14 July" answers no known claim (the Tegh claim is of 15
     * July): it waits over the day it names, an incident of its own holding it alone, UNVERIFIED/CONTESTED, LOW, no
     * signal, and no version of the Tegh incident holds it (the 17 July death notice joins Tegh, not the denial).
     * Naming 15 July, it would join Tegh: DISPUTED/CONTESTED.
     */
    @Test
    void theDenialOfTheWrongDayWaitsAlone() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        waitingAlone(versions, refs, "h87-22", BorderSegment.SYUNIK_EAST, "2026-07-14T00:00");
        List<Assessment> tegh = incidentOf(versions, refs, "h87-19");
        assertThat(tegh).noneMatch(a -> holds(a, refs, "h87-22"));
        assertThat(last(tegh).occurrence()).isEqualTo(Occurrence.UNVERIFIED);
        assertThat(in(last(tegh), Stance.CLAIM, refs)).containsExactlyInAnyOrder("h87-19", "h87-20", "h87-23");

        List<Assessment> rightDay = replay(with("h87-22", during("2026-07-15T00:00:00+04:00",
                "2026-07-15T23:59:59+04:00", "2026-07-16T11:00:00+04:00")));
        Assessment answered = last(incidentOf(rightDay, refs, "h87-22"));
        assertThat(in(answered, Stance.CLAIM, refs)).contains("h87-19");
        assertThat(answered.occurrence()).isEqualTo(Occurrence.DISPUTED);
        assertThat(answered.attribution()).isEqualTo(Attribution.CONTESTED);
    }

    /**
     * Agarak, 18 August 21:15: EUMA's "nothing seen" on the 18th (REFUTED, INFO), Azerbaijan's denial (CONTESTED),
     * then EUMA's new statement that a patrol heard the fire at about 21:20, which supersedes its first:
     * CONFIRMED/CONTESTED, LOW, both of EUMA's statements members. Without the later statement the refutation stands.
     */
    @Test
    void eumasLaterWordSupersedesItsRefutation() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        List<Assessment> agarak = incidentOf(versions, refs, "h87-24").stream().filter(a -> !a.closed()).toList();
        assertThat(agarak).extracting(Assessment::occurrence).containsExactly(Occurrence.UNVERIFIED,
                Occurrence.REFUTED, Occurrence.REFUTED, Occurrence.CONFIRMED);
        assertThat(agarak).extracting(Assessment::severity).containsExactly(Severity.LOW, Severity.INFO,
                Severity.INFO, Severity.LOW);
        assertThat(agarak).extracting(Assessment::attribution).containsExactly(Attribution.UNCONTESTED,
                Attribution.UNCONTESTED, Attribution.CONTESTED, Attribution.CONTESTED);
        assertThat(agarak.get(3).asOf()).isAtSameInstantAs(report("h87-27").publishedAt());
        Assessment last = last(agarak);
        assertThat(last.segment()).isEqualTo(BorderSegment.SYUNIK_WEST);
        assertThat(in(last, Stance.REFUTATION, refs)).containsExactly("h87-25");
        assertThat(in(last, Stance.CONFIRMATION, refs)).containsExactly("h87-27");
        assertThat(last.rationale()).anyMatch(s -> s.contains("supersedes its earlier one"));

        Assessment unrevised = last(incidentOf(replay(without("h87-27")), refs, "h87-24"));
        assertThat(unrevised.occurrence()).isEqualTo(Occurrence.REFUTED);
        assertThat(unrevised.attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(unrevised.severity()).isEqualTo(Severity.INFO);
    }

    /**
     * 22 September: one claim naming Istisu and Gorus lies in Vayots Dzor East and Syunik East; APA's relay and
     * Armenia's one denial of Jermuk and Goris join it in each. Two incidents, one per segment, each holding the three,
     * DISPUTED/CONTESTED, LOW, no signal (two segments make no SPREAD).
     */
    @Test
    void theClaimNamingTwoSegmentsIsAnIncidentInEach() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        assertThat(report("h87-29").location().segments()).containsExactlyInAnyOrder(BorderSegment.VAYOTS_DZOR_EAST,
                BorderSegment.SYUNIK_EAST);
        List<Assessment> finals = versions.stream().filter(a -> a.closed() && holds(a, refs, "h87-29")).toList();
        assertThat(finals).extracting(Assessment::segment).containsExactlyInAnyOrder(BorderSegment.VAYOTS_DZOR_EAST,
                BorderSegment.SYUNIK_EAST);
        assertThat(finals).extracting(Assessment::incidentId).doesNotHaveDuplicates();
        assertThat(finals).allSatisfy(a -> {
            assertThat(a.reportIds().values().stream().flatMap(List::stream).map(refs::get))
                    .containsExactlyInAnyOrder("h87-29", "h87-30", "h87-31");
            assertThat(a.occurrence()).isEqualTo(Occurrence.DISPUTED);
            assertThat(a.attribution()).isEqualTo(Attribution.CONTESTED);
            assertThat(a.severity()).isEqualTo(Severity.LOW);
            assertThat(a.signals()).isEmpty();
        });
    }

    /**
     * 5 October: a claim "in the Nakhchivan direction" (Ararat, Vayots Dzor West or Syunik West) is placed in none of
     * them: an UNRESOLVED incident, which Armenia's denial in the same words joins (UNVERIFIED, then
     * DISPUTED/CONTESTED, LOW). Without the denial it stays UNVERIFIED/UNCONTESTED.
     */
    @Test
    void theNakhchivanDirectionStaysUnresolved() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        assertThat(report("h87-32").location().ambiguous()).isTrue();
        assertThat(report("h87-32").location().segments()).containsExactlyInAnyOrder(BorderSegment.ARARAT,
                BorderSegment.VAYOTS_DZOR_WEST, BorderSegment.SYUNIK_WEST);
        assertThat(versions.stream().filter(a -> holds(a, refs, "h87-32") || holds(a, refs, "h87-33"))
                .map(Assessment::segment).distinct()).containsExactly(BorderSegment.UNRESOLVED);
        List<Assessment> nakhchivan = incidentOf(versions, refs, "h87-32").stream().filter(a -> !a.closed()).toList();
        assertThat(nakhchivan).extracting(Assessment::occurrence).containsExactly(Occurrence.UNVERIFIED,
                Occurrence.DISPUTED);
        assertThat(in(last(nakhchivan), Stance.DENIAL, refs)).containsExactly("h87-33");
        assertThat(last(nakhchivan).attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(last(nakhchivan).severity()).isEqualTo(Severity.LOW);

        Assessment undenied = last(incidentOf(replay(without("h87-33")), refs, "h87-32"));
        assertThat(undenied.segment()).isEqualTo(BorderSegment.UNRESOLVED);
        assertThat(undenied.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
        assertThat(undenied.attribution()).isEqualTo(Attribution.UNCONTESTED);
    }
}
