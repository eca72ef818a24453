package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MFA;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.AZ_SBS;
import static org.borderwatch.classifier.TestReports.EUMA;
import static org.borderwatch.classifier.TestReports.OSCE;
import static org.borderwatch.classifier.TestReports.RU_MOD;
import static org.borderwatch.classifier.TestReports.base;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.denial;
import static org.borderwatch.classifier.TestReports.t;
import static org.borderwatch.common.model.BorderSegment.ARARAT;
import static org.borderwatch.common.model.BorderSegment.GEGHARKUNIK;
import static org.borderwatch.common.model.BorderSegment.KARABAKH;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;
import static org.borderwatch.common.model.BorderSegment.TAVUSH;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.classifier.verdict.BorderTime;
import org.borderwatch.common.model.Answers;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.Coverage;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.TimePrecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Eleventh round: a sceptical analyst and a partner with messy data (corrections, observers that disagree or change
 * their word across a closure, denials that answer oddly, casualty figures without a side, signals at their edges).
 * Canonical reports written directly, in our own words, about border events of 2022-2025. Each row: the reports in
 * the order they <em>arrive</em> (live), and every final incident the contract's rules require, written before the
 * first run as {@code SEGMENT MM-dd HH:mm [refs] OCCURRENCE/ATTRIBUTION SEVERITY {signals} k=killed closed}
 * (window start at UTC+4). The replay (publication order) must give exactly that, and the live run (arrival order)
 * the same finals; a row of corrections must also equal its latest revisions alone.
 */
public class EleventhRoundTest {

    /** Every row's reports in their order of arrival (streamed by {@code ClassifierTopologyTest}). */
    public static List<List<IncidentReport>> timelines() {
        return rows().map(a -> {
            @SuppressWarnings("unchecked")
            List<IncidentReport> reports = (List<IncidentReport>) a.get()[1];
            return reports;
        }).toList();
    }

    // ---------------------------------------------------------------- corrections

    /**
     * Baku first placed the fire of 26 July 2023 at Yukhari Shorja (Gegharkunik), then corrected it to Khaznavar
     * (Syunik), where Yerevan had already accused Azerbaijani units of fire ten minutes earlier: the incident follows
     * the latest revision (both sides blaming each other at Khoznavar, the Gegharkunik incident dissolved); the first
     * revision, arriving late, is older and must not win.
     */
    static final List<IncidentReport> CORRECTED_PLACE = List.of(
            precise(AM_MOD, "am-khoz", Party.AZ, "2023-07-26T07:30", "2023-07-26T09:00", SYUNIK_EAST, "Khoznavar",
                    "Khoznavar", "Azerbaijani units fired at our positions near Khoznavar at 07:30.").build(),
            precise(AZ_MOD, "az-khoz", Party.AM, "2023-07-26T07:40", "2023-07-26T11:15", SYUNIK_EAST, "Khoznavar",
                    "Lachin, Khaznavar", "Correction: the fire at 07:40 came from Khaznavar village, not Yukhari "
                            + "Shorja.").revision(2).build(),
            precise(AZ_MOD, "az-khoz", Party.AM, "2023-07-26T07:40", "2023-07-26T08:30", GEGHARKUNIK,
                    "Verin Shorzha", "Kalbajar, Yukhari Shorja", "Armenian units fired at our positions in the "
                            + "Kalbajar direction from Yukhari Shorja at 07:40.").build());

    /**
     * 18 February 2025: Baku corrects the time of its Tegh claim from 10:15 to 11:50. At 11:50 the claim lies within the
     * session gap of both the morning exchange and the evening's Nerkin Hand claim (17:40): by the latest revision
     * they are one session (a precise report bridging two), as if 11:50 had been written from the start.
     */
    static final List<IncidentReport> CORRECTED_TIME = List.of(
            precise(AZ_MOD, "tegh-az", Party.AM, "2025-02-18T10:15", "2025-02-18T11:00", SYUNIK_EAST, "Tegh", "Digh",
                    "Armenian units fired from Digh at 10:15.").build(),
            precise(AM_MOD, "tegh-am", Party.AZ, "2025-02-18T10:30", "2025-02-18T11:30", SYUNIK_EAST, "Tegh", "Tegh",
                    "Azerbaijani units fired at Tegh at 10:30.").build(),
            precise(AZ_MOD, "nerkin", Party.AM, "2025-02-18T17:40", "2025-02-18T20:00", SYUNIK_EAST, "Nerkin Hand",
                    "Nerkin-And", "Armenian units fired from Nerkin-And from 17:40.")
                    .occurredUntil(t("2025-02-18T18:05")).build(),
            precise(AZ_MOD, "tegh-az", Party.AM, "2025-02-18T11:50", "2025-02-18T21:00", SYUNIK_EAST, "Tegh", "Digh",
                    "Correction: the fire from Digh was at 11:50.").revision(2).build());

    /**
     * EUMA's statement on Kut (3 October 2023) first said the patrol observed nothing, then — the same statement,
     * revision 2 — that it heard fire near Kut that evening. The revision is the observer's word; the first version
     * arrives last and must not win.
     */
    static final List<IncidentReport> OBSERVER_REVISED = List.of(
            precise(AM_MOD, "kut-am", Party.AZ, "2023-10-03T18:20", "2023-10-03T19:00", GEGHARKUNIK, "Kut", "Kut",
                    "Azerbaijani units fired at Kut at 18:20.").build(),
            denial(AZ_MOD, "kut-deny", "2023-10-03T21:00", Party.AM, "2023-10-03", "2023-10-03", GEGHARKUNIK)
                    .text("The claim about fire at Kut is false.").build(),
            eumaOnKut(Stance.CONFIRMATION, "2023-10-04T16:00", 2),
            eumaOnKut(Stance.REFUTATION, "2023-10-04T12:00", 1));

    /**
     * 5 August 2025: Yerevan's denial first answers the claim about the night of the 4th near Tegh; its corrected
     * version (same statement, revision 2) answers the claims of the 4th and the 5th. By the latest revision it
     * disputes both, and says it is a revision.
     */
    static final List<IncidentReport> DENIAL_REVISED_WIDER = List.of(
            precise(AZ_MOD, "aug-tegh", Party.AM, "2025-08-04T22:00", "2025-08-04T23:00", SYUNIK_EAST, "Tegh", "Digh",
                    "Armenian units fired from Digh at 22:00.").build(),
            precise(AZ_MOD, "aug-khn", Party.AM, "2025-08-05T10:00", "2025-08-05T11:00", SYUNIK_EAST, "Khnatsakh",
                    "Khanazakh", "Armenian units fired from Khanazakh at 10:00.").build(),
            denial(AM_MOD, "aug-deny", "2025-08-05T09:00", Party.AZ, "2025-08-04", "2025-08-04", SYUNIK_EAST)
                    .text("The claim about fire from Tegh last night is false.").build(),
            denial(AM_MOD, "aug-deny", "2025-08-05T14:00", Party.AZ, "2025-08-04", "2025-08-05", SYUNIK_EAST)
                    .text("The claims about fire from Tegh last night and from Khnatsakh this morning are false.")
                    .revision(2).build());

    // ---------------------------------------------------------------- observers

    /**
     * 5 March 2024 near Sotk: EUMA confirms fire, the OSCE's team says it observed nothing there that day. The contract:
     * REFUTED only when nothing confirms, so CONFIRMED — and the rationale must say that an observer saw nothing.
     */
    static final List<IncidentReport> OBSERVERS_DISAGREE = List.of(
            precise(AZ_MOD, "sotk-az", Party.AM, "2024-03-05T21:10", "2024-03-05T22:00", GEGHARKUNIK, "Sotk", "Zod",
                    "Armenian units fired from Zod at 21:10.").build(),
            denial(AM_MOD, "sotk-deny", "2024-03-06T09:00", Party.AZ, "2024-03-05", "2024-03-05", GEGHARKUNIK)
                    .text("The claim about Sotk is false.").build(),
            dayObserver(EUMA, "sotk-euma", Stance.CONFIRMATION, "2024-03-06T15:00", "2024-03-05", GEGHARKUNIK, "Sotk",
                    true, "A patrol heard gunfire near Sotk on the evening of 5 March."),
            dayObserver(OSCE, "sotk-osce", Stance.REFUTATION, "2024-03-06T17:00", "2024-03-05", GEGHARKUNIK, null,
                    false, "The team observed no incidents in Gegharkunik on 5 March."));

    /**
     * 10 June 2024 near Berd: EUMA saw nothing that day; the incident closes; within the grace of its closure EUMA
     * corrects itself (coverage only): a corrected final version, CONFIRMED, still closed.
     */
    static final List<IncidentReport> REFUTED_THEN_CONFIRMED_AFTER_CLOSURE = List.of(
            precise(AM_MOD, "berd", Party.AZ, "2024-06-10T06:00", "2024-06-10T07:00", TAVUSH, "Berd", "Berd",
                    "Azerbaijani units fired at Berd at 06:00.").build(),
            dayObserver(EUMA, "berd-euma-1", Stance.REFUTATION, "2024-06-10T20:00", "2024-06-10", TAVUSH, null, false,
                    "Patrols in Tavush observed no incidents today."),
            precise(AZ_MOD, "kut-later", Party.AM, "2024-06-19T10:00", "2024-06-19T11:00", GEGHARKUNIK, "Kut", "Kut",
                    "Armenian units fired from Kut at 10:00.").build(),
            dayObserver(EUMA, "berd-euma-2", Stance.CONFIRMATION, "2024-06-20T10:00", "2024-06-10", TAVUSH, "Berd",
                    false, "Further to our statement of 10 June: a patrol near Berd heard shots that morning."));

    // ---------------------------------------------------------------- denials

    /**
     * 3 April 2025: one Armenian denial answers Baku's claims about Khoznavar (Syunik, 1 April) and Norabak
     * (Gegharkunik, 2 April); ingest gives it Khoznavar as its settlement (the first place). It answers both: the
     * place it names narrows the claims of its own segment, not those of another.
     */
    static final List<IncidentReport> DENIAL_OF_TWO_SEGMENTS_AND_DAYS = List.of(
            precise(AZ_MOD, "khoz", Party.AM, "2025-04-01T22:00", "2025-04-01T23:00", SYUNIK_EAST, "Khoznavar",
                    "Khaznavar", "Armenian units fired from Khaznavar at 22:00.").build(),
            precise(AZ_MOD, "nora", Party.AM, "2025-04-02T23:00", "2025-04-03T00:10", GEGHARKUNIK, "Norabak",
                    "Norabak", "Armenian units fired from Norabak at 23:00.").build(),
            denial(AM_MOD, "two-deny", "2025-04-03T10:00", Party.AZ, "2025-04-01", "2025-04-02", SYUNIK_EAST,
                    GEGHARKUNIK).location(new Location(List.of(SYUNIK_EAST, GEGHARKUNIK), false, "Khoznavar",
                            "Khoznavar, Norabak", null, null))
                    .text("The claims about fire from Khoznavar and Norabak on 1 and 2 April are false.").build());

    /**
     * 20 November 2024: Yerevan calls the night's claim about Vardenis "disinformation" without saying which claim
     * (ingest: no answers, the day of publication). Placed like any statement by its segment and day, it is the
     * accused side's denial in the claim's session: DISPUTED.
     */
    static final List<IncidentReport> DENIAL_WITHOUT_ANSWERS = List.of(
            precise(AZ_MOD, "vard", Party.AM, "2024-11-20T02:30", "2024-11-20T08:00", GEGHARKUNIK, "Vardenis",
                    "Basarkechar", "Armenian units fired from Basarkechar at 02:30.").build(),
            base(AM_MOD, "vard-deny", Stance.DENIAL, "2024-11-20T11:00").actingParty(Party.AM)
                    .occurredAt(t("2024-11-20")).occurredUntil(t("2024-11-21").minusSeconds(1))
                    .timePrecision(TimePrecision.UNKNOWN).location(Location.of(GEGHARKUNIK))
                    .text("Azerbaijan's statement is disinformation.").build());

    /** The same denial naming no place at all: it answers nothing anyone can tell, so it stays alone (never guessed). */
    static final List<IncidentReport> DENIAL_WITHOUT_ANSWERS_OR_PLACE = List.of(
            DENIAL_WITHOUT_ANSWERS.get(0),
            base(AM_MOD, "vard-deny", Stance.DENIAL, "2024-11-20T11:00").actingParty(Party.AM)
                    .occurredAt(t("2024-11-20")).occurredUntil(t("2024-11-21").minusSeconds(1))
                    .timePrecision(TimePrecision.UNKNOWN).location(Location.unresolved(null))
                    .text("Azerbaijan's statement is disinformation.").build());

    /**
     * 12 May 2025: the denial (published 09:00) reaches us before the claim it answers (published 06:00, delayed by the
     * partner): live and replay end in the same incident, DISPUTED.
     */
    static final List<IncidentReport> DENIAL_ARRIVES_FIRST = List.of(
            denial(AM_MOD, "khn-deny", "2025-05-12T09:00", Party.AZ, "2025-05-12", "2025-05-12", SYUNIK_EAST)
                    .text("The claim about Khnatsakh is false.").build(),
            precise(AZ_MOD, "khn", Party.AM, "2025-05-12T04:10", "2025-05-12T06:00", SYUNIK_EAST, "Khnatsakh",
                    "Khanazakh", "Armenian units fired from Khanazakh at 04:10.").build());

    // ---------------------------------------------------------------- casualties

    /**
     * 26 May 2023 near Sotk: Armenia reports two of its servicemen killed by mortar fire; EUMA confirms "two
     * servicemen killed" without saying whose. A figure without a side may count the same dead: 2 killed, not 4
     * (HIGH with FATALITIES and HEAVY_WEAPONS, not CRITICAL).
     */
    static final List<IncidentReport> UNSIDED_CONFIRMATION_FIGURE = List.of(
            precise(AM_MOD, "sotk-mortar", Party.AZ, "2023-05-26T14:00", "2023-05-26T15:00", GEGHARKUNIK, "Sotk",
                    "Sotk", "Azerbaijani units shelled our positions near Sotk; two servicemen were killed.")
                    .eventTypes(EventType.MORTAR_ARTILLERY).casualties(new Casualties(2, null, Party.AM)).build(),
            dayObserverBuilder(EUMA, "sotk-mortar-euma", Stance.CONFIRMATION, "2023-05-27T10:00", "2023-05-26", GEGHARKUNIK,
                    "Sotk", true, "A patrol confirmed mortar fire near Sotk; two servicemen were killed.")
                    .eventTypes(EventType.MORTAR_ARTILLERY).casualties(new Casualties(2, null, null)).build());

    /** The observer's figure without a side, when no side gives one: it stands as it is (1 killed, side not given). */
    static final List<IncidentReport> UNSIDED_FIGURE_ALONE = List.of(
            precise(AZ_MOD, "kar", Party.AM, "2023-05-26T14:00", "2023-05-26T15:00", GEGHARKUNIK, "Sotk", "Zod",
                    "Armenian units fired from Zod.").build(),
            dayObserverBuilder(EUMA, "kar-euma", Stance.CONFIRMATION, "2023-05-27T10:00", "2023-05-26", GEGHARKUNIK, "Sotk",
                    true, "A patrol confirmed fire near Sotk; one person was killed.")
                    .casualties(new Casualties(1, null, null)).build());

    /**
     * EUMA's confirmation of the same day through its coverage alone (no answers), giving one Armenian serviceman
     * killed: a confirmation of the incident, so its figure counts (it counted only when the statement gave answers).
     */
    static final List<IncidentReport> COVERAGE_ONLY_FIGURE = List.of(
            UNSIDED_FIGURE_ALONE.get(0),
            dayObserverBuilder(EUMA, "kar-euma", Stance.CONFIRMATION, "2023-05-27T10:00", "2023-05-26", GEGHARKUNIK,
                    null, false, "Patrols confirmed an exchange of fire in Gegharkunik; an Armenian serviceman was "
                            + "killed.").casualties(new Casualties(1, null, Party.AM)).build());

    // ---------------------------------------------------------------- signals

    /**
     * Three claims written in UTC around the border's midnight: the third exactly 7 days after the first has left the
     * half-open window (t - 7 d, t]: no surge; a minute earlier it is a surge.
     */
    static List<IncidentReport> utcSurge(String third) {
        return List.of(
                utc(AZ_MOD, "u1", "2025-05-31T20:30:00Z", SYUNIK_EAST),
                utc(AZ_MOD, "u2", "2025-06-04T04:00:00Z", GEGHARKUNIK),
                utc(AZ_MOD, "u3", third, SYUNIK_EAST));
    }

    /** Tavush busy in January 2025 (three incidents), then 45 days of calm. */
    static final List<IncidentReport> BUSY_JANUARY = List.of(
            precise(AZ_MOD, "jan10", Party.AM, "2025-01-10T09:00", "2025-01-10T10:00", TAVUSH, "Berd", "Berd",
                    "Armenian units fired from Berd.").build(),
            precise(AM_MOD, "jan17", Party.AZ, "2025-01-17T09:00", "2025-01-17T10:00", TAVUSH, "Chinari", "Chinari",
                    "Azerbaijani units fired at Chinari.").build(),
            precise(AZ_MOD, "jan24", Party.AM, "2025-01-24T09:00", "2025-01-24T10:00", TAVUSH, "Movses", "Movses",
                    "Armenian units fired from Movses.").build());

    /**
     * The calm is broken on 10 March by a foreign-ministry line about "today" (dated to the day), joined that night by a
     * precise claim: one incident, QUIET_BROKEN, starting at the precise report.
     */
    static final List<IncidentReport> QUIET_BROKEN_BY_A_DAY = concat(BUSY_JANUARY, List.of(
            claim(AM_MFA, "mar10-day", Party.AZ, "2025-03-10T00:00", "2025-03-10T15:00", TAVUSH)
                    .occurredUntil(t("2025-03-11").minusSeconds(1)).timePrecision(TimePrecision.DAY)
                    .text("Today Azerbaijani units again fired at villages of Tavush.").build(),
            precise(AZ_MOD, "mar10-night", Party.AM, "2025-03-10T21:00", "2025-03-10T22:00", TAVUSH, "Berd", "Berd",
                    "Armenian units fired from Berd at 21:00.").build()));

    /**
     * After the calm, Baku's summary of the week 10-16 March ("five violations in the Gazakh direction") and on
     * 20 March a precise claim. A summary says nothing of when in its week anything happened: it neither breaks the
     * calm nor shortens it; the 20 March claim is the first incident after the calm.
     */
    static final List<IncidentReport> QUIET_BROKEN_AFTER_A_SUMMARY = concat(BUSY_JANUARY, List.of(
            claim(AZ_MOD, "week", Party.AM, "2025-03-10T00:00", "2025-03-16T18:00", TAVUSH)
                    .occurredUntil(t("2025-03-17").minusSeconds(1)).timePrecision(TimePrecision.DAY)
                    .text("Over the past week Armenian units violated the ceasefire five times in the Gazakh "
                            + "direction.").build(),
            precise(AM_MOD, "mar20", Party.AZ, "2025-03-20T09:00", "2025-03-20T10:00", TAVUSH, "Berd", "Berd",
                    "Azerbaijani units fired at Berd at 09:00.").build()));

    /**
     * 2 July 2025: Baku's claims at Sotk and Tegh and one "from the area of Paruyr Sevak village", a name ingest's
     * gazetteer does not know (UNRESOLVED). Yerevan's denial names the village "of the Ararat province": the claim is
     * placed in ARARAT, and with it three segments within 24 hours — SPREAD, never guessed before that.
     */
    static final List<IncidentReport> UNRESOLVED_PLACED_SPREADS = List.of(
            precise(AZ_MOD, "j-sotk", Party.AM, "2025-07-02T01:00", "2025-07-02T02:00", GEGHARKUNIK, "Sotk", "Zod",
                    "Armenian units fired from Zod at 01:00.").build(),
            precise(AZ_MOD, "j-tegh", Party.AM, "2025-07-02T09:00", "2025-07-02T10:00", SYUNIK_EAST, "Tegh", "Digh",
                    "Armenian units fired from Digh at 09:00.").build(),
            claim(AZ_MOD, "j-paruyr", Party.AM, "2025-07-02T14:00", "2025-07-02T15:00")
                    .timePrecision(TimePrecision.MINUTE).location(Location.unresolved("Paruyr Sevak"))
                    .text("Armenian units fired from the area of Paruyr Sevak village at 14:00.").build(),
            denial(AM_MOD, "j-deny", "2025-07-02T18:00", Party.AZ, "2025-07-02", "2025-07-02", ARARAT)
                    .location(new Location(List.of(ARARAT), false, "Paruyr Sevak", "Paruyr Sevak", null, null))
                    .text("The claim that our units fired from Paruyr Sevak village of the Ararat province is false.")
                    .build());

    /**
     * A variant of 12-13 February 2024: Baku's "Revenge" statement (no place it names, answering the previous day's
     * claim) is published before Yerevan's report of four servicemen killed at Nerkin Hand, about the same dawn. The
     * order of publication changes nothing: one incident, CONFIRMED by the acting side's own report, FATALITIES and
     * RETALIATION_CYCLE, CRITICAL.
     */
    static final List<IncidentReport> REVENGE_PUBLISHED_FIRST = List.of(
            precise(AZ_MOD, "zang", Party.AM, "2024-02-12T15:40", "2024-02-12T17:00", SYUNIK_EAST, null, "Zangilan",
                    "Armenian units fired at our positions in the Zangilan direction; a serviceman was wounded.")
                    .occurredUntil(t("2024-02-12T16:00")).casualties(new Casualties(0, 1, Party.AZ)).build(),
            denial(AM_MOD, "zang-deny", "2024-02-12T19:00", Party.AZ, "2024-02-12", "2024-02-12", SYUNIK_EAST)
                    .text("The claim is false.").build(),
            claim(AZ_SBS, "revenge", Party.AZ, "2024-02-13T05:45", "2024-02-13T09:00")
                    .occurredUntil(t("2024-02-13T06:30")).timePrecision(TimePrecision.MINUTE)
                    .location(Location.unresolved(null)).retaliation(true)
                    .answers(new Answers(List.of(), Party.AM, t("2024-02-12"), t("2024-02-12"), List.of()))
                    .text("Operation Revenge was carried out in response to yesterday's provocation.").build(),
            precise(AM_MOD, "four", Party.AZ, "2024-02-13T05:45", "2024-02-13T10:30", SYUNIK_EAST, "Nerkin Hand",
                    "Nerkin Hand", "Four servicemen were killed near Nerkin Hand at dawn.")
                    .casualties(new Casualties(4, 1, Party.AM)).build());

    /**
     * 7 April 2025: Baku's weekly summary of 1-7 April in the Lachin direction is published at 10:00; Yerevan accuses
     * fire at Tegh at 13:30; Baku accuses fire from Khanazakh at 21:00. The summary, published before the evening's
     * events began, is no earlier telling of them: the evening claim follows Yerevan's (RETALIATION_CYCLE).
     */
    static final List<IncidentReport> CYCLE_BESIDE_A_SUMMARY = List.of(
            claim(AZ_MOD, "apr-week", Party.AM, "2025-04-01T00:00", "2025-04-07T10:00", SYUNIK_EAST)
                    .occurredUntil(t("2025-04-08").minusSeconds(1)).timePrecision(TimePrecision.DAY)
                    .text("Since 1 April Armenian units violated the ceasefire nine times in the Lachin direction.")
                    .build(),
            precise(AM_MOD, "apr-tegh", Party.AZ, "2025-04-07T13:30", "2025-04-07T14:00", SYUNIK_EAST, "Tegh", "Tegh",
                    "Azerbaijani units fired at Tegh at 13:30.").build(),
            precise(AZ_MOD, "apr-khn", Party.AM, "2025-04-07T21:00", "2025-04-07T21:30", SYUNIK_EAST, "Khnatsakh",
                    "Khanazakh", "Armenian units fired from Khanazakh at 21:00.").build());

    /**
     * August 2022: the Russian Defence Ministry's bulletins record three ceasefire violations in Karabakh in five
     * days. A third party's own account corroborates (c23; it confirmed before); it is no side's claim, so no
     * CLAIM_SURGE of "the Russian Defence Ministry".
     */
    static final List<IncidentReport> THIRD_PARTY_BULLETINS = List.of(
            bulletin("ru-1", "2022-08-01T10:00", "2022-08-01T18:00"),
            bulletin("ru-2", "2022-08-03T15:00", "2022-08-03T18:00"),
            bulletin("ru-3", "2022-08-05T20:00", "2022-08-05T22:00"));

    /** Two precise claims and the same ministry's summary of the week: two claimed events, not three — no surge. */
    static final List<IncidentReport> SUMMARY_IS_NO_SURGE_EVENT = List.of(
            precise(AZ_MOD, "s-tegh", Party.AM, "2025-04-03T22:00", "2025-04-03T23:00", SYUNIK_EAST, "Tegh", "Digh",
                    "Armenian units fired from Digh at 22:00.").build(),
            precise(AZ_MOD, "s-sotk", Party.AM, "2025-04-05T23:00", "2025-04-06T00:30", GEGHARKUNIK, "Sotk", "Zod",
                    "Armenian units fired from Zod at 23:00.").build(),
            claim(AZ_MOD, "s-week", Party.AM, "2025-04-01T00:00", "2025-04-07T12:00", SYUNIK_EAST)
                    .occurredUntil(t("2025-04-08").minusSeconds(1)).timePrecision(TimePrecision.DAY)
                    .text("Since 1 April Armenian units violated the ceasefire in the Lachin direction.").build());

    /** Two precise claims and a claim dated only to a day in a third place: three claimed events, a surge. */
    static final List<IncidentReport> DAY_CLAIM_IS_A_SURGE_EVENT = List.of(
            SUMMARY_IS_NO_SURGE_EVENT.get(0), SUMMARY_IS_NO_SURGE_EVENT.get(1),
            claim(AZ_MOD, "s-day", Party.AM, "2025-04-06T00:00", "2025-04-06T20:00", TAVUSH)
                    .occurredUntil(t("2025-04-07").minusSeconds(1)).timePrecision(TimePrecision.DAY)
                    .text("Today Armenian units fired at our positions in the Gazakh direction.").build());

    static Stream<Arguments> rows() {
        return Stream.of(
                row("a correction moving a claim to the other segment's session; the older revision arrives last",
                        CORRECTED_PLACE, "SYUNIK_EAST 07-26 07:30 [am-khoz,az-khoz] CONFIRMED/CONTESTED LOW"),
                row("a corrected time that bridges two sessions merges them, as the latest revision alone would",
                        CORRECTED_TIME, "SYUNIK_EAST 02-18 10:30 [nerkin,tegh-am,tegh-az] CONFIRMED/CONTESTED MEDIUM"
                                + " {RETALIATION_CYCLE}"),
                row("a denial revised to answer a second claim disputes both", DENIAL_REVISED_WIDER,
                        "SYUNIK_EAST 08-04 22:00 [aug-deny,aug-tegh] DISPUTED/CONTESTED LOW; SYUNIK_EAST 08-05 10:00"
                                + " [aug-deny,aug-khn] DISPUTED/CONTESTED LOW"),
                row("an observer's revised statement (refutation -> confirmation); its first version arrives last",
                        OBSERVER_REVISED, "GEGHARKUNIK 10-03 18:20 [kut-am,kut-deny,kut-euma] CONFIRMED/CONTESTED LOW"),
                row("EUMA confirms, the OSCE saw nothing: confirmed (REFUTED only when nothing confirms)",
                        OBSERVERS_DISAGREE, "GEGHARKUNIK 03-05 21:10 [sotk-az,sotk-deny,sotk-euma,sotk-osce]"
                                + " CONFIRMED/CONTESTED LOW"),
                row("refuted, closed, then confirmed by the same observer within the grace of the closure",
                        REFUTED_THEN_CONFIRMED_AFTER_CLOSURE, "TAVUSH 06-10 06:00 [berd,berd-euma-1,berd-euma-2]"
                                + " CONFIRMED/UNCONTESTED LOW closed; GEGHARKUNIK 06-19 10:00 [kut-later]"
                                + " UNVERIFIED/UNCONTESTED LOW"),
                row("one denial of two claims in two segments on two days, naming both places",
                        DENIAL_OF_TWO_SEGMENTS_AND_DAYS, "SYUNIK_EAST 04-01 22:00 [khoz,two-deny] DISPUTED/CONTESTED"
                                + " LOW; GEGHARKUNIK 04-02 23:00 [nora,two-deny] DISPUTED/CONTESTED LOW"),
                row("a denial without answers, placed by its segment and day, disputes the claim of its session",
                        DENIAL_WITHOUT_ANSWERS, "GEGHARKUNIK 11-20 02:30 [vard,vard-deny] DISPUTED/CONTESTED LOW"),
                row("a denial without answers or place stays alone; the claim stays unanswered",
                        DENIAL_WITHOUT_ANSWERS_OR_PLACE, "UNRESOLVED 11-20 00:00 [vard-deny] UNVERIFIED/CONTESTED LOW;"
                                + " GEGHARKUNIK 11-20 02:30 [vard] UNVERIFIED/UNCONTESTED LOW"),
                row("a denial arriving before the (delayed) claim it answers", DENIAL_ARRIVES_FIRST,
                        "SYUNIK_EAST 05-12 04:10 [khn,khn-deny] DISPUTED/CONTESTED LOW"),
                row("an observer's figure without a side does not add to the side's own figure",
                        UNSIDED_CONFIRMATION_FIGURE, "GEGHARKUNIK 05-26 14:00 [sotk-mortar,sotk-mortar-euma]"
                                + " CONFIRMED/UNCONTESTED HIGH {FATALITIES,HEAVY_WEAPONS} k=2"),
                row("an observer's figure without a side stands when no side gives one", UNSIDED_FIGURE_ALONE,
                        "GEGHARKUNIK 05-26 14:00 [kar,kar-euma] CONFIRMED/UNCONTESTED HIGH {FATALITIES} k=1"),
                row("an observer's figure counts when it confirms through its coverage alone", COVERAGE_ONLY_FIGURE,
                        "GEGHARKUNIK 05-26 14:00 [kar,kar-euma] CONFIRMED/UNCONTESTED HIGH {FATALITIES} k=1"),
                row("the third claim exactly 7 days after the first (UTC, the border's midnight): no surge",
                        utcSurge("2025-06-07T20:30:00Z"), "SYUNIK_EAST 06-01 00:30 [u1] UNVERIFIED/UNCONTESTED LOW;"
                                + " GEGHARKUNIK 06-04 08:00 [u2] UNVERIFIED/UNCONTESTED LOW; SYUNIK_EAST 06-08 00:30"
                                + " [u3] UNVERIFIED/UNCONTESTED LOW"),
                row("the third claim a minute inside the 7 days: a surge", utcSurge("2025-06-07T20:29:00Z"),
                        "SYUNIK_EAST 06-01 00:30 [u1] UNVERIFIED/UNCONTESTED MEDIUM {CLAIM_SURGE}; GEGHARKUNIK 06-04"
                                + " 08:00 [u2] UNVERIFIED/UNCONTESTED MEDIUM {CLAIM_SURGE}; SYUNIK_EAST 06-08 00:29"
                                + " [u3] UNVERIFIED/UNCONTESTED MEDIUM {CLAIM_SURGE}"),
                row("a calm broken by a line dated to the day, joined by a precise claim", QUIET_BROKEN_BY_A_DAY,
                        january() + "; TAVUSH 03-10 21:00 [mar10-day,mar10-night] CONFIRMED/CONTESTED MEDIUM"
                                + " {QUIET_BROKEN}"),
                row("a weekly summary after the calm neither breaks nor shortens it", QUIET_BROKEN_AFTER_A_SUMMARY,
                        january() + "; TAVUSH 03-10 00:00 [week] UNVERIFIED/UNCONTESTED LOW; TAVUSH 03-20 09:00"
                                + " [mar20] UNVERIFIED/UNCONTESTED MEDIUM {QUIET_BROKEN}"),
                row("an unresolved claim placed by its denial makes the third segment of a spread",
                        UNRESOLVED_PLACED_SPREADS, "GEGHARKUNIK 07-02 01:00 [j-sotk] UNVERIFIED/UNCONTESTED HIGH"
                                + " {CLAIM_SURGE,SPREAD}; SYUNIK_EAST 07-02 09:00 [j-tegh] UNVERIFIED/UNCONTESTED HIGH"
                                + " {CLAIM_SURGE,SPREAD}; ARARAT 07-02 14:00 [j-deny,j-paruyr] DISPUTED/CONTESTED HIGH"
                                + " {CLAIM_SURGE,SPREAD}"),
                row("'Revenge' published before the fatalities it followed in event time", REVENGE_PUBLISHED_FIRST,
                        "SYUNIK_EAST 02-12 15:40 [zang,zang-deny] DISPUTED/CONTESTED MEDIUM; SYUNIK_EAST 02-13 05:45"
                                + " [four,revenge] CONFIRMED/UNCONTESTED CRITICAL {FATALITIES,RETALIATION_CYCLE} k=4"),
                row("a weekly summary published before the evening is no earlier telling of the evening's claim",
                        CYCLE_BESIDE_A_SUMMARY, "SYUNIK_EAST 04-01 00:00 [apr-week] UNVERIFIED/UNCONTESTED LOW;"
                                + " SYUNIK_EAST 04-07 13:30 [apr-tegh] UNVERIFIED/UNCONTESTED LOW; SYUNIK_EAST 04-07"
                                + " 21:00 [apr-khn] UNVERIFIED/UNCONTESTED MEDIUM {RETALIATION_CYCLE}"),
                // c23 (finding C5): they were CONFIRMED; a third party's own account corroborates, it does not confirm
                row("a third party's own bulletins corroborate; they are no side's claim surge", THIRD_PARTY_BULLETINS,
                        "KARABAKH 08-01 10:00 [ru-1] UNVERIFIED/UNCONTESTED LOW; KARABAKH 08-03 15:00 [ru-2]"
                                + " UNVERIFIED/UNCONTESTED LOW; KARABAKH 08-05 20:00 [ru-3] UNVERIFIED/UNCONTESTED LOW"),
                row("a summary of the week is no claimed event in a surge", SUMMARY_IS_NO_SURGE_EVENT,
                        "SYUNIK_EAST 04-01 00:00 [s-week] UNVERIFIED/UNCONTESTED LOW; SYUNIK_EAST 04-03 22:00"
                                + " [s-tegh] UNVERIFIED/UNCONTESTED LOW; GEGHARKUNIK 04-05 23:00 [s-sotk]"
                                + " UNVERIFIED/UNCONTESTED LOW"),
                row("a claim dated only to a day is a claimed event in a surge", DAY_CLAIM_IS_A_SURGE_EVENT,
                        "SYUNIK_EAST 04-03 22:00 [s-tegh] UNVERIFIED/UNCONTESTED MEDIUM {CLAIM_SURGE}; GEGHARKUNIK"
                                + " 04-05 23:00 [s-sotk] UNVERIFIED/UNCONTESTED MEDIUM {CLAIM_SURGE}; TAVUSH 04-06 00:00"
                                + " [s-day] UNVERIFIED/UNCONTESTED MEDIUM {CLAIM_SURGE}"));
    }

    private static String january() {
        return "TAVUSH 01-10 09:00 [jan10] UNVERIFIED/UNCONTESTED LOW closed; TAVUSH 01-17 09:00 [jan17]"
                + " UNVERIFIED/UNCONTESTED LOW closed; TAVUSH 01-24 09:00 [jan24] UNVERIFIED/UNCONTESTED LOW closed";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void replayGivesTheOutcomeTheRulesRequireAndLiveGivesTheSame(String name, List<IncidentReport> arriving,
                                                                 String expected) {
        Map<UUID, String> refs = refs(arriving);
        List<Assessment> replayed = new Replayer(ClassifierEngine.withDefaults()).replay(arriving).finals();
        assertThat(describe(replayed, refs)).as("replay").isEqualTo(expected);
        assertThat(describe(live(arriving), refs)).as("live, in order of arrival").isEqualTo(expected);
        // a report's latest revision decides, whatever came before it
        Map<UUID, IncidentReport> latest = new LinkedHashMap<>();
        arriving.forEach(r -> latest.merge(r.reportId(), r, (a, b) -> b.revision() > a.revision() ? b : a));
        if (latest.size() < arriving.size()) {
            List<Assessment> alone = new Replayer(ClassifierEngine.withDefaults())
                    .replay(List.copyOf(latest.values())).finals();
            assertThat(describe(alone, refs)).as("the latest revisions alone").isEqualTo(expected);
        }
    }

    /** The state written after every report (as the stream's store keeps it) gives the same versions on restart. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theStateSurvivesARestartAfterEveryReport(String name, List<IncidentReport> arriving, String expected) {
        assertTheStateSurvivesARestartAfterEveryReport(arriving);
    }

    /** Each report read by an engine restarted from the JSON of the state before it gives the versions run through. */
    static void assertTheStateSurvivesARestartAfterEveryReport(List<IncidentReport> arriving) {
        ClassifierEngine straight = ClassifierEngine.withDefaults();
        ClassifierEngine restarted = ClassifierEngine.withDefaults();
        for (IncidentReport r : arriving) {
            List<Assessment> once = straight.process(r).assessments();
            ClassifierEngine fresh = ClassifierEngine.withDefaults();
            fresh.restore(org.borderwatch.common.json.Json.read(org.borderwatch.common.json.Json.write(
                    restarted.state()), EngineState.class));
            restarted = fresh;
            assertThat(org.borderwatch.common.json.Json.write(restarted.process(r).assessments())).as(r.sourceRef())
                    .isEqualTo(org.borderwatch.common.json.Json.write(once));
        }
    }

    /** The rationale says what an analyst must see to agree or disagree. */
    @Test
    void theRationaleIsHonestAboutObserversAndRevisions() {
        Assessment sotk = new Replayer(ClassifierEngine.withDefaults()).replay(OBSERVERS_DISAGREE).finals().get(0);
        assertThat(sotk.rationale()).contains("Occurrence CONFIRMED: EUMA (statement of 2024-03-06 15:00 +04:00)"
                + " confirmed it.", "OSCE (statement of 2024-03-06 17:00 +04:00) observed nothing there; an observer's"
                + " refutation decides only when nothing confirms, so it lowers the confidence but not the verdict.");
        // a contradicting observer lowers the confidence the confirming one gives
        Assessment euma = new Replayer(ClassifierEngine.withDefaults()).replay(OBSERVERS_DISAGREE.subList(0, 3))
                .finals().get(0);
        assertThat(sotk.confidence()).isLessThan(euma.confidence());
        // the observer's revision says it is one
        Assessment kut = new Replayer(ClassifierEngine.withDefaults()).replay(OBSERVER_REVISED).finals().get(0);
        assertThat(kut.rationale()).anyMatch(s -> s.startsWith("EUMA confirmed on 2023-10-04 16:00 +04:00")
                && s.contains("(revision 2 correcting an earlier version)"));
        // the observer's figure without a side is named beside the side's own
        Assessment mortar = new Replayer(ClassifierEngine.withDefaults()).replay(UNSIDED_CONFIRMATION_FIGURE)
                .finals().get(0);
        assertThat(mortar.casualties()).singleElement().satisfies(c -> assertThat(c.party()).isEqualTo(Party.AM));
        assertThat(mortar.rationale()).anyMatch(s -> s.startsWith("EUMA gives 2 killed without saying whose"));
    }

    /** The lone claim carries no SPREAD while it names no place; it does once the denial has placed it. */
    @Test
    void spreadWaitsForTheDenialThatPlacesTheClaim() {
        List<Assessment> versions = new Replayer(ClassifierEngine.withDefaults()).replay(UNRESOLVED_PLACED_SPREADS)
                .versions();
        OffsetDateTime denial = t("2025-07-02T18:00");
        assertThat(versions).filteredOn(a -> a.asOf().isBefore(denial)).isNotEmpty()
                .noneMatch(a -> a.hasSignal(org.borderwatch.common.model.SignalType.SPREAD));
    }

    // ---------------------------------------------------------------- helpers

    /** The finals of the core run live, in order of arrival. */
    static List<Assessment> live(List<IncidentReport> arriving) {
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        List<Assessment> versions = new ArrayList<>();
        arriving.forEach(r -> versions.addAll(engine.process(r).assessments()));
        return new Replayer.Outcome(versions, arriving.size(), 0, 0).finals();
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private static String describe(List<Assessment> finals, Map<UUID, String> refs) {
        return finals.stream()
                .sorted(Comparator.comparing((Assessment a) -> a.window().from().toInstant())
                        .thenComparing(Assessment::segment))
                .map(a -> a.segment() + " " + WHEN.format(BorderTime.local(a.window().from())) + " "
                        + a.reportIds().values().stream().flatMap(List::stream).map(refs::get).sorted()
                        .collect(Collectors.joining(",", "[", "]"))
                        + " " + a.occurrence() + "/" + a.attribution() + " " + a.severity()
                        + (a.signals().isEmpty() ? "" : a.signals().stream().map(s -> s.type().name()).sorted()
                        .collect(Collectors.joining(",", " {", "}")))
                        + (a.killed() > 0 ? " k=" + a.killed() : "") + (a.closed() ? " closed" : ""))
                .collect(Collectors.joining("; "));
    }

    private static Map<UUID, String> refs(List<IncidentReport> reports) {
        Map<UUID, String> refs = new HashMap<>();
        reports.forEach(r -> refs.put(r.reportId(), r.sourceRef()));
        return refs;
    }

    private static Arguments row(String name, List<IncidentReport> arriving, String expected) {
        return Arguments.of(name, arriving, expected);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** A claim with a time of day (precision MINUTE), naming its place as the gazetteer does and as written. */
    private static IncidentReport.Builder precise(Source source, String ref, Party acting, String at,
                                                  String published, BorderSegment segment, String settlement,
                                                  String written, String text) {
        return claim(source, ref, acting, at, published, segment).timePrecision(TimePrecision.MINUTE)
                .location(new Location(List.of(segment), false, settlement, written, null, null)).text(text);
    }

    /** An observer's statement about one whole day in one segment, with its coverage (and answers, if it gives them). */
    private static IncidentReport.Builder dayObserverBuilder(Source source, String ref, Stance stance,
                                                             String published, String day, BorderSegment segment,
                                                             String settlement, boolean answering, String text) {
        IncidentReport.Builder b = base(source, ref, stance, published).occurredAt(t(day))
                .occurredUntil(t(day).plusDays(1).minusSeconds(1)).timePrecision(TimePrecision.DAY)
                .location(new Location(List.of(segment), false, settlement, settlement, null, null))
                .coverage(new Coverage(t(day), t(day).plusDays(1).minusSeconds(1), List.of(segment))).text(text);
        if (stance == Stance.CONFIRMATION) {
            b.eventTypes(EventType.SMALL_ARMS_FIRE);
        }
        if (answering) {
            b.answers(new Answers(List.of(), null, t(day), t(day), List.of(segment)));
        }
        return b;
    }

    private static IncidentReport dayObserver(Source source, String ref, Stance stance, String published, String day,
                                              BorderSegment segment, String settlement, boolean answering,
                                              String text) {
        return dayObserverBuilder(source, ref, stance, published, day, segment, settlement, answering, text).build();
    }

    private static IncidentReport eumaOnKut(Stance stance, String published, int revision) {
        return dayObserverBuilder(EUMA, "kut-euma", stance, published, "2023-10-03", GEGHARKUNIK, "Kut", true,
                stance == Stance.REFUTATION ? "Our patrol in Gegharkunik observed no incidents on 3 October."
                        : "Correction: our patrol heard small-arms fire near Kut on the evening of 3 October.")
                .revision(revision).build();
    }

    private static IncidentReport utc(Source source, String ref, String at, BorderSegment segment) {
        OffsetDateTime when = OffsetDateTime.parse(at);
        return claim(source, ref, Party.AM, "2025-01-01T00:00", "2025-01-01T00:00", segment).occurredAt(when)
                .occurredUntil(when).publishedAt(when.plusHours(1)).timePrecision(TimePrecision.MINUTE)
                .text("Armenian units fired at our positions.").build();
    }

    private static IncidentReport bulletin(String ref, String at, String published) {
        return claim(RU_MOD, ref, null, at, published, KARABAKH).timePrecision(TimePrecision.MINUTE)
                .text("The Russian peacekeeping contingent recorded a ceasefire violation in the Shusha district.")
                .build();
    }
}
