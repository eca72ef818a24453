package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.AZ_SBS;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.denial;
import static org.borderwatch.classifier.TestReports.EUMA;
import static org.borderwatch.classifier.TestReports.observer;
import static org.borderwatch.common.model.BorderSegment.GEGHARKUNIK;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;
import static org.borderwatch.common.model.BorderSegment.TAVUSH;
import static org.borderwatch.common.model.BorderSegment.VAYOTS_DZOR_EAST;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.borderwatch.classifier.signal.ClaimRecord;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Answers;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.TimePrecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A late answer — published after the incident of the claim it answers has closed and been evicted — is matched
 * against the claim as remembered ({@link ClaimRecord}), no longer against its report. The record keeps what the
 * matching and the sentences read from the report (the time's precision, the partner's reference and link, the place
 * the claim named), so each answer here answers the same claims evicted as it does while their incidents are open.
 */
class ClosedClaimMemoryTest {

    /** 1 October: the claims. */
    private static final String DAY = "2026-10-01";
    private static final String NEXT_DAY = "2026-10-02";
    /** Published after the claims' incidents closed (10 October) and were evicted (17 October, 10:00). */
    private static final String LATE = "2026-10-17T20:00";

    private static IncidentReport.Builder precise(String ref, String at, String published, Location where) {
        return claim(AZ_MOD, ref, Party.AM, at, published).location(where).timePrecision(TimePrecision.MINUTE)
                .occurredUntil(org.borderwatch.classifier.TestReports.t(at).plusMinutes(30));
    }

    private static Location near(String settlement, org.borderwatch.common.model.BorderSegment segment) {
        return new Location(List.of(segment), false, settlement, "near " + settlement, null, null);
    }

    private static final IncidentReport AT_SOTK = precise("c-sotk", DAY + "T06:10", DAY + "T09:00",
            near("Sotk", GEGHARKUNIK)).build();
    private static final IncidentReport AT_KUT = precise("c-kut", DAY + "T18:30", DAY + "T20:00",
            near("Kut", GEGHARKUNIK)).build();
    private static final IncidentReport WITH_REF_AND_LINK = precise("az-2026-10-01/114", DAY + "T11:00",
            DAY + "T12:00", Location.of(SYUNIK_EAST)).url("https://example.org/az/114").build();
    /** A claim that names no place the gazetteer knows: left alone. */
    private static final IncidentReport NOWHERE_KNOWN = precise("c-nowhere", DAY + "T13:00", DAY + "T14:00",
            Location.unresolved("from the area of a village the gazetteer does not know")).build();
    /** A claim that gives no time: placed on the day of its publication. */
    private static final IncidentReport NO_TIME = claim(AZ_MOD, "c-no-time", Party.AM, NEXT_DAY + "T15:00",
            NEXT_DAY + "T15:00", SYUNIK_EAST).build();

    private static final List<IncidentReport> CLAIMS = List.of(AT_SOTK, WITH_REF_AND_LINK, NOWHERE_KNOWN, NO_TIME,
            AT_KUT);

    private static IncidentReport.Builder lateDenial(String ref, String published) {
        return denial(AM_MOD, ref, published, Party.AZ, DAY, DAY, GEGHARKUNIK);
    }

    private static IncidentReport citing(String ref, String published, String cited) {
        return denial(AM_MOD, ref, published, Party.AZ, DAY, DAY)
                .answers(new Answers(List.of(cited), null, null, null, List.of())).build();
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("naming its place, it answers the claim about that place, not the other of the day",
                        (Response) at -> lateDenial("d-sotk", at).location(near("Sotk", GEGHARKUNIK)).build(),
                        Occurrence.DISPUTED, Set.of(AT_SOTK.reportId())),
                Arguments.of("naming no place, it answers every claim of the day in its segment",
                        (Response) at -> lateDenial("d-geg", at).build(), Occurrence.DISPUTED,
                        Set.of(AT_SOTK.reportId(), AT_KUT.reportId())),
                Arguments.of("citing the partner's own reference", (Response) at -> citing("d-ref", at,
                        "az-2026-10-01/114"), Occurrence.DISPUTED, Set.of(WITH_REF_AND_LINK.reportId())),
                Arguments.of("citing the claim's link", (Response) at -> citing("d-url", at,
                        "https://example.org/az/114"), Occurrence.DISPUTED, Set.of(WITH_REF_AND_LINK.reportId())),
                Arguments.of("a dated denial naming a segment answers the claim that named no known place",
                        (Response) at -> denial(AM_MOD, "d-vorotan", at, Party.AZ, DAY, DAY, VAYOTS_DZOR_EAST)
                                .build(), Occurrence.DISPUTED, Set.of(NOWHERE_KNOWN.reportId())),
                Arguments.of("an observer who watched the segment that day and saw nothing refutes both claims",
                        (Response) at -> observer(EUMA, "r-geg", Stance.REFUTATION, at, DAY, DAY, GEGHARKUNIK)
                                .build(), Occurrence.REFUTED, Set.of(AT_SOTK.reportId(), AT_KUT.reportId())),
                Arguments.of("an observer's confirmation naming a place confirms the claim about that place",
                        (Response) at -> observer(EUMA, "cf-sotk", Stance.CONFIRMATION, at, DAY, DAY, GEGHARKUNIK)
                                .eventTypes(EventType.SMALL_ARMS_FIRE).location(near("Sotk", GEGHARKUNIK)).build(),
                        Occurrence.CONFIRMED, Set.of(AT_SOTK.reportId())),
                // c23 (finding C5): only an observer refutes, and a news outlet confirms nothing — while the incidents
                // are open (VerdictRules.decide) and in the evicted claims' remembered verdicts alike
                Arguments.of("a news outlet's \"nothing happened\" refutes neither claim",
                        (Response) at -> observer(org.borderwatch.classifier.TestReports.TASS, "r-tass",
                                Stance.REFUTATION, at, DAY, DAY, GEGHARKUNIK).build(), Occurrence.REFUTED, Set.of()),
                Arguments.of("a third state's \"nothing happened\" refutes neither claim",
                        (Response) at -> observer(US_STATE, "r-us", Stance.REFUTATION, at, DAY, DAY, GEGHARKUNIK)
                                .build(), Occurrence.REFUTED, Set.of()),
                Arguments.of("a news outlet's \"confirmation\" confirms nothing",
                        (Response) at -> observer(org.borderwatch.classifier.TestReports.TASS, "cf-tass",
                                Stance.CONFIRMATION, at, DAY, DAY, GEGHARKUNIK).eventTypes(EventType.SMALL_ARMS_FIRE)
                                .location(near("Sotk", GEGHARKUNIK)).build(), Occurrence.CONFIRMED, Set.of()));
    }

    private static final org.borderwatch.common.model.Source US_STATE = new org.borderwatch.common.model.Source(
            "us-state", "US State Department", org.borderwatch.common.model.SourceKind.OTHER, Party.US);

    /** A response published at a given local time. */
    interface Response {
        IncidentReport at(String published);
    }

    private final ClassifierEngine engine = ClassifierEngine.withDefaults();

    private List<Assessment> feed(IncidentReport... reports) {
        List<Assessment> out = new ArrayList<>();
        for (IncidentReport r : reports) {
            out.addAll(engine.process(r).assessments());
        }
        return out;
    }

    /** The claims, then two reports of another segment that move stream time past the closure and the eviction. */
    private void claimsClosedAndEvicted() {
        CLAIMS.forEach(this::feed);
        feed(claim(AZ_MOD, "tick-1", Party.AM, "2026-10-10T10:00", "2026-10-10T10:00", TAVUSH)
                .timePrecision(TimePrecision.MINUTE).build());
        feed(claim(AZ_MOD, "tick-2", Party.AM, "2026-10-17T12:00", "2026-10-17T12:00", TAVUSH)
                .timePrecision(TimePrecision.MINUTE).build());
        assertThat(engine.state().incidents).noneMatch(i -> CLAIMS.stream().anyMatch(c -> i.has(c.reportId())));
        assertThat(engine.state().closed).as("evicted").noneMatch(i -> CLAIMS.stream().anyMatch(c -> i.has(c.reportId())));
        assertThat(engine.state().reports).doesNotContainKeys(AT_SOTK.reportId(), AT_KUT.reportId());
    }

    private Set<UUID> remembered(Occurrence occurrence) {
        return engine.state().claims.values().stream().flatMap(List::stream)
                .filter(c -> c.occurrence() == occurrence).map(ClaimRecord::reportId).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void aLateAnswerAnswersTheClaimsItAnswersWhileTheyAreOpen(String name, Response response, Occurrence verdict,
                                                             Set<UUID> answered) {
        // while open: the claims whose incidents take the answer's verdict
        CLAIMS.forEach(this::feed);
        feed(response.at(DAY + "T22:00"));
        Set<UUID> openAnswered = CLAIMS.stream().map(IncidentReport::reportId)
                .filter(id -> engine.state().incidents.stream().anyMatch(i -> i.has(id) && i.occurrence == verdict))
                .collect(Collectors.toSet());
        assertThat(openAnswered).as("while open").isEqualTo(answered);

        // evicted: the remembered claims whose verdicts take it in, and the answer's own closed assessment
        engine.restore(new EngineState());
        claimsClosedAndEvicted();
        IncidentReport late = response.at(LATE);
        List<Assessment> out = feed(late);
        assertThat(remembered(verdict)).as("evicted").isEqualTo(answered);
        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.closed()).isTrue();
            assertThat(a.rationale().get(1)).startsWith(late.answers() == null ? "It covers " : "It answers ");
        });
        assertThat(engine.state().pending).doesNotContain(late.reportId());
    }

    /**
     * Twelfth round (r12-11): the late answer's own closed assessment takes the occurrence its word gives the claims
     * it answers — the same the answer gives them while their incidents are open and in their remembered records. An
     * observer's refutation or confirmation always did (REFUTED, CONFIRMED); the accused side's denial was assessed as
     * if it answered nothing, UNVERIFIED ("a claim no one has answered") beside its own sentence naming the claim it
     * answers and a CONTESTED attribution. A "denial" by a side the claim does not accuse disputes nothing.
     */
    static Stream<Arguments> ownOccurrence() {
        // an answer whose word decides nothing (c23: a news outlet's, a third state's refutation) is UNVERIFIED alone
        Stream<Arguments> asWhileOpen = answers().map(a -> Arguments.of(a.get()[0], a.get()[1],
                ((Set<?>) a.get()[3]).isEmpty() ? Occurrence.UNVERIFIED : a.get()[2],
                a.get()[2] == Occurrence.DISPUTED ? org.borderwatch.common.model.Attribution.CONTESTED
                        : org.borderwatch.common.model.Attribution.UNCONTESTED));
        return Stream.concat(asWhileOpen, Stream.of(Arguments.of(
                "a 'denial' citing a claim that does not accuse its side disputes nothing",
                (Response) at -> denial(org.borderwatch.classifier.TestReports.AZ_SBS, "d-own-side", at, Party.AZ,
                        DAY, DAY).answers(new Answers(List.of("az-2026-10-01/114"), null, null, null, List.of()))
                        .build(),
                // its attribution is not this round's question (the statement alone reads its side as the denier)
                Occurrence.UNVERIFIED, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownOccurrence")
    void aLateAnswersOwnAssessmentTakesTheOccurrenceItsWordGivesTheClaims(
            String name, Response response, Occurrence occurrence,
            org.borderwatch.common.model.Attribution attribution) {
        claimsClosedAndEvicted();
        List<Assessment> out = feed(response.at(LATE));
        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.closed()).isTrue();
            assertThat(a.occurrence()).isEqualTo(occurrence);
            if (attribution != null) {
                assertThat(a.attribution()).isEqualTo(attribution);
            }
            assertThat(a.rationale()).filteredOn(x -> x.startsWith("Occurrence ")).singleElement()
                    .satisfies(x -> assertThat(x).startsWith("Occurrence " + occurrence));
            if (occurrence == Occurrence.DISPUTED) {
                // the accused side's denial: its own weight, as in an open incident (0.6 x AM MoD's prior 0.5)
                assertThat(a.confidence()).isEqualTo(0.3);
                assertThat(a.rationale()).anyMatch(x -> x.startsWith("Occurrence DISPUTED for this statement alone: "
                        + "the claim") && x.contains("and the accused side's denial, no independent word; the closed"
                        + " incident"));
            }
        });
    }

    private static IncidentReport citingBy(org.borderwatch.common.model.Source source, String ref, String published,
                                           String cited) {
        return denial(source, ref, published, Party.AZ, DAY, DAY)
                .answers(new Answers(List.of(cited), null, null, null, List.of())).build();
    }

    private static IncidentReport.Builder citingObserver(Stance stance, String ref, String published, String cited) {
        return observer(EUMA, ref, stance, published, DAY, DAY, SYUNIK_EAST).eventTypes(EventType.SMALL_ARMS_FIRE)
                .answers(new Answers(List.of(cited), null, null, null, List.of()));
    }

    /**
     * Thirteenth round: an answer that cites the claim (report id, the partner's reference, its link) is matched by the
     * citation alone, whoever answers. While the claim's incident is open, only the accused side's denial disputes it
     * ({@code VerdictRules.decide}); after the eviction, a "denial" by the side the claim does not accuse (Azerbaijan's
     * border service citing Azerbaijan's own claim against Armenia) made the remembered claim DISPUTED/CONTESTED, and
     * its own assessment read "Azerbaijan denies the claim it answers" with Azerbaijan as acting. The contract's rule
     * gives UNVERIFIED (a denial by a side no claim accuses disputes nothing) and UNCONTESTED (the side named as
     * acting, Armenia, has not disputed it), in both places. Columns: the answer's own closed assessment (occurrence,
     * attribution, acting party), then the remembered claim's verdict, which must be the open incident's.
     */
    static Stream<Arguments> cited() {
        String id = WITH_REF_AND_LINK.reportId().toString();
        return Stream.of(
                Arguments.of("the accused side's denial citing the partner's reference: DISPUTED both",
                        (Response) at -> citingBy(AM_MOD, "d-am-ref", at, "az-2026-10-01/114"), Occurrence.DISPUTED,
                        Attribution.CONTESTED, Party.AM, Occurrence.DISPUTED, Attribution.CONTESTED),
                Arguments.of("the accused side's denial citing the report id: DISPUTED both",
                        (Response) at -> citingBy(AM_MOD, "d-am-id", at, id), Occurrence.DISPUTED,
                        Attribution.CONTESTED, Party.AM, Occurrence.DISPUTED, Attribution.CONTESTED),
                Arguments.of("a side the claim does not accuse, citing the partner's reference: nothing disputed",
                        (Response) at -> citingBy(AZ_SBS, "d-az-ref", at, "az-2026-10-01/114"), Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Party.AM, Occurrence.UNVERIFIED, Attribution.UNCONTESTED),
                Arguments.of("a side the claim does not accuse, citing the link: nothing disputed",
                        (Response) at -> citingBy(AZ_SBS, "d-az-url", at, "https://example.org/az/114"),
                        Occurrence.UNVERIFIED, Attribution.UNCONTESTED, Party.AM, Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED),
                Arguments.of("a side the claim does not accuse, citing the report id: nothing disputed",
                        (Response) at -> citingBy(AZ_SBS, "d-az-id", at, id), Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Party.AM, Occurrence.UNVERIFIED, Attribution.UNCONTESTED),
                Arguments.of("an observer's refutation citing the claim: REFUTED, as before",
                        (Response) at -> citingObserver(Stance.REFUTATION, "r-cited", at, "az-2026-10-01/114").build(),
                        Occurrence.REFUTED, Attribution.UNCONTESTED, null, Occurrence.REFUTED,
                        Attribution.UNCONTESTED),
                Arguments.of("an observer's confirmation citing the claim: CONFIRMED, as before",
                        (Response) at -> citingObserver(Stance.CONFIRMATION, "cf-cited", at, id).build(),
                        Occurrence.CONFIRMED, Attribution.UNCONTESTED, null, Occurrence.CONFIRMED,
                        Attribution.UNCONTESTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cited")
    void aLateAnswerCitingTheClaimCountsOnlyAsItWouldWhileTheIncidentIsOpen(
            String name, Response response, Occurrence own, Attribution ownAttribution, Party ownActing,
            Occurrence claim, Attribution claimAttribution) {
        // while open: the cited claim's incident
        CLAIMS.forEach(this::feed);
        feed(response.at(DAY + "T22:00"));
        assertThat(engine.state().incidents).filteredOn(i -> i.has(WITH_REF_AND_LINK.reportId())).singleElement()
                .satisfies(i -> {
                    assertThat(i.occurrence).as("open incident").isEqualTo(claim);
                    assertThat(i.last.attribution()).as("open incident").isEqualTo(claimAttribution);
                });

        // evicted: the answer's own closed assessment, and the remembered claim as the open incident had it
        engine.restore(new EngineState());
        claimsClosedAndEvicted();
        assertThat(feed(response.at(LATE))).singleElement().satisfies(a -> {
            assertThat(a.closed()).isTrue();
            assertThat(a.rationale().get(1)).startsWith("It answers AZ MoD's claim about 2026-10-01 11:00 +04:00");
            assertThat(a.occurrence()).isEqualTo(own);
            assertThat(a.attribution()).isEqualTo(ownAttribution);
            assertThat(a.actingParty()).isEqualTo(ownActing);
            assertThat(a.rationale()).filteredOn(x -> x.startsWith("Occurrence ")).singleElement()
                    .satisfies(x -> assertThat(x).startsWith("Occurrence " + own));
        });
        ClaimRecord remembered = engine.state().claims.values().stream().flatMap(List::stream)
                .filter(c -> c.reportId().equals(WITH_REF_AND_LINK.reportId())).findFirst().orElseThrow();
        assertThat(remembered.occurrence()).as("remembered").isEqualTo(claim);
        assertThat(remembered.attribution()).as("remembered").isEqualTo(claimAttribution);
        // the claims the answer does not cite are untouched
        assertThat(engine.state().claims.values().stream().flatMap(List::stream)
                .filter(c -> CLAIMS.stream().anyMatch(x -> x.reportId().equals(c.reportId())))
                .filter(c -> !c.reportId().equals(WITH_REF_AND_LINK.reportId())))
                .allSatisfy(c -> assertThat(c.occurrence()).isEqualTo(Occurrence.UNVERIFIED));
    }

    /**
     * Thirteenth round: the denial's own assessment said "Armenia denies the claim it answers" also when it answers
     * several claims. The attribution sentence names the claims it disputes, as the other sentences name them.
     */
    static Stream<Arguments> attributionSentence() {
        return Stream.of(
                Arguments.of("one claim, cited", citing("d-one", LATE, "az-2026-10-01/114"),
                        "Attribution CONTESTED: Armenia, named as acting in AZ MoD's claim about 2026-10-01 11:00 "
                                + "+04:00, denies it."),
                Arguments.of("one claim, by its place", lateDenial("d-sotk", LATE).location(near("Sotk", GEGHARKUNIK))
                                .build(),
                        "Attribution CONTESTED: Armenia, named as acting in AZ MoD's claim about 2026-10-01 06:10 "
                                + "+04:00 near Sotk, denies it."),
                Arguments.of("two claims of the day in the segment", lateDenial("d-geg", LATE).build(),
                        "Attribution CONTESTED: Armenia, named as acting in 2 claims (AZ MoD's claim about 2026-10-01 "
                                + "06:10 +04:00 near Sotk; AZ MoD's claim about 2026-10-01 18:30 +04:00 near Kut), "
                                + "denies them."),
                Arguments.of("a claim without a time and one with", denial(AM_MOD, "d-syunik", LATE, Party.AZ, DAY,
                                NEXT_DAY, SYUNIK_EAST).build(),
                        "Attribution CONTESTED: Armenia, named as acting in 2 claims (AZ MoD's claim about 2026-10-01 "
                                + "11:00 +04:00; AZ MoD's claim of 2026-10-02 15:00 +04:00 (time not stated)), denies "
                                + "them."),
                Arguments.of("a side the claim does not accuse", citingBy(AZ_SBS, "d-az", LATE, "az-2026-10-01/114"),
                        "Attribution UNCONTESTED: Armenia, named as acting, has not disputed it."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attributionSentence")
    void theLateDenialsAttributionSentenceNamesTheClaimsItAnswers(String name, IncidentReport late, String sentence) {
        claimsClosedAndEvicted();
        assertThat(feed(late)).singleElement().satisfies(a -> {
            assertThat(a.rationale()).filteredOn(x -> x.startsWith("Attribution ")).containsExactly(sentence);
            // its opening sentence agrees in number with the claims it contests
            assertThat(a.rationale().get(0)).contains(sentence.contains("denies them.") ? " denied them on "
                    : " denied it on ");
        });
    }

    @Test
    void aLateAnswerNamesAClaimWithoutATimeAsItsOwnIncidentDid() {
        claimsClosedAndEvicted();
        List<Assessment> out = feed(denial(AM_MOD, "d-syunik", LATE, Party.AZ, DAY, NEXT_DAY, SYUNIK_EAST).build());
        assertThat(out).singleElement().satisfies(a -> assertThat(a.rationale().get(1)).isEqualTo("It answers "
                + "AZ MoD's claim about 2026-10-01 11:00 +04:00 in SYUNIK_EAST (last verdict UNVERIFIED); "
                + "AZ MoD's claim of 2026-10-02 15:00 +04:00 (time not stated) in SYUNIK_EAST (last verdict UNVERIFIED), "
                + "whose incidents had already closed; the closed incidents are not reopened, so this statement is "
                + "assessed alone."));
    }

    @Test
    void aLateAnswerNamesThePlaceOfTheClaimItAnswers() {
        claimsClosedAndEvicted();
        List<Assessment> out = feed(lateDenial("d-sotk", LATE).location(near("Sotk", GEGHARKUNIK)).build());
        assertThat(out).singleElement().satisfies(a -> assertThat(a.rationale().get(1)).startsWith("It answers "
                + "AZ MoD's claim about 2026-10-01 06:10 +04:00 near Sotk in GEGHARKUNIK (last verdict UNVERIFIED), "));
    }

    /** A claim of three killed by artillery near Sotk: its incident's final version has FATALITIES and HEAVY_WEAPONS. */
    private static final IncidentReport TOLL = precise("c-toll", DAY + "T06:10", DAY + "T09:00",
            near("Sotk", GEGHARKUNIK)).eventTypes(EventType.MORTAR_ARTILLERY)
            .casualties(org.borderwatch.classifier.TestReports.killed(3, 1, Party.AZ)).build();

    private static IncidentReport.Builder lateConfirmation(String ref) {
        return observer(EUMA, ref, Stance.CONFIRMATION, LATE, DAY, DAY, GEGHARKUNIK).location(near("Sotk", GEGHARKUNIK));
    }

    /**
     * An answer to an evicted incident's claim carries the casualties and signals of its own word, as a report
     * assessed alone does, and never the closed incident's (which announced them under its own id and left the state
     * with it): killed as this statement counts them, signals, severity, and whether the sentence saying so is there.
     */
    static Stream<Arguments> ownWord() {
        return Stream.of(
                Arguments.of("the accused side's denial: neither the closed incident's toll nor its artillery",
                        lateDenial("d-toll", LATE).location(near("Sotk", GEGHARKUNIK)).build(), 0, Set.of(),
                        org.borderwatch.common.model.Severity.LOW, false),
                Arguments.of("an observer confirming artillery fire, no figures: HEAVY_WEAPONS of its own word",
                        lateConfirmation("cf-artillery").eventTypes(EventType.MORTAR_ARTILLERY).build(), 0,
                        Set.of(org.borderwatch.common.model.SignalType.HEAVY_WEAPONS),
                        org.borderwatch.common.model.Severity.MEDIUM, true),
                Arguments.of("an observer confirming one killed by gunfire: its figure, FATALITIES, no artillery",
                        lateConfirmation("cf-one").eventTypes(EventType.SMALL_ARMS_FIRE)
                                .casualties(org.borderwatch.classifier.TestReports.killed(1, 0, Party.AZ)).build(), 1,
                        Set.of(org.borderwatch.common.model.SignalType.FATALITIES),
                        org.borderwatch.common.model.Severity.HIGH, true),
                Arguments.of("an observer confirming three killed: CRITICAL on its own figure",
                        lateConfirmation("cf-three").eventTypes(EventType.SMALL_ARMS_FIRE)
                                .casualties(org.borderwatch.classifier.TestReports.killed(3, 0, Party.AZ)).build(), 3,
                        Set.of(org.borderwatch.common.model.SignalType.FATALITIES),
                        org.borderwatch.common.model.Severity.CRITICAL, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownWord")
    void anAnswerToAnEvictedClaimCarriesTheCasualtiesAndSignalsOfItsOwnWordOnly(
            String name, IncidentReport late, int killed, Set<org.borderwatch.common.model.SignalType> signals,
            org.borderwatch.common.model.Severity severity, boolean saysSo) {
        List<Assessment> before = new ArrayList<>(feed(TOLL));
        before.addAll(feed(claim(AZ_MOD, "tick-1", Party.AM, "2026-10-10T10:00", "2026-10-10T10:00", TAVUSH)
                .timePrecision(TimePrecision.MINUTE).build()));
        before.addAll(feed(claim(AZ_MOD, "tick-2", Party.AM, "2026-10-17T12:00", "2026-10-17T12:00", TAVUSH)
                .timePrecision(TimePrecision.MINUTE).build()));
        Assessment closing = before.stream().filter(a -> a.closed() && a.reportIds().values().stream()
                .anyMatch(ids -> ids.contains(TOLL.reportId()))).reduce((a, b) -> b).orElseThrow();
        assertThat(closing.signals()).extracting(org.borderwatch.common.model.Signal::type)
                .as("the closed incident's own").contains(org.borderwatch.common.model.SignalType.FATALITIES,
                        org.borderwatch.common.model.SignalType.HEAVY_WEAPONS);
        assertThat(engine.state().closed).as("evicted").noneMatch(i -> i.has(TOLL.reportId()));

        assertThat(feed(late)).singleElement().satisfies(a -> {
            assertThat(a.closed()).isTrue();
            assertThat(a.rationale().get(1)).startsWith((late.answers() == null ? "It covers " : "It answers ")
                    + "AZ MoD's claim about 2026-10-01 06:10 +04:00 near Sotk in GEGHARKUNIK (last verdict");
            assertThat(a.casualties().stream().mapToInt(c -> c.killedOrZero()).sum()).isEqualTo(killed);
            assertThat(a.signals()).extracting(org.borderwatch.common.model.Signal::type)
                    .containsExactlyInAnyOrderElementsOf(signals);
            assertThat(a.signals()).allSatisfy(x -> assertThat(x.reportIds()).containsExactly(late.reportId()));
            assertThat(a.severity()).isEqualTo(severity);
            assertThat(a.rationale().contains(Assessor.OWN_WORD_ONLY)).isEqualTo(saysSo);
        });
    }

    /** The store keeps the state as JSON: the new parts survive it, and a record written before them still reads. */
    @Test
    void theRememberedDetailsSurviveTheStoreAndOlderRecordsStillRead() {
        claimsClosedAndEvicted();
        EngineState restored = Json.read(Json.write(engine.state()), EngineState.class);
        ClaimRecord noTime = restored.claims.get(AZ_MOD.id()).stream()
                .filter(c -> c.reportId().equals(NO_TIME.reportId())).findFirst().orElseThrow();
        assertThat(noTime.timePrecision()).isEqualTo(TimePrecision.UNKNOWN);
        ClaimRecord cited = restored.claims.get(AZ_MOD.id()).stream()
                .filter(c -> c.reportId().equals(WITH_REF_AND_LINK.reportId())).findFirst().orElseThrow();
        assertThat(cited.sourceRef()).isEqualTo("az-2026-10-01/114");
        assertThat(cited.url()).isEqualTo("https://example.org/az/114");

        ClaimRecord older = Json.read("{\"reportId\":\"" + NO_TIME.reportId() + "\",\"sourceId\":\"az-mod\","
                + "\"sourceName\":\"AZ MoD\",\"party\":\"AZ\",\"actingParty\":\"AM\",\"segments\":[\"SYUNIK_EAST\"],"
                + "\"occurredAt\":\"2026-10-02T00:00:00+04:00\",\"publishedAt\":\"2026-10-02T15:00:00+04:00\","
                + "\"occurrence\":\"UNVERIFIED\"}", ClaimRecord.class);
        assertThat(older.timePrecision()).isNull();
        assertThat(older.location()).isNull();
        assertThat(older.named()).as("knows no precision: names the start, as before")
                .isEqualTo("AZ MoD's claim about 2026-10-02 00:00 +04:00");
    }
}
