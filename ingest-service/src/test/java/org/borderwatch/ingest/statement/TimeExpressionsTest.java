package org.borderwatch.ingest.statement;

import org.borderwatch.ingest.statement.TimeExpressions.ClockSpan;
import org.borderwatch.ingest.statement.TimeExpressions.DateSpan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimeExpressionsTest {

    private static final LocalDate PUBLISHED = LocalDate.of(2025, 3, 17);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "on 16 March                         | 2025-03-16 | 2025-03-16 | false",
            "on 16th of March                    | 2025-03-16 | 2025-03-16 | false",
            "on 16 and 17 March                  | 2025-03-16 | 2025-03-17 | false",
            "on 14, 15 and 16 March              | 2025-03-14 | 2025-03-16 | false",
            "on 12, 13, 14 and 15 March          | 2025-03-12 | 2025-03-15 | false",
            "on the night of 16 to 17 March      | 2025-03-16 | 2025-03-17 | true",
            "on March 16, 2024                   | 2024-03-16 | 2024-03-16 | false",
            "on 16-17 March                      | 2025-03-16 | 2025-03-17 | false",
            "on 30 December                      | 2024-12-30 | 2024-12-30 | false",
            "16.03.2025 в 09:35                  | 2025-03-16 | 2025-03-16 | false",
            // a day and month with a point and no year: after "on" or before a clock (`ch-i77-16`, `-17`)
            "on 16.03                            | 2025-03-16 | 2025-03-16 | false",
            "16.03, 21:40:                       | 2025-03-16 | 2025-03-16 | false",
            "20.12 at 21:40                      | 2024-12-20 | 2024-12-20 | false",
            // the hyphenated name's last part is no "and" joining two days (`h85-21`)
            "near Nerkin-And on 16 March         | 2025-03-16 | 2025-03-16 | false",
            // the US order only when no other order makes a date (14 > 12); both possible: day first
            "on the evening of 03/14/2025        | 2025-03-14 | 2025-03-14 | false",
            "on 04/11/2024                       | 2024-11-04 | 2024-11-04 | false",
            "2025-03-16                          | 2025-03-16 | 2025-03-16 | false",
            "16 марта                            | 2025-03-16 | 2025-03-16 | false",
            "21 iyun                             | 2024-06-21 | 2024-06-21 | false",
            "İyulun 5-i                          | 2024-07-05 | 2024-07-05 | false",
            "Mayın 14-ü                          | 2024-05-14 | 2024-05-14 | false",
            "from 17 to 19 March                 | 2024-03-17 | 2024-03-19 | false",
            "from 28 February to 2 March         | 2025-02-28 | 2025-03-02 | false",
            "between 30 January and 1 February   | 2025-01-30 | 2025-02-01 | false",
            "from the morning of 12 March until the evening of 13 March | 2025-03-12 | 2025-03-13 | false",
            "near Sotk on 8 March and near Tegh on 11 March | 2025-03-08 | 2025-03-11 | false",
            "on 27 February, and again on 2 March | 2025-02-27 | 2025-03-02 | false",
            "on 9 March and on 12 March          | 2025-03-09 | 2025-03-12 | false",
            // a list a colon opens, its items behind semicolons; its last item may be a night
            "fired twice: on 9 March near Sotk; and on 12 March near Kut | 2025-03-09 | 2025-03-12 | false",
            "three times: 9 March near Sotk; 11 March near Kut; and the night of 13 to 14 March near Tegh | 2025-03-09 | 2025-03-14 | false",
            "yesterday                           | 2025-03-16 | 2025-03-16 | false",
            "last night                          | 2025-03-16 | 2025-03-17 | true",
            "the previous night                  | 2025-03-16 | 2025-03-17 | true",
            "the preceding night                 | 2025-03-16 | 2025-03-17 | true",
            "overnight                           | 2025-03-16 | 2025-03-17 | true",
            "overnight on 12-13 March            | 2025-03-12 | 2025-03-13 | true",
            "the day before yesterday            | 2025-03-15 | 2025-03-15 | false",
            "the night before last               | 2025-03-15 | 2025-03-16 | true",
            "on the night before last            | 2025-03-15 | 2025-03-16 | true",
            "позавчера                           | 2025-03-15 | 2025-03-15 | false",
            "two days ago                        | 2025-03-15 | 2025-03-15 | false",
            "3 days ago                          | 2025-03-14 | 2025-03-14 | false",
            "On the eve                          | 2025-03-16 | 2025-03-16 | false",
            "on Saturday morning                 | 2025-03-15 | 2025-03-15 | false",
            "Monthly summary, February 2025      | 2025-02-01 | 2025-02-28 | false",
            "in May 2024                         | 2024-05-01 | 2024-05-31 | false",
            "on Monday                           | 2025-03-17 | 2025-03-17 | false",
            "last Monday                         | 2025-03-10 | 2025-03-10 | false"})
    void readsDates(String text, LocalDate first, LocalDate last, boolean night) {
        List<DateSpan> dates = TimeExpressions.dates(text, PUBLISHED);
        assertThat(dates).hasSize(1);
        assertThat(dates.get(0).first()).isEqualTo(first);
        assertThat(dates.get(0).last()).isEqualTo(last);
        assertThat(dates.get(0).night()).isEqualTo(night);
    }

    /** Days named apart with a clock in their sentence stay apart (each day its own dated time), as do other sentences. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "on 9 March at 22:10 and on 12 March at 01:30",
            "fire was opened on 9 March. The ministry said on 12 March that",
            "on 9 March and on 12 March at around 3 a.m.",
            "units fired near Sotk on 9 March and the ministry said on 12 March that",
            // semicolons with no colon opening a list, and a list's items each with its clock
            "on 9 March units fired near Sotk; on 12 March the ministry informed the mission",
            "fired twice: on 9 March at 22:10 near Sotk; and on 12 March at 01:30 near Kut"})
    void daysWithTheirOwnClocksOrSentencesStayApart(String text) {
        assertThat(TimeExpressions.dates(text, PUBLISHED)).hasSize(2);
    }

    /** Spans that run until publication (17 March 2025): from that day, or that long before publication. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "since 12 March                      | 2025-03-12 | true",
            "ever since the morning of 11 March  | 2025-03-11 | true",
            "since Friday                        | 2025-03-14 | true",
            "starting from 10 March              | 2025-03-10 | true",
            "since yesterday                     | 2025-03-16 | true",
            "since the early hours of 11 March   | 2025-03-11 | true",
            "since the small hours of Friday     | 2025-03-14 | true",
            // a part of the day after "since" with no day of its own: the publication day's open span
            "since the early hours               | 2025-03-17 | true",
            "ever since dawn                     | 2025-03-17 | true",
            "since early morning                 | 2025-03-17 | true",
            "since the early morning hours       | 2025-03-17 | true",
            "since daybreak                      | 2025-03-17 | true",
            "over the past week                  | 2025-03-10 | true",
            "in the past 24 hours                | 2025-03-16 | true",
            "during the last three days          | 2025-03-14 | true",
            "within the previous two weeks       | 2025-03-03 | true",
            "in recent days                      | 2025-03-14 | true",
            "during its patrols this week        | 2025-03-17 | true",
            "on 12 March                         | 2025-03-12 | false"})
    void readsSpansUntilPublication(String text, LocalDate first, boolean open) {
        List<DateSpan> dates = TimeExpressions.dates(text, PUBLISHED);
        assertThat(dates).hasSize(1);
        assertThat(dates.get(0).first()).isEqualTo(first);
        assertThat(dates.get(0).open()).isEqualTo(open);
        assertThat(dates.get(0).last()).isEqualTo(open ? PUBLISHED : first);
    }

    /** "last week" (published on Monday 17 March 2025) is the whole week before: 10 to 16 March, not open. */
    @org.junit.jupiter.api.Test
    void lastWeekIsTheWholeWeekBefore() {
        DateSpan week = TimeExpressions.dates("patrols last week observed nothing", PUBLISHED).get(0);
        assertThat(week.first()).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(week.last()).isEqualTo(LocalDate.of(2025, 3, 16));
        assertThat(week.open()).isFalse();
    }

    /**
     * A monthly report's heading without a year (published 17 March 2025), or a sentence opened by a month and a comma:
     * the latest such month begun by then.
     */
    @org.junit.jupiter.api.Test
    void aMonthlyReportsMonthIsTheWholeMonthBeforePublication() {
        DateSpan february = TimeExpressions.dates("Monthly report, February. Patrols saw nothing.", PUBLISHED).get(0);
        assertThat(february.first()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(february.last()).isEqualTo(LocalDate.of(2025, 2, 28));
        DateSpan june = TimeExpressions.dates("monthly summary for June", PUBLISHED).get(0);
        assertThat(june.first()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(june.last()).isEqualTo(LocalDate.of(2024, 6, 30));
        // a sentence opened by a month and a comma is read the same: "In February, …", "… Throughout June, …"
        DateSpan opened = TimeExpressions.dates("In February, the Mission conducted 200 patrols.", PUBLISHED).get(0);
        assertThat(List.of(opened.first(), opened.last())).containsExactly(february.first(), february.last());
        assertThat(TimeExpressions.dates("Calm returned. Throughout June, no incidents were seen.", PUBLISHED).get(0)
                .first()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(TimeExpressions.dates("the talks held in May and June", PUBLISHED)).isEmpty();
    }

    /**
     * A yearless run of days announced in its sentence that has begun by the day after publication is this year's
     * ("will be held from 17 to 21 March" published on 17 March 2025), not last year's because its end lies ahead; a
     * run that begins later is a plan, no date of an event at all, and one told in the past ("from 17 to 19 March"
     * above) still takes its last day's year.
     */
    @org.junit.jupiter.api.Test
    void aRunUnderWayAtPublicationIsThisYears() {
        DateSpan run = TimeExpressions.dates("exercises will be held from 17 to 21 March", PUBLISHED).get(0);
        assertThat(run.first()).isEqualTo(LocalDate.of(2025, 3, 17));
        assertThat(run.last()).isEqualTo(LocalDate.of(2025, 3, 21));
        DateSpan tomorrow = TimeExpressions.dates("drills are scheduled from 18 to 20 March", PUBLISHED).get(0);
        assertThat(tomorrow.first()).isEqualTo(LocalDate.of(2025, 3, 18));
        assertThat(TimeExpressions.dates("drills will be held from 20 to 24 March", PUBLISHED)).isEmpty();
        DateSpan toldLater = TimeExpressions.dates("drills were held from 20 to 24 March", PUBLISHED).get(0);
        assertThat(toldLater.first()).isEqualTo(LocalDate.of(2024, 3, 20));
        assertThat(toldLater.last()).isEqualTo(LocalDate.of(2024, 3, 24));
    }

    /**
     * Days announced ahead of publication are a plan: with or without a year, a run or a single day, they are no
     * event date ("drills will be held on 30 March" published on 17 March 2025), and nothing else reads them again
     * (the month of "20 to 24 March 2025" is no whole-month date). A yearless day more than a quarter ahead in the
     * publication's year is last year's even in a sentence with "will" (a promised answer to an old shelling).
     */
    @org.junit.jupiter.api.Test
    void daysAnnouncedAheadAreNoEventDate() {
        assertThat(TimeExpressions.dates("drills will be held on 30 March", PUBLISHED)).isEmpty();
        assertThat(TimeExpressions.dates("exercises are planned from 20 to 24 March 2025", PUBLISHED)).isEmpty();
        assertThat(TimeExpressions.dates("exercises are planned on 2 June 2026", PUBLISHED)).isEmpty();
        DateSpan old = TimeExpressions.dates("we will answer the shelling of 27 December", PUBLISHED).get(0);
        assertThat(old.first()).isEqualTo(LocalDate.of(2024, 12, 27));
        List<DateSpan> beside = TimeExpressions.dates("On 12 March units fired. Drills will be held on 30 March.",
                PUBLISHED);
        assertThat(beside).hasSize(1);
        assertThat(beside.get(0).first()).isEqualTo(LocalDate.of(2025, 3, 12));
    }

    @org.junit.jupiter.api.Test
    void theLastWeekOfAMonthIsNoSpanBeforePublication() {
        assertThat(TimeExpressions.dates("in the last week of July", PUBLISHED)).isEmpty();
        // a part of the day with no "since", or with a day of its own after it, opens no span of the publication day
        assertThat(TimeExpressions.dates("in the early hours units fired", PUBLISHED)).isEmpty();
        assertThat(TimeExpressions.dates("at dawn units fired", PUBLISHED)).isEmpty();
        assertThat(TimeExpressions.dates("no shots were heard since the morning briefing", PUBLISHED)).isEmpty();
        assertThat(TimeExpressions.dates("the provocation of the previous day", PUBLISHED)).isEmpty();
        // the eve of something is no day, nor an anniversary "two years ago today" a day two days back
        assertThat(TimeExpressions.dates("on the eve of the talks", PUBLISHED)).isEmpty();
        assertThat(TimeExpressions.dates("two days ago today", PUBLISHED)).allMatch(d -> !d.first().equals(PUBLISHED.minusDays(2)));
        // a whole month stays a whole month when it opens a span ("since May 2024" is background beside a day)
        DateSpan since = TimeExpressions.dates("since May 2024", PUBLISHED).get(0);
        assertThat(since.open()).isTrue();
        assertThat(since.wholeMonth()).isTrue();
        assertThat(since.last()).isEqualTo(PUBLISHED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "at 09:35                  | 09:35 |       | false",
            "at about 15:40            | 15:40 |       | false",
            "from 22:40 to 23:10       | 22:40 | 23:10 | false",
            "between 01:10 and 01:45   | 01:10 | 01:45 | false",
            "from 23:30 to 00:15       | 23:30 | 00:15 | false",
            "From 00:05 on 13 September | 00:05 |       | true",
            "saat 22:10-dan 22:45-dək   | 22:10 | 22:45 | false",
            "around midnight           | 00:00 |       | false",
            "at noon                   | 12:00 |       | false",
            "at around a quarter to midnight | 23:45 |   | false",
            "at half past noon         | 12:30 |       | false",
            "at five minutes past midnight | 00:05 |   | false",
            "at about ten to midnight  | 23:50 |       | false",
            "at twenty minutes past noon | 12:20 |     | false",
            "between 9 and 10 p.m.     | 21:00 | 22:00 | false",
            "from 11 to 1 p.m.         | 11:00 | 13:00 | false",
            "from 11:30 p.m. to 1 a.m. | 23:30 | 01:00 | false",
            "from 11:40 p.m. on 24 March to 0:20 a.m. on 25 March | 23:40 | 00:20 | false",
            "between 11:50 p.m. on Friday and 12:30 a.m. | 23:50 | 00:30 | false",
            "at 0:15 a.m.              | 00:15 |       | false",
            "From about 3:20 p.m. today | 15:20 |      | true",
            "since 4 p.m.              | 16:00 |       | true",
            "at about 3:20 p.m. today  | 15:20 |       | false",
            "at 2210 hrs on 11 August  | 22:10 |       | false",
            "at 0545 hours             | 05:45 |       | false",
            "at around 23:45. The post was under fire for about twenty minutes | 23:45 | 00:05 | false",
            "at 14:10 fire was opened for an hour | 14:10 | 15:10 | false",
            "at 09:30 and for 2 hours  | 09:30 | 11:30 | false",
            // a clock told in words: minutes in words, a part that names its day, a range with its part before it
            "at twenty to six in the morning | 05:40 |  | false",
            "at about ten past three in the afternoon | 15:10 |  | false",
            "at five to nine in the evening | 20:55 |  | false",
            "at twenty-five past eleven at night | 23:25 |  | false",
            "at about half past one this morning | 01:30 |  | false",
            "at a quarter past eight yesterday evening | 20:15 |  | false",
            "at around eleven o'clock last night | 23:00 |  | false",
            "last night, from a quarter to eleven until eleven o'clock | 22:45 | 23:00 | false",
            "from half past ten to eleven in the evening | 22:30 | 23:00 | false",
            "this morning, between five and a quarter past six | 05:00 | 06:15 | false"})
    void readsClockTimes(String text, LocalTime from, LocalTime to, boolean open) {
        List<ClockSpan> clocks = TimeExpressions.clocks(text);
        assertThat(clocks).hasSize(1);
        assertThat(clocks.get(0).from()).isEqualTo(from);
        assertThat(clocks.get(0).to()).isEqualTo(to);
        assertThat(clocks.get(0).openEnded()).isEqualTo(open);
    }

    /** Numbers in words that are no clock: no part of the day says which half, or they count something. */
    @ParameterizedTest
    @CsvSource({"'from ten to eleven soldiers were wounded'", "'twenty to thirty shells fell'",
            "'at ten past the checkpoint'", "'about twenty to six rounds this morning'",
            "'in 1830 GMT was not yet used'", "'at 1830 the post fell'"})
    void numbersInWordsThatAreNoClock(String text) {
        assertThat(TimeExpressions.clocks(text)).isEmpty();
    }

    /**
     * A clock in another named zone is moved into the sources' UTC+4, over midnight too (the last column: the days it
     * crossed, blank for none).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "stopped at 18:30 Moscow time                 | 19:30 | |",
            "at 14:10 (Moscow time)                       | 15:10 | |",
            "at 15:30 GMT                                 | 19:30 | |",
            "between 12:05 and 12:40 UTC                  | 16:05 | 16:40 |",
            "at 1830 GMT on Thursday                      | 22:30 | |",
            "around 0915 UTC                              | 13:15 | |",
            "at 1745 Moscow time                          | 18:45 | |",
            "at 21:15 Baku time                           | 21:15 | |",
            "at 18:30 in Moscow                           | 18:30 | |",
            "at 23:40 Moscow time                         | 00:40 |       | 1",
            "at 22:30 GMT on 5 June                       | 02:30 |       | 1",
            "from 22:30 to 23:30 Moscow time              | 23:30 | 00:30 |",
            "between 21:10 and 22:50 UTC                  | 01:10 | 02:50 | 1",
            "at 00:20 GMT                                 | 04:20 |       |",
            "с 18:30 по московскому времени               | 19:30 | |",
            "в 09:10 мск                                  | 10:10 | |",
            "в 15:00 по Гринвичу                          | 19:00 | |",
            "в 21:15 по бакинскому времени                | 21:15 | |",
            "в 21:15 по местному времени                  | 21:15 | |"})
    void movesAClockOfANamedZoneIntoTheSourcesZone(String text, LocalTime from, LocalTime to, Integer days) {
        List<ClockSpan> clocks = TimeExpressions.clocks(text, ZoneOffset.ofHours(4));
        assertThat(clocks).hasSize(1);
        assertThat(clocks.get(0).from()).isEqualTo(from);
        assertThat(clocks.get(0).to()).isEqualTo(to);
        assertThat(clocks.get(0).dayShift()).isEqualTo(days == null ? 0 : days);
    }

    @ParameterizedTest
    @CsvSource({"'the may be true'", "'in 2024 there were 12 incidents'", "'calibre 5.45'",
            "'the night before last year'", "'at 20.03 units fired'", "'from a distance of 12.5 km'",
            "'from 20.03 to 20.15'"})
    void doesNotMistakeOtherNumbersForDates(String text) {
        assertThat(TimeExpressions.dates(text, PUBLISHED)).isEmpty();
    }

    /** A part of the day is a window of hours; "-" for none (not a time: "the early morning briefing", "in the hours"). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "units fired this morning                     | 06:00 | 12:00",
            "at dawn on 11 April                          | 04:00 | 09:00",
            "at dusk                                      | 18:00 | 21:00",
            "in the late morning of 11 April              | 10:00 | 12:00",
            "early in the morning                         | 04:00 | 09:00",
            "on the evening of 11 April                   | 18:00 | 23:59:59",
            "late in the evening                          | 21:00 | 23:59:59",
            "in the afternoon                             | 12:00 | 18:00",
            "on Sunday afternoon                          | 12:00 | 18:00",
            "in the late afternoon                        | 15:00 | 18:00",
            "in the early hours of 8 January              | 00:00 | 06:00",
            "at night                                     | 22:00 | 06:00",
            "overnight                                    | 22:00 | 06:00",
            "the night before last                        | 22:00 | 06:00",
            "on the night of 16 to 17 March               | 22:00 | 06:00",
            // the Russian night of two days is the same window as the English one
            "в ночь с 13 на 14 сентября                   | 22:00 | 06:00",
            "В ночь на 3 июля                             | 22:00 | 06:00",
            "в ночном режиме                              | -     | -",
            // a range of two parts: the first one's start to the second one's end, as one window
            "from the morning until the evening           | 06:00 | 23:59:59",
            "from morning to evening                      | 06:00 | 23:59:59",
            "between the afternoon and the late evening   | 12:00 | 23:59:59",
            "from early morning till late afternoon       | 04:00 | 18:00",
            "from the afternoon until late at night       | 12:00 | 06:00",
            "from the evening until the morning           | 18:00 | 12:00",
            "from morning till night                      | 06:00 | 23:59:59",
            "before dawn                                  | 00:00 | 08:00",
            "in the middle of the night                   | 23:00 | 04:00",
            "mid-morning                                  | 09:00 | 11:00",
            "late at night                                | 22:00 | 06:00",
            "the early morning briefing                   | -     | -",
            "in the hours that followed                   | -     | -",
            "during an evening patrol near Yeraskh        | 18:00 | 23:59:59",
            "on a late night patrol                       | 22:00 | 06:00",
            "an evening reception in the capital          | -     | -",
            "the evening news                             | -     | -"})
    void partsOfTheDayAreWindowsOfHours(String text, String from, String to) {
        List<ClockSpan> parts = TimeExpressions.partsOfDay(text);
        if (from.equals("-")) {
            assertThat(parts).isEmpty();
            return;
        }
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).from()).isEqualTo(LocalTime.parse(from));
        assertThat(parts.get(0).to()).isEqualTo(LocalTime.parse(to));
        assertThat(parts.get(0).partOfDay()).isTrue();
        assertThat(parts.get(0).hourOnly()).isTrue();
    }

    /**
     * The one table of windows ({@link DayPart}), row by row: a bound moved here is a decision, and the README's
     * "Parts of the day" table says the same.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "EARLY_HOURS         | 00:00 | 06:00    | false",
            "BEFORE_DAWN         | 00:00 | 08:00    | false",
            "DAWN                | 04:00 | 09:00    | false",
            "EARLY_MORNING       | 04:00 | 09:00    | false",
            "MORNING             | 06:00 | 12:00    | false",
            "MID_MORNING         | 09:00 | 11:00    | false",
            "LATE_MORNING        | 10:00 | 12:00    | false",
            "EARLY_AFTERNOON     | 12:00 | 15:00    | false",
            "AFTERNOON           | 12:00 | 18:00    | false",
            "MID_AFTERNOON       | 14:00 | 16:00    | false",
            "LATE_AFTERNOON      | 15:00 | 18:00    | false",
            "DUSK                | 18:00 | 21:00    | false",
            "EARLY_EVENING       | 18:00 | 21:00    | false",
            "EVENING             | 18:00 | 23:59:59 | false",
            "LATE_EVENING        | 21:00 | 23:59:59 | false",
            "AFTER_DARK          | 18:00 | 06:00    | true",
            "NIGHT               | 22:00 | 06:00    | true",
            "MIDDLE_OF_THE_NIGHT | 23:00 | 04:00    | true"})
    void theTableOfPartsOfTheDay(DayPart part, LocalTime from, LocalTime to, boolean overMidnight) {
        assertThat(part.from()).isEqualTo(from);
        assertThat(part.to()).isEqualTo(to);
        assertThat(part.overMidnight()).isEqualTo(overMidnight);
    }

    @org.junit.jupiter.api.Test
    void everyRowOfTheTableIsPinned() {
        assertThat(DayPart.values()).hasSize(18); // a new row needs its line in theTableOfPartsOfTheDay and the README
    }

    /**
     * Each phrase, and its part of the day, reads as that row of the table: the phrases that had no window (the whole
     * day) until the table was made, and the ones that had one, in the words statements use.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "units fired before dawn                          | BEFORE_DAWN",
            "shortly before daybreak the post came under fire | BEFORE_DAWN",
            "just before sunrise                              | BEFORE_DAWN",
            "in a pre-dawn attack                             | BEFORE_DAWN",
            "in the predawn hours of 14 May                   | BEFORE_DAWN",
            "at dawn                                          | DAWN",
            "at the crack of dawn                             | DAWN",
            "shortly after daybreak                           | DAWN",
            "at first light                                   | DAWN",
            "around sunrise                                   | DAWN",
            "towards morning                                  | DAWN",
            "early in the morning                             | EARLY_MORNING",
            "in an early-morning raid                         | EARLY_MORNING",
            "early on Tuesday morning                         | EARLY_MORNING",
            "mid-morning                                      | MID_MORNING",
            "in the mid-morning of 3 May                      | MID_MORNING",
            "at midmorning                                    | MID_MORNING",
            "in the mid-afternoon                             | MID_AFTERNOON",
            "midafternoon on Sunday                           | MID_AFTERNOON",
            "at nightfall                                     | DUSK",
            "around sunset                                    | DUSK",
            "shortly before dusk                              | DUSK",
            "towards evening                                  | DUSK",
            "early in the evening                             | EARLY_EVENING",
            "in the late evening                              | LATE_EVENING",
            "late in the evening of 2 May                     | LATE_EVENING",
            "after dark                                       | AFTER_DARK",
            "well after nightfall                             | AFTER_DARK",
            "late at night                                    | NIGHT",
            "a late-night attack                              | NIGHT",
            "during the night                                 | NIGHT",
            "in the middle of the night                       | MIDDLE_OF_THE_NIGHT",
            "in the dead of night                             | MIDDLE_OF_THE_NIGHT",
            "at dead of night                                 | MIDDLE_OF_THE_NIGHT",
            "in the early hours of Sunday                     | EARLY_HOURS",
            "in the small hours                               | EARLY_HOURS",
            "in the wee hours                                 | EARLY_HOURS"})
    void phrasesReadAsTheirRow(String text, DayPart row) {
        List<ClockSpan> parts = TimeExpressions.partsOfDay(text);
        assertThat(parts).as(text).hasSize(1);
        assertThat(parts.get(0).from()).isEqualTo(row.from());
        assertThat(parts.get(0).to()).isEqualTo(row.to());
        assertThat(parts.get(0).partOfDay()).isTrue();
    }

    /** Words of the table's phrases that name no time of an event. */
    @ParameterizedTest
    @CsvSource({"'the dawn of a new era'", "'Operation Dawn'", "'a sunset clause'", "'it was dark'",
            "'the night shift'", "'in the hours that followed'"})
    void wordsThatAreNoPartOfTheDay(String text) {
        assertThat(TimeExpressions.partsOfDay(text)).isEmpty();
    }
}
