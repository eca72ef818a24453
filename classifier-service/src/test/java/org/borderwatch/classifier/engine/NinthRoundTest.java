package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.engine.ScenarioTest.at;
import static org.borderwatch.classifier.engine.ScenarioTest.run;
import static org.borderwatch.classifier.engine.ScenarioTest.signals;
import static org.borderwatch.common.model.SignalType.CLAIM_SURGE;
import static org.borderwatch.common.model.SignalType.FATALITIES;
import static org.borderwatch.common.model.SignalType.HEAVY_WEAPONS;
import static org.borderwatch.common.model.SignalType.QUIET_BROKEN;
import static org.borderwatch.common.model.SignalType.RETALIATION_CYCLE;
import static org.borderwatch.common.model.SignalType.UNCORROBORATED_SURGE;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import org.borderwatch.classifier.TestReports;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ninth round: an adversarial review of the core. Small scenarios in our own words (fixtures {@code r9-*.jsonl}),
 * the outcome written from common/README.md and the README's rules before the first run (README: which differed, and why).
 */
class NinthRoundTest {

    record Row(String fixture, int incidents, BorderSegment segment, String from, Occurrence occurrence,
               Attribution attribution, Set<SignalType> signals, Severity severity) {
        @Override
        public String toString() {
            return fixture + " " + segment + " " + from;
        }
    }

    static final List<String> FIXTURES = List.of("r9-s01-observer-corrects-one-of-two.jsonl",
            "r9-s02-late-denial-by-ref.jsonl", "r9-s03-partial-segment-coverage.jsonl",
            "r9-s04-mutual-accusation-night.jsonl", "r9-s05-casualties-revised-down.jsonl",
            "r9-s06-retaliation-framing-first.jsonl", "r9-s07-unresolved-denial-two-segments.jsonl",
            "r9-s09-revision-vs-duplicate.jsonl", "r9-s10-front-claim-surge-count.jsonl",
            "r9-s11-long-calm-quiet-broken.jsonl", "r9-s12-utc-offsets.jsonl",
            "r9-s13-observer-names-other-side.jsonl", "r9-s14-uncorroborated-then-confirmed.jsonl",
            "r9-s15-relay-no-extra-confidence.jsonl", "r9-s15b-ministry-alone.jsonl",
            "r9-s16-denial-then-admission.jsonl", "r9-s17-two-ministries-deny.jsonl",
            "r9-s17b-one-ministry-denies.jsonl", "r9-s18-ambiguous-claim-all-candidates-observed.jsonl",
            "r9-s19-ambiguous-claim-one-candidate-observed.jsonl", "r9-s20-border-wide-refutation-not-karabakh.jsonl",
            "r9-s21-spread-with-ambiguous.jsonl", "r9-s22-media-relay-no-cycle.jsonl",
            "r9-s23-retraction-after-closure.jsonl");

    static List<Row> rows() {
        BorderSegment se = BorderSegment.SYUNIK_EAST;
        BorderSegment gk = BorderSegment.GEGHARKUNIK;
        Occurrence conf = Occurrence.CONFIRMED;
        Occurrence ref = Occurrence.REFUTED;
        Occurrence disp = Occurrence.DISPUTED;
        Occurrence unv = Occurrence.UNVERIFIED;
        Attribution un = Attribution.UNCONTESTED;
        Attribution con = Attribution.CONTESTED;
        return List.of(
                // EUMA's later confirmation of Syunik supersedes its refutation there; Gegharkunik stays refuted
                new Row("r9-s01-observer-corrects-one-of-two.jsonl", 2, se, "2024-10-05T10:00", conf, un, Set.of(),
                        Severity.LOW),
                new Row("r9-s01-observer-corrects-one-of-two.jsonl", 2, gk, "2024-10-05T22:00", ref, un, Set.of(),
                        Severity.INFO),
                // a denial citing the claim's reference after the closure corrects the closed incident
                new Row("r9-s02-late-denial-by-ref.jsonl", 1, se, "2025-02-01T07:30", disp, con, Set.of(),
                        Severity.LOW),
                // a front claim of two segments, EUMA watched one of them
                new Row("r9-s03-partial-segment-coverage.jsonl", 2, gk, "2024-11-02T21:00", ref, un, Set.of(),
                        Severity.INFO),
                new Row("r9-s03-partial-segment-coverage.jsonl", 2, se, "2024-11-02T21:00", unv, un, Set.of(),
                        Severity.LOW),
                // both sides blame each other the same night, another village three hours later (README: the
                // session is the unit; the counter-claim naming another village follows)
                new Row("r9-s04-mutual-accusation-night.jsonl", 1, BorderSegment.TAVUSH, "2024-07-08T23:10", conf,
                        con, Set.of(RETALIATION_CYCLE), Severity.MEDIUM),
                // the suffering side revised its dead down (2 -> 1), the other side claims 3: 1 killed, three heavy
                new Row("r9-s05-casualties-revised-down.jsonl", 1, gk, "2024-06-13T05:30", conf, un,
                        Set.of(FATALITIES, RETALIATION_CYCLE, HEAVY_WEAPONS), Severity.CRITICAL),
                // "response measures" with nothing before them: the framing alone is a cycle
                new Row("r9-s06-retaliation-framing-first.jsonl", 1, BorderSegment.SYUNIK_WEST, "2025-05-20T12:00",
                        conf, un, Set.of(RETALIATION_CYCLE, HEAVY_WEAPONS), Severity.HIGH),
                // a denial naming no place answers the day's claims in both segments
                new Row("r9-s07-unresolved-denial-two-segments.jsonl", 2, se, "2024-07-02T10:00", disp, con, Set.of(),
                        Severity.LOW),
                new Row("r9-s07-unresolved-denial-two-segments.jsonl", 2, gk, "2024-07-02T11:00", disp, con, Set.of(),
                        Severity.LOW),
                // the correction (revision 2) replaces the death toll; exact repeats are ignored
                new Row("r9-s09-revision-vs-duplicate.jsonl", 1, se, "2024-03-05T06:00", unv, un, Set.of(FATALITIES),
                        Severity.HIGH),
                // one statement naming two segments is one claimed event: two events, no surge
                new Row("r9-s10-front-claim-surge-count.jsonl", 3, BorderSegment.ARARAT, "2024-09-02T08:00", unv, un,
                        Set.of(), Severity.LOW),
                new Row("r9-s10-front-claim-surge-count.jsonl", 3, gk, "2024-09-04T03:00", unv, un, Set.of(),
                        Severity.LOW),
                // 200 days of calm in Tavush after three incidents in January
                new Row("r9-s11-long-calm-quiet-broken.jsonl", 24, BorderSegment.TAVUSH, "2024-08-12T08:00", unv, un,
                        Set.of(QUIET_BROKEN), Severity.MEDIUM),
                new Row("r9-s12-utc-offsets.jsonl", 1, gk, "2025-03-16T22:30Z", ref, con, Set.of(), Severity.INFO),
                // EUMA names the accusing side's forces: attribution stays common/README.md's UNCONTESTED, said beside it
                new Row("r9-s13-observer-names-other-side.jsonl", 1, se, "2025-04-10T09:00", conf, un, Set.of(),
                        Severity.LOW),
                // once EUMA confirms one claim of the surge, it is no longer uncorroborated
                new Row("r9-s14-uncorroborated-then-confirmed.jsonl", 3, se, "2025-06-02T08:00", disp, con,
                        Set.of(CLAIM_SURGE), Severity.MEDIUM),
                new Row("r9-s14-uncorroborated-then-confirmed.jsonl", 3, gk, "2025-06-03T08:00", conf, con,
                        Set.of(CLAIM_SURGE), Severity.MEDIUM),
                // Armenia denied, then reported the shots itself: its later word supersedes the denial
                new Row("r9-s16-denial-then-admission.jsonl", 1, BorderSegment.TAVUSH, "2024-08-20T09:40", conf, un,
                        Set.of(), Severity.LOW),
                // the ambiguous "Nakhchivan direction" claim, every candidate watched: refuted
                new Row("r9-s18-ambiguous-claim-all-candidates-observed.jsonl", 1, BorderSegment.UNRESOLVED,
                        "2024-10-14T23:20", ref, un, Set.of(), Severity.INFO),
                // only one candidate watched: not refuted
                new Row("r9-s19-ambiguous-claim-one-candidate-observed.jsonl", 1, BorderSegment.UNRESOLVED,
                        "2024-10-24T23:20", unv, un, Set.of(), Severity.LOW),
                // "along the border" does not reach inside Karabakh
                new Row("r9-s20-border-wide-refutation-not-karabakh.jsonl", 2, BorderSegment.KARABAKH,
                        "2023-03-05T10:00", unv, un, Set.of(), Severity.LOW),
                new Row("r9-s20-border-wide-refutation-not-karabakh.jsonl", 2, gk, "2023-03-05T11:00", ref, un,
                        Set.of(), Severity.INFO),
                // an ambiguous claim is no third segment of a spread
                new Row("r9-s21-spread-with-ambiguous.jsonl", 3, BorderSegment.UNRESOLVED, "2024-11-20T20:00", unv, un,
                        Set.of(CLAIM_SURGE), Severity.MEDIUM),
                new Row("r9-s21-spread-with-ambiguous.jsonl", 3, BorderSegment.ARARAT, "2024-11-20T07:00", unv, un,
                        Set.of(CLAIM_SURGE), Severity.MEDIUM),
                // news.am relaying Azerbaijan's evening claim is no Armenian answer to Azerbaijan's morning claim
                new Row("r9-s22-media-relay-no-cycle.jsonl", 2, se, "2024-12-10T20:00", unv, un, Set.of(),
                        Severity.LOW),
                // EUMA confirmed, the incident closed, EUMA took its confirmation back within the grace: corrected
                // final version REFUTED, still closed
                new Row("r9-s23-retraction-after-closure.jsonl", 2, se, "2025-07-01T08:00", ref, un, Set.of(),
                        Severity.INFO));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void givesTheOutcomeTheRulesRequire(Row e) {
        List<Assessment> finals = run(e.fixture()).finals();
        assertThat(finals).as(Replayer.summary(finals)).hasSize(e.incidents());
        Assessment a = at(finals, e.segment(), e.from());
        assertThat(a.occurrence()).as("occurrence").isEqualTo(e.occurrence());
        assertThat(a.attribution()).as("attribution").isEqualTo(e.attribution());
        assertThat(signals(a)).as("signals").containsExactlyInAnyOrderElementsOf(e.signals());
        assertThat(a.severity()).as("severity").isEqualTo(e.severity());
    }

    static Assessment only(String fixture) {
        List<Assessment> finals = run(fixture).finals();
        assertThat(finals).hasSize(1);
        return finals.get(0);
    }

    @Test
    void theRationaleSaysWhatAnAnalystNeeds() {
        // s01: EUMA's correction is named
        Assessment tegh = at(run("r9-s01-observer-corrects-one-of-two.jsonl").finals(), BorderSegment.SYUNIK_EAST,
                "2024-10-05");
        assertThat(tegh.rationale()).anyMatch(s -> s.contains("supersedes its earlier one of 2024-10-06 18:00"));
        // s05: the lowest figure for the Armenian losses, and who said what
        Assessment kut = only("r9-s05-casualties-revised-down.jsonl");
        assertThat(kut.casualties()).singleElement().satisfies(c -> {
            assertThat(c.killed()).isEqualTo(1);
            assertThat(c.wounded()).isEqualTo(1);
        });
        assertThat(kut.rationale()).contains("Sources differ on Armenian losses (Ministry of Defence of Armenia: 1 killed,"
                + " 1 wounded; Ministry of Defence of Azerbaijan: 3 killed, no figure wounded); the most conservative"
                + " figure is used: 1 killed, 1 wounded.");
        // s09: the correction replaced the first toll
        Assessment hand = only("r9-s09-revision-vs-duplicate.jsonl");
        assertThat(hand.casualties()).singleElement().satisfies(c -> assertThat(c.killed()).isEqualTo(1));
        assertThat(hand.rationale()).anyMatch(s -> s.contains("revision 2 correcting an earlier version"));
        assertThat(run("r9-s09-revision-vs-duplicate.jsonl").duplicates()).isEqualTo(2);
        // s13: the observer's word on who acted is beside the attribution
        assertThat(only("r9-s13-observer-names-other-side.jsonl").rationale()).contains("Attribution UNCONTESTED"
                + " (Armenia, named as acting, has not disputed it), but EU Mission in Armenia names Azerbaijani forces"
                + " as acting, not Armenian ones.");
        // s16: the admission supersedes the denial; the reason no longer counts Armenia's own report as an accusation
        Assessment movses = only("r9-s16-denial-then-admission.jsonl");
        assertThat(movses.rationale()).contains("Ministry of Defence of Armenia's report of 2024-08-21 10:00 +04:00 of its"
                + " own side's action supersedes its denial of 2024-08-20 12:30 +04:00.",
                "Attribution UNCONTESTED: Armenia reports its own action.");
        // s18: the refutation names the segments the ambiguous claim could be in
        assertThat(only("r9-s18-ambiguous-claim-all-candidates-observed.jsonl").rationale()).anyMatch(s -> s.contains(
                "observed every segment the claim names (ARARAT, VAYOTS_DZOR_WEST, SYUNIK_WEST)"));
    }

    /** Times at the border's UTC+4, whatever offset the partner wrote: fire at 22:30 UTC on 16 March was on the 17th. */
    @Test
    void rationaleTimesAndDaysAreTheBordersLocalTime() {
        Assessment vardenis = only("r9-s12-utc-offsets.jsonl");
        assertThat(vardenis.rationale()).anyMatch(s -> s.contains("at 2025-03-17 02:30 +04:00 near Vardenis"));
        assertThat(vardenis.rationale()).anyMatch(s -> s.contains("(answering Azerbaijan's claims about 2025-03-17 in"
                + " GEGHARKUNIK)"));
        assertThat(vardenis.rationale()).anyMatch(s -> s.contains("observed no incidents in GEGHARKUNIK on 2025-03-17."));
        assertThat(vardenis.rationale()).noneMatch(s -> s.contains("+00:00") || s.contains("2025-03-16"));
        assertThat(Replayer.summary(List.of(vardenis))).contains("2025-03-17T02:30+04:00");
    }

    /** A relay or a second ministry of the same side is no further evidence: the confidence stays that of the side. */
    @Test
    void oneSidesVoicesCountOnceInTheConfidence() {
        assertThat(only("r9-s15-relay-no-extra-confidence.jsonl").confidence())
                .isEqualTo(only("r9-s15b-ministry-alone.jsonl").confidence()).isEqualTo(0.25);
        assertThat(only("r9-s17-two-ministries-deny.jsonl").confidence())
                .isEqualTo(only("r9-s17b-one-ministry-denies.jsonl").confidence()).isEqualTo(0.3);
    }

    /** The uncorroborated surge fires on the three denied claims and goes once one of them is confirmed. */
    @Test
    void anUncorroboratedSurgeEndsWhenOneOfItsClaimsIsConfirmed() {
        Replayer.Outcome outcome = run("r9-s14-uncorroborated-then-confirmed.jsonl");
        assertThat(outcome.versions()).anyMatch(a -> signals(a).contains(UNCORROBORATED_SURGE));
        assertThat(outcome.finals()).allSatisfy(a -> assertThat(signals(a)).doesNotContain(UNCORROBORATED_SURGE));
    }

    /** The same reports give the same bytes whatever the machine's time zone and locale: the core reads no clock. */
    @Test
    void aReplayDoesNotDependOnTheMachinesTimeZoneOrLocale() {
        List<IncidentReport> reports = new ArrayList<>();
        FIXTURES.forEach(f -> reports.addAll(TestReports.fixture(f)));
        String here = String.join("\n", new Replayer(ClassifierEngine.withDefaults()).replay(reports).versions()
                .stream().map(Replayer::json).toList());
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Locale.setDefault(Locale.forLanguageTag("ar-EG-u-nu-arab"));
            Replayer.Outcome there = new Replayer(ClassifierEngine.withDefaults()).replay(reports);
            assertThat(String.join("\n", there.versions().stream().map(Replayer::json).toList())).isEqualTo(here);
            assertThat(Replayer.summary(there.finals())).contains("2025-03-17T02:30+04:00");
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }

    static List<String> fixtures() {
        return FIXTURES;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void fixturesAreValidCanonicalReports(String fixture) throws Exception {
        new ScenarioTest().fixturesAreValidCanonicalReports(fixture);
    }
}
