package org.borderwatch.classifier.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MFA;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.EUMA;
import static org.borderwatch.classifier.TestReports.OSCE;
import static org.borderwatch.classifier.TestReports.TASS;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.denial;
import static org.borderwatch.classifier.TestReports.observer;
import static org.borderwatch.common.model.BorderSegment.ARARAT;
import static org.borderwatch.common.model.BorderSegment.KARABAKH;
import static org.borderwatch.common.model.BorderSegment.LACHIN_CORRIDOR;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_WEST;
import static org.borderwatch.common.model.BorderSegment.TAVUSH;
import static org.borderwatch.common.model.BorderSegment.UNRESOLVED;
import static org.borderwatch.common.model.BorderSegment.VAYOTS_DZOR_WEST;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.borderwatch.classifier.signal.RetaliationDetector;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Stance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules the ninth round's adversarial review added or changed (README: ninth round). */
class NinthRoundRulesTest {

    static final Source APA = new Source("apa", "APA", SourceKind.MEDIA, Party.AZ);
    static final Source NEWS_AM = new Source("news-am", "news.am", SourceKind.MEDIA, Party.AM);

    static final IncidentReport CLAIM = claim(AZ_MOD, "c", Party.AM, "2024-08-20T09:40", "2024-08-20T11:00", TAVUSH)
            .build();
    static final IncidentReport DENIAL = denial(AM_MOD, "d", "2024-08-20T12:30", Party.AZ, "2024-08-20", "2024-08-20",
            TAVUSH).build();

    static Stream<Arguments> retractions() {
        return Stream.of(
                Arguments.of("Armenia reports the very shots the next day", claim(AM_MOD, "s", Party.AM,
                        "2024-08-20T09:40", "2024-08-21T10:00", TAVUSH).build(), true),
                Arguments.of("another ministry of Armenia reports them", claim(AM_MFA, "s", Party.AM,
                        "2024-08-20T09:40", "2024-08-21T10:00", TAVUSH).build(), true),
                Arguments.of("its own shots at another hour of the session", claim(AM_MOD, "s", Party.AM,
                        "2024-08-20T13:40", "2024-08-21T10:00", TAVUSH).build(), false),
                Arguments.of("published before the denial", claim(AM_MOD, "s", Party.AM, "2024-08-20T09:40",
                        "2024-08-20T12:00", TAVUSH).build(), false),
                Arguments.of("Armenian media relaying it is no admission", claim(NEWS_AM, "s", Party.AM,
                        "2024-08-20T09:40", "2024-08-21T10:00", TAVUSH).build(), false),
                Arguments.of("Azerbaijan's own action is not Armenia's", claim(AZ_MOD, "s", Party.AZ,
                        "2024-08-20T09:40", "2024-08-21T10:00", TAVUSH).build(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retractions")
    void aDenialIsTakenBackOnlyByTheDeniersLaterReportOfTheSameAction(String name, IncidentReport later,
                                                                     boolean retracted) {
        Verdict v = VerdictRules.decide(TAVUSH, List.of(CLAIM, DENIAL, later), s -> 0.5);
        assertThat(v.attribution()).isEqualTo(retracted ? org.borderwatch.common.model.Attribution.UNCONTESTED
                : org.borderwatch.common.model.Attribution.CONTESTED);
        assertThat(v.reasons().stream().anyMatch(r -> r.contains("supersedes")))
                .isEqualTo(retracted);
        // Armenia's official report of its own action accuses no one: never "named as acting in 2 claims" (a relay of
        // Azerbaijan's accusation by Armenian media does accuse it)
        if (later.source().kind() == SourceKind.PARTY_OFFICIAL) {
            assertThat(v.reasons()).noneMatch(r -> r.contains("in 2 claims"));
        } else {
            assertThat(v.reasons()).contains("Attribution CONTESTED: Armenia, named as acting in 2 claims, denies them.");
        }
    }

    static Stream<Arguments> voices() {
        IncidentReport azClaim = claim(AZ_MOD, "v1", Party.AM, "2024-12-03T08:00", "2024-12-03T10:00", SYUNIK_WEST)
                .build();
        return Stream.of(
                Arguments.of("the ministry alone", List.of(azClaim), 0.25),
                Arguments.of("and its side's media relaying it", List.of(azClaim, claim(APA, "v2", Party.AM,
                        "2024-12-03T08:00", "2024-12-03T10:30", SYUNIK_WEST).build()), 0.25),
                Arguments.of("and a foreign agency's report (a voice of its own)", List.of(azClaim, claim(TASS, "v3",
                        Party.AM, "2024-12-03T08:00", "2024-12-03T10:30", SYUNIK_WEST).build()), 0.375));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("voices")
    void aSidesOfficialsAndMediaAreOneVoiceInTheConfidence(String name, List<IncidentReport> statements,
                                                           double confidence) {
        assertThat(VerdictRules.decide(SYUNIK_WEST, statements, s -> 0.5).confidence()).isEqualTo(confidence);
    }

    @Test
    void twoMinistriesOfOneSideDenyWithOneVoiceAndTwoObserversConfirmWithTwo() {
        IncidentReport mfa = denial(AM_MFA, "d2", "2024-08-20T14:30", Party.AZ, "2024-08-20", "2024-08-20", TAVUSH)
                .build();
        assertThat(VerdictRules.decide(TAVUSH, List.of(CLAIM, DENIAL, mfa), s -> 0.5).confidence()).isEqualTo(0.3);
        IncidentReport euma = observer(EUMA, "o1", Stance.CONFIRMATION, "2024-08-21T09:00", "2024-08-20",
                "2024-08-20", TAVUSH).build();
        IncidentReport osce = observer(OSCE, "o2", Stance.CONFIRMATION, "2024-08-21T09:00", "2024-08-20",
                "2024-08-20", TAVUSH).build();
        assertThat(VerdictRules.decide(TAVUSH, List.of(CLAIM, euma, osce), s -> 0.5).confidence()).isEqualTo(0.75);
    }

    /** A border-wide "saw nothing" covers the stretches of the border with an Armenian side, where EUMA patrols. */
    @ParameterizedTest
    @CsvSource({"TAVUSH,true", "GEGHARKUNIK,true", "VAYOTS_DZOR_EAST,true", "SYUNIK_EAST,true", "SYUNIK_WEST,true",
            "VAYOTS_DZOR_WEST,true", "ARARAT,true", "LACHIN_CORRIDOR,false", "KARABAKH,false", "UNRESOLVED,false"})
    void aRefutationAlongTheBorderCoversTheBorderSegmentsOnly(BorderSegment segment, boolean covered) {
        IncidentReport alongTheBorder = observer(EUMA, "ob", Stance.REFUTATION, "2023-03-07T17:00", "2023-03-05",
                "2023-03-06").build();
        OffsetDateTime at = org.borderwatch.classifier.TestReports.t("2023-03-05T10:00");
        assertThat(VerdictRules.covers(alongTheBorder, segment, at, at)).isEqualTo(covered);
        assertThat(VerdictRules.ALONG_THE_BORDER).doesNotContain(KARABAKH, LACHIN_CORRIDOR, UNRESOLVED);
    }

    static Stream<Arguments> ambiguous() {
        IncidentReport nakhchivan = claim(AZ_MOD, "n", Party.AM, "2024-10-14T23:20", "2024-10-15T09:00")
                .location(new Location(List.of(ARARAT, VAYOTS_DZOR_WEST, SYUNIK_WEST), true, null, "Nakhchivan", null,
                        null)).build();
        IncidentReport noPlace = claim(AZ_MOD, "u", Party.AM, "2024-10-14T23:20", "2024-10-15T09:00")
                .location(Location.unresolved("Vorotan")).build();
        return Stream.of(
                Arguments.of("along the border, the whole night", nakhchivan, observer(EUMA, "r1", Stance.REFUTATION,
                        "2024-10-16T17:00", "2024-10-14", "2024-10-15").build(), true),
                Arguments.of("every candidate named", nakhchivan, observer(EUMA, "r2", Stance.REFUTATION,
                        "2024-10-16T17:00", "2024-10-14", "2024-10-15", ARARAT, VAYOTS_DZOR_WEST, SYUNIK_WEST)
                        .build(), true),
                Arguments.of("one candidate only", nakhchivan, observer(EUMA, "r3", Stance.REFUTATION,
                        "2024-10-16T17:00", "2024-10-14", "2024-10-15", ARARAT).build(), false),
                Arguments.of("the day before only", nakhchivan, observer(EUMA, "r4", Stance.REFUTATION,
                        "2024-10-16T17:00", "2024-10-13", "2024-10-13").build(), false),
                Arguments.of("a confirmation of every candidate (must name where)", nakhchivan, observer(EUMA, "r5",
                        Stance.CONFIRMATION, "2024-10-16T17:00", "2024-10-14", "2024-10-15", ARARAT,
                        VAYOTS_DZOR_WEST, SYUNIK_WEST).build(), false),
                Arguments.of("a claim naming no known place", noPlace, observer(EUMA, "r6", Stance.REFUTATION,
                        "2024-10-16T17:00", "2024-10-14", "2024-10-15").build(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ambiguous")
    void aLoneAmbiguousClaimIsCoveredWhenEveryCandidateWasWatched(String name, IncidentReport claim,
                                                                 IncidentReport observation, boolean covered) {
        assertThat(VerdictRules.coversClaim(observation, UNRESOLVED, claim)).isEqualTo(covered);
    }

    /** Days and times at UTC+4, and a {@code to} at the border's midnight (in any offset) stands for that day. */
    @ParameterizedTest
    @CsvSource({"2025-03-16T22:30:00Z,2025-03-17 02:30 +04:00,2025-03-17",
            "2025-03-16T19:59:59Z,2025-03-16 23:59 +04:00,2025-03-16",
            "2025-03-17T02:30:00+04:00,2025-03-17 02:30 +04:00,2025-03-17",
            "2025-03-17T01:30:00+03:00,2025-03-17 02:30 +04:00,2025-03-17"})
    void timesAreWrittenAtTheBordersOffset(String instant, String time, String day) {
        OffsetDateTime t = OffsetDateTime.parse(instant);
        assertThat(Sentences.time(t)).isEqualTo(time);
        assertThat(Sentences.day(t)).isEqualTo(day);
    }

    @ParameterizedTest
    @CsvSource({"2025-03-16T20:00:00Z,2025-03-17T19:59:59.999999999Z", "2025-03-17T00:00:00+04:00,"
            + "2025-03-17T23:59:59.999999999+04:00", "2025-03-17T00:00:00Z,2025-03-17T00:00:00Z",
            "2025-03-17T12:00:00+04:00,2025-03-17T12:00:00+04:00"})
    void aPeriodEndingAtTheBordersMidnightMeansThatWholeDay(String to, String until) {
        assertThat(BorderTime.endOfDayIfMidnight(OffsetDateTime.parse(to)).toInstant())
                .isEqualTo(OffsetDateTime.parse(until).toInstant());
    }

    /** A side's media naming its own side as acting relays the other side's accusation: it is that side's word. */
    @ParameterizedTest
    @CsvSource({"news-am,AM,AZ", "news-am,AZ,AM", "apa,AZ,AM", "apa,AM,AZ", "am-mod,AM,AM", "az-mod,AM,AZ"})
    void whoseWordAClaimIs(String source, Party acting, Party side) {
        Source s = switch (source) {
            case "news-am" -> NEWS_AM;
            case "apa" -> APA;
            case "am-mod" -> AM_MOD;
            default -> AZ_MOD;
        };
        IncidentReport c = claim(s, "w", acting, "2024-12-10T20:00", "2024-12-10T22:00", SYUNIK_EAST).build();
        assertThat(RetaliationDetector.side(c)).isEqualTo(side);
    }
}
