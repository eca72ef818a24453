package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.AZ_SBS;
import static org.borderwatch.classifier.TestReports.EUMA;
import static org.borderwatch.classifier.TestReports.OSCE;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.denial;
import static org.borderwatch.classifier.TestReports.observer;
import static org.borderwatch.classifier.TestReports.t;
import static org.borderwatch.common.model.BorderSegment.ARARAT;
import static org.borderwatch.common.model.BorderSegment.GEGHARKUNIK;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;
import static org.borderwatch.common.model.BorderSegment.UNRESOLVED;
import static org.borderwatch.common.model.BorderSegment.VAYOTS_DZOR_WEST;

import java.util.ArrayList;
import java.util.List;
import org.borderwatch.common.Uuids;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Answers;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Stance;
import org.junit.jupiter.api.Test;

class CorrelationTest {

    private ClassifierEngine engine = ClassifierEngine.withDefaults();

    private List<Assessment> feed(IncidentReport... reports) {
        List<Assessment> out = new ArrayList<>();
        for (IncidentReport r : reports) {
            out.addAll(engine.process(r).assessments());
        }
        return out;
    }

    private static IncidentReport azClaim(String ref, String at, String published, BorderSegment... segments) {
        return claim(AZ_MOD, ref, Party.AM, at, published, segments).build();
    }

    @Test
    void reportsWithinTheGapJoinAndLaterOnesStartANewIncident() {
        IncidentReport first = azClaim("a", "2025-01-10T10:00", "2025-01-10T12:00", SYUNIK_EAST);
        feed(first, azClaim("b", "2025-01-10T15:59", "2025-01-10T18:00", SYUNIK_EAST),
                azClaim("c", "2025-01-10T22:30", "2025-01-11T08:00", SYUNIK_EAST));
        assertThat(engine.state().incidents).hasSize(2);
        assertThat(engine.state().incidents.get(0).id).isEqualTo(Uuids.incidentId("SYUNIK_EAST", first.reportId()));
        assertThat(engine.state().incidents.get(0).members).hasSize(2);
    }

    @Test
    void anAccountPublishedTwiceInTheSameWordsIsOneSentenceOfTheRationale() {
        feed(azClaim("first", "2025-01-10T10:00", "2025-01-10T12:00", SYUNIK_EAST));
        // the same account under another reference, published at the same moment (e.g. on two channels)
        List<Assessment> out = feed(azClaim("again", "2025-01-10T10:00", "2025-01-10T12:00", SYUNIK_EAST));
        Assessment a = out.get(out.size() - 1);
        assertThat(a.reportIds().values().stream().mapToInt(List::size).sum()).isEqualTo(2);
        assertThat(a.rationale()).doesNotHaveDuplicates();
        assertThat(a.rationale().stream().filter(s -> s.startsWith("AZ MoD"))).hasSize(1);
    }

    @Test
    void aReportNamingSeveralSegmentsJoinsOneIncidentInEach() {
        List<Assessment> out = feed(azClaim("front", "2025-01-10T10:00", "2025-01-10T12:00", SYUNIK_EAST,
                GEGHARKUNIK));
        assertThat(out).extracting(Assessment::segment).containsExactly(SYUNIK_EAST, GEGHARKUNIK);
    }

    @Test
    void aDenialJoinsTheClaimItAnswersAcrossTheGap() {
        feed(azClaim("a", "2025-01-10T10:00", "2025-01-10T12:00", SYUNIK_EAST));
        List<Assessment> out = feed(denial(AM_MOD, "d", "2025-01-12T09:00", Party.AZ, "2025-01-10", "2025-01-10",
                SYUNIK_EAST).build());
        assertThat(engine.state().incidents).hasSize(1);
        assertThat(out).singleElement().satisfies(a -> assertThat(a.occurrence()).isEqualTo(Occurrence.DISPUTED));
    }

    @Test
    void coverageAppliesToClaimsThatArriveAfterIt() {
        feed(observer(EUMA, "o", Stance.REFUTATION, "2025-01-11T18:00", "2025-01-10", "2025-01-11",
                SYUNIK_EAST, GEGHARKUNIK).build());
        List<Assessment> out = feed(azClaim("late-claim", "2025-01-10T23:00", "2025-01-12T09:00", GEGHARKUNIK),
                azClaim("outside", "2025-01-12T08:00", "2025-01-12T10:00", SYUNIK_EAST));
        assertThat(out).extracting(Assessment::occurrence).containsExactly(Occurrence.REFUTED, Occurrence.UNVERIFIED);
    }

    @Test
    void aDenialCitingAClaimsLinkAnswersThatClaimOnlyWhateverItsDescriptionSays() {
        IncidentReport cited = claim(AZ_MOD, "cited", Party.AM, "2025-01-10T10:00", "2025-01-10T12:00", SYUNIK_EAST)
                .url("https://example.net/az-mod/cited").build();
        IncidentReport other = azClaim("other", "2025-01-10T11:00", "2025-01-10T13:00", GEGHARKUNIK);
        feed(cited, other);
        // the description (the whole day, no place) would fit both claims; the cited link picks one
        IncidentReport d = denial(AM_MOD, "d-link", "2025-01-11T09:00", Party.AZ, "2025-01-10", "2025-01-10")
                .answers(new Answers(List.of("https://example.net/az-mod/cited"), Party.AZ, t("2025-01-10"),
                        t("2025-01-10"), List.of())).build();
        List<Assessment> out = feed(d);
        assertThat(out).filteredOn(a -> a.occurrence() == Occurrence.DISPUTED).singleElement()
                .satisfies(a -> assertThat(a.segment()).isEqualTo(SYUNIK_EAST));
        assertThat(engine.state().incidents).filteredOn(i -> i.segment == GEGHARKUNIK).singleElement()
                .satisfies(i -> assertThat(i.members).hasSize(1));
    }

    @Test
    void anUnplaceableReportThatAnswersNothingStaysAloneAndIsNeverGuessed() {
        IncidentReport revenge = claim(AZ_SBS, "rev", Party.AZ, "2025-01-11T05:00", "2025-01-11T09:00")
                .location(Location.unresolved("somewhere")).retaliation(true)
                .answers(new Answers(List.of(), Party.AM, t("2025-01-10"), t("2025-01-10"), List.of())).build();
        List<Assessment> out = feed(revenge);
        assertThat(out).singleElement().satisfies(a -> assertThat(a.segment()).isEqualTo(UNRESOLVED));
    }

    @Test
    void anUnplaceableSelfReportIsPlacedThroughTheClaimItAnswers() {
        feed(claim(AZ_SBS, "prov", Party.AM, "2025-01-10T15:40", "2025-01-10T20:00", SYUNIK_EAST).build());
        IncidentReport revenge = claim(AZ_SBS, "rev", Party.AZ, "2025-01-11T05:00", "2025-01-11T09:00")
                .location(Location.unresolved(null)).retaliation(true)
                .answers(new Answers(List.of(), Party.AM, t("2025-01-10"), t("2025-01-10"), List.of())).build();
        List<Assessment> out = feed(revenge);
        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.segment()).isEqualTo(SYUNIK_EAST);
            assertThat(a.window().from()).isEqualTo(t("2025-01-11T05:00"));
            assertThat(a.occurrence()).isEqualTo(Occurrence.CONFIRMED);
        });
    }

    @Test
    void anAmbiguousDenialWaitsAloneUntilTheClaimItAnswersArrives() {
        IncidentReport ambiguous = denial(AM_MOD, "amb", "2025-01-11T09:00", Party.AZ, "2025-01-10", "2025-01-10",
                BorderSegment.ARARAT, BorderSegment.SYUNIK_WEST).location(new Location(
                List.of(BorderSegment.ARARAT, BorderSegment.SYUNIK_WEST), true, null, "Nakhchivan direction", null,
                null)).build();
        assertThat(feed(ambiguous)).singleElement().satisfies(a -> assertThat(a.segment()).isEqualTo(UNRESOLVED));
        List<Assessment> out = feed(azClaim("c", "2025-01-10T22:00", "2025-01-11T10:00", BorderSegment.ARARAT));
        assertThat(out).anySatisfy(a -> {
            assertThat(a.segment()).isEqualTo(UNRESOLVED);
            assertThat(a.closed()).isTrue();
        });
        assertThat(out).anySatisfy(a -> {
            assertThat(a.segment()).isEqualTo(BorderSegment.ARARAT);
            assertThat(a.occurrence()).isEqualTo(Occurrence.DISPUTED);
        });
        assertThat(engine.state().incidents).hasSize(1);
    }

    @Test
    void aDenialPublishedBeforeItsClaimStopsShapingTheWindowOnceTheClaimArrives() {
        IncidentReport early = denial(AM_MOD, "d", "2025-01-10T09:00", Party.AZ, "2025-01-10", "2025-01-10",
                SYUNIK_EAST).build();
        feed(early);
        assertThat(engine.state().incidents).singleElement()
                .satisfies(i -> assertThat(i.from).isEqualTo(t("2025-01-10T00:00")));
        List<Assessment> out = feed(azClaim("c", "2025-01-10T08:20", "2025-01-10T10:00", SYUNIK_EAST));
        assertThat(out).last().satisfies(a -> {
            assertThat(a.occurrence()).isEqualTo(Occurrence.DISPUTED);
            assertThat(a.window().from()).isEqualTo(t("2025-01-10T08:20"));
            assertThat(a.window().to()).isEqualTo(t("2025-01-10T08:20"));
        });
        // a claim 10 hours later is beyond the gap of the claim, though inside the day the denial spoke of
        feed(azClaim("late", "2025-01-10T18:30", "2025-01-10T20:00", SYUNIK_EAST));
        assertThat(engine.state().incidents).hasSize(2);
        assertThat(engine.state().incidents.get(0).start).isEqualTo(t("2025-01-10T08:20"));
    }

    @Test
    void aDenialOfAClaimWhoseIncidentClosedIsAssessedAloneInsteadOfWaitingForIt() {
        IncidentReport claim = azClaim("c", "2025-01-01T08:00", "2025-01-01T10:00", BorderSegment.TAVUSH);
        // the claim's incident closes on 9 January and is evicted once stream time passes 16 January 10:00
        feed(claim, azClaim("other", "2025-01-09T08:00", "2025-01-09T10:00", BorderSegment.ARARAT),
                azClaim("later", "2025-01-16T11:00", "2025-01-16T12:00", BorderSegment.ARARAT));
        assertThat(engine.state().incidents).noneMatch(i -> i.has(claim.reportId()));
        assertThat(engine.state().closed).noneMatch(i -> i.has(claim.reportId()));
        List<Assessment> out = feed(denial(AM_MOD, "d", "2025-01-16T13:00", Party.AZ, "2025-01-01", "2025-01-01",
                BorderSegment.TAVUSH).build());
        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.closed()).isTrue();
            assertThat(a.segment()).isEqualTo(BorderSegment.TAVUSH);
            assertThat(a.window().from()).isEqualTo(claim.occurredAt());
            assertThat(a.rationale()).anyMatch(x -> x.contains("whose incident had already closed"));
        });
        assertThat(engine.state().incidents).hasSize(1);
        assertThat(engine.state().pending).isEmpty();
    }

    /**
     * A denial published within the grace of the closure of its claim's incident corrects that incident's final
     * version: same id, the next version, still closed, DISPUTED — not an assessment of its own beside it.
     */
    @Test
    void aDenialWithinTheGraceOfItsClaimsClosureCorrectsTheClosedIncident() {
        IncidentReport claim = azClaim("c", "2025-01-01T08:00", "2025-01-01T10:00", BorderSegment.TAVUSH);
        List<Assessment> first = feed(claim);
        List<Assessment> closing = feed(azClaim("other", "2025-01-09T08:00", "2025-01-09T10:00", BorderSegment.ARARAT));
        Assessment closed = closing.stream().filter(a -> a.incidentId().equals(first.get(0).incidentId()))
                .findFirst().orElseThrow();
        assertThat(closed.closed()).isTrue();
        assertThat(engine.state().closed).anyMatch(i -> i.has(claim.reportId()));
        List<Assessment> out = feed(denial(AM_MOD, "d", "2025-01-10T10:00", Party.AZ, "2025-01-01", "2025-01-01",
                BorderSegment.TAVUSH).build());
        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.incidentId()).isEqualTo(closed.incidentId());
            assertThat(a.version()).isEqualTo(closed.version() + 1);
            assertThat(a.closed()).isTrue();
            assertThat(a.occurrence()).isEqualTo(Occurrence.DISPUTED);
            assertThat(a.attribution()).isEqualTo(org.borderwatch.common.model.Attribution.CONTESTED);
            assertThat(a.rationale()).contains(closed.rationale().get(closed.rationale().size() - 1));
            assertThat(a.rationale().get(a.rationale().size() - 1)).contains("corrected after the closure");
        });
        assertThat(engine.state().pending).isEmpty();
        // nothing new: no further version
        assertThat(feed(azClaim("third", "2025-01-11T08:00", "2025-01-11T10:00", BorderSegment.ARARAT)))
                .noneMatch(a -> a.incidentId().equals(closed.incidentId()));
    }

    /**
     * A response in a closed incident (kept for the grace after its closure) still answers a claim it describes that
     * arrives later: a denial of "1 to 3 January" disputes the 3 January claim published after the 1 January incident
     * closed, as it would had the claim come before the closure.
     */
    @Test
    void aResponseInAClosedIncidentAnswersALaterClaimWithinGrace() {
        feed(azClaim("c1", "2025-01-01T08:00", "2025-01-01T10:00", BorderSegment.TAVUSH),
                denial(AM_MOD, "d", "2025-01-02T10:00", Party.AZ, "2025-01-01", "2025-01-03",
                        BorderSegment.TAVUSH).build(),
                azClaim("far", "2025-01-10T08:00", "2025-01-10T11:00", BorderSegment.ARARAT));
        assertThat(engine.state().closed).singleElement().satisfies(i -> assertThat(i.segment)
                .isEqualTo(BorderSegment.TAVUSH));
        // about events before the denial was published (a response answers no claim about events after it spoke)
        List<Assessment> out = feed(azClaim("c3", "2025-01-02T06:00", "2025-01-10T12:00", BorderSegment.TAVUSH));
        assertThat(out).filteredOn(a -> !a.closed() && a.segment() == BorderSegment.TAVUSH).singleElement()
                .satisfies(a -> {
                    assertThat(a.occurrence()).isEqualTo(Occurrence.DISPUTED);
                    assertThat(a.reportIds()).containsKey(Stance.DENIAL);
                });
    }

    @Test
    void anUndatedDenialIsNeverTakenForAnAnswerToAClosedIncident() {
        feed(azClaim("c", "2025-01-01T08:00", "2025-01-01T10:00", BorderSegment.TAVUSH),
                azClaim("other", "2025-01-09T08:00", "2025-01-09T10:00", BorderSegment.ARARAT));
        IncidentReport undated = denial(AM_MOD, "d", "2025-01-10T10:00", Party.AZ, "2025-01-10", "2025-01-10",
                BorderSegment.TAVUSH).answers(new Answers(List.of(), Party.AZ, null, null,
                List.of(BorderSegment.TAVUSH))).build();
        List<Assessment> out = feed(undated);
        assertThat(out).noneMatch(a -> a.rationale().stream().anyMatch(x -> x.contains("already closed")));
        assertThat(engine.state().pending).contains(undated.reportId());
    }

    @Test
    void aRefutationThatNamesNoSegmentCoversTheWholeBorderButAConfirmationMustNameItsPlace() {
        feed(observer(EUMA, "o", Stance.REFUTATION, "2025-01-11T18:00", "2025-01-10", "2025-01-11").build(),
                observer(OSCE, "c", Stance.CONFIRMATION, "2025-01-11T19:00", "2025-01-10", "2025-01-11").build());
        List<Assessment> out = feed(azClaim("s", "2025-01-10T22:00", "2025-01-12T08:00", SYUNIK_EAST),
                azClaim("t", "2025-01-11T03:00", "2025-01-12T08:10", BorderSegment.TAVUSH),
                azClaim("later", "2025-01-12T03:00", "2025-01-12T08:20", GEGHARKUNIK));
        assertThat(out).filteredOn(a -> a.segment() != GEGHARKUNIK)
                .allSatisfy(a -> assertThat(a.occurrence()).isEqualTo(Occurrence.REFUTED))
                .anySatisfy(a -> assertThat(a.rationale()).anyMatch(x -> x.contains("no incidents along the border")));
        assertThat(out).filteredOn(a -> a.segment() == GEGHARKUNIK)
                .allSatisfy(a -> assertThat(a.occurrence()).isEqualTo(Occurrence.UNVERIFIED));
    }

    @Test
    void aDenialFromASourceTheRegistryDoesNotKnowIsNoMilestone() {
        org.borderwatch.common.model.Source unknown = new org.borderwatch.common.model.Source("unregistered/x",
                "Some ministry", org.borderwatch.common.model.SourceKind.OTHER, Party.AM);
        feed(azClaim("c", "2025-01-10T10:00", "2025-01-10T12:00", SYUNIK_EAST));
        List<Assessment> out = feed(denial(unknown, "d", "2025-01-10T15:00", Party.AZ, "2025-01-10", "2025-01-10",
                SYUNIK_EAST).build());
        assertThat(engine.state().milestones).isEmpty();
        assertThat(out).singleElement().satisfies(a -> assertThat(a.occurrence()).isEqualTo(Occurrence.DISPUTED));
    }

    @Test
    void aThirdPartyRecordingAViolationBySideIsAnEventNotAMilestone() {
        feed(claim(AM_MOD, "am", Party.AZ, "2025-01-10T10:00", "2025-01-10T12:00", SYUNIK_EAST).build(),
                denial(AZ_MOD, "az", "2025-01-10T14:00", Party.AM, "2025-01-10", "2025-01-10", SYUNIK_EAST).build());
        List<Assessment> out = feed(claim(org.borderwatch.classifier.TestReports.RU_MOD, "ru", Party.AZ,
                "2025-01-10T10:30", "2025-01-11T09:00", SYUNIK_EAST)
                .eventTypes(org.borderwatch.common.model.EventType.OTHER).build());
        assertThat(engine.state().milestones).isEmpty();
        // it joins the incident as a claim; since c23 (finding C5) it corroborates and no longer confirms
        assertThat(out).last().satisfies(a -> {
            assertThat(a.occurrence()).isEqualTo(Occurrence.DISPUTED);
            assertThat(a.reportIds().get(org.borderwatch.common.model.Stance.CLAIM)).hasSize(2);
        });
    }

    @Test
    void aDatasetsRecordsAreNeverCountedInAClaimSurge() {
        org.borderwatch.common.model.Source acled = org.borderwatch.classifier.TestReports.ACLED;
        List<Assessment> out = feed(claim(acled, "x1", Party.AM, "2025-01-10T10:00", "2025-01-10T12:00",
                SYUNIK_EAST).build(), claim(acled, "x2", Party.AM, "2025-01-11T10:00", "2025-01-11T12:00",
                GEGHARKUNIK).build(), claim(acled, "x3", Party.AM, "2025-01-12T10:00", "2025-01-12T12:00",
                BorderSegment.TAVUSH).build());
        assertThat(out).noneMatch(a -> a.hasSignal(org.borderwatch.common.model.SignalType.CLAIM_SURGE));
        assertThat(engine.state().claims).doesNotContainKey("acled");
    }

    /**
     * Seventh round: a media outlet relaying a side's claims is no surge source of its own (common/README.md: a surge is one
     * source's claims; the outlet's are the ministry's, quoted). Three relays in a week raise nothing; the ministry's
     * own three claims do, and the incidents holding them carry its surge.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({"tass, false", "az-mod, true"})
    void aMediaOutletRelayingClaimsIsNoSurgeSourceOfItsOwn(String source, boolean surges) {
        org.borderwatch.common.model.Source who = source.equals("tass") ? org.borderwatch.classifier.TestReports.TASS
                : AZ_MOD;
        List<Assessment> out = feed(claim(who, "r1", Party.AM, "2025-01-10T10:00", "2025-01-10T12:00",
                SYUNIK_EAST).build(), claim(who, "r2", Party.AM, "2025-01-11T10:00", "2025-01-11T12:00",
                GEGHARKUNIK).build(), claim(who, "r3", Party.AM, "2025-01-12T10:00", "2025-01-12T12:00",
                BorderSegment.TAVUSH).build());
        assertThat(out.stream().anyMatch(a -> a.hasSignal(org.borderwatch.common.model.SignalType.CLAIM_SURGE)))
                .isEqualTo(surges);
        // the relays are still remembered (for re-tellings, answers to closed claims, retaliation)
        assertThat(engine.state().claims.get(source)).hasSize(3);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "denial published first: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void anAmbiguousDenialOfAnAmbiguousClaimJoinsItsLoneIncident(boolean denialFirst) {
        List<BorderSegment> nakhchivan = List.of(BorderSegment.ARARAT, BorderSegment.VAYOTS_DZOR_WEST,
                BorderSegment.SYUNIK_WEST);
        Location direction = new Location(nakhchivan, true, null, "Nakhchivan direction", null, null);
        IncidentReport claim = claim(AZ_MOD, "c", Party.AM, "2025-01-10T22:40", "2025-01-11T09:00",
                BorderSegment.ARARAT).location(direction).build();
        IncidentReport deny = denial(AM_MOD, "d", denialFirst ? "2025-01-11T08:00" : "2025-01-11T11:00", Party.AZ,
                "2025-01-10", "2025-01-10", nakhchivan.toArray(BorderSegment[]::new)).location(direction).build();
        List<Assessment> out = denialFirst ? feed(deny, claim) : feed(claim, deny);
        assertThat(engine.state().incidents).singleElement().satisfies(i -> {
            assertThat(i.alone).isTrue();
            assertThat(i.has(deny.reportId())).isTrue();
            assertThat(i.from).isEqualTo(claim.occurredAt());
        });
        assertThat(out).last().satisfies(a -> {
            assertThat(a.segment()).isEqualTo(UNRESOLVED);
            assertThat(a.occurrence()).isEqualTo(Occurrence.DISPUTED);
            assertThat(a.attribution()).isEqualTo(org.borderwatch.common.model.Attribution.CONTESTED);
        });
    }

    @Test
    void duplicatesAreIgnoredAndAHigherRevisionReplacesTheEarlierVersion() {
        IncidentReport v1 = claim(AM_MOD, "k", Party.AZ, "2025-01-10T05:45", "2025-01-10T08:00", SYUNIK_EAST)
                .casualties(new Casualties(2, 0, Party.AM)).build();
        feed(v1);
        assertThat(engine.process(v1).outcome()).isEqualTo(ClassifierEngine.Outcome.DUPLICATE);
        assertThat(engine.process(v1).assessments()).isEmpty();
        IncidentReport v2 = claim(AM_MOD, "k", Party.AZ, "2025-01-10T05:45", "2025-01-10T08:00", SYUNIK_EAST)
                .casualties(new Casualties(4, 0, Party.AM)).revision(2).build();
        ClassifierEngine.Result r = engine.process(v2);
        assertThat(r.outcome()).isEqualTo(ClassifierEngine.Outcome.CORRECTED);
        assertThat(engine.state().incidents).hasSize(1);
        assertThat(engine.state().incidents.get(0).last.killed()).isEqualTo(4);
    }

    /**
     * A correction of a claim whose incident closed, published within the grace of the closure, corrects the closed
     * incident in place (a corrected final version, still closed, the denial kept); a correction that moves the claim
     * to another segment dissolves the closed incident (a final "Dissolved" version) and places the claim anew.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "moved to another segment: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aCorrectionWithinTheGraceOfItsIncidentsClosureCorrectsTheClosedIncident(boolean moved) {
        IncidentReport claim = azClaim("digh", "2025-03-16T09:35", "2025-03-16T11:00", SYUNIK_EAST);
        List<Assessment> before = feed(claim, denial(AM_MOD, "deny", "2025-03-16T13:00", Party.AZ, "2025-03-16",
                "2025-03-16", SYUNIK_EAST).build());
        List<Assessment> closing = feed(azClaim("far", "2025-03-24T09:00", "2025-03-24T10:00", GEGHARKUNIK));
        Assessment closed = closing.stream().filter(a -> a.incidentId().equals(before.get(0).incidentId()))
                .findFirst().orElseThrow();
        IncidentReport corrected = claim(AZ_MOD, "digh", Party.AM, "2025-03-16T09:40", "2025-03-24T11:00",
                moved ? BorderSegment.TAVUSH : SYUNIK_EAST).revision(2).build();
        ClassifierEngine.Result result = engine.process(corrected);
        assertThat(result.outcome()).isEqualTo(ClassifierEngine.Outcome.CORRECTED);
        Assessment again = result.assessments().stream().filter(a -> a.incidentId().equals(closed.incidentId()))
                .findFirst().orElseThrow();
        assertThat(again.version()).isEqualTo(closed.version() + 1);
        assertThat(again.closed()).isTrue();
        if (moved) {
            assertThat(ClassifierEngine.isRetirement(again)).isTrue();
            assertThat(result.assessments()).anyMatch(a -> a.segment() == BorderSegment.TAVUSH && !a.closed());
        } else {
            assertThat(result.assessments()).singleElement();
            assertThat(again.window().from()).isEqualTo(t("2025-03-16T09:40"));
            assertThat(again.occurrence()).isEqualTo(Occurrence.DISPUTED);
            assertThat(again.rationale().get(again.rationale().size() - 1)).contains("corrected after the closure");
        }
    }

    @Test
    void correctingTheOnlyClaimKeepsTheIncidentItsDenialAndItsVersionCount() {
        IncidentReport claim = azClaim("digh", "2025-03-16T09:35", "2025-03-16T11:00", SYUNIK_EAST);
        IncidentReport deny = denial(AM_MOD, "deny", "2025-03-16T13:00", Party.AZ, "2025-03-16", "2025-03-16",
                SYUNIK_EAST).build();
        List<Assessment> before = feed(claim, deny);
        Assessment last = before.get(before.size() - 1);
        assertThat(last.occurrence()).isEqualTo(Occurrence.DISPUTED);

        IncidentReport corrected = claim(AZ_MOD, "digh", Party.AM, "2025-03-16T09:40", "2025-03-16T11:00",
                SYUNIK_EAST).revision(2).build();
        ClassifierEngine.Result result = engine.process(corrected);

        assertThat(result.outcome()).isEqualTo(ClassifierEngine.Outcome.CORRECTED);
        assertThat(result.assessments()).singleElement().satisfies(a -> {
            assertThat(a.incidentId()).isEqualTo(last.incidentId());
            assertThat(a.version()).isEqualTo(last.version() + 1);
            assertThat(a.closed()).isFalse();
            assertThat(a.occurrence()).isEqualTo(Occurrence.DISPUTED);
            assertThat(a.reportIds().get(Stance.DENIAL)).containsExactly(deny.reportId());
            assertThat(a.window().from()).isEqualTo(t("2025-03-16T09:40"));
        });
    }

    @Test
    void aCorrectionThatMovesTheClaimNeverSendsAnIncidentsVersionBack() {
        IncidentReport claim = azClaim("moved", "2025-03-16T09:35", "2025-03-16T11:00", SYUNIK_EAST);
        List<Assessment> out = new ArrayList<>(feed(claim));
        IncidentReport elsewhere = claim(AZ_MOD, "moved", Party.AM, "2025-03-16T09:35", "2025-03-16T11:00",
                SYUNIK_EAST, GEGHARKUNIK).revision(2).build();

        List<Assessment> corrected = engine.process(elsewhere).assessments();
        out.addAll(corrected);
        // the Syunik incident is formed again under its id: an open next version, no "dissolved" closure before it
        assertThat(corrected).filteredOn(a -> a.segment() == SYUNIK_EAST).singleElement()
                .satisfies(a -> assertThat(a.closed()).isFalse());

        java.util.Map<java.util.UUID, Long> highest = new java.util.HashMap<>();
        for (Assessment a : out) {
            Long previous = highest.put(a.incidentId(), a.version());
            assertThat(previous == null || a.version() > previous)
                    .as("version %s of %s after %s", a.version(), a.incidentId(), previous).isTrue();
        }
        assertThat(out).anySatisfy(a -> assertThat(a.segment()).isEqualTo(GEGHARKUNIK));
    }

    @Test
    void aCorrectionThatTakesTheClaimElsewhereClosesTheIncidentItLeftAsDissolved() {
        IncidentReport claim = azClaim("left", "2025-03-16T09:35", "2025-03-16T11:00", SYUNIK_EAST);
        Assessment before = feed(claim).get(0);
        IncidentReport elsewhere = claim(AZ_MOD, "left", Party.AM, "2025-03-16T09:35", "2025-03-16T11:00",
                GEGHARKUNIK).revision(2).build();

        List<Assessment> corrected = engine.process(elsewhere).assessments();

        assertThat(corrected).filteredOn(a -> a.incidentId().equals(before.incidentId())).singleElement()
                .satisfies(a -> {
                    assertThat(a.closed()).isTrue();
                    assertThat(a.version()).isGreaterThan(before.version());
                    assertThat(a.rationale()).anyMatch(line -> line.startsWith("Dissolved"));
                });
        assertThat(corrected).anySatisfy(a -> {
            assertThat(a.segment()).isEqualTo(GEGHARKUNIK);
            assertThat(a.closed()).isFalse();
        });
    }

    /**
     * Eighth round (whole chain, round 7): a correction that moves a claim away dissolves the incident it left, and a
     * denial that had joined it by its answer used to go with it — in no final at all. It is placed again: it waits
     * (UNVERIFIED, CONTESTED) when it does not answer the corrected claim, and follows it when it does.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "denial names the first place only: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aDenialOfAClaimCorrectedAwayIsPlacedAgainNotLost(boolean namesTheFirstPlaceOnly) {
        IncidentReport claim = claim(AZ_MOD, "moved", Party.AM, "2024-09-09T22:15", "2024-09-10T09:00", ARARAT)
                .build();
        IncidentReport denial = namesTheFirstPlaceOnly
                ? denial(AM_MOD, "no", "2024-09-10T11:30", Party.AZ, "2024-09-09", "2024-09-09", ARARAT).build()
                : denial(AM_MOD, "no", "2024-09-10T11:30", Party.AZ, "2024-09-09", "2024-09-09").build();
        List<Assessment> all = new ArrayList<>(feed(claim, denial));
        Assessment disputed = all.get(1);
        assertThat(disputed.occurrence()).isEqualTo(Occurrence.DISPUTED);

        List<Assessment> corrected = engine.process(claim(AZ_MOD, "moved", Party.AM, "2024-09-09T22:15",
                "2024-09-10T15:40", VAYOTS_DZOR_WEST).revision(2).build()).assessments();

        assertThat(corrected).filteredOn(a -> a.incidentId().equals(disputed.incidentId())).singleElement()
                .satisfies(a -> assertThat(a.closed()).isTrue());
        all.addAll(corrected);
        java.util.Map<java.util.UUID, Assessment> latest = new java.util.LinkedHashMap<>();
        all.forEach(a -> latest.put(a.incidentId(), a));
        List<Assessment> open = latest.values().stream().filter(a -> !a.closed()).toList();
        assertThat(open).as("the denial is in an incident").anySatisfy(a -> assertThat(
                a.reportIds().getOrDefault(Stance.DENIAL, List.of())).contains(denial.reportId()));
        Assessment moved = open.stream().filter(a -> a.segment() == VAYOTS_DZOR_WEST).findFirst().orElseThrow();
        if (namesTheFirstPlaceOnly) {
            // Armenia denied fire from Yeraskh; the corrected claim is about Areni: the denial waits in Ararat
            assertThat(moved.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
            assertThat(open).filteredOn(a -> a.segment() == ARARAT).singleElement().satisfies(a -> {
                assertThat(a.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
                assertThat(a.attribution()).isEqualTo(Attribution.CONTESTED);
                assertThat(a.reportIds()).doesNotContainKey(Stance.CLAIM);
            });
        } else {
            // a denial of "the claim of 9 September" wherever it was answers the corrected claim too
            assertThat(moved.occurrence()).isEqualTo(Occurrence.DISPUTED);
            assertThat(moved.reportIds().get(Stance.DENIAL)).containsExactly(denial.reportId());
            assertThat(open).noneMatch(a -> a.segment() == ARARAT);
        }
    }

    /**
     * Ninth round, the grace at its edge: a report published exactly {@code grace} (7 days) behind stream time is still
     * read with the others and updates its incident; one second more and it is late, assessed alone.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "published {0}: late {1}")
    @org.junit.jupiter.params.provider.CsvSource({"2025-01-13T12:00,false", "2025-01-13T11:59:59,true"})
    void aReportExactlyGraceBehindStreamTimeIsStillRead(String published, boolean late) {
        // the claim is published late enough for its incident to be open still at stream time 20 January 12:00
        feed(azClaim("a", "2025-01-13T10:00", "2025-01-14T09:00", SYUNIK_EAST),
                azClaim("far", "2025-01-20T10:00", "2025-01-20T12:00", GEGHARKUNIK));
        IncidentReport d = denial(AM_MOD, "d", "2025-01-13T12:00", Party.AZ, "2025-01-13", "2025-01-13", SYUNIK_EAST)
                .publishedAt(java.time.OffsetDateTime.parse(published + (published.length() == 16 ? ":00" : "")
                        + "+04:00")).build();
        ClassifierEngine.Result r = engine.process(d);
        assertThat(r.outcome()).isEqualTo(late ? ClassifierEngine.Outcome.LATE : ClassifierEngine.Outcome.ACCEPTED);
        assertThat(r.assessments()).singleElement().satisfies(a -> {
            assertThat(a.closed()).isEqualTo(late);
            assertThat(a.occurrence()).isEqualTo(late ? Occurrence.UNVERIFIED : Occurrence.DISPUTED);
        });
        assertThat(engine.lateReports()).isEqualTo(late ? 1 : 0);
    }

    @Test
    void aLateReportWithinGraceUpdatesItsIncidentAndAnOlderOneIsAssessedAlone() {
        feed(azClaim("a", "2025-01-10T10:00", "2025-01-10T12:00", SYUNIK_EAST),
                azClaim("far", "2025-01-15T10:00", "2025-01-15T12:00", GEGHARKUNIK));
        List<Assessment> inGrace = feed(denial(AM_MOD, "d", "2025-01-11T09:00", Party.AZ, "2025-01-10",
                "2025-01-10", SYUNIK_EAST).build());
        assertThat(inGrace).singleElement().satisfies(a -> {
            assertThat(a.segment()).isEqualTo(SYUNIK_EAST);
            assertThat(a.occurrence()).isEqualTo(Occurrence.DISPUTED);
        });
        feed(azClaim("later", "2025-01-20T10:00", "2025-01-20T12:00", GEGHARKUNIK));
        IncidentReport old = azClaim("old", "2025-01-09T10:00", "2025-01-09T12:00", SYUNIK_EAST);
        ClassifierEngine.Result r = engine.process(old);
        assertThat(r.outcome()).isEqualTo(ClassifierEngine.Outcome.LATE);
        assertThat(r.assessments()).singleElement().satisfies(a -> {
            assertThat(a.closed()).isTrue();
            assertThat(a.incidentId()).isEqualTo(Uuids.incidentId("SYUNIK_EAST", old.reportId()));
            assertThat(a.rationale()).anyMatch(s -> s.contains("assessed alone"));
        });
        assertThat(engine.lateReports()).isEqualTo(1);
    }

    /**
     * Audit 4-5, gap 2: a report beyond the grace is assessed alone, with the signals that need nothing beyond the
     * report itself (FATALITIES, HEAVY_WEAPONS, RETALIATION_CYCLE on its framing) and the severity the usual rules give
     * with them; the detectors that compare it with other reports (surges, SPREAD, QUIET_BROKEN) stay silent. Columns:
     * who speaks, weapon, killed, wounded, framed as retaliation, expected signals, expected severity.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1} {2} killed {3} wounded retaliation={4}: {5} {6}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "claim        | SMALL_ARMS_FIRE  | 4 | 0 | false | FATALITIES                                  | CRITICAL",
        "claim        | MORTAR_ARTILLERY | 1 | 0 | false | FATALITIES HEAVY_WEAPONS                    | HIGH",
        "claim        | DRONE_STRIKE     | 0 | 0 | false | HEAVY_WEAPONS                               | MEDIUM",
        "claim        | SMALL_ARMS_FIRE  | 0 | 2 | false | ''                                          | MEDIUM",
        "claim        | SMALL_ARMS_FIRE  | 0 | 0 | false | ''                                          | LOW",
        "claim        | SMALL_ARMS_FIRE  | 0 | 0 | true  | RETALIATION_CYCLE                           | MEDIUM",
        "claim        | MORTAR_ARTILLERY | 1 | 0 | true  | FATALITIES RETALIATION_CYCLE HEAVY_WEAPONS  | CRITICAL",
        "confirmation | MORTAR_ARTILLERY | 1 | 0 | false | FATALITIES HEAVY_WEAPONS                    | HIGH",
        "denial       | MORTAR_ARTILLERY | 3 | 0 | false | ''                                          | LOW",
        "unregistered | MORTAR_ARTILLERY | 5 | 0 | true  | RETALIATION_CYCLE                           | MEDIUM",
    })
    void aReportBeyondTheGraceCarriesTheSignalsOfItsOwnWord(String who, org.borderwatch.common.model.EventType weapon,
                                                            int killed, int wounded, boolean retaliation,
                                                            String signals, org.borderwatch.common.model.Severity severity) {
        feed(azClaim("a", "2025-01-10T10:00", "2025-01-10T12:00", SYUNIK_EAST),
                azClaim("later", "2025-01-20T10:00", "2025-01-20T12:00", GEGHARKUNIK));
        IncidentReport.Builder b = switch (who) {
            case "claim" -> claim(AZ_MOD, "old", Party.AM, "2025-01-09T10:00", "2025-01-09T12:00", SYUNIK_EAST);
            case "unregistered" -> claim(new org.borderwatch.common.model.Source("unregistered/border-daily",
                    "Border Daily", org.borderwatch.common.model.SourceKind.OTHER, Party.UNKNOWN), "old", Party.AM,
                    "2025-01-09T10:00", "2025-01-09T12:00", SYUNIK_EAST);
            case "confirmation" -> observer(EUMA, "old", Stance.CONFIRMATION, "2025-01-09T12:00", "2025-01-09",
                    "2025-01-09", SYUNIK_EAST).occurredAt(t("2025-01-09T10:00")).actingParty(Party.AZ)
                    .location(Location.of(SYUNIK_EAST));
            case "denial" -> denial(AM_MOD, "old", "2025-01-09T12:00", Party.AZ, "2025-01-09", "2025-01-09",
                    SYUNIK_EAST);
            default -> throw new IllegalArgumentException(who);
        };
        IncidentReport old = b.eventTypes(weapon).casualties(new Casualties(killed, wounded, Party.AM))
                .retaliation(retaliation).build();
        ClassifierEngine.Result r = engine.process(old);
        assertThat(r.outcome()).isEqualTo(ClassifierEngine.Outcome.LATE);
        List<org.borderwatch.common.model.SignalType> expected = signals.isBlank() ? List.of()
                : java.util.Arrays.stream(signals.trim().split("\\s+"))
                        .map(org.borderwatch.common.model.SignalType::valueOf).toList();
        assertThat(r.assessments()).singleElement().satisfies(a -> {
            assertThat(a.closed()).isTrue();
            assertThat(a.signals()).extracting(org.borderwatch.common.model.Signal::type)
                    .containsExactlyElementsOf(expected);
            assertThat(a.signals()).allSatisfy(sg -> assertThat(sg.reportIds()).containsExactly(old.reportId()));
            assertThat(a.severity()).isEqualTo(severity);
            if (expected.isEmpty()) {
                assertThat(a.rationale()).noneMatch(x -> x.startsWith("Escalation signals"));
            } else {
                assertThat(a.rationale()).contains("Escalation signals: " + String.join(", ", expected.stream()
                        .map(t -> t.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).toList())
                        + "; severity " + severity + ".");
            }
            if (expected.contains(org.borderwatch.common.model.SignalType.RETALIATION_CYCLE)) {
                // no cycle is looked for: the sentence says so rather than "no claim of the other side precedes it"
                assertThat(a.signals()).filteredOn(sg -> sg.type()
                        == org.borderwatch.common.model.SignalType.RETALIATION_CYCLE).singleElement()
                        .satisfies(sg -> assertThat(sg.rationale()).contains("assessed alone"));
            }
        });
    }

    @Test
    void quietIncidentsCloseWithAFinalVersionAndAreEvicted() {
        List<Assessment> first = feed(azClaim("a", "2025-01-10T10:00", "2025-01-10T12:00", SYUNIK_EAST));
        // at exactly the last activity plus the quiet period it is still open: a report of that instant is read first
        assertThat(engine.advance(t("2025-01-17T12:00"))).isEmpty();
        List<Assessment> closing = engine.advance(t("2025-01-17T12:01"));
        assertThat(closing).singleElement().satisfies(a -> {
            assertThat(a.closed()).isTrue();
            assertThat(a.incidentId()).isEqualTo(first.get(0).incidentId());
            assertThat(a.version()).isEqualTo(first.get(0).version() + 1);
        });
        assertThat(engine.openIncidents()).isZero();
        // kept, with its report, for the grace after its closure ...
        assertThat(engine.retainedClosedIncidents()).isEqualTo(1);
        assertThat(engine.state().reports).hasSize(1);
        assertThat(engine.advance(t("2025-01-24T12:01"))).isEmpty();
        assertThat(engine.retainedClosedIncidents()).isEqualTo(1);
        // ... and gone, report and all, once stream time passes it
        assertThat(engine.advance(t("2025-01-24T12:02"))).isEmpty();
        assertThat(engine.retainedClosedIncidents()).isZero();
        assertThat(engine.state().closed).isEmpty();
        assertThat(engine.state().reports).isEmpty();
        assertThat(Json.write(engine.state())).doesNotContain(first.get(0).incidentId().toString());
    }

    /**
     * Seventh round: a statement published at exactly the instant its incident's quiet period ends is read while the
     * incident is open (closure used to run first, and the confirmation was assessed beside the closed incident).
     */
    @Test
    void aConfirmationPublishedAtTheClosingInstantIsReadBeforeTheIncidentCloses() {
        List<Assessment> first = feed(azClaim("a", "2025-01-10T10:00", "2025-01-10T12:00", SYUNIK_EAST));
        IncidentReport confirmation = observer(EUMA, "c", Stance.CONFIRMATION, "2025-01-17T12:00",
                "2025-01-10", "2025-01-10", SYUNIK_EAST).build();
        List<Assessment> out = feed(confirmation);
        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.incidentId()).isEqualTo(first.get(0).incidentId());
            assertThat(a.closed()).isFalse();
            assertThat(a.occurrence()).isEqualTo(Occurrence.CONFIRMED);
        });
    }

    @Test
    void aBridgingReportMergesTwoSessions() {
        IncidentReport a = azClaim("a", "2025-01-10T00:00", "2025-01-10T12:00", SYUNIK_EAST);
        feed(a, azClaim("b", "2025-01-10T14:00", "2025-01-10T15:00", SYUNIK_EAST));
        assertThat(engine.openIncidents()).isEqualTo(2);
        List<Assessment> out = feed(claim(AZ_MOD, "bridge", Party.AM, "2025-01-10T05:00", "2025-01-10T16:00",
                SYUNIK_EAST).occurredUntil(t("2025-01-10T09:00")).build());
        assertThat(engine.openIncidents()).isEqualTo(1);
        assertThat(out).anySatisfy(x -> assertThat(x.closed()).isTrue());
        assertThat(engine.state().incidents.get(0).id).isEqualTo(Uuids.incidentId("SYUNIK_EAST", a.reportId()));
    }

    @Test
    void refutedClaimsLowerTheClaimantsReliabilityOnceTheIncidentCloses() {
        feed(azClaim("a", "2025-01-10T10:00", "2025-01-10T12:00", SYUNIK_EAST),
                observer(EUMA, "o", Stance.REFUTATION, "2025-01-10T18:00", "2025-01-10", "2025-01-10",
                        SYUNIK_EAST).build());
        engine.advance(t("2025-01-20T00:00"));
        assertThat(engine.state().sources.get("az-mod").refuted()).isEqualTo(1);
        List<Assessment> next = feed(azClaim("b", "2025-01-21T10:00", "2025-01-21T12:00", SYUNIK_EAST));
        // UNVERIFIED confidence = 0.5 x reliability; reliability (2+0)/(4+1) = 0.4
        assertThat(next.get(0).confidence()).isEqualTo(0.2);
    }

    @Test
    void quietBrokenFiresOnTheFirstIncidentAfterACalmInAnActiveSegment() {
        feed(azClaim("q1", "2025-01-01T10:00", "2025-01-01T12:00", BorderSegment.TAVUSH),
                azClaim("q2", "2025-01-20T10:00", "2025-01-20T12:00", BorderSegment.TAVUSH),
                azClaim("q3", "2025-02-10T10:00", "2025-02-10T12:00", BorderSegment.TAVUSH));
        List<Assessment> afterCalm = feed(azClaim("q4", "2025-03-20T10:00", "2025-03-20T12:00",
                BorderSegment.TAVUSH));
        assertThat(afterCalm).filteredOn(a -> !a.closed()).singleElement().satisfies(a ->
                assertThat(a.hasSignal(org.borderwatch.common.model.SignalType.QUIET_BROKEN)).isTrue());
        List<Assessment> next = feed(azClaim("q5", "2025-03-22T10:00", "2025-03-22T12:00", BorderSegment.TAVUSH));
        assertThat(next).filteredOn(a -> a.window().from().equals(t("2025-03-22T10:00")))
                .singleElement().satisfies(a ->
                        assertThat(a.hasSignal(org.borderwatch.common.model.SignalType.QUIET_BROKEN)).isFalse());
    }

    @Test
    void quietBrokenDoesNotCountSessionsThatMergedIntoOne() {
        feed(azClaim("m1", "2025-01-01T10:00", "2025-01-01T11:00", BorderSegment.TAVUSH),
                azClaim("m2", "2025-01-01T18:00", "2025-01-01T19:00", BorderSegment.TAVUSH),
                azClaim("bridge", "2025-01-01T14:00", "2025-01-01T20:00", BorderSegment.TAVUSH),
                azClaim("m3", "2025-01-20T10:00", "2025-01-20T12:00", BorderSegment.TAVUSH));
        List<Assessment> afterCalm = feed(azClaim("m4", "2025-03-20T10:00", "2025-03-20T12:00",
                BorderSegment.TAVUSH));
        assertThat(afterCalm).filteredOn(a -> !a.closed()).singleElement().satisfies(a ->
                assertThat(a.hasSignal(org.borderwatch.common.model.SignalType.QUIET_BROKEN))
                        .as("two incidents before the calm, not three").isFalse());
    }

    @Test
    void theStateSurvivesAJsonRoundTripAndContinuesIdentically() {
        feed(azClaim("a", "2025-01-10T10:00", "2025-01-10T12:00", SYUNIK_EAST));
        String json = Json.write(engine.state());
        ClassifierEngine restored = ClassifierEngine.withDefaults();
        restored.restore(Json.read(json, EngineState.class));
        IncidentReport d = denial(AM_MOD, "d", "2025-01-11T09:00", Party.AZ, "2025-01-10", "2025-01-10",
                SYUNIK_EAST).build();
        assertThat(restored.process(d).assessments()).isEqualTo(engine.process(d).assessments());
    }

    private Assessment latest(BorderSegment segment, String from) {
        return engine.state().incidents.stream().filter(i -> i.segment == segment && i.from.equals(t(from)))
                .map(i -> i.last).findFirst().orElseThrow(() -> new AssertionError("no open incident " + segment
                        + " from " + from));
    }

    /**
     * Fifth round: a response answers every claim its answers describe, whichever order they arrive in. A denial of
     * "2 and 3 October", published before either claim, disputes both; a denial naming its place keeps to claims about
     * that place.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
            "denial before both claims,          2025-10-04T08:30, , DISPUTED",
            "denial between the two claims,      2025-10-04T10:30, , DISPUTED",
            "denial after both claims,           2025-10-04T12:00, , DISPUTED",
            "denial before both naming Khnatsakh, 2025-10-04T08:30, Khnatsakh, UNVERIFIED",
            "denial between naming Khnatsakh,     2025-10-04T10:30, Khnatsakh, UNVERIFIED"})
    void aResponseAnswersEveryClaimItDescribesWhicheverArrivesFirst(String name, String denialPublished,
                                                                    String place, Occurrence second) {
        IncidentReport denial = denial(AM_MOD, "d", denialPublished, Party.AZ, "2025-10-02", "2025-10-03",
                SYUNIK_EAST).location(new Location(List.of(SYUNIK_EAST), false, place, null, null, null)).build();
        List<IncidentReport> reports = new ArrayList<>(List.of(
                claim(AZ_MOD, "k", Party.AM, "2025-10-02T22:15", "2025-10-04T10:00", SYUNIK_EAST)
                        .location(new Location(List.of(SYUNIK_EAST), false, "Khnatsakh", null, null, null)).build(),
                claim(AZ_MOD, "t", Party.AM, "2025-10-03T23:30", "2025-10-04T11:00", SYUNIK_EAST)
                        .location(new Location(List.of(SYUNIK_EAST), false, "Tegh", null, null, null)).build(),
                denial));
        reports.sort(java.util.Comparator.comparing(IncidentReport::publishedAt));
        reports.forEach(r -> feed(r));
        assertThat(latest(SYUNIK_EAST, "2025-10-02T22:15").occurrence()).as(name).isEqualTo(Occurrence.DISPUTED);
        assertThat(latest(SYUNIK_EAST, "2025-10-03T23:30").occurrence()).as(name).isEqualTo(second);
        assertThat(engine.state().incidents).as("no waiting incident is left").hasSize(2);
        assertThat(engine.state().pending).isEmpty();
    }

    /**
     * Fifth round: a late denial of two claims whose incidents closed counts in the surge share (the still open
     * incidents of the surge become an uncorroborated surge). Within the grace of their closure it corrects both closed
     * incidents' final versions (DISPUTED, still closed); after their eviction it names both in an assessment of its
     * own.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "within grace of the closures: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aLateDenialOfSeveralClosedClaimsAnswersThemAllAndCountsInTheSurge(boolean withinGrace) {
        ClassifierEngine lateEngine = withinGrace ? engine : new ClassifierEngine(
                ClassifierSettings.defaults().withGrace(java.time.Duration.ofHours(1)),
                org.borderwatch.classifier.signal.Neighbours.fromClasspath());
        engine = lateEngine;
        feed(azClaim("c1", "2025-09-01T13:20", "2025-09-01T14:00", SYUNIK_EAST),
                azClaim("c3", "2025-09-03T02:00", "2025-09-03T08:00", SYUNIK_EAST),
                azClaim("c4", "2025-09-04T01:00", "2025-09-04T08:00", BorderSegment.SYUNIK_WEST),
                azClaim("c5", "2025-09-05T03:00", "2025-09-05T10:00", SYUNIK_EAST),
                azClaim("c6", "2025-09-06T22:00", "2025-09-07T08:00", BorderSegment.SYUNIK_WEST),
                denial(AM_MOD, "d1", "2025-09-07T13:00", Party.AZ, "2025-09-01", "2025-09-01", SYUNIK_EAST).build(),
                denial(AM_MOD, "d6", "2025-09-07T13:30", Party.AZ, "2025-09-06", "2025-09-06",
                        BorderSegment.SYUNIK_WEST).build(),
                azClaim("c7", "2025-09-11T13:00", "2025-09-11T14:00", BorderSegment.TAVUSH));
        assertThat(latest(SYUNIK_EAST, "2025-09-01T13:20").hasSignal(
                org.borderwatch.common.model.SignalType.UNCORROBORATED_SURGE)).as("2 of 5 disputed").isFalse();
        List<Assessment> out = feed(denial(AM_MOD, "late", "2025-09-12T12:00", Party.AZ, "2025-09-03", "2025-09-04",
                SYUNIK_EAST, BorderSegment.SYUNIK_WEST).build());
        if (withinGrace) {
            List<Assessment> corrected = out.stream().filter(a -> a.closed()
                    && a.rationale().get(a.rationale().size() - 1).contains("corrected after the closure")).toList();
            assertThat(corrected).extracting(a -> a.window().from())
                    .containsExactlyInAnyOrder(t("2025-09-03T02:00"), t("2025-09-04T01:00"));
            assertThat(corrected).allSatisfy(a -> {
                assertThat(a.occurrence()).isEqualTo(Occurrence.DISPUTED);
                assertThat(a.reportIds()).containsKey(Stance.CLAIM).containsKey(Stance.DENIAL);
            });
            assertThat(out).noneMatch(a -> a.rationale().stream().anyMatch(x -> x.contains("already closed")));
        } else {
            Assessment alone = out.stream().filter(Assessment::closed)
                    .filter(a -> a.reportIds().containsKey(Stance.DENIAL) && a.reportIds().size() == 1)
                    .findFirst().orElseThrow();
            assertThat(alone.rationale()).anyMatch(x -> x.contains("2025-09-03 02:00") && x.contains("2025-09-04 01:00")
                    && x.contains("whose incidents had already closed"));
            assertThat(alone.window().from()).isEqualTo(t("2025-09-03T02:00"));
            assertThat(alone.window().to()).isEqualTo(t("2025-09-04T01:00"));
        }
        assertThat(out).filteredOn(a -> !a.closed()).extracting(Assessment::segment)
                .contains(SYUNIK_EAST, BorderSegment.SYUNIK_WEST);
        assertThat(latest(SYUNIK_EAST, "2025-09-01T13:20").hasSignal(
                org.borderwatch.common.model.SignalType.UNCORROBORATED_SURGE)).as("4 of 5 disputed").isTrue();
        assertThat(engine.state().claims.get("az-mod")).filteredOn(c -> c.occurredAt().equals(t("2025-09-03T02:00")))
                .singleElement().satisfies(c -> {
                    assertThat(c.occurrence()).isEqualTo(Occurrence.DISPUTED);
                    assertThat(c.attribution()).isEqualTo(org.borderwatch.common.model.Attribution.CONTESTED);
                });
    }

    /**
     * Fifth round: QUIET_BROKEN belongs to the first incident after the calm in event time, also when it is learned
     * after a later one (a claim published days late); the segment's earlier activity is still remembered.
     */
    @Test
    void anIncidentLearnedLateInsideACalmTakesQuietBrokenFromTheOneAfterIt() {
        feed(azClaim("q1", "2025-01-10T22:00", "2025-01-11T09:00", BorderSegment.ARARAT),
                azClaim("q2", "2025-01-25T03:00", "2025-01-25T09:00", BorderSegment.ARARAT),
                azClaim("q3", "2025-02-12T23:00", "2025-02-13T09:00", BorderSegment.ARARAT),
                azClaim("q4", "2025-07-01T01:30", "2025-07-01T09:00", BorderSegment.ARARAT));
        assertThat(latest(BorderSegment.ARARAT, "2025-07-01T01:30").hasSignal(
                org.borderwatch.common.model.SignalType.QUIET_BROKEN)).isTrue();
        feed(claim(AM_MOD, "late", Party.AZ, "2025-06-28T23:40", "2025-07-02T11:00", BorderSegment.ARARAT).build());
        assertThat(latest(BorderSegment.ARARAT, "2025-07-01T01:30").hasSignal(
                org.borderwatch.common.model.SignalType.QUIET_BROKEN)).isFalse();
        assertThat(latest(BorderSegment.ARARAT, "2025-06-28T23:40").hasSignal(
                org.borderwatch.common.model.SignalType.QUIET_BROKEN)).isTrue();
    }

    /**
     * Which incident starts QUIET_BROKEN may still need: the lookback plus grace before the latest start, and the
     * lookback before the most recent calm when that calm ended within that period.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "no calm: lookback + grace before the latest | 2025-01-10,2025-02-01,2025-02-20,2025-03-15 | 2024-12-08",
            "a calm ending at the latest start | 2025-01-10,2025-01-25,2025-02-12,2025-07-01 | 2024-11-14",
            "a calm of exactly 30 days | 2025-05-01,2025-05-20,2025-06-19 | 2025-02-19",
            "a calm one day short of 30 | 2025-05-01,2025-05-20,2025-06-18 | 2025-03-13",
            "a calm that ended before the horizon | 2024-01-01,2024-06-01,2024-07-01,2024-07-20,2024-08-10,"
                    + "2024-08-30,2024-09-20,2024-10-10 | 2024-07-05",
            "a single start | 2025-03-01 | 2024-11-24"})
    void theStartsKeptForQuietBroken(String name, String starts, String horizon) {
        List<java.time.OffsetDateTime> list = java.util.Arrays.stream(starts.split(",")).map(String::strip)
                .map(d -> t(d)).toList();
        assertThat(Housekeeping.startsHorizon(list, java.time.Duration.ofDays(90), java.time.Duration.ofDays(30),
                java.time.Duration.ofDays(7))).as(name).isEqualTo(t(horizon.strip()));
    }

    /**
     * Fifth round: a claim re-telling the event of a claim whose incident closed and was evicted (published more than
     * the grace after the closure) carries that incident's verdict over where it knows less; another event, or another
     * source's claim, does not. Since replay audit C5 such a re-telling (published more than grace + quiet period after
     * its event) is a retrospective account, assessed alone and closed; the carry-over is the same.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
            "a denied claim re-told,             az-mod, 2025-10-06T04:10, true,  DISPUTED,   CONTESTED",
            "an unanswered claim re-told,        az-mod, 2025-10-06T04:10, false, UNVERIFIED, UNCONTESTED",
            "another event of the same source,   az-mod, 2025-10-06T12:00, true,  UNVERIFIED, UNCONTESTED",
            "another source about the same time, az-sbs, 2025-10-06T04:10, true,  UNVERIFIED, UNCONTESTED"})
    void aRetellingAfterItsIncidentClosedCarriesItsVerdictOver(String name, String source, String at,
                                                              boolean denied, Occurrence occurrence,
                                                              org.borderwatch.common.model.Attribution attribution) {
        feed(azClaim("first", "2025-10-06T04:10", "2025-10-06T09:00", GEGHARKUNIK));
        if (denied) {
            feed(denial(AM_MOD, "d", "2025-10-06T12:00", Party.AZ, "2025-10-06", "2025-10-06", GEGHARKUNIK).build());
        }
        feed(azClaim("elsewhere", "2025-10-15T04:10", "2025-10-15T09:00", BorderSegment.TAVUSH));
        assertThat(engine.state().incidents).noneMatch(i -> i.segment == GEGHARKUNIK);
        // the closure (stream time 15 October 09:00) plus the grace has passed: the closed incident is evicted
        List<Assessment> out = feed(claim(source.equals("az-mod") ? AZ_MOD : AZ_SBS, "again", Party.AM, at,
                "2025-10-23T10:00", GEGHARKUNIK).casualties(new Casualties(0, 1, Party.AZ)).build());
        assertThat(engine.state().closed).noneMatch(i -> i.segment == GEGHARKUNIK);
        // published more than grace + quiet period after its event: a retrospective account, assessed alone and
        // closed (replay audit C5), the remembered verdict carried over as before
        Assessment retold = out.get(out.size() - 1);
        assertThat(retold.closed()).as(name).isTrue();
        assertThat(retold.rationale()).as(name).anyMatch(r -> r.contains("retrospective account"));
        assertThat(retold.occurrence()).as(name).isEqualTo(occurrence);
        assertThat(retold.attribution()).as(name).isEqualTo(attribution);
        assertThat(retold.rationale().stream().anyMatch(r -> r.contains("carried over"))).as(name)
                .isEqualTo(occurrence != Occurrence.UNVERIFIED);
    }

    /**
     * Within the grace of its incident's closure a re-telling (the same source's casualty update) joins the closed
     * incident by its event time, as would any report of its segment within the session gap (here another source's):
     * a corrected final version, still closed, with the new figure and the answers it already had — not a second
     * incident about the same event.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
            "the same source re-tells it,        az-mod, 2025-10-06T04:10",
            "the same source five hours later,   az-mod, 2025-10-06T09:00",
            "another source about the same time, az-sbs, 2025-10-06T04:10"})
    void aRetellingWithinTheGraceOfTheClosureJoinsTheClosedIncident(String name, String source, String at) {
        List<Assessment> first = feed(azClaim("first", "2025-10-06T04:10", "2025-10-06T09:00", GEGHARKUNIK));
        feed(denial(AM_MOD, "d", "2025-10-06T12:00", Party.AZ, "2025-10-06", "2025-10-06", GEGHARKUNIK).build());
        List<Assessment> closing = feed(azClaim("elsewhere", "2025-10-15T04:10", "2025-10-15T09:00",
                BorderSegment.TAVUSH));
        Assessment closed = closing.stream().filter(a -> a.incidentId().equals(first.get(0).incidentId()))
                .findFirst().orElseThrow();
        List<Assessment> out = feed(claim(source.equals("az-mod") ? AZ_MOD : AZ_SBS, "again", Party.AM, at,
                "2025-10-16T10:00", GEGHARKUNIK).casualties(new Casualties(0, 1, Party.AZ)).build());
        assertThat(engine.state().incidents).as(name).noneMatch(i -> i.segment == GEGHARKUNIK);
        assertThat(out).as(name).singleElement().satisfies(a -> {
            assertThat(a.incidentId()).isEqualTo(closed.incidentId());
            assertThat(a.version()).isEqualTo(closed.version() + 1);
            assertThat(a.closed()).isTrue();
            assertThat(a.occurrence()).isEqualTo(Occurrence.DISPUTED);
            assertThat(a.attribution()).isEqualTo(org.borderwatch.common.model.Attribution.CONTESTED);
            assertThat(a.casualties()).anySatisfy(c -> assertThat(c.wounded()).isEqualTo(1));
            assertThat(a.reportIds().get(Stance.CLAIM)).hasSize(2);
            assertThat(a.rationale()).noneMatch(r -> r.contains("carried over"));
        });
    }

    /**
     * The fifth round's state (remembered attributions, late answers' verdicts, the starts kept for QUIET_BROKEN,
     * responses answering later claims) survives a JSON round trip after every report: a restart at any point gives
     * the same versions as running through.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"autumn-2025-coverage-before-claims.jsonl",
            "september-2025-late-answers.jsonl", "2025-ararat-quiet-and-surge-edge.jsonl",
            "november-2025-media-relays.jsonl", "january-2024-euma-weekly.jsonl", "may-2025-tavush-relays.jsonl",
            "autumn-2023-tavush-to-2024-corrected-place.jsonl", "r10-s04-counter-claim-after-closure.jsonl",
            "r10-s08-summary-beside-a-surge.jsonl", "r10-s09-early-denial-two-segments.jsonl",
            "r10-s10-toll-corrected-down-after-closure.jsonl"})
    void theFifthRoundsStateSurvivesARestartAfterEveryReport(String fixture) {
        List<IncidentReport> reports = new ArrayList<>(org.borderwatch.classifier.TestReports.fixture(fixture));
        reports.sort(org.borderwatch.classifier.replay.Replayer.PUBLICATION_ORDER);
        ClassifierEngine restarted = ClassifierEngine.withDefaults();
        for (IncidentReport r : reports) {
            List<Assessment> straight = engine.process(r).assessments();
            ClassifierEngine fresh = ClassifierEngine.withDefaults();
            fresh.restore(Json.read(Json.write(restarted.state()), EngineState.class));
            restarted = fresh;
            assertThat(Json.write(restarted.process(r).assessments())).as(r.sourceRef())
                    .isEqualTo(Json.write(straight));
        }
    }

    /** A claim denied only after its incident closed, then re-told: the late denial carries over too. */
    @Test
    void aRetellingOfAClaimDeniedAfterItsIncidentClosedIsDisputedAndContested() {
        feed(azClaim("first", "2026-01-12T05:00", "2026-01-12T09:00", BorderSegment.ARARAT),
                azClaim("elsewhere", "2026-01-20T04:10", "2026-01-20T09:00", BorderSegment.TAVUSH));
        List<Assessment> late = feed(denial(AM_MOD, "d", "2026-01-25T11:00", Party.AZ, "2026-01-12", "2026-01-12",
                BorderSegment.ARARAT).build());
        assertThat(late).anyMatch(a -> a.closed() && a.segment() == BorderSegment.ARARAT);
        // fifteen days after its event: a retrospective account (replay audit C5), its own closed assessment
        List<Assessment> out = feed(azClaim("again", "2026-01-12T05:00", "2026-01-27T10:00", BorderSegment.ARARAT));
        Assessment retold = out.get(out.size() - 1);
        assertThat(retold.closed()).isTrue();
        assertThat(retold.occurrence()).isEqualTo(Occurrence.DISPUTED);
        assertThat(retold.attribution()).isEqualTo(org.borderwatch.common.model.Attribution.CONTESTED);
    }
    /**
     * Sixth round: a claim whose text names no place the gazetteer knows ("from the area of Vorotan village") stays
     * alone, UNRESOLVED, until the accused side's dated denial that fits it names one segment ("from Vorotan village of
     * the Goris community"): then it is placed there (in either order) and the denial joins it, instead of waiting for
     * a claim "not known (yet)" beside it. Only when no placed claim fits; a denial naming two segments joins it where
     * it stands.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            claim first, then the denial                 | true  | false | false | SYUNIK_EAST | DISPUTED   | 1
            denial first, then the claim                 | false | false | false | SYUNIK_EAST | DISPUTED   | 1
            a denial naming two segments                 | true  | false | true  | UNRESOLVED  | DISPUTED   | 1
            ... in either order                          | false | false | true  | UNRESOLVED  | DISPUTED   | 1
            a placed claim of that day takes the answer  | true  | true  | false | UNRESOLVED  | UNVERIFIED | 2""")
    void aDenialNamingASegmentPlacesALoneClaimThatNamesNoPlace(String name, boolean claimFirst, boolean placedToo,
                                                               boolean twoSegments, BorderSegment where,
                                                               Occurrence occurrence, int incidents) {
        IncidentReport unplaced = claim(AZ_MOD, "vorotan", Party.AM, "2024-01-09T19:50", "2024-01-10T08:45")
                .location(org.borderwatch.common.model.Location.unresolved(null)).build();
        IncidentReport denial = (twoSegments
                ? denial(AM_MOD, "no-vorotan", "2024-01-10T10:30", Party.AZ, "2024-01-09", "2024-01-09", SYUNIK_EAST,
                GEGHARKUNIK)
                : denial(AM_MOD, "no-vorotan", "2024-01-10T10:30", Party.AZ, "2024-01-09", "2024-01-09",
                SYUNIK_EAST)).build();
        if (placedToo) {
            feed(azClaim("tegh", "2024-01-09T11:00", "2024-01-09T12:00", SYUNIK_EAST));
        }
        List<Assessment> out = claimFirst ? feed(unplaced, denial) : feed(denial, unplaced);
        assertThat(engine.state().incidents).as(name).hasSize(incidents);
        Assessment latest = out.stream().filter(a -> a.segment() == where && !a.closed()
                && a.reportIds().getOrDefault(Stance.CLAIM, List.of()).contains(unplaced.reportId()))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(latest.occurrence()).as(name).isEqualTo(occurrence);
        if (occurrence == Occurrence.DISPUTED) {
            assertThat(latest.reportIds().get(Stance.DENIAL)).as(name).containsExactly(denial.reportId());
            assertThat(latest.attribution()).isEqualTo(org.borderwatch.common.model.Attribution.CONTESTED);
        }
        // the remembered claim is where it was placed (surge and retaliation read it there)
        assertThat(engine.state().claims.get("az-mod")).filteredOn(c -> c.reportId().equals(unplaced.reportId()))
                .singleElement().satisfies(c -> assertThat(c.segments()).isEqualTo(
                        where.isResolved() ? List.of(where) : List.of()));
    }

    /**
     * Sixth round: a news agency reporting that a side "rejected the accusation" (ingest reads it as the agency's
     * denial) is no response: it does not wait as an incident of its own for a claim it could never answer; it joins
     * the claim's incident by its time and place and counts for nothing.
     */
    @Test
    void aNewsAgencysDenialWaitsForNothing() {
        org.borderwatch.common.model.Source wire = new org.borderwatch.common.model.Source("wire", "Wire",
                org.borderwatch.common.model.SourceKind.MEDIA, Party.UNKNOWN);
        IncidentReport claim = azClaim("berd", "2025-05-04T23:45", "2025-05-05T09:00", BorderSegment.TAVUSH);
        IncidentReport relay = denial(wire, "wire-berd", "2025-05-05T12:00", Party.AZ, "2025-05-04", "2025-05-04",
                BorderSegment.TAVUSH).occurredAt(t("2025-05-04")).occurredUntil(
                t("2025-05-04").plusDays(1).minusSeconds(1)).build();
        List<Assessment> out = feed(claim, relay);
        assertThat(engine.state().incidents).hasSize(1);
        assertThat(engine.state().pending).isEmpty();
        assertThat(out.get(out.size() - 1)).satisfies(a -> {
            assertThat(a.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
            assertThat(a.attribution()).isEqualTo(org.borderwatch.common.model.Attribution.UNCONTESTED);
            assertThat(a.rationale()).anyMatch(r -> r.contains("Wire reported a denial") && r.contains("denies "
                    + "nothing"));
        });
    }
}
