package org.borderwatch.classifier.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AM_MFA;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.EUMA;
import static org.borderwatch.classifier.TestReports.base;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.denial;
import static org.borderwatch.classifier.TestReports.killed;
import static org.borderwatch.common.model.BorderSegment.GEGHARKUNIK;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;

import java.util.List;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Stance;
import org.junit.jupiter.api.Test;

class CasualtyRulesTest {

    @Test
    void aSidesLatestFigureForItsOwnLossesCounts() {
        var first = claim(AM_MOD, "a", Party.AZ, "2024-02-13T05:45", "2024-02-13T08:05", SYUNIK_EAST)
                .casualties(killed(3, 2, Party.AM)).build();
        var update = claim(AM_MOD, "b", Party.AZ, "2024-02-13T05:45", "2024-02-13T12:00", SYUNIK_EAST)
                .casualties(killed(4, 1, Party.AM)).build();
        var tally = CasualtyRules.tally(List.of(update, first));
        assertThat(tally.casualties()).containsExactly(new Casualties(4, 1, Party.AM));
        assertThat(tally.sentences()).isEmpty();
    }

    @Test
    void aSidesSourcesSpeakWithOneVoiceAboutItsOwnLosses() {
        var mfaFirst = claim(AM_MFA, "m", Party.AZ, "2021-11-16T13:00", "2021-11-16T20:00", SYUNIK_EAST)
                .casualties(killed(1, 0, Party.AM)).build();
        var modUpdate = claim(AM_MOD, "u", Party.AZ, "2021-11-16T13:00", "2021-11-19T12:00", SYUNIK_EAST)
                .casualties(killed(6, 0, Party.AM)).build();
        var tally = CasualtyRules.tally(List.of(modUpdate, mfaFirst));
        assertThat(tally.casualties()).as("the defence ministry's update supersedes the MFA's first count")
                .containsExactly(new Casualties(6, 0, Party.AM));
        assertThat(tally.sentences()).isEmpty();

        var enemyCount = claim(AZ_MOD, "z", Party.AM, "2021-11-16T12:30", "2021-11-17T10:00", SYUNIK_EAST)
                .casualties(killed(20, 0, Party.AM)).build();
        var withEnemy = CasualtyRules.tally(List.of(modUpdate, mfaFirst, enemyCount));
        assertThat(withEnemy.casualties()).containsExactly(new Casualties(6, 0, Party.AM));
        assertThat(withEnemy.sentences()).singleElement().asString().contains("AM MoD: 6 killed", "AZ MoD: 20 killed");

        var media = new org.borderwatch.common.model.Source("armenpress", "Armenpress",
                org.borderwatch.common.model.SourceKind.MEDIA, Party.AM);
        var staleMedia = claim(media, "p", Party.AZ, "2021-11-16T13:00", "2021-11-19T13:00", SYUNIK_EAST)
                .casualties(killed(1, 0, Party.AM)).build();
        assertThat(CasualtyRules.tally(List.of(modUpdate, staleMedia)).casualties())
                .as("a side's media is a source of its own: the most conservative figure")
                .containsExactly(new Casualties(1, 0, Party.AM));
    }

    @Test
    void aSidesFiguresForSeparateEventsAddUpAndNoLossesLaterErasesNothing() {
        // Verin Shorzha, 28 July 2021: three killed at dawn; "again" shots the next night, no losses
        var dawn = claim(AM_MOD, "a", Party.AZ, "2021-07-28T03:40", "2021-07-28T09:50", SYUNIK_EAST)
                .occurredUntil(org.borderwatch.classifier.TestReports.t("2021-07-28T09:50"))
                .casualties(killed(3, 2, Party.AM)).build();
        var night = claim(AM_MOD, "b", Party.AZ, "2021-07-29T01:15", "2021-07-29T10:00", SYUNIK_EAST)
                .occurredUntil(org.borderwatch.classifier.TestReports.t("2021-07-29T02:00"))
                .casualties(killed(0, 0, Party.AM)).build();
        assertThat(CasualtyRules.tally(List.of(night, dawn)).casualties())
                .containsExactly(new Casualties(3, 2, Party.AM));
        var another = claim(AM_MOD, "c", Party.AZ, "2021-07-29T05:00", "2021-07-29T11:00", SYUNIK_EAST)
                .casualties(killed(1, 0, Party.AM)).build();
        assertThat(CasualtyRules.tally(List.of(night, dawn, another)).casualties())
                .as("two deadly events of one incident add up").containsExactly(new Casualties(4, 2, Party.AM));
        var update = claim(AM_MOD, "d", Party.AZ, "2021-07-28T03:40", "2021-07-30T12:00", SYUNIK_EAST)
                .casualties(killed(4, 2, Party.AM)).build();
        assertThat(CasualtyRules.tally(List.of(night, dawn, update)).casualties())
                .as("an update of the dawn event replaces its figure").containsExactly(new Casualties(4, 2, Party.AM));
        var toll = claim(AM_MOD, "e", Party.AZ, "2021-07-29T00:00", "2021-07-29T18:00", SYUNIK_EAST)
                .occurredUntil(org.borderwatch.classifier.TestReports.t("2021-07-29T23:59"))
                .timePrecision(org.borderwatch.common.model.TimePrecision.UNKNOWN)
                .eventTypes(org.borderwatch.common.model.EventType.CASUALTY)
                .casualties(killed(4, 2, Party.AM)).build();
        assertThat(CasualtyRules.tally(List.of(night, dawn, toll)).casualties())
                .as("an undated toll is the running total of what was told before it, not another event")
                .containsExactly(new Casualties(4, 2, Party.AM));
        var later = claim(AM_MOD, "f", Party.AZ, "2021-07-30T04:00", "2021-07-30T09:00", SYUNIK_EAST)
                .casualties(killed(1, 0, Party.AM)).build();
        assertThat(CasualtyRules.tally(List.of(night, dawn, toll, later)).casualties())
                .as("an event first told after the total adds to it").containsExactly(new Casualties(5, 2, Party.AM));
    }

    /**
     * Held-out batch 46: Armenia's Defence Ministry, two killed near Nerkin Hand "around 05:40"; its Foreign Ministry,
     * the same two "this morning" (read as 06:00 to 12:00, precision HOUR). One voice; the intervals do not overlap, so
     * they were two events and four dead. A time read from vague words re-tells an event of the same voice about the
     * same place within the session gap (6 h here); the other rows keep two events.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            "this morning" at the place told at 05:40                   | HOUR   | 06:00 | 12:00 | Nerkin Hand | PT6H | 2
            the same with a zero tolerance (the rule before)           | HOUR   | 06:00 | 12:00 | Nerkin Hand | PT0S | 4
            two stated minutes 20 minutes apart stay two events           | MINUTE | 06:00 | 06:00 | Nerkin Hand | PT6H | 4
            "this morning" at another place                              | HOUR   | 06:00 | 12:00 | Tegh        | PT6H | 4
            "this morning" naming no place                               | HOUR   | 06:00 | 12:00 | -           | PT6H | 4
            "in the evening" more than the gap after 05:40              | HOUR   | 18:00 | 23:59 | Nerkin Hand | PT6H | 4
            """)
    void aTimeReadFromVagueWordsRetellsTheSameVoicesEventAtThatPlace(String name, String precision, String from,
                                                                     String to, String place, String tolerance,
                                                                     int killed) {
        var mod = claim(AM_MOD, "mod", Party.AZ, "2024-05-09T05:40", "2024-05-09T09:50", SYUNIK_EAST)
                .timePrecision(org.borderwatch.common.model.TimePrecision.MINUTE)
                .location(new org.borderwatch.common.model.Location(List.of(SYUNIK_EAST), false, "Nerkin Hand",
                        "Nerkin Hand", null, null))
                .casualties(new Casualties(2, null, Party.AM)).build();
        var mfa = claim(AM_MFA, "mfa", Party.AZ, "2024-05-09T" + from, "2024-05-09T14:00", SYUNIK_EAST)
                .occurredUntil(org.borderwatch.classifier.TestReports.t("2024-05-09T" + to))
                .timePrecision(org.borderwatch.common.model.TimePrecision.valueOf(precision))
                .location(new org.borderwatch.common.model.Location(List.of(SYUNIK_EAST), false, place, place, null,
                        null))
                .casualties(new Casualties(2, null, Party.AM)).build();
        assertThat(CasualtyRules.tally(List.of(mod, mfa), java.time.Duration.parse(tolerance)).casualties())
                .as(name).containsExactly(new Casualties(killed, null, Party.AM));
    }

    @Test
    void denialsAddNothing() {
        var claim = claim(AM_MOD, "a", Party.AZ, "2024-02-12T15:40", "2024-02-12T20:10", SYUNIK_EAST)
                .casualties(killed(0, 1, Party.AZ)).build();
        var denial = denial(AM_MOD, "d", "2024-02-13T14:00", Party.AZ, "2024-02-12", "2024-02-12")
                .casualties(killed(4, 0, Party.AM)).build();
        assertThat(CasualtyRules.tally(List.of(claim, denial)).casualties())
                .containsExactly(new Casualties(0, 1, Party.AZ));
    }

    @Test
    void disagreementTakesTheMostConservativeFigureAndSaysSo() {
        var own = claim(AM_MOD, "a", Party.AZ, "2024-02-13T05:45", "2024-02-13T08:05", SYUNIK_EAST)
                .casualties(killed(4, 1, Party.AM)).build();
        var observer = base(EUMA, "e", Stance.CONFIRMATION, "2024-02-13T18:00")
                .casualties(killed(3, 2, Party.AM)).build();
        var other = claim(AZ_MOD, "z", Party.AM, "2024-02-13T05:00", "2024-02-13T09:00", SYUNIK_EAST)
                .casualties(killed(0, 0, Party.AZ)).build();
        var tally = CasualtyRules.tally(List.of(own, observer, other));
        assertThat(tally.casualties()).containsExactlyInAnyOrder(new Casualties(3, 1, Party.AM),
                new Casualties(0, 0, Party.AZ));
        assertThat(tally.sentences()).singleElement().asString()
                .contains("Armenian losses", "AM MoD: 4 killed", "EUMA: 3 killed", "3 killed, 1 wounded");
    }

    static final org.borderwatch.common.model.Source APA = new org.borderwatch.common.model.Source("apa", "APA",
            org.borderwatch.common.model.SourceKind.MEDIA, Party.AZ);
    static final org.borderwatch.common.model.Source NEWS_AM = new org.borderwatch.common.model.Source("news-am",
            "news.am", org.borderwatch.common.model.SourceKind.MEDIA, Party.AM);
    static final org.borderwatch.common.model.Source WIRE = new org.borderwatch.common.model.Source("wire", "Wire",
            org.borderwatch.common.model.SourceKind.MEDIA, Party.UNKNOWN);

    /**
     * Fifth round: a side's (or the other side's) media relaying a count before the side's officials revise it is an
     * earlier count, not a disagreement; foreign media keep their own estimate; a relay after the revision counts.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
            "the side's media before the revision,       apa,     2025-11-02T06:40, 2025-11-02T05:40, 2, false",
            "the other side's media before the revision, news-am, 2025-11-02T07:30, 2025-11-02T05:40, 2, false",
            "foreign media before the revision,          wire,    2025-11-02T07:30, 2025-11-02T05:40, 1, true",
            "the side's media after the revision,        apa,     2025-11-02T15:00, 2025-11-02T05:40, 1, true"})
    void aRelayedEarlierCountIsNoDisagreement(String name, String source, String published, String at, int killed,
                                              boolean disagreement) {
        org.borderwatch.common.model.Source s = switch (source) {
            case "apa" -> APA;
            case "news-am" -> NEWS_AM;
            default -> WIRE;
        };
        var first = claim(AZ_MOD, "f", Party.AM, "2025-11-02T05:40", "2025-11-02T06:10", SYUNIK_EAST)
                .casualties(killed(1, 0, Party.AZ)).build();
        var relay = claim(s, "r", Party.AM, at, published, SYUNIK_EAST).casualties(killed(1, 0, Party.AZ)).build();
        var revised = claim(AZ_MOD, "v", Party.AM, "2025-11-02T05:40", "2025-11-02T14:00", SYUNIK_EAST)
                .casualties(killed(2, 0, Party.AZ)).build();
        var tally = CasualtyRules.tally(List.of(first, relay, revised));
        assertThat(tally.casualties()).as(name).containsExactly(new Casualties(killed, 0, Party.AZ));
        assertThat(tally.sentences().isEmpty()).as(name).isEqualTo(!disagreement);
    }
    /**
     * Sixth round: a figure a source does not give is no disagreement. Armenpress relaying "four killed" (nothing about
     * the wounded) after the ministry's "four killed, one wounded" was quoted as "0 wounded" and lowered the wounded to
     * zero; a figure that differs still disagrees, and a figure not given reads "no figure".
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            the relay gives no wounded figure         | 4 |   | 4 | 1 | false
            the relay gives no killed figure          |   | 1 | 4 | 1 | false
            the relay gives another killed figure     | 3 |   | 3 | 1 | true
            the relay gives another wounded figure    | 4 | 0 | 4 | 0 | true""")
    void aFigureNotGivenIsNoDisagreement(String name, Integer relayKilled, Integer relayWounded, int killed,
                                         int wounded, boolean disagreement) {
        var ministry = claim(AM_MOD, "m", Party.AZ, "2023-09-01T07:40", "2023-09-01T16:30", GEGHARKUNIK)
                .casualties(killed(4, 1, Party.AM)).build();
        var relay = claim(WIRE, "w", Party.AZ, "2023-09-01T07:40", "2023-09-02T09:00", GEGHARKUNIK)
                .casualties(new Casualties(relayKilled, relayWounded, Party.AM)).build();
        var tally = CasualtyRules.tally(List.of(ministry, relay));
        assertThat(tally.casualties()).as(name).containsExactly(new Casualties(killed, wounded, Party.AM));
        assertThat(tally.sentences().isEmpty()).as(name).isEqualTo(!disagreement);
        if (disagreement) {
            assertThat(tally.sentences()).singleElement().asString().doesNotContain("null");
        }
        if (relayKilled == null || relayWounded == null) {
            assertThat(tally.sentences()).as(name).noneMatch(t -> t.contains("0 wounded"));
        }
    }

    /**
     * Staff review (A2b): a follow-up by the same side that gives only its killed figure ("one of the wounded died of
     * his wounds; the number killed has risen to two") erased the wounded figure ({killed 2, wounded 2} became
     * {killed 2}). A figure a report does not give is no figure of zero: each count keeps the latest figure given for
     * it, unless a later report states it (0 included). Dated follow-ups re-tell their event; undated ones (CASUALTY
     * alone, no time) are running totals — both ways.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            dated follow-up gives only the killed             | false | 2 |   | 2 | 2
            undated running total gives only the killed       | true  | 2 |   | 2 | 2
            dated follow-up gives only the wounded            | false |   | 1 | 1 | 1
            undated running total gives only the wounded      | true  |   | 1 | 1 | 1
            dated follow-up states 0 wounded                  | false | 2 | 0 | 2 | 0
            undated running total states 0 wounded            | true  | 2 | 0 | 2 | 0
            dated follow-up gives neither                     | false |   |   | 1 | 2""")
    void aFigureAFollowUpDoesNotGiveKeepsTheLatestGiven(String name, boolean undated, Integer upKilled,
                                                          Integer upWounded, int killed, int wounded) {
        var first = claim(AM_MOD, "t", Party.AZ, "2026-11-19T06:40", "2026-11-19T09:00", SYUNIK_EAST)
                .eventTypes(org.borderwatch.common.model.EventType.MORTAR_ARTILLERY)
                .casualties(killed(1, 2, Party.AM)).build();
        var follow = claim(AM_MOD, "u", Party.AZ, "2026-11-19T06:40", "2026-11-20T10:00", SYUNIK_EAST)
                .casualties(new Casualties(upKilled, upWounded, Party.AM));
        if (undated) {
            follow.occurredAt(org.borderwatch.classifier.TestReports.t("2026-11-20T00:00"))
                    .occurredUntil(org.borderwatch.classifier.TestReports.t("2026-11-20T23:59"))
                    .timePrecision(org.borderwatch.common.model.TimePrecision.UNKNOWN)
                    .eventTypes(org.borderwatch.common.model.EventType.CASUALTY);
        }
        var tally = CasualtyRules.tally(List.of(follow.build(), first));
        assertThat(tally.casualties()).as(name).containsExactly(new Casualties(killed, wounded, Party.AM));
        assertThat(tally.sentences()).as(name + ": one voice, no disagreement").isEmpty();
    }

    @Test
    void theConservativeFigureComparesWhatEachVoiceLastGaveForEachCount() {
        var first = claim(AM_MOD, "t", Party.AZ, "2026-11-19T06:40", "2026-11-19T09:00", SYUNIK_EAST)
                .casualties(killed(1, 2, Party.AM)).build();
        var follow = claim(AM_MOD, "u", Party.AZ, "2026-11-19T06:40", "2026-11-20T10:00", SYUNIK_EAST)
                .casualties(new Casualties(2, null, Party.AM)).build();
        var observer = base(EUMA, "e", Stance.CONFIRMATION, "2026-11-20T12:00")
                .casualties(killed(2, 1, Party.AM)).build();
        var tally = CasualtyRules.tally(List.of(first, follow, observer));
        assertThat(tally.casualties()).containsExactly(new Casualties(2, 1, Party.AM));
        assertThat(tally.sentences()).singleElement().asString()
                .contains("AM MoD: 2 killed, 2 wounded", "EUMA: 2 killed, 1 wounded",
                        "the most conservative figure is used: 2 killed, 1 wounded");
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> observerTakesItBack() {
        var confirms = base(EUMA, "eu-yes", Stance.CONFIRMATION, "2026-11-20T12:00")
                .occurredAt(org.borderwatch.classifier.TestReports.t("2026-11-20T07:00"))
                .location(org.borderwatch.common.model.Location.of(SYUNIK_EAST))
                .casualties(killed(2, 1, Party.AM)).build();
        var takesBack = base(EUMA, "eu-no", Stance.REFUTATION, "2026-11-21T10:00")
                .occurredAt(org.borderwatch.classifier.TestReports.t("2026-11-20T00:00"))
                .location(org.borderwatch.common.model.Location.of(SYUNIK_EAST)).build();
        var refutedFirst = base(EUMA, "eu-no-first", Stance.REFUTATION, "2026-11-20T09:00")
                .occurredAt(org.borderwatch.classifier.TestReports.t("2026-11-20T00:00"))
                .location(org.borderwatch.common.model.Location.of(SYUNIK_EAST)).build();
        var otherObserver = base(org.borderwatch.classifier.TestReports.OSCE, "osce-no", Stance.REFUTATION,
                "2026-11-21T11:00").occurredAt(org.borderwatch.classifier.TestReports.t("2026-11-20T00:00"))
                .location(org.borderwatch.common.model.Location.of(SYUNIK_EAST)).build();
        var ownPatrol = base(EUMA, "eu-patrol", Stance.CLAIM, "2026-11-20T12:30").actingParty(Party.AZ)
                .occurredAt(org.borderwatch.classifier.TestReports.t("2026-11-20T07:05"))
                .location(org.borderwatch.common.model.Location.of(SYUNIK_EAST))
                .casualties(killed(0, 1, Party.EU)).build();
        var sideClaim = claim(AM_MOD, "am-one", Party.AZ, "2026-11-20T07:00", "2026-11-20T09:30", SYUNIK_EAST)
                .casualties(killed(1, 0, Party.AM)).build();
        var notAClaim = claim(AZ_MOD, "az-none", Party.AM, "2026-11-20T07:00", "2026-11-20T09:40", SYUNIK_EAST).build();
        String retracted = "EUMA's figures of 2026-11-20 12:00 +04:00 (2 killed, 1 wounded) are not "
                + "counted: its statement of 2026-11-21 10:00 +04:00 superseded that confirmation.";
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("confirmed with figures, then refuted: nothing counts",
                        List.of(notAClaim, confirms, takesBack), List.of(), List.of(retracted)),
                org.junit.jupiter.params.provider.Arguments.of(
                        "a side's own figure stays, the retracted one no longer lowers or adds to it",
                        List.of(sideClaim, confirms, takesBack), List.of(new Casualties(1, 0, Party.AM)),
                        List.of(retracted)),
                org.junit.jupiter.params.provider.Arguments.of("refuted first, confirmed later: the confirmation counts",
                        List.of(notAClaim, refutedFirst, confirms), List.of(new Casualties(2, 1, Party.AM)), List.of()),
                org.junit.jupiter.params.provider.Arguments.of("another observer's refutation retracts nothing",
                        List.of(notAClaim, confirms, otherObserver), List.of(new Casualties(2, 1, Party.AM)),
                        List.of()),
                org.junit.jupiter.params.provider.Arguments.of(
                        "an observer's own report of the event, then its refutation: its figure goes too",
                        List.of(notAClaim, ownPatrol, takesBack), List.of(),
                        List.of("EUMA's figures of 2026-11-20 12:30 +04:00 (0 killed, 1 wounded) are"
                                + " not counted: its statement of 2026-11-21 10:00 +04:00 superseded that "
                                + "confirmation.")),
                org.junit.jupiter.params.provider.Arguments.of("no refutation: the confirmation counts as before",
                        List.of(notAClaim, confirms), List.of(new Casualties(2, 1, Party.AM)), List.of()));
    }

    /**
     * Casualties come from claims and confirmations only, and an observer's later refutation supersedes its
     * confirmation: the figures that came only from the retracted confirmation no longer count.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("observerTakesItBack")
    void figuresOfAConfirmationTheObserverTookBackDoNotCount(String name,
                                                             List<org.borderwatch.common.model.IncidentReport> in,
                                                             List<Casualties> expected, List<String> sentences) {
        var tally = CasualtyRules.tally(in);
        assertThat(tally.casualties()).containsExactlyElementsOf(expected);
        assertThat(tally.sentences()).containsExactlyElementsOf(sentences);
    }
}
