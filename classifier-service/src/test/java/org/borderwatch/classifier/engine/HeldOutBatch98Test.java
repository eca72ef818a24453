package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.BorderSegment;
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
 * Held-out batch 98, a blind end-to-end round kept as batch 87 is: an analyst who never saw the code wrote a fictional
 * autumn of 31 statements (1 September – 19 November 2026, one arriving out of order) and the 13 incidents they
 * expect; the fixture ({@code src/test/resources/round-98/rows.json}, one row, as a {@link BlindRound}) holds the
 * canonical reports ingest made of them, in the order they arrive, and the analyst's expectations. Checked as every
 * round is ({@link BlindRoundTest}); {@code ClassifierTopologyTest} streams it. 13 of 13 as expected, no extra
 * incident, on the blind run (ingest and classifier of main 5fad064).
 */
public class HeldOutBatch98Test extends BlindRoundTest {

    private static final String ROW = "r98-01";

    /** The claims of 20 and 21 October that make the SPREAD (Baghanis, Jermuk, Verin Shorzha). */
    private static final List<String> SPREAD = List.of("h98-19", "h98-20", "h98-21");

    /** The Tavush calm as the Baghanis claim breaks it, the number of incidents before it left open. */
    private static final String CALM = "First incident in TAVUSH after 38 days of calm (last one 2026-09-12); ";

    public HeldOutBatch98Test() {
        super(98, 1, 13);
    }

    /**
     * The US State Department's welcome of the delimitation commissions' meeting, the Government of Armenia's repair
     * payments and the foreign ministers' meeting in Vienna (stance UNKNOWN) and EUMA's "nothing" in Gegharkunik and
     * Vayots Dzor over 1–7 November, which holds no claim, are in no version. Had the Keshishkend claim and its denial
     * been of 6 November, that week would have refuted the claim (REFUTED/CONTESTED, INFO).
     */
    @Test
    void theStatementsOfNoEventFormNoIncident() {
        assertThat(List.of("h98-01", "h98-23", "h98-24")).allSatisfy(ref -> assertThat(report(ref).stance()).as(ref)
                .isEqualTo(Stance.UNKNOWN));
        IncidentReport week = report("h98-25");
        assertThat(week.stance()).isEqualTo(Stance.REFUTATION);
        assertThat(week.coverage().segments()).containsExactlyInAnyOrder(BorderSegment.GEGHARKUNIK,
                BorderSegment.VAYOTS_DZOR_EAST, BorderSegment.VAYOTS_DZOR_WEST);
        assertThat(heldInAnyVersion(ROW)).doesNotContain("h98-01", "h98-23", "h98-24", "h98-25").contains("h98-02",
                "h98-10", "h98-20", "h98-26", "h98-31");

        Assessment refuted = refutedHadItBeen("h98-26", during("2026-11-06T14:10:00+04:00",
                "2026-11-06T14:10:00+04:00", "2026-11-09T15:30:00+04:00"), "h98-27", during(
                "2026-11-06T12:00:00+04:00", "2026-11-06T18:00:00+04:00", "2026-11-10T11:00:00+04:00"), "h98-25");
        assertThat(refuted.segment()).isEqualTo(BorderSegment.VAYOTS_DZOR_WEST);
        assertThat(refuted.attribution()).isEqualTo(Attribution.CONTESTED);
    }

    /**
     * Berkaber, 3 September 23:40: Azerbaijan's claim and APA's relay (UNVERIFIED), Armenia's denial (DISPUTED/
     * CONTESTED), then EUMA's patrol that heard gunfire at about 23:45: CONFIRMED/CONTESTED, LOW, no signal. Without
     * EUMA's statement it stays DISPUTED.
     */
    @Test
    void eumasHeardGunfireConfirmsTheDeniedClaim() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        List<Assessment> berkaber = incidentOf(versions, refs, "h98-02").stream().filter(a -> !a.closed()).toList();
        assertThat(berkaber).extracting(Assessment::occurrence).containsExactly(Occurrence.UNVERIFIED,
                Occurrence.UNVERIFIED, Occurrence.DISPUTED, Occurrence.CONFIRMED);
        assertThat(berkaber.get(3).asOf()).isAtSameInstantAs(report("h98-06").publishedAt());
        assertThat(berkaber).allSatisfy(a -> {
            assertThat(a.segment()).isEqualTo(BorderSegment.TAVUSH);
            assertThat(a.severity()).isEqualTo(Severity.LOW);
            assertThat(a.signals()).isEmpty();
        });
        Assessment last = last(berkaber);
        assertThat(last.attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(in(last, Stance.CLAIM, refs)).containsExactlyInAnyOrder("h98-02", "h98-03");
        assertThat(in(last, Stance.CONFIRMATION, refs)).containsExactly("h98-06");

        Assessment unobserved = last(incidentOf(replay(without("h98-06")), refs, "h98-02"));
        assertThat(unobserved.occurrence()).isEqualTo(Occurrence.DISPUTED);
        assertThat(unobserved.attribution()).isEqualTo(Attribution.CONTESTED);
    }

    /**
     * The border service's "retaliatory measures" of 4 September 09:15 name no place; they answer the provocation in
     * the Gazakh direction of the evening before and are placed in Tavush through it, then join by their own time:
     * 9 h 30 min after Berkaber, an incident of their own (CONFIRMED/UNCONTESTED, RETALIATION_CYCLE raised by the
     * framing alone, MEDIUM), and Berkaber carries no signal. Dated to the answered evening they would join Berkaber
     * and give it the cycle; answering nothing they would stay UNRESOLVED; not framed as retaliation, no cycle (LOW),
     * still a side's own unnamed action, one of the four incidents Tavush's calm counts.
     */
    @Test
    void thePlacelessRetaliationIsPlacedByWhatItAnswers() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        IncidentReport self = report("h98-04");
        assertThat(self.location().segments()).containsExactly(BorderSegment.UNRESOLVED);
        assertThat(self.actingParty()).isEqualTo(Party.AZ);
        assertThat(self.retaliation()).isTrue();
        assertThat(self.answers().segments()).containsExactly(BorderSegment.TAVUSH);
        List<Assessment> operation = incidentOf(versions, refs, "h98-04");
        assertThat(operation).allSatisfy(a -> {
            assertThat(a.segment()).isEqualTo(BorderSegment.TAVUSH);
            assertThat(in(a, Stance.CLAIM, refs)).containsExactly("h98-04");
            assertThat(a.reportIds()).containsOnlyKeys(Stance.CLAIM);
            assertThat(a.occurrence()).isEqualTo(Occurrence.CONFIRMED);
            assertThat(a.attribution()).isEqualTo(Attribution.UNCONTESTED);
            assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(a.signals()).extracting(Signal::type).containsExactly(SignalType.RETALIATION_CYCLE);
            assertThat(named(signal(a, SignalType.RETALIATION_CYCLE), refs)).containsExactly("h98-04");
            assertThat(signal(a, SignalType.RETALIATION_CYCLE).rationale()).contains("Raised by this framing alone");
        });
        assertThat(last(operation).window().from().toLocalTime().toString()).isEqualTo("09:15");
        assertThat(incidentOf(versions, refs, "h98-02")).noneMatch(a -> holds(a, refs, "h98-04"))
                .allSatisfy(a -> assertThat(a.signals()).isEmpty());

        Assessment theEveningBefore = last(incidentOf(replay(with("h98-04", during("2026-09-03T21:00:00+04:00",
                "2026-09-03T23:59:59+04:00", "2026-09-04T10:30:00+04:00"))), refs, "h98-02"));
        assertThat(in(theEveningBefore, Stance.CLAIM, refs)).contains("h98-02", "h98-04");
        assertThat(theEveningBefore.signals()).extracting(Signal::type)
                .containsExactly(SignalType.RETALIATION_CYCLE);
        assertThat(theEveningBefore.severity()).isEqualTo(Severity.MEDIUM);

        Assessment unanswering = last(incidentOf(replay(with("h98-04", n -> n.remove("answers"))), refs, "h98-04"));
        assertThat(unanswering.segment()).isEqualTo(BorderSegment.UNRESOLVED);

        List<Assessment> unframed = replay(with("h98-04", n -> n.put("retaliation", false)));
        assertThat(unframed).noneMatch(a -> a.hasSignal(SignalType.RETALIATION_CYCLE));
        Assessment ownAction = last(incidentOf(unframed, refs, "h98-04"));
        assertThat(ownAction.segment()).isEqualTo(BorderSegment.TAVUSH);
        assertThat(ownAction.occurrence()).isEqualTo(Occurrence.CONFIRMED);
        assertThat(ownAction.severity()).isEqualTo(Severity.LOW);
        assertThat(signal(last(incidentOf(unframed, refs, "h98-19")), SignalType.QUIET_BROKEN).rationale())
                .isEqualTo(CALM + "4 incidents in the 90 days before the calm.");
    }

    /**
     * Azerbaijan's claim of fire from Kirants (Tavush) on 12 September 19:30 and Armenia's denial of fire "from the
     * Chambarak area" that evening, which is Gegharkunik: the denial answers no known claim and waits alone there over
     * the day it names (UNVERIFIED/CONTESTED, LOW); the claim, unanswered, stays UNVERIFIED/UNCONTESTED. Naming
     * Kirants' segment, the denial would join the claim: DISPUTED/CONTESTED, and no incident in Gegharkunik before
     * October.
     */
    @Test
    void theDenialOfTheWrongPlaceDoesNotJoin() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        assertThat(report("h98-10").answers().segments()).containsExactly(BorderSegment.GEGHARKUNIK);
        waitingAlone(versions, refs, "h98-10", BorderSegment.GEGHARKUNIK, "2026-09-12T00:00");
        List<Assessment> kirants = incidentOf(versions, refs, "h98-09");
        assertThat(kirants).allSatisfy(a -> {
            assertThat(a.segment()).isEqualTo(BorderSegment.TAVUSH);
            assertThat(a.reportIds().values().stream().flatMap(List::stream).map(refs::get))
                    .containsExactly("h98-09");
            assertThat(a.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
            assertThat(a.attribution()).isEqualTo(Attribution.UNCONTESTED);
            assertThat(a.severity()).isEqualTo(Severity.LOW);
        });

        Consumer<ObjectNode> inTavush = n -> {
            ((ObjectNode) n.get("location")).putArray("segments").add(BorderSegment.TAVUSH.name());
            ((ObjectNode) n.get("answers")).putArray("segments").add(BorderSegment.TAVUSH.name());
        };
        List<Assessment> rightPlace = replay(with("h98-10", inTavush));
        Assessment answered = last(incidentOf(rightPlace, refs, "h98-10"));
        assertThat(in(answered, Stance.CLAIM, refs)).containsExactly("h98-09");
        assertThat(answered.occurrence()).isEqualTo(Occurrence.DISPUTED);
        assertThat(answered.attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(rightPlace).noneMatch(a -> a.segment() == BorderSegment.GEGHARKUNIK
                && a.window().from().getMonthValue() == 9);
    }

    /**
     * Kut, 14 October 19:50: Azerbaijan's ministry claims mortar fire and one killed (HIGH), Armenia denies it, then
     * the same ministry's next statement gives three killed and APA relays the three: killed 1, 1, 3, 3, CRITICAL
     * from the ministry's second statement on (fatalities-critical 3), FATALITIES and HEAVY_WEAPONS in every version.
     * The latest figure the side gives for its own losses counts, not the highest: had the first statement said three
     * and the second one, killed 1 (HIGH) without APA's relay of the three. Without the second statement and its
     * relay, killed 1 and HIGH.
     */
    @Test
    void theMinistrysSecondStatementRaisesTheTollToCritical() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        List<Assessment> kut = incidentOf(versions, refs, "h98-15").stream().filter(a -> !a.closed()).toList();
        assertThat(kut).extracting(Assessment::killed).containsExactly(1, 1, 3, 3);
        assertThat(kut).extracting(Assessment::severity).containsExactly(Severity.HIGH, Severity.HIGH,
                Severity.CRITICAL, Severity.CRITICAL);
        assertThat(kut.get(2).asOf()).isAtSameInstantAs(report("h98-17").publishedAt());
        assertThat(kut).allSatisfy(a -> {
            assertThat(a.segment()).isEqualTo(BorderSegment.GEGHARKUNIK);
            assertThat(a.signals()).extracting(Signal::type).containsExactlyInAnyOrder(SignalType.FATALITIES,
                    SignalType.HEAVY_WEAPONS);
        });
        Assessment last = last(kut);
        assertThat(last.occurrence()).isEqualTo(Occurrence.DISPUTED);
        assertThat(last.attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(in(last, Stance.CLAIM, refs)).containsExactlyInAnyOrder("h98-15", "h98-17", "h98-18");

        Assessment firstFigure = last(incidentOf(replay(without("h98-17", "h98-18")), refs, "h98-15"));
        assertThat(firstFigure.killed()).isEqualTo(1);
        assertThat(firstFigure.severity()).isEqualTo(Severity.HIGH);

        List<IncidentReport> lowered = with(with(without("h98-18"), "h98-15", killed(3)), "h98-17", killed(1));
        Assessment latestLower = last(incidentOf(replay(lowered), refs, "h98-15"));
        assertThat(latestLower.killed()).isEqualTo(1);
        assertThat(latestLower.severity()).isEqualTo(Severity.HIGH);
    }

    /** The report's losses given as this many killed. */
    private static Consumer<ObjectNode> killed(int killed) {
        return n -> ((ObjectNode) n.get("casualties")).put("killed", killed);
    }

    /**
     * 20–21 October: Baghanis (Tavush) 22:30, Jermuk (Vayots Dzor East) 00:50 and Verin Shorzha (Gegharkunik) 03:40:
     * SPREAD on the three, naming their claims. Baghanis breaks Tavush's calm of 38 days after four incidents (the
     * refuted Voskepar claim and the border service's operation among them): QUIET_BROKEN alone at first (MEDIUM),
     * then with SPREAD (HIGH); no other version carries it. Without the operation three incidents remain and the calm is
     * still broken; without it and the refuted claim only two: no QUIET_BROKEN (Baghanis MEDIUM with SPREAD). Without
     * the Verin Shorzha claim only two segments: no SPREAD, Baghanis MEDIUM with QUIET_BROKEN alone.
     */
    @Test
    void theCalmOf38DaysIsBrokenWithTheSpread() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        Map<String, BorderSegment> spread = Map.of("h98-19", BorderSegment.TAVUSH, "h98-20",
                BorderSegment.VAYOTS_DZOR_EAST, "h98-21", BorderSegment.GEGHARKUNIK);
        spread.forEach((ref, segment) -> {
            Assessment last = last(incidentOf(versions, refs, ref));
            assertThat(last.segment()).as(ref).isEqualTo(segment);
            assertThat(named(signal(last, SignalType.SPREAD), refs)).as(ref).containsExactlyInAnyOrderElementsOf(SPREAD);
        });
        List<Assessment> baghanis = incidentOf(versions, refs, "h98-19").stream().filter(a -> !a.closed()).toList();
        assertThat(baghanis).allSatisfy(a -> assertThat(signal(a, SignalType.QUIET_BROKEN).rationale())
                .isEqualTo(CALM + "4 incidents in the 90 days before the calm."));
        assertThat(baghanis).extracting(Assessment::severity).containsExactly(Severity.MEDIUM, Severity.HIGH,
                Severity.HIGH);
        assertThat(baghanis.get(0).signals()).extracting(Signal::type).containsExactly(SignalType.QUIET_BROKEN);
        assertThat(versions).filteredOn(a -> a.hasSignal(SignalType.QUIET_BROKEN)).extracting(Assessment::incidentId)
                .containsOnly(last(baghanis).incidentId());
        assertThat(in(last(baghanis), Stance.DENIAL, refs)).containsExactly("h98-22");

        Assessment withoutTheOperation = last(incidentOf(replay(without("h98-04")), refs, "h98-19"));
        assertThat(signal(withoutTheOperation, SignalType.QUIET_BROKEN).rationale())
                .isEqualTo(CALM + "3 incidents in the 90 days before the calm.");
        List<Assessment> twoBefore = replay(without("h98-04", "h98-07", "h98-08"));
        assertThat(twoBefore).noneMatch(a -> a.hasSignal(SignalType.QUIET_BROKEN));
        Assessment spreadAlone = last(incidentOf(twoBefore, refs, "h98-19"));
        assertThat(spreadAlone.signals()).extracting(Signal::type).containsExactly(SignalType.SPREAD);
        assertThat(spreadAlone.severity()).isEqualTo(Severity.MEDIUM);

        List<Assessment> twoSegments = replay(without("h98-21"));
        assertThat(twoSegments).noneMatch(a -> a.hasSignal(SignalType.SPREAD));
        Assessment calmAlone = last(incidentOf(twoSegments, refs, "h98-19"));
        assertThat(calmAlone.signals()).extracting(Signal::type).containsExactly(SignalType.QUIET_BROKEN);
        assertThat(calmAlone.severity()).isEqualTo(Severity.MEDIUM);
    }

    /**
     * Armenpress's Jermuk report, published on 21 October at 08:30, arrives after Azerbaijan's denial of 13:00 (4 h
     * 30 min behind stream time). Run by the core in that order it is accepted, not late, and every final says what
     * the replay's says. In that order the Verin Shorzha claim (09:40) meets two segments only and carries no SPREAD
     * until Jermuk arrives, nor does Baghanis; in publication order SPREAD comes with Verin Shorzha's claim.
     */
    @Test
    void theJermukReportArrivingOutOfOrderChangesNoFinal() {
        Map<UUID, String> refs = refs(ROW);
        OutOfOrder run = outOfOrder("h98-20", "h98-22");
        assertThat(run.closedAtAnotherTime()).isEmpty();
        assertThat(List.of("h98-19", "h98-21")).allSatisfy(ref -> assertThat(run.beforeItArrives())
                .filteredOn(a -> holds(a, refs, ref)).as(ref).isNotEmpty()
                .noneMatch(a -> a.hasSignal(SignalType.SPREAD)));
        assertThat(SPREAD).allSatisfy(ref -> assertThat(last(incidentOf(run.live(), refs, ref))
                .hasSignal(SignalType.SPREAD)).as(ref).isTrue());
        Assessment firstReplayed = incidentOf(run.replayed(), refs, "h98-21").get(0);
        assertThat(firstReplayed.signals()).extracting(Signal::type).containsExactly(SignalType.SPREAD);
        assertThat(firstReplayed.asOf()).isAtSameInstantAs(report("h98-21").publishedAt());
    }
}
