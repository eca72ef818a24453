package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.ClosureReason;
import org.borderwatch.common.model.Evidence;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Stance;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Held-out batch 73, a blind end-to-end round kept as batches 62, 63 and 69 are: an analyst who never saw the code
 * wrote a fictional year of 37 statements (14 January – 22 October 2026, 35 sourceRefs, two corrected under their
 * own) and the 19 incidents they expect, chosen to stress the harder rules; the fixture
 * ({@code src/test/resources/round-73/rows.json}, one row, as a {@link BlindRound}) holds the canonical reports ingest
 * made of them and the analyst's expectations. Checked as every round is ({@link BlindRoundTest});
 * {@code ClassifierTopologyTest} streams it. 19 of 19 as expected, no extra incident, on the blind run (ingest of main
 * 188793d, classifier c2dab9f).
 */
public class HeldOutBatch73Test extends BlindRoundTest {

    private static final String ROW = "r73-01";

    public HeldOutBatch73Test() {
        super(73, 1, 19);
    }

    /** The report's event moved to this instant (a minute), published and received as given. */
    private static Consumer<ObjectNode> at(String occurred, String published) {
        return n -> {
            n.put("occurredAt", occurred);
            n.put("occurredUntil", occurred);
            if (published != null) {
                n.put("publishedAt", published);
                n.put("receivedAt", published);
            }
        };
    }

    /** The report published (and received) at this instant. */
    private static Consumer<ObjectNode> publishedAt(String published) {
        return n -> {
            n.put("publishedAt", published);
            n.put("receivedAt", published);
        };
    }

    /** The report's source given another kind. */
    private static Consumer<ObjectNode> kind(SourceKind kind) {
        return n -> ((ObjectNode) n.get("source")).put("kind", kind.name());
    }

    /** The reports of the row without one revision of one sourceRef. */
    private List<IncidentReport> withoutRevision(String sourceRef, int revision) {
        return arriving().stream().filter(r -> !(r.sourceRef().equals(sourceRef) && r.revision() == revision))
                .toList();
    }

    /**
     * Armenia's foreign ministry on the delimitation commissions and Azerbaijan's on talks with the EU's envoy (stance
     * UNKNOWN, no place) and EUMA's Ararat week of 9–15 March, which holds no claim, are in no version. Had the 5 March
     * claim been of 10 March (published the next morning), the week would have refuted it.
     */
    @Test
    void theStatementsOfNoEventFormNoIncident() {
        assertThat(List.of("h73-01", "h73-31")).allSatisfy(ref -> assertThat(report(ref).stance()).as(ref)
                .isEqualTo(Stance.UNKNOWN));
        assertThat(report("h73-11").stance()).isEqualTo(Stance.REFUTATION);
        assertThat(report("h73-11").coverage().segments()).containsExactly(BorderSegment.ARARAT);
        assertThat(heldInAnyVersion(ROW)).doesNotContain("h73-01", "h73-11", "h73-31").contains("h73-02", "h73-08",
                "h73-09", "h73-24", "h73-28", "h73-35");

        Map<UUID, String> refs = refs(ROW);
        List<Assessment> inTheWeek = replay(with("h73-09", at("2026-03-10T22:30:00+04:00",
                "2026-03-11T09:40:00+04:00")));
        Assessment refuted = last(incidentOf(inTheWeek, refs, "h73-09"));
        assertThat(refuted.occurrence()).isEqualTo(Occurrence.REFUTED);
        assertThat(in(refuted, Stance.REFUTATION, refs)).containsExactly("h73-11");
    }

    /**
     * Khoznavar, 2 February: the claim's incident closes unanswered (UNVERIFIED/UNCONTESTED, MEDIUM for its wounded)
     * and is evicted before Armenia's denial of "the evening of 2 February" is published on 5 March. The denial gets its
     * own closed assessment over the claim's window, assessed alone: DISPUTED/CONTESTED, LOW, none of the claim's
     * wounded; the claim's incident gets no version after it. Published while the incident was open, or closed but
     * still kept (15 February, within the grace), the same denial joins the claim's incident: DISPUTED/CONTESTED,
     * MEDIUM.
     */
    @Test
    void theLateDenialAfterTheEvictionIsAssessedAlone() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        IncidentReport denial = report("h73-08");
        List<Assessment> claim = incidentOf(versions, refs, "h73-02");
        assertThat(claim).hasSize(2).allSatisfy(a -> {
            assertThat(a.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
            assertThat(a.attribution()).isEqualTo(Attribution.UNCONTESTED);
            assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(a.asOf()).isBefore(denial.publishedAt());
        });
        assertThat(last(claim).closure().reason()).isEqualTo(ClosureReason.QUIET);

        List<Assessment> alone = incidentOf(versions, refs, "h73-08");
        assertThat(alone).hasSize(1);
        Assessment own = alone.get(0);
        assertThat(own.incidentId()).isNotEqualTo(last(claim).incidentId());
        assertThat(own.segment()).isEqualTo(BorderSegment.SYUNIK_EAST);
        assertThat(own.closed()).isTrue();
        assertThat(own.closure().reason()).isEqualTo(ClosureReason.ASSESSED_ALONE);
        assertThat(own.asOf()).isAtSameInstantAs(denial.publishedAt());
        assertThat(own.window()).isEqualTo(last(claim).window());
        assertThat(own.reportIds()).containsOnlyKeys(Stance.DENIAL);
        assertThat(in(own, Stance.DENIAL, refs)).containsExactly("h73-08");
        assertThat(own.occurrence()).isEqualTo(Occurrence.DISPUTED);
        assertThat(own.attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(own.severity()).isEqualTo(Severity.LOW);
        assertThat(own.casualties()).isEmpty();
        assertThat(own.rationale()).anyMatch(s -> s.contains("the closed incident is not reopened"));

        for (String published : List.of("2026-02-04T12:00:00+04:00", "2026-02-15T12:00:00+04:00")) {
            List<Assessment> earlier = replay(with("h73-08", publishedAt(published)));
            Assessment joined = last(incidentOf(earlier, refs, "h73-08"));
            assertThat(joined.incidentId()).as(published).isEqualTo(last(claim).incidentId());
            assertThat(in(joined, Stance.CLAIM, refs)).as(published).containsExactly("h73-02");
            assertThat(joined.occurrence()).as(published).isEqualTo(Occurrence.DISPUTED);
            assertThat(joined.severity()).as(published).isEqualTo(Severity.MEDIUM);
            assertThat(earlier).as(published).noneMatch(a -> a.closure() != null
                    && a.closure().reason() == ClosureReason.ASSESSED_ALONE);
        }
    }

    /**
     * Sotk: Armenia's denial of the night of 11 to 12 February is published at 09:30, Azerbaijan's claim of 02:40 at
     * 11:45. The denial waits (UNVERIFIED, over the period it answers) and the claim falls into its incident: one
     * incident, DISPUTED/CONTESTED LOW, its window the claim's minute. A claim of 10:00, after the denial's
     * publication, is answered by nothing it published before: two incidents, the claim UNVERIFIED/UNCONTESTED.
     */
    @Test
    void theDenialPublishedBeforeItsClaimAnswersIt() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        IncidentReport claim = report("h73-04");
        assertThat(claim.publishedAt()).isAfter(report("h73-03").publishedAt());
        List<Assessment> sotk = incidentOf(versions, refs, "h73-03");
        assertThat(versions.stream().filter(a -> holds(a, refs, "h73-03") || holds(a, refs, "h73-04"))
                .map(Assessment::incidentId).distinct()).hasSize(1);
        assertThat(sotk).extracting(Assessment::occurrence).containsExactly(Occurrence.UNVERIFIED,
                Occurrence.DISPUTED, Occurrence.DISPUTED);
        assertThat(sotk.get(0).window().from().toLocalDateTime().toString()).isEqualTo("2026-02-11T00:00");
        assertThat(last(sotk).window().from()).isAtSameInstantAs(claim.occurredAt());
        assertThat(last(sotk).window().to()).isAtSameInstantAs(claim.occurredAt());
        assertThat(last(sotk).attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(last(sotk).severity()).isEqualTo(Severity.LOW);

        List<Assessment> after = replay(with("h73-04", at("2026-02-12T10:00:00+04:00", null)));
        Assessment unanswered = last(incidentOf(after, refs, "h73-04"));
        assertThat(unanswered.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
        assertThat(unanswered.attribution()).isEqualTo(Attribution.UNCONTESTED);
        assertThat(holds(unanswered, refs, "h73-03")).isFalse();
    }

    /**
     * Azerbaijan's ministry claims four events in four days (2, 4, 5, 6 March) against 0.5 a week in the four weeks
     * before — the 2 February claim of the evicted incident among them (0.3 without it). CLAIM_SURGE on the four
     * incidents from the third event's publication on, not before, MEDIUM; one of four disputed, no uncorroborated
     * surge. Without the 5 and 6 March claims no version surges.
     */
    @Test
    void theMinistrysMarchClaimsSurgeFromTheThirdEvent() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        List<String> surge = List.of("h73-05", "h73-06", "h73-09", "h73-10");
        assertThat(surge).allSatisfy(claim -> {
            List<Assessment> incident = incidentOf(versions, refs, claim);
            Assessment last = last(incident);
            assertThat(last.signals()).as(claim).extracting(Signal::type).containsExactly(SignalType.CLAIM_SURGE);
            assertThat(last.severity()).as(claim).isEqualTo(Severity.MEDIUM);
            assertThat(named(last.signals().get(0), refs)).as(claim).containsExactlyInAnyOrderElementsOf(surge);
            assertThat(last.signals().get(0).rationale()).as(claim).startsWith("Ministry of Defence of Azerbaijan "
                    + "claimed 4 events from 2026-03-02 23:10 +04:00 to 2026-03-06 20:40 +04:00").endsWith(
                    "against a weekly average of 0.5 over the 4 weeks before.");
            assertThat(incident).as(claim).allSatisfy(a -> assertThat(a.hasSignal(SignalType.CLAIM_SURGE))
                    .isEqualTo(!a.asOf().isBefore(report("h73-09").publishedAt())));
        });
        assertThat(last(incidentOf(versions, refs, "h73-06")).occurrence()).isEqualTo(Occurrence.DISPUTED);
        assertThat(versions).noneMatch(a -> a.hasSignal(SignalType.UNCORROBORATED_SURGE));

        Assessment withoutEvicted = last(incidentOf(replay(without("h73-02")), refs, "h73-09"));
        assertThat(signal(withoutEvicted, SignalType.CLAIM_SURGE).rationale())
                .endsWith("against a weekly average of 0.3 over the 4 weeks before.");
        assertThat(replay(without("h73-09", "h73-10"))).noneMatch(a -> a.hasSignal(SignalType.CLAIM_SURGE));
    }

    /**
     * May: the ministry's claims of 11 and 15 May and APA's relays of them and of a 13 May event at Jermuk. The
     * relays are claims of their incidents that confirm nothing (UNVERIFIED/UNCONTESTED, LOW) and count for no surge:
     * no May version carries a signal. Were the Jermuk relay the ministry's own claim, its three events in the week
     * would surge; were APA a side's official, so would its three.
     */
    @Test
    void apasRelaysMakeNoSurge() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        assertThat(List.of("h73-13", "h73-14", "h73-16")).allSatisfy(ref -> assertThat(report(ref).source().kind())
                .as(ref).isEqualTo(SourceKind.MEDIA));
        Map<String, String> relayed = Map.of("h73-12", "h73-13", "h73-14", "h73-14", "h73-15", "h73-16");
        relayed.forEach((claim, relay) -> {
            List<Assessment> incident = incidentOf(versions, refs, claim);
            assertThat(in(last(incident), Stance.CLAIM, refs)).as(claim).contains(relay);
            assertThat(incident).as(claim).allSatisfy(a -> {
                assertThat(a.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
                assertThat(a.attribution()).isEqualTo(Attribution.UNCONTESTED);
                assertThat(a.severity()).isEqualTo(Severity.LOW);
                assertThat(a.signals()).isEmpty();
            });
        });

        List<Assessment> ministrys = replay(with("h73-14", n -> n.set("source", Json.mapper()
                .valueToTree(report("h73-12").source()))));
        assertThat(List.of("h73-12", "h73-14", "h73-15")).allSatisfy(claim -> assertThat(named(signal(
                last(incidentOf(ministrys, refs, claim)), SignalType.CLAIM_SURGE), refs)).as(claim)
                .containsExactlyInAnyOrder("h73-12", "h73-14", "h73-15"));

        List<IncidentReport> official = with(with(with("h73-13", kind(SourceKind.PARTY_OFFICIAL)), "h73-14",
                kind(SourceKind.PARTY_OFFICIAL)), "h73-16", kind(SourceKind.PARTY_OFFICIAL));
        assertThat(named(signal(last(incidentOf(replay(official), refs, "h73-14")), SignalType.CLAIM_SURGE), refs))
                .containsExactlyInAnyOrder("h73-13", "h73-14", "h73-16");
    }

    /**
     * Agarak: Azerbaijan's claim of 23:10–23:40 on 20 June and Armenia's of 02:15 on 21 June, 2 h 35 min apart, are
     * one incident: CONFIRMED/CONTESTED from the second claim, LOW, no cycle (one exchange). Armenia's claim at 05:40
     * (6 h after) still joins; at 06:00 it forms its own incident, which follows the other side's claim within 48 hours
     * in the segment: RETALIATION_CYCLE, MEDIUM.
     */
    @Test
    void theTwoSidesClaimsOfTheAgarakNightAreOneExchange() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        List<Assessment> agarak = incidentOf(versions, refs, "h73-17");
        assertThat(agarak).extracting(Assessment::occurrence).containsExactly(Occurrence.UNVERIFIED,
                Occurrence.CONFIRMED, Occurrence.CONFIRMED);
        assertThat(in(last(agarak), Stance.CLAIM, refs)).containsExactlyInAnyOrder("h73-17", "h73-18");
        assertThat(last(agarak).attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(last(agarak).window().to()).isAtSameInstantAs(report("h73-18").occurredAt());
        assertThat(agarak).allSatisfy(a -> {
            assertThat(a.segment()).isEqualTo(BorderSegment.SYUNIK_WEST);
            assertThat(a.signals()).isEmpty();
            assertThat(a.severity()).isEqualTo(Severity.LOW);
        });

        Assessment atTheGap = last(incidentOf(replay(with("h73-18", at("2026-06-21T05:40:00+04:00", null))), refs,
                "h73-18"));
        assertThat(in(atTheGap, Stance.CLAIM, refs)).containsExactlyInAnyOrder("h73-17", "h73-18");
        assertThat(atTheGap.signals()).isEmpty();

        List<Assessment> apart = replay(with("h73-18", at("2026-06-21T06:00:00+04:00", null)));
        Assessment following = last(incidentOf(apart, refs, "h73-18"));
        assertThat(in(following, Stance.CLAIM, refs)).containsExactly("h73-18");
        assertThat(named(signal(following, SignalType.RETALIATION_CYCLE), refs))
                .containsExactlyInAnyOrder("h73-17", "h73-18");
        assertThat(following.severity()).isEqualTo(Severity.MEDIUM);
    }

    /**
     * Kajaran (Syunik West) 9 July 23:50 and Kapan (Syunik East) 40 minutes later: two incidents, one per segment,
     * Azerbaijan's one denial naming both in each, both DISPUTED/CONTESTED LOW, no signal. Had Kapan lain in Syunik
     * West, the two claims and the denial would be one incident.
     */
    @Test
    void kajaranAndKapanStayInTheirSegments() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        assertThat(report("h73-21").location().segments()).containsExactlyInAnyOrder(BorderSegment.SYUNIK_EAST,
                BorderSegment.SYUNIK_WEST);
        Map<String, BorderSegment> claims = Map.of("h73-19", BorderSegment.SYUNIK_WEST, "h73-20",
                BorderSegment.SYUNIK_EAST);
        assertThat(versions.stream().filter(a -> holds(a, refs, "h73-21")).map(Assessment::incidentId).distinct())
                .hasSize(2);
        claims.forEach((claim, segment) -> {
            Assessment last = last(incidentOf(versions, refs, claim));
            assertThat(last.segment()).as(claim).isEqualTo(segment);
            assertThat(in(last, Stance.CLAIM, refs)).as(claim).containsExactly(claim);
            assertThat(in(last, Stance.DENIAL, refs)).as(claim).containsExactly("h73-21");
            assertThat(last.occurrence()).as(claim).isEqualTo(Occurrence.DISPUTED);
            assertThat(last.attribution()).as(claim).isEqualTo(Attribution.CONTESTED);
            assertThat(last.severity()).as(claim).isEqualTo(Severity.LOW);
            assertThat(last.signals()).as(claim).isEmpty();
        });

        List<Assessment> oneSegment = replay(with("h73-20", n -> ((ObjectNode) n.get("location")).putArray("segments")
                .add(BorderSegment.SYUNIK_WEST.name())));
        Assessment together = last(incidentOf(oneSegment, refs, "h73-20"));
        assertThat(together.segment()).isEqualTo(BorderSegment.SYUNIK_WEST);
        assertThat(in(together, Stance.CLAIM, refs)).containsExactlyInAnyOrder("h73-19", "h73-20");
    }

    /**
     * EUMA's word on 10 August that its patrols in Tavush from 3 to 9 August saw nothing: the Aygepar claim of 5 August
     * (denied) lies inside and is REFUTED/CONTESTED, INFO, from that statement on; the Berkaber claim of 11 August, two
     * days after the week, stays UNVERIFIED/UNCONTESTED LOW without it. The same claim on 9 August, still published
     * after EUMA's statement, would be refuted.
     */
    @Test
    void eumasTavushWeekRefutesAygeparAndNotBerkaber() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        List<Assessment> aygepar = incidentOf(versions, refs, "h73-22");
        assertThat(aygepar).extracting(Assessment::occurrence).containsExactly(Occurrence.UNVERIFIED,
                Occurrence.DISPUTED, Occurrence.REFUTED, Occurrence.REFUTED);
        assertThat(aygepar).extracting(Assessment::severity).containsExactly(Severity.LOW, Severity.LOW,
                Severity.INFO, Severity.INFO);
        assertThat(aygepar.get(2).asOf()).isAtSameInstantAs(report("h73-24").publishedAt());
        assertThat(last(aygepar).attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(in(last(aygepar), Stance.REFUTATION, refs)).containsExactly("h73-24");
        assertThat(versions).filteredOn(a -> holds(a, refs, "h73-24")).extracting(Assessment::incidentId)
                .containsOnly(last(aygepar).incidentId());

        Assessment berkaber = last(incidentOf(versions, refs, "h73-25"));
        assertThat(berkaber.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
        assertThat(berkaber.attribution()).isEqualTo(Attribution.UNCONTESTED);
        assertThat(berkaber.severity()).isEqualTo(Severity.LOW);

        Assessment inside = last(incidentOf(replay(with("h73-25", at("2026-08-09T21:20:00+04:00", null))), refs,
                "h73-25"));
        assertThat(inside.occurrence()).isEqualTo(Occurrence.REFUTED);
        assertThat(inside.severity()).isEqualTo(Severity.INFO);
        assertThat(in(inside, Stance.REFUTATION, refs)).containsExactly("h73-24");
    }

    /**
     * Sadarak, 24 August: the border service's claim of a border guard killed, Armenia's denial, the ICRC's
     * confirmation of the death that day. UNVERIFIED, DISPUTED, then CONFIRMED from the ICRC's statement; CONTESTED
     * after the denial (the ICRC names no shooter); killed 1 in every version (the ICRC's figure names no side and adds
     * none), FATALITIES, HIGH. Were the ICRC a news outlet, the incident would stay DISPUTED.
     */
    @Test
    void theIcrcConfirmsTheBorderGuardsDeath() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        assertThat(report("h73-28").source().kind()).isEqualTo(SourceKind.INDEPENDENT_OBSERVER);
        List<Assessment> sadarak = incidentOf(versions, refs, "h73-26");
        assertThat(sadarak).extracting(Assessment::occurrence).containsExactly(Occurrence.UNVERIFIED,
                Occurrence.DISPUTED, Occurrence.CONFIRMED, Occurrence.CONFIRMED);
        assertThat(sadarak.get(2).asOf()).isAtSameInstantAs(report("h73-28").publishedAt());
        assertThat(sadarak.subList(1, 4)).allSatisfy(a -> assertThat(a.attribution())
                .isEqualTo(Attribution.CONTESTED));
        assertThat(sadarak).allSatisfy(a -> {
            assertThat(a.killed()).isEqualTo(1);
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.signals()).extracting(Signal::type).containsExactly(SignalType.FATALITIES);
        });
        assertThat(in(last(sadarak), Stance.CONFIRMATION, refs)).containsExactly("h73-28");

        Assessment relayed = last(incidentOf(replay(with("h73-28", kind(SourceKind.MEDIA))), refs, "h73-26"));
        assertThat(relayed.occurrence()).isEqualTo(Occurrence.DISPUTED);
        assertThat(relayed.killed()).isEqualTo(1);
    }

    /**
     * Nerkin Hand, 14 September: Armenia's ministry first reports four soldiers killed (CRITICAL), then under the same
     * sourceRef one killed and three wounded; Azerbaijan denies. From the correction's version on: killed 1, HIGH; the
     * final DISPUTED/CONTESTED holds revision 2. Without the correction the final would stay CRITICAL with 4 killed.
     */
    @Test
    void theCorrectedTollTurnsCriticalIntoHigh() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        IncidentReport corrected = report("h73-29");
        assertThat(corrected.revision()).isEqualTo(2);
        List<Assessment> toll = incidentOf(versions, refs, "h73-29");
        assertThat(toll).extracting(Assessment::killed).containsExactly(4, 1, 1, 1);
        assertThat(toll).extracting(Assessment::severity).containsExactly(Severity.CRITICAL, Severity.HIGH,
                Severity.HIGH, Severity.HIGH);
        assertThat(toll.get(1).asOf()).isAtSameInstantAs(corrected.publishedAt());
        assertThat(toll).allSatisfy(a -> assertThat(a.signals()).extracting(Signal::type)
                .containsExactly(SignalType.FATALITIES));
        assertThat(last(toll).occurrence()).isEqualTo(Occurrence.DISPUTED);
        assertThat(last(toll).attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(last(toll).evidence()).filteredOn(e -> e.reportId().equals(corrected.reportId()))
                .extracting(Evidence::revision).containsExactly(2);

        Assessment uncorrected = last(incidentOf(replay(withoutRevision("h73-29", 2)), refs, "h73-29"));
        assertThat(uncorrected.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(uncorrected.killed()).isEqualTo(4);
    }

    /**
     * Armenia's claim of fire at Kut (Gegharkunik) on 2 October 21:50, corrected to Jermuk (Vayots Dzor East): the
     * Kut incident closes DISSOLVED at the correction, a new incident in Vayots Dzor East takes the claim, and
     * Azerbaijan's denial near Jermuk answers it there: DISPUTED/CONTESTED LOW. Uncorrected, the Kut claim would stay
     * unanswered and the denial wait alone in Vayots Dzor East.
     */
    @Test
    void theCorrectedPlaceDissolvesTheKutIncident() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        IncidentReport corrected = report("h73-32");
        assertThat(corrected.revision()).isEqualTo(2);
        List<Assessment> kut = versions.stream().filter(a -> a.segment() == BorderSegment.GEGHARKUNIK
                && holds(a, refs, "h73-32")).toList();
        assertThat(kut).hasSize(2);
        assertThat(kut).extracting(Assessment::incidentId).containsOnly(kut.get(0).incidentId());
        assertThat(last(kut).closure().reason()).isEqualTo(ClosureReason.DISSOLVED);
        assertThat(last(kut).asOf()).isAtSameInstantAs(corrected.publishedAt());

        List<Assessment> jermuk = incidentOf(versions, refs, "h73-32");
        assertThat(jermuk.get(0).asOf()).isAtSameInstantAs(corrected.publishedAt());
        assertThat(jermuk).allSatisfy(a -> assertThat(a.segment()).isEqualTo(BorderSegment.VAYOTS_DZOR_EAST));
        assertThat(in(last(jermuk), Stance.DENIAL, refs)).containsExactly("h73-33");
        assertThat(last(jermuk).occurrence()).isEqualTo(Occurrence.DISPUTED);
        assertThat(last(jermuk).attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(last(jermuk).severity()).isEqualTo(Severity.LOW);

        List<Assessment> uncorrected = replay(withoutRevision("h73-32", 2));
        Assessment atKut = last(incidentOf(uncorrected, refs, "h73-32"));
        assertThat(atKut.segment()).isEqualTo(BorderSegment.GEGHARKUNIK);
        assertThat(atKut.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
        Assessment waiting = last(incidentOf(uncorrected, refs, "h73-33"));
        assertThat(waiting.reportIds()).containsOnlyKeys(Stance.DENIAL);
        assertThat(waiting.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
    }

    /**
     * Norabak, 21 October: Azerbaijan's border service reports its guards detained an Armenian citizen; Armenia's
     * foreign ministry tells of the seizure the next day. CONFIRMED/UNCONTESTED from the self-report on, the second
     * account in the same incident, LOW, no cycle. Were the first account a news outlet's, the detention would be
     * UNVERIFIED.
     */
    @Test
    void theDetentionToldByTheDetainingSideIsConfirmed() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        List<Assessment> detention = incidentOf(versions, refs, "h73-34");
        assertThat(detention).hasSize(2).allSatisfy(a -> {
            assertThat(a.occurrence()).isEqualTo(Occurrence.CONFIRMED);
            assertThat(a.attribution()).isEqualTo(Attribution.UNCONTESTED);
            assertThat(a.severity()).isEqualTo(Severity.LOW);
            assertThat(a.signals()).isEmpty();
        });
        assertThat(in(detention.get(0), Stance.CLAIM, refs)).containsExactly("h73-34");
        assertThat(in(last(detention), Stance.CLAIM, refs)).containsExactlyInAnyOrder("h73-34", "h73-35");

        Assessment relayed = last(incidentOf(replay(with("h73-34", kind(SourceKind.MEDIA))), refs, "h73-34"));
        assertThat(relayed.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
    }
}
