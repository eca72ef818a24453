package org.borderwatch.classifier.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.ACLED;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.EUMA;
import static org.borderwatch.classifier.TestReports.OSCE;
import static org.borderwatch.classifier.TestReports.base;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.denial;
import static org.borderwatch.classifier.TestReports.observer;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;

import java.util.List;
import java.util.stream.Stream;
import org.borderwatch.classifier.TestReports;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Stance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class VerdictRulesTest {

    static final IncidentReport AZ_CLAIM = claim(AZ_MOD, "c1", Party.AM, "2025-03-16T09:35", "2025-03-16T10:20",
            SYUNIK_EAST).build();
    static final IncidentReport AM_DENIAL = denial(AM_MOD, "d1", "2025-03-16T12:15", Party.AZ, "2025-03-16",
            "2025-03-16", SYUNIK_EAST).build();
    static final IncidentReport EUMA_SAW_NOTHING = observer(EUMA, "o1", Stance.REFUTATION, "2025-03-17T18:30",
            "2025-03-16", "2025-03-17", SYUNIK_EAST).build();
    static final IncidentReport EUMA_CONFIRMS_LATER = observer(EUMA, "o2", Stance.CONFIRMATION, "2025-03-18T09:00",
            "2025-03-16", "2025-03-16", SYUNIK_EAST).build();
    static final IncidentReport EUMA_CONFIRMS_FIRST = observer(EUMA, "o0", Stance.CONFIRMATION, "2025-03-16T15:00",
            "2025-03-16", "2025-03-16", SYUNIK_EAST).build();
    static final IncidentReport OSCE_CONFIRMS = observer(OSCE, "o3", Stance.CONFIRMATION, "2025-03-18T09:00",
            "2025-03-16", "2025-03-16", SYUNIK_EAST).build();
    static final IncidentReport ACLED_CONFIRMS = base(ACLED, "a1", Stance.CONFIRMATION, "2025-03-18T09:00")
            .actingParty(Party.AM).build();
    static final IncidentReport AM_SELF_REPORT = claim(AM_MOD, "s1", Party.AM, "2025-03-16T09:35",
            "2025-03-16T11:00", SYUNIK_EAST).build();
    static final IncidentReport AM_COUNTER_CLAIM = claim(AM_MOD, "cc1", Party.AZ, "2025-03-16T09:40",
            "2025-03-16T11:00", SYUNIK_EAST).build();

    /** Azerbaijan "denies" in an incident whose only claim accuses Armenia (e.g. it denies another statement). */
    static final IncidentReport TASS_DENIAL = denial(TestReports.TASS, "td1", "2025-03-16T13:30", Party.AZ, "2025-03-16",
            "2025-03-16", SYUNIK_EAST).build();
    static final IncidentReport AZ_DENIAL = denial(AZ_MOD, "d2", "2025-03-16T13:00", Party.AM, "2025-03-16",
            "2025-03-16", SYUNIK_EAST).build();

    /** EUMA reports that its own patrol came under fire from the Azerbaijani side. */
    static final IncidentReport EUMA_OWN_REPORT = claim(EUMA, "own", Party.AZ, "2025-03-16T09:30",
            "2025-03-16T12:00", SYUNIK_EAST).build();
    static final IncidentReport AZ_DENIAL_OF_FIRE = denial(AZ_MOD, "d3", "2025-03-16T14:00", Party.EU, "2025-03-16",
            "2025-03-16", SYUNIK_EAST).build();

    /** Claimed for 23:30 on 17 March to 00:30 on 18 March: half of it after EUMA's covered 16-17 March. */
    static final IncidentReport AZ_CLAIM_ACROSS_MIDNIGHT = claim(AZ_MOD, "cm", Party.AM, "2025-03-17T23:30",
            "2025-03-18T09:00", SYUNIK_EAST).occurredUntil(TestReports.t("2025-03-18T00:30")).build();
    /** Claimed for 23:30 to 23:59:59 on 17 March: the last moment EUMA's coverage names. */
    static final IncidentReport AZ_CLAIM_LATE_ON_17TH = claim(AZ_MOD, "cl", Party.AM, "2025-03-17T23:30",
            "2025-03-18T09:00", SYUNIK_EAST).occurredUntil(TestReports.t("2025-03-18").minusSeconds(1)).build();

    static final IncidentReport EUMA_SAW_NOTHING_TO_MIDNIGHT = base(EUMA, "o5", Stance.REFUTATION, "2025-03-18T10:00")
            .coverage(new org.borderwatch.common.model.Coverage(TestReports.t("2025-03-16"),
                    TestReports.t("2025-03-17"), List.of(SYUNIK_EAST))).build();

    /** The night after EUMA's covered period (16-17 March), within the session gap of a claim on the 17th. */
    static final IncidentReport AZ_CLAIM_NEXT_NIGHT = claim(AZ_MOD, "c2", Party.AM, "2025-03-18T02:00",
            "2025-03-18T09:00", SYUNIK_EAST).build();
    static final IncidentReport EUMA_ANSWERS_NO = base(EUMA, "o4", Stance.REFUTATION, "2025-03-18T18:00")
            .answers(new org.borderwatch.common.model.Answers(List.of(), Party.AZ, null, null, List.of())).build();

    /** The Russian Defence Ministry tells of Azerbaijani fire on the border in its own words; TASS reports the same. */
    static final IncidentReport RU_MOD_REPORT = claim(TestReports.RU_MOD, "ru", Party.AZ, "2025-03-16T09:30",
            "2025-03-16T13:00", SYUNIK_EAST).build();
    static final IncidentReport TASS_REPORT = claim(TestReports.TASS, "tass", Party.AZ, "2025-03-16T09:30",
            "2025-03-16T13:30", SYUNIK_EAST).build();
    static final IncidentReport AM_CLAIM_AGAINST_AZ = claim(AM_MOD, "c3", Party.AZ, "2025-03-16T09:35",
            "2025-03-16T10:20", SYUNIK_EAST).build();
    static final IncidentReport AZ_DENIES_IT = denial(AZ_MOD, "d4", "2025-03-16T12:15", Party.AM, "2025-03-16",
            "2025-03-16", SYUNIK_EAST).build();

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("a claim nobody answered", List.of(AZ_CLAIM), Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED),
                Arguments.of("claim + accused side's denial", List.of(AZ_CLAIM, AM_DENIAL), Occurrence.DISPUTED,
                        Attribution.CONTESTED),
                Arguments.of("observer covering it saw nothing", List.of(AZ_CLAIM, EUMA_SAW_NOTHING),
                        Occurrence.REFUTED, Attribution.UNCONTESTED),
                Arguments.of("observer saw nothing + denial", List.of(AZ_CLAIM, AM_DENIAL, EUMA_SAW_NOTHING),
                        Occurrence.REFUTED, Attribution.CONTESTED),
                Arguments.of("observer's later confirmation supersedes its refutation",
                        List.of(AZ_CLAIM, EUMA_SAW_NOTHING, EUMA_CONFIRMS_LATER), Occurrence.CONFIRMED,
                        Attribution.UNCONTESTED),
                Arguments.of("observer's later refutation supersedes its confirmation",
                        List.of(AZ_CLAIM, EUMA_CONFIRMS_FIRST, EUMA_SAW_NOTHING), Occurrence.REFUTED,
                        Attribution.UNCONTESTED),
                Arguments.of("a third observer confirms despite another's refutation",
                        List.of(AZ_CLAIM, EUMA_SAW_NOTHING, OSCE_CONFIRMS), Occurrence.CONFIRMED,
                        Attribution.UNCONTESTED),
                Arguments.of("a dataset never confirms", List.of(AZ_CLAIM, AM_DENIAL, ACLED_CONFIRMS),
                        Occurrence.DISPUTED, Attribution.CONTESTED),
                Arguments.of("acting side reports its own action", List.of(AM_SELF_REPORT), Occurrence.CONFIRMED,
                        Attribution.UNCONTESTED),
                Arguments.of("self-report beats an observer's refutation", List.of(AM_SELF_REPORT, EUMA_SAW_NOTHING),
                        Occurrence.CONFIRMED, Attribution.UNCONTESTED),
                Arguments.of("both sides blame each other", List.of(AZ_CLAIM, AM_COUNTER_CLAIM),
                        Occurrence.CONFIRMED, Attribution.CONTESTED),
                Arguments.of("a lone denial", List.of(AM_DENIAL), Occurrence.UNVERIFIED, Attribution.CONTESTED),
                Arguments.of("an observer's own report of the event confirms it",
                        List.of(EUMA_OWN_REPORT, AZ_DENIAL_OF_FIRE), Occurrence.CONFIRMED, Attribution.CONTESTED),
                Arguments.of("an observer's own report superseded by its later refutation",
                        List.of(AZ_CLAIM, EUMA_OWN_REPORT, EUMA_SAW_NOTHING), Occurrence.REFUTED,
                        Attribution.UNCONTESTED),
                // c23 (an audit's finding C5): it confirmed the claim; a third party's own account corroborates
                // (ThirdPartyWordTest)
                Arguments.of("a third party's own report of the event corroborates, it does not confirm",
                        List.of(AM_CLAIM_AGAINST_AZ, AZ_DENIES_IT, RU_MOD_REPORT), Occurrence.DISPUTED,
                        Attribution.CONTESTED),
                Arguments.of("a news agency's report relays and confirms nothing",
                        List.of(AM_CLAIM_AGAINST_AZ, AZ_DENIES_IT, TASS_REPORT), Occurrence.DISPUTED,
                        Attribution.CONTESTED),
                Arguments.of("a refutation covering only part of the incident refutes nothing",
                        List.of(AZ_CLAIM, AZ_CLAIM_NEXT_NIGHT, EUMA_SAW_NOTHING), Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED),
                Arguments.of("... and with a denial it is disputed",
                        List.of(AZ_CLAIM, AZ_CLAIM_NEXT_NIGHT, AM_DENIAL, EUMA_SAW_NOTHING), Occurrence.DISPUTED,
                        Attribution.CONTESTED),
                Arguments.of("a refutation through its answers speaks of the whole incident",
                        List.of(AZ_CLAIM, AZ_CLAIM_NEXT_NIGHT, EUMA_ANSWERS_NO), Occurrence.REFUTED,
                        Attribution.UNCONTESTED),
                Arguments.of("a news agency reporting that a side rejected the claim denies nothing (sixth round)",
                        List.of(AZ_CLAIM, TASS_DENIAL), Occurrence.UNVERIFIED, Attribution.UNCONTESTED),
                Arguments.of("... nor does it contest anything alone", List.of(TASS_DENIAL), Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED),
                Arguments.of("... and the accused side's own denial still disputes",
                        List.of(AZ_CLAIM, TASS_DENIAL, AM_DENIAL), Occurrence.DISPUTED, Attribution.CONTESTED),
                Arguments.of("a denial by a side the claim does not accuse disputes nothing",
                        List.of(AZ_CLAIM, AZ_DENIAL), Occurrence.UNVERIFIED, Attribution.UNCONTESTED),
                Arguments.of("a claim about the night after the observed days is not inside the coverage",
                        List.of(AZ_CLAIM_ACROSS_MIDNIGHT, EUMA_SAW_NOTHING), Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED),
                Arguments.of("a claim ending exactly where the coverage ends is inside it",
                        List.of(AZ_CLAIM_LATE_ON_17TH, EUMA_SAW_NOTHING), Occurrence.REFUTED,
                        Attribution.UNCONTESTED),
                Arguments.of("a coverage ending at midnight of the 17th means the whole 17th",
                        List.of(AZ_CLAIM_LATE_ON_17TH, EUMA_SAW_NOTHING_TO_MIDNIGHT), Occurrence.REFUTED,
                        Attribution.UNCONTESTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void decides(String name, List<IncidentReport> statements, Occurrence occurrence, Attribution attribution) {
        Verdict v = VerdictRules.decide(SYUNIK_EAST, statements, s -> 0.5);
        assertThat(v.occurrence()).isEqualTo(occurrence);
        assertThat(v.attribution()).isEqualTo(attribution);
        assertThat(v.confidence()).isBetween(0.0, 1.0);
        assertThat(v.reasons()).anyMatch(r -> r.startsWith("Occurrence " + occurrence));
    }

    static final IncidentReport AZ_CLAIM_EVENING = claim(AZ_MOD, "c4", Party.AM, "2025-03-16T19:00",
            "2025-03-16T19:30", SYUNIK_EAST).build();
    static final IncidentReport AM_DENIAL_AGAIN = denial(AM_MOD, "d5", "2025-03-16T21:00", Party.AZ, "2025-03-16",
            "2025-03-16", SYUNIK_EAST).build();

    /** The reasons agree in number with the incident's claims and denials; the same sentences appear either way. */
    static Stream<Arguments> reasonsAgreeInNumber() {
        return Stream.of(
                Arguments.of("one claim, unanswered", List.of(AZ_CLAIM),
                        List.of("Occurrence UNVERIFIED: no one has answered the claim yet.")),
                Arguments.of("two claims, unanswered", List.of(AZ_CLAIM, AZ_CLAIM_EVENING),
                        List.of("Occurrence UNVERIFIED: no one has answered the claims yet.")),
                Arguments.of("one claim, denied", List.of(AZ_CLAIM, AM_DENIAL),
                        List.of("Occurrence DISPUTED: a claim and the accused side's denial, no independent word.",
                                "Attribution CONTESTED: Armenia, named as acting, denies it.")),
                Arguments.of("two claims, denied", List.of(AZ_CLAIM, AZ_CLAIM_EVENING, AM_DENIAL),
                        List.of("Occurrence DISPUTED: 2 claims and the accused side's denial, no independent word.",
                                "Attribution CONTESTED: Armenia, named as acting in 2 claims, denies them.")),
                Arguments.of("two claims, denied twice", List.of(AZ_CLAIM, AM_DENIAL, AZ_CLAIM_EVENING,
                                AM_DENIAL_AGAIN),
                        List.of("Occurrence DISPUTED: 2 claims and the accused side's 2 denials, no independent word.",
                                "Attribution CONTESTED: Armenia, named as acting in 2 claims, denies them.")),
                Arguments.of("one claim and a counter-claim", List.of(AZ_CLAIM, AM_COUNTER_CLAIM),
                        List.of("Attribution CONTESTED: Armenia, named as acting, says Azerbaijan acted.")),
                Arguments.of("one claim partly observed", List.of(AZ_CLAIM_ACROSS_MIDNIGHT, EUMA_SAW_NOTHING),
                        List.of("Occurrence UNVERIFIED: no one has answered the whole claim yet.")),
                Arguments.of("two claims, one partly observed", List.of(AZ_CLAIM, AZ_CLAIM_ACROSS_MIDNIGHT,
                                EUMA_SAW_NOTHING),
                        List.of("Occurrence UNVERIFIED: no one has answered all of the claims yet.")),
                Arguments.of("two claims, one partly observed, denied", List.of(AZ_CLAIM, AZ_CLAIM_ACROSS_MIDNIGHT,
                                EUMA_SAW_NOTHING, AM_DENIAL),
                        List.of("Occurrence DISPUTED: 2 claims and the accused side's denial, no independent word on"
                                + " all of them.")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void reasonsAgreeInNumber(String name, List<IncidentReport> statements, List<String> reasons) {
        List<String> got = VerdictRules.decide(SYUNIK_EAST, statements, s -> 0.5).reasons();
        assertThat(got).containsAll(reasons);
        if (statements.stream().filter(x -> x.stance() == Stance.CLAIM).count() > 1) {
            assertThat(got).noneMatch(r -> r.contains("answered the claim yet") || r.contains("the whole claim")
                    || r.contains("a claim and") || r.endsWith("denies it."));
        }
    }

    /**
     * Analyst's review, finding 6: where each side blames the other (attribution CONTESTED, the claims naming both
     * sides as acting) the incident names no acting party — the first claim's acting side read as "confirmed: Armenia
     * fired" to a consumer of the JSON — and the rationale says why. One side named by every claim stays named.
     */
    static Stream<Arguments> actingParty() {
        String each = "No acting party given: each side blames the other (the claims name Armenian and Azerbaijani"
                + " forces as acting).";
        return Stream.of(
                Arguments.of("each side blames the other", List.of(AZ_CLAIM, AM_COUNTER_CLAIM), null, each),
                Arguments.of("... and each denies the other's claim", List.of(AZ_CLAIM, AM_CLAIM_AGAINST_AZ, AM_DENIAL,
                        AZ_DENIES_IT), null, each),
                Arguments.of("... and an observer confirms the event", List.of(AZ_CLAIM, AM_COUNTER_CLAIM,
                        EUMA_CONFIRMS_LATER), null, each),
                Arguments.of("a claim and the accused side's denial", List.of(AZ_CLAIM, AM_DENIAL), Party.AM, null),
                Arguments.of("a third party names the same side", List.of(AM_CLAIM_AGAINST_AZ, AZ_DENIES_IT,
                        RU_MOD_REPORT), Party.AZ, null),
                Arguments.of("an unanswered claim", List.of(AZ_CLAIM), Party.AM, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void actingParty(String name, List<IncidentReport> statements, Party acting, String reason) {
        Verdict v = VerdictRules.decide(SYUNIK_EAST, statements, s -> 0.5);
        assertThat(v.actingParty()).as(name).isEqualTo(acting);
        if (reason == null) {
            assertThat(v.reasons()).noneMatch(r -> r.startsWith("No acting party"));
        } else {
            assertThat(v.reasons()).contains(reason);
            assertThat(v.attribution()).isEqualTo(Attribution.CONTESTED);
        }
    }

    /**
     * Replay audit of batch 52 (c21): two dataset records of one exchange, each giving one side's version (the other
     * side fired), named the first record's side as acting, UNCONTESTED — the hazard of the analyst's finding 6
     * without a side's own word. Claims naming more than one side leave the acting party out whatever the attribution;
     * claims naming one side (with or without a third party's word) keep it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            two dataset records, each naming the other side    | AM AZ | -  | UNCONTESTED | No acting party given: the claims name
            guard: two dataset records naming the same side    | AM AM | AM | UNCONTESTED | -
            guard: one dataset record                          | AZ    | AZ | UNCONTESTED | -
            """)
    void claimsNamingBothSidesNameNoActingPartyEvenUncontested(String name, String actings, Party acting,
                                                                Attribution attribution, String reason) {
        List<IncidentReport> records = new java.util.ArrayList<>();
        String[] parties = actings.split(" ");
        for (int i = 0; i < parties.length; i++) {
            records.add(claim(ACLED, "rec" + i, Party.valueOf(parties[i]), "2025-03-16T00:00", "2025-03-23T12:00",
                    SYUNIK_EAST).occurredUntil(TestReports.t("2025-03-16T23:59").plusSeconds(59)).build());
        }
        Verdict v = VerdictRules.decide(SYUNIK_EAST, records, src -> 0.5);
        assertThat(v.actingParty()).as(name).isEqualTo(acting);
        assertThat(v.attribution()).as(name).isEqualTo(attribution);
        if (reason == null) {
            assertThat(v.reasons()).as(name).noneMatch(r -> r.startsWith("No acting party"));
        } else {
            assertThat(v.reasons()).as(name).filteredOn(r -> r.startsWith(reason)).singleElement()
                    .matches(r -> r.contains("Armenian") && r.contains("Azerbaijani") && r.endsWith("as acting."));
        }
    }

    static Stream<Arguments> confidences() {
        return Stream.of(
                // observer: noisy-OR of its reliability, weight 1
                Arguments.of(List.of(AZ_CLAIM, EUMA_SAW_NOTHING), 0.8, 0.8),
                // unanswered claim: half the claimant's reliability
                Arguments.of(List.of(AZ_CLAIM), 0.5, 0.25),
                // disputed: 0.6 x the denier's reliability
                Arguments.of(List.of(AZ_CLAIM, AM_DENIAL), 0.5, 0.3),
                // both sides: 0.9 x noisy-OR(0.5, 0.5)
                Arguments.of(List.of(AZ_CLAIM, AM_COUNTER_CLAIM), 0.5, 0.675),
                // an observer confirms what both sides report: noisy-OR of the lines,
                // 1 - (1 - 0.5)(1 - 0.675) = 0.8375, rounded
                Arguments.of(List.of(AZ_CLAIM, AM_COUNTER_CLAIM, EUMA_CONFIRMS_LATER), 0.5, 0.838),
                // two observers confirm: noisy-OR(0.5, 0.5)
                Arguments.of(List.of(AZ_CLAIM, EUMA_CONFIRMS_LATER, OSCE_CONFIRMS), 0.5, 0.75));
    }

    @ParameterizedTest
    @MethodSource("confidences")
    void confidenceFollowsTheDocumentedFormula(List<IncidentReport> statements, double reliability,
                                               double expected) {
        assertThat(VerdictRules.decide(SYUNIK_EAST, statements, s -> reliability).confidence())
                .isEqualTo(expected, org.assertj.core.api.Assertions.within(1e-9));
    }

    /** More independent confirmation never lowers the confidence that an event happened. */
    @org.junit.jupiter.api.Test
    void moreConfirmationNeverLowersConfidence() {
        List<List<IncidentReport>> growing = List.of(List.of(AZ_CLAIM), List.of(AZ_CLAIM, AM_COUNTER_CLAIM),
                List.of(AZ_CLAIM, AM_COUNTER_CLAIM, EUMA_CONFIRMS_LATER),
                List.of(AZ_CLAIM, AM_COUNTER_CLAIM, EUMA_CONFIRMS_LATER, OSCE_CONFIRMS));
        for (double reliability : new double[] {0.3, 0.5, 0.8}) {
            double previous = -1;
            for (List<IncidentReport> statements : growing) {
                double c = VerdictRules.decide(SYUNIK_EAST, statements, s -> reliability).confidence();
                assertThat(c).as(statements.size() + " statements at reliability " + reliability)
                        .isGreaterThanOrEqualTo(previous);
                previous = c;
            }
        }
        Verdict all = VerdictRules.decide(SYUNIK_EAST, List.of(AZ_CLAIM, AM_COUNTER_CLAIM, EUMA_CONFIRMS_LATER),
                s -> 0.5);
        assertThat(all.reasons()).anyMatch(r -> r.startsWith("Occurrence CONFIRMED: EUMA"))
                .anyMatch(r -> r.startsWith("Also, both sides report hostile action"))
                .anyMatch(r -> r.equals("Attribution CONTESTED: Armenia, named as acting, says Azerbaijan acted."));
    }

    @org.junit.jupiter.api.Test
    void observerDecidedOnlyWhenAnObserverDecides() {
        assertThat(VerdictRules.decide(SYUNIK_EAST, List.of(AZ_CLAIM, EUMA_SAW_NOTHING), s -> 0.5)
                .observerDecided()).isTrue();
        assertThat(VerdictRules.decide(SYUNIK_EAST, List.of(AM_SELF_REPORT), s -> 0.5).observerDecided())
                .isFalse();
        assertThat(VerdictRules.decide(SYUNIK_EAST, List.of(AZ_CLAIM, AM_DENIAL), s -> 0.5).observerDecided())
                .isFalse();
    }

    @org.junit.jupiter.api.Test
    void aStatementWhoseStanceCouldNotBeReadClaimsNothingAndAnswersNothing() {
        // ingest could not read the stance (a language or phrasing its rules do not know): not a claim, not an answer
        IncidentReport unread = base(TestReports.AZ_SBS, "u1", Stance.UNKNOWN, "2023-04-23T16:00")
                .location(org.borderwatch.common.model.Location.of(SYUNIK_EAST)).build();
        Verdict alone = VerdictRules.decide(SYUNIK_EAST, List.of(unread), s -> 0.5);
        assertThat(alone.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
        assertThat(alone.attribution()).isEqualTo(Attribution.UNCONTESTED);
        assertThat(alone.confidence()).isZero();
        assertThat(alone.reasons()).contains(
                "Occurrence UNVERIFIED: no statement in it claims or answers anything that could be read.");
        // beside a claim it changes nothing; a lone denial still waits for the claim it answers
        assertThat(VerdictRules.decide(SYUNIK_EAST, List.of(AZ_CLAIM, unread), s -> 0.5).reasons())
                .contains("Occurrence UNVERIFIED: no one has answered the claim yet.");
        assertThat(VerdictRules.decide(SYUNIK_EAST, List.of(AM_DENIAL, unread), s -> 0.5).reasons())
                .contains("Occurrence UNVERIFIED: the claim it answers is not known (yet).");
    }

    @org.junit.jupiter.api.Test
    void aSidesReportOfItsOwnLossesIsNotItsOwnAction() {
        // "the number of our servicemen killed has risen to two": ingest names the side's own forces as acting
        IncidentReport ownLosses = claim(AM_MOD, "l1", Party.AM, "2025-03-16T09:35", "2025-03-16T20:00", SYUNIK_EAST)
                .eventTypes(org.borderwatch.common.model.EventType.CASUALTY).casualties(TestReports.killed(2, 0,
                        Party.AM)).build();
        assertThat(VerdictRules.ownLossesOnly(ownLosses)).isTrue();
        assertThat(VerdictRules.decide(SYUNIK_EAST, List.of(AM_CLAIM_AGAINST_AZ, ownLosses), s -> 0.5).occurrence())
                .isEqualTo(Occurrence.UNVERIFIED);
        // nor is a mine going off under its own people, whoever's losses ingest read
        IncidentReport mine = claim(TestReports.AZ_MOD, "m1", Party.AZ, "2025-03-16T11:00", "2025-03-16T16:00",
                SYUNIK_EAST).eventTypes(org.borderwatch.common.model.EventType.MINE_EXPLOSION)
                .casualties(TestReports.killed(3, 4, Party.AM)).build();
        assertThat(VerdictRules.ownLossesOnly(mine)).isTrue();
        Verdict mineVerdict = VerdictRules.decide(SYUNIK_EAST, List.of(mine), s -> 0.5);
        assertThat(mineVerdict.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
        assertThat(org.borderwatch.classifier.verdict.Sentences.describe(mine))
                .startsWith("AZ MoD reported a mine explosion at 2025-03-16 11:00 +04:00");
        // the same figures with an action of its own (fire, an operation) stay a self-report
        IncidentReport ownFire = claim(AM_MOD, "l2", Party.AM, "2025-03-16T09:35", "2025-03-16T20:00", SYUNIK_EAST)
                .casualties(TestReports.killed(2, 0, Party.AM)).build();
        assertThat(VerdictRules.ownLossesOnly(ownFire)).isFalse();
        assertThat(VerdictRules.decide(SYUNIK_EAST, List.of(ownFire), s -> 0.5).occurrence())
                .isEqualTo(Occurrence.CONFIRMED);
    }

    /**
     * Only a side's officials speak for it (fifth round): an Armenian outlet relaying Baku's accusation names Armenia
     * as acting but is no admission; neither is an NGO of the side, nor a side's report of its own losses alone.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void aSelfReportComesFromTheSidesOfficials(String name, IncidentReport report, boolean selfReport,
                                               Occurrence alone) {
        assertThat(VerdictRules.isSelfReport(report)).as(name).isEqualTo(selfReport);
        assertThat(VerdictRules.decide(SYUNIK_EAST, List.of(report), s -> 0.5).occurrence()).as(name)
                .isEqualTo(alone);
    }

    static Stream<Arguments> aSelfReportComesFromTheSidesOfficials() {
        org.borderwatch.common.model.Source newsAm = new org.borderwatch.common.model.Source("news-am", "news.am",
                org.borderwatch.common.model.SourceKind.MEDIA, Party.AM);
        org.borderwatch.common.model.Source ngo = new org.borderwatch.common.model.Source("am-ngo", "An NGO",
                org.borderwatch.common.model.SourceKind.NGO, Party.AM);
        return Stream.of(
                Arguments.of("the ministry reports its own action", AM_SELF_REPORT, true, Occurrence.CONFIRMED),
                Arguments.of("the side's media relays the other side's accusation",
                        claim(newsAm, "m1", Party.AM, "2025-03-16T09:35", "2025-03-16T11:00", SYUNIK_EAST).build(),
                        false, Occurrence.UNVERIFIED),
                Arguments.of("an NGO of the side", claim(ngo, "n1", Party.AM, "2025-03-16T09:35", "2025-03-16T11:00",
                        SYUNIK_EAST).build(), false, Occurrence.UNVERIFIED),
                Arguments.of("the side's media reports the other side acting",
                        claim(newsAm, "m2", Party.AZ, "2025-03-16T09:35", "2025-03-16T11:00", SYUNIK_EAST).build(),
                        false, Occurrence.UNVERIFIED),
                Arguments.of("the ministry's own losses only", claim(AM_MOD, "l1", Party.AM, "2025-03-16T09:35",
                        "2025-03-16T11:00", SYUNIK_EAST).eventTypes(org.borderwatch.common.model.EventType.CASUALTY)
                        .casualties(TestReports.killed(1, 0, Party.AM)).build(), false, Occurrence.UNVERIFIED),
                Arguments.of("the other side's ministry accusing", AZ_CLAIM, false, Occurrence.UNVERIFIED));
    }

    @org.junit.jupiter.api.Test
    void aRelayedAccusationIsWordedAsAClaimNotAsAnAdmission() {
        org.borderwatch.common.model.Source newsAm = new org.borderwatch.common.model.Source("news-am", "news.am",
                org.borderwatch.common.model.SourceKind.MEDIA, Party.AM);
        IncidentReport relay = claim(newsAm, "m1", Party.AM, "2025-03-16T09:35", "2025-03-16T11:00", SYUNIK_EAST)
                .build();
        assertThat(Sentences.describe(relay)).contains("news.am claimed small-arms fire by Armenian forces")
                .doesNotContain("its own forces");
        assertThat(Sentences.describe(AM_SELF_REPORT)).contains("by its own forces");
    }

    /** A refutation watching part of a claim's period (not all of it) is named in the rationale, never counted. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
            "runs past the observed days,   2025-03-17T23:30, 2025-03-18T00:30, SYUNIK_EAST, true",
            "starts before the observed days, 2025-03-15T23:30, 2025-03-16T00:30, SYUNIK_EAST, true",
            "inside the observed days,      2025-03-17T10:00, 2025-03-17T11:00, SYUNIK_EAST, false",
            "after the observed days,       2025-03-18T01:00, 2025-03-18T02:00, SYUNIK_EAST, false",
            "another segment,               2025-03-17T23:30, 2025-03-18T00:30, TAVUSH, false"})
    void aRefutationCoveringPartOfAClaim(String name, String from, String to,
                                         org.borderwatch.common.model.BorderSegment segment, boolean part) {
        assertThat(VerdictRules.coversPartOf(EUMA_SAW_NOTHING, segment, TestReports.t(from), TestReports.t(to)))
                .as(name).isEqualTo(part);
        assertThat(VerdictRules.coversPartOf(EUMA_CONFIRMS_LATER, segment, TestReports.t(from), TestReports.t(to)))
                .as("a confirmation is never named this way").isFalse();
    }

    /** What a closed incident established carries over to a re-telling of its claim only where the new one knows less. */
    @ParameterizedTest(name = "{0}/{1} + closed {2}/{3} -> {4}/{5}")
    @org.junit.jupiter.params.provider.CsvSource({
            "UNVERIFIED, UNCONTESTED, DISPUTED,   CONTESTED,   DISPUTED,   CONTESTED",
            "UNVERIFIED, UNCONTESTED, REFUTED,    UNCONTESTED, REFUTED,    UNCONTESTED",
            "REFUTED,    UNCONTESTED, DISPUTED,   CONTESTED,   REFUTED,    CONTESTED",
            "DISPUTED,   CONTESTED,   CONFIRMED,  UNCONTESTED, DISPUTED,   CONTESTED",
            "UNVERIFIED, UNCONTESTED, UNVERIFIED, UNCONTESTED, UNVERIFIED, UNCONTESTED",
            "UNVERIFIED, UNCONTESTED, UNVERIFIED,            , UNVERIFIED, UNCONTESTED"})
    void aClosedIncidentsVerdictCarriesOverWhereTheRetellingKnowsLess(Occurrence now, Attribution nowAttribution,
                                                                      Occurrence closed, Attribution closedAttribution,
                                                                      Occurrence occurrence, Attribution attribution) {
        Verdict v = new Verdict(now, nowAttribution, Party.AM, 0.5, List.of("Occurrence " + now + ": as decided."),
                false, java.util.Set.of("az-mod"));
        org.borderwatch.classifier.signal.ClaimRecord earlier = new org.borderwatch.classifier.signal.ClaimRecord(
                AZ_CLAIM.reportId(), "az-mod", "AZ MoD", Party.AZ, Party.AM, List.of(SYUNIK_EAST),
                AZ_CLAIM.occurredAt(), AZ_CLAIM.publishedAt(), closed, AZ_CLAIM.occurredUntil(), closedAttribution);
        Verdict carried = VerdictRules.carryForward(v, earlier);
        assertThat(carried.occurrence()).isEqualTo(occurrence);
        assertThat(carried.attribution()).isEqualTo(attribution);
        assertThat(carried.reasons()).as("an UNVERIFIED reason never stands beside a carried-over occurrence")
                .noneMatch(r -> occurrence != Occurrence.UNVERIFIED && r.startsWith("Occurrence UNVERIFIED"));
    }
}
