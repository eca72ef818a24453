package org.borderwatch.classifier.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.AZ_SBS;
import static org.borderwatch.classifier.TestReports.TASS;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.denial;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Party;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SentencesTest {

    private static IncidentReport at(String settlement, String text) {
        return claim(AZ_MOD, "c-" + settlement + "-" + text, Party.AM, "2025-03-16T09:35", "2025-03-16T10:20")
                .location(new Location(List.of(SYUNIK_EAST), false, settlement, text, null, null)).build();
    }

    /** The place a claim sentence names: as the source wrote it, the gazetteer's name beside it when they differ. */
    static Stream<Arguments> places() {
        return Stream.of(
                Arguments.of("the other side's name for the village", "Tegh", "Digh, Gorus, Lachin",
                        " near Digh (Tegh) (SYUNIK_EAST)"),
                Arguments.of("an alias before a district", "Vardenis", "Basarkechar, Kalbajar",
                        " near Basarkechar (Vardenis) (SYUNIK_EAST)"),
                Arguments.of("a district written before the village is skipped", "Verin Shorzha",
                        "Kalbajar, Yukhari Shorja", " near Yukhari Shorja (Verin Shorzha) (SYUNIK_EAST)"),
                Arguments.of("the gazetteer's name as written", "Tegh", "Lachin, Tegh", " near Tegh (SYUNIK_EAST)"),
                Arguments.of("written in other letter case", "Tegh", "TEGH", " near Tegh (SYUNIK_EAST)"),
                Arguments.of("within a longer phrase", "Tegh", "Tegh village", " near Tegh (SYUNIK_EAST)"),
                Arguments.of("no text: today's wording", "Tegh", null, " near Tegh (SYUNIK_EAST)"),
                Arguments.of("only areas in the text: today's wording", "Yeraskh",
                        "Ararat region, Nakhchivan Autonomous Republic", " near Yeraskh (SYUNIK_EAST)"),
                Arguments.of("only a district name in the text: today's wording", "Sotk", "Kalbajar",
                        " near Sotk (SYUNIK_EAST)"),
                Arguments.of("a phrase, not a name: today's wording", "Tegh", "the village of Digh",
                        " near Tegh (SYUNIK_EAST)"),
                Arguments.of("another script", "Yeraskh", "Ерасх, Садарака", " near Ерасх (Yeraskh) (SYUNIK_EAST)"),
                Arguments.of("no settlement: no place", null, "Digh, Lachin", " (SYUNIK_EAST)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("places")
    void namesThePlaceAsTheSourceWroteIt(String name, String settlement, String text, String where) {
        assertThat(Sentences.where(at(settlement, text))).isEqualTo(where);
    }

    @Test
    void aClaimSentenceQuotesTheWrittenPlace() {
        assertThat(Sentences.describe(at("Tegh", "Digh, Gorus, Lachin"))).isEqualTo("AZ MoD claimed small-arms fire"
                + " by Armenian forces at 2025-03-16 09:35 +04:00 near Digh (Tegh) (SYUNIK_EAST) (published"
                + " 2025-03-16 10:20 +04:00).");
    }

    static final IncidentReport MORNING = claim(AZ_MOD, "m", Party.AM, "2025-03-16T09:35", "2025-03-16T10:20",
            SYUNIK_EAST).location(new Location(List.of(SYUNIK_EAST), false, "Tegh", "Digh", null, null)).build();
    static final IncidentReport NOON = claim(AZ_SBS, "n", Party.AM, "2025-03-16T12:00", "2025-03-16T12:30",
            SYUNIK_EAST).build();
    static final IncidentReport EVENING = claim(AZ_MOD, "e", Party.AM, "2025-03-16T19:00", "2025-03-16T19:30",
            SYUNIK_EAST).build();
    /** Armenia's own counter-accusation: not a claim Armenia could deny. */
    static final IncidentReport COUNTER = claim(AM_MOD, "cc", Party.AZ, "2025-03-16T09:40", "2025-03-16T11:00",
            SYUNIK_EAST).build();
    /** A Russian agency's relay: Armenia's denial answers Azerbaijan's claims, not it. */
    static final IncidentReport RELAY = claim(TASS, "r", Party.AM, "2025-03-16T09:35", "2025-03-16T11:30",
            SYUNIK_EAST).build();
    static final IncidentReport DENIAL = denial(AM_MOD, "d", "2025-03-16T21:00", Party.AZ, "2025-03-16",
            "2025-03-16", SYUNIK_EAST).build();

    /** A denial's sentence agrees in number with the claims of its incident it could deny. */
    static Stream<Arguments> denials() {
        String tail = " on 2025-03-16 21:00 +04:00 (answering Azerbaijan's claims about 2025-03-16 in SYUNIK_EAST).";
        return Stream.of(
                Arguments.of("one claim", List.of(MORNING), Set.of(MORNING), "AM MoD denied it" + tail),
                Arguments.of("one claim and the denier's counter-claim", List.of(MORNING, COUNTER), Set.of(MORNING),
                        "AM MoD denied it" + tail),
                Arguments.of("one claim and a relay of another party", List.of(MORNING, RELAY), Set.of(MORNING),
                        "AM MoD denied it" + tail),
                Arguments.of("two claims, both answered", List.of(MORNING, EVENING), Set.of(MORNING, EVENING),
                        "AM MoD denied them" + tail),
                Arguments.of("two claims, which ones unknown", List.of(MORNING, EVENING), Set.of(),
                        "AM MoD denied them" + tail),
                Arguments.of("two claims, one answered: it is named", List.of(MORNING, EVENING), Set.of(MORNING),
                        "AM MoD denied AZ MoD's claim about 2025-03-16 09:35 +04:00 near Digh (Tegh)" + tail),
                Arguments.of("three claims, two answered", List.of(MORNING, NOON, EVENING), Set.of(MORNING, NOON),
                        "AM MoD denied 2 of the 3 claims (AZ MoD's claim about 2025-03-16 09:35 +04:00 near Digh (Tegh);"
                                + " AZ SBS's claim about 2025-03-16 12:00 +04:00)" + tail));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("denials")
    void aDenialAgreesInNumberWithTheClaims(String name, List<IncidentReport> claims, Set<IncidentReport> answered,
                                            String sentence) {
        assertThat(Sentences.describe(DENIAL, SYUNIK_EAST, claims, answered::contains)).isEqualTo(sentence);
        // without the incident's claims, as before
        assertThat(Sentences.describe(DENIAL, SYUNIK_EAST)).isEqualTo("AM MoD denied it"
                + sentence.substring(sentence.indexOf(" on 2025-03-16 21:00")));
    }

    /**
     * Replay audit of batch 49, C1: an observer's confirmation names the segments of the place it names without
     * ambiguity, not every segment it watched — EUMA's weekly update heard gunfire near Berkaber (Tavush) and watched
     * Tavush and Gegharkunik, where it saw nothing. Without such a place, the watched segments (or "the border area").
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "a place in one of two watched segments     | TAVUSH             | false | Berkaber | TAVUSH GEGHARKUNIK | near Berkaber in TAVUSH from 2024-02-12",
        "a place in the one watched segment         | TAVUSH             | false | Berkaber | TAVUSH             | near Berkaber in TAVUSH from 2024-02-12",
        "no place named: the watched segments       | UNRESOLVED         | false |          | TAVUSH GEGHARKUNIK | fire in TAVUSH, GEGHARKUNIK from",
        "an ambiguous place: the watched segments   | TAVUSH GEGHARKUNIK | true  |          | TAVUSH GEGHARKUNIK | fire in TAVUSH, GEGHARKUNIK from",
        "no place, no watched segment               | UNRESOLVED         | false |          | ''                 | fire in the border area from",
    })
    void aConfirmationNamesTheSegmentsOfItsPlaceNotAllItWatched(String name, String located, boolean ambiguous,
                                                                 String settlement, String watched, String expected) {
        List<org.borderwatch.common.model.BorderSegment> at = Stream.of(located.trim().split("\\s+"))
                .map(org.borderwatch.common.model.BorderSegment::valueOf).toList();
        List<org.borderwatch.common.model.BorderSegment> cover = watched.isBlank() ? List.of()
                : Stream.of(watched.trim().split("\\s+")).map(org.borderwatch.common.model.BorderSegment::valueOf)
                        .toList();
        IncidentReport r = org.borderwatch.classifier.TestReports.base(org.borderwatch.classifier.TestReports.EUMA,
                        "weekly-" + name, org.borderwatch.common.model.Stance.CONFIRMATION, "2024-02-20T16:00")
                .eventTypes(org.borderwatch.common.model.EventType.SMALL_ARMS_FIRE)
                .location(new Location(at, ambiguous, settlement, null, null, null))
                .coverage(new org.borderwatch.common.model.Coverage(org.borderwatch.classifier.TestReports.t(
                        "2024-02-12"), org.borderwatch.classifier.TestReports.t("2024-02-18T23:59"), cover))
                .build();
        String sentence = Sentences.describe(r);
        assertThat(sentence).startsWith("EUMA confirmed on 2024-02-20 16:00 +04:00 small-arms fire")
                .contains(expected).endsWith("without saying who acted.");
        if (!located.contains(" ") && !located.equals("UNRESOLVED") && watched.contains(" ")) {
            assertThat(sentence).doesNotContain("GEGHARKUNIK");
        }
    }
}
