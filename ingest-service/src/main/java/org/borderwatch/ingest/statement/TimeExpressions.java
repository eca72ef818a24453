package org.borderwatch.ingest.statement;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and clock times as statements write them. Dates: "11 June", "16 and 17 March", "the night of 16 to 17
 * March", "overnight on 12-13 September", "the night into 14 September" / "в ночь на 14 сентября" (13th to 14th),
 * "March 16, 2025", "16.03.2025", "2025-03-16", a whole month ("April 2024"), month names in English, Russian, Azerbaijani and Armenian, and
 * relative days: "yesterday", "the day before yesterday", "on the eve" (the day before; not "on the eve of …"),
 * "two days ago", "today" (not in "two years ago today": an anniversary),
 * "this evening", "last night", "overnight", "on Tuesday" (the latest Tuesday not after publication), "on the night
 * from Tuesday to Wednesday" (both days, the latest such night), and their Russian, Azerbaijani and Armenian words. A date
 * without a year is the latest such date not after the day after publication. Times: "at 09:35", "around midnight", "at noon" (an hour), "from 22:40 to
 * 23:10", "between 01:10 and 01:45", "22:10-dan 22:45-dək", "from 00:05" / "since 00:05" (open ended), "shortly after
 * 22:00" (the hour after it; "shortly before" the hour before). Spans that
 * run until publication: "since 15 June", "since Monday" (from that day), "over the past week", "in the past 24
 * hours", "during the last three days" (from that long before publication).
 */
public final class TimeExpressions {

    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        String[][] names = {
                {"january", "jan", "января", "январь", "yanvar", "yanvarın", "հունվարի"},
                {"february", "feb", "февраля", "февраль", "fevral", "fevralın", "փետրվարի"},
                {"march", "mar", "марта", "март", "mart", "martın", "մարտի"},
                {"april", "apr", "апреля", "апрель", "aprel", "aprelin", "ապրիլի"},
                {"may", "мая", "май", "mayın", "մայիսի"},
                {"june", "jun", "июня", "июнь", "iyun", "iyunun", "հունիսի"},
                {"july", "jul", "июля", "июль", "iyul", "iyulun", "հուլիսի"},
                {"august", "aug", "августа", "август", "avqust", "avqustun", "օգոստոսի"},
                {"september", "sep", "sept", "сентября", "сентябрь", "sentyabr", "sentyabrın", "սեպտեմբերի"},
                {"october", "oct", "октября", "октябрь", "oktyabr", "oktyabrın", "հոկտեմբերի"},
                {"november", "nov", "ноября", "ноябрь", "noyabr", "noyabrın", "նոյեմբերի"},
                {"december", "dec", "декабря", "декабрь", "dekabr", "dekabrın", "դեկտեմբերի"}};
        for (int m = 0; m < names.length; m++) {
            for (String n : names[m]) {
                MONTHS.put(n, m + 1);
            }
        }
    }

    private static final String MONTH = "(?<month>" + String.join("|", MONTHS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList()) + ")\\.?";
    private static final String ORD = "(?:st|nd|rd|th)?";
    private static final String NIGHT = "(?<nightTo>(?:(?:the\\s+)?night|overnight)\\s+(?:to|into)\\s+(?:the\\s+)?|ночь\\s+на\\s+)?(?<night>(?:the\\s+)?night\\s+(?:of|from)\\s+|overnight\\s+(?:on|of|from)\\s+"
            + "(?:the\\s+)?|ночь\\s+с\\s+)?";
    private static final String JOIN = "\\s*(?:to|and|-|–|through|until|на|по|и|və)\\s*";

    // "on 22, 23 and 24 May": a list of days before the last two is one run from the first
    private static final Pattern DAY_FIRST = Alternations.compile(NIGHT + "\\b(?:(?<![:.\\d])(?<d0>[0-3]?\\d)" + ORD
            + "\\s*,\\s*(?:[0-3]?\\d" + ORD + "\\s*,\\s*)*)?(?<d1>[0-3]?\\d)" + ORD
            + "(?:" + JOIN + "(?<d2>[0-3]?\\d)" + ORD + ")?\\s+(?:of\\s+)?" + MONTH
            + "(?:,?\\s+(?<year>(?:19|20)\\d\\d))?(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTH_FIRST = Alternations.compile(NIGHT + "\\b" + MONTH + "\\s+(?<d1>[0-3]?\\d)" + ORD
            + "(?:" + JOIN + "(?<d2>[0-3]?\\d)" + ORD + ")?(?:,?\\s+(?<year>(?:19|20)\\d\\d))?\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * "April 2024", "in May 2024": a whole month (a month name with a year and no day). Found from the year back to the
     * word before it, which is much cheaper than another scan with every month name.
     */
    private static final Pattern YEAR = Alternations.compile("\\b(?:19|20)\\d\\d\\b");
    private static final Pattern WORD_BEFORE = Alternations.compile("(\\p{L}+)\\.?,?\\s+$");
    /**
     * "14.05.2024", "14/05/2024" (day first), "2024-05-14"; and the US order "03/24/2025" when only it makes a date
     * (the second number above 12, the first not): an ambiguous "03/04/2025" stays day first.
     */
    private static final Pattern NUMERIC = Alternations.compile(
            "\\b(?<d1>[0-3]?\\d)[./](?<m>[0-3]?\\d)[./](?<year>(?:19|20)\\d\\d)\\b|\\b(?<iy>(?:19|20)\\d\\d)-(?<im>[01]\\d)-(?<id>[0-3]\\d)\\b");
    /**
     * A day and month with a point and no year, as the channels write them: "on 20.03", "20.03, 21:40", "20.03 at
     * 21:40" — only after "on" or before a clock (alone "20.03" may be a clock itself: "at 20.03"), and not after a
     * word that introduces a clock ("at / from / to / around …"). The year is the latest such day not after the day
     * after publication, as for "20 March".
     */
    private static final Pattern DAY_POINT_MONTH = Alternations.compile("(?<![\\d.:/])(?<!\\b(?:at|from|to|until|till|"
            + "around|about|since|by|before|after)\\s{1,3})(?:(?<=\\bon\\s{1,3})|(?=[0-3]?\\d\\.[01]?\\d\\s*,?\\s*(?:at\\s+)?"
            + "(?:[01]?\\d|2[0-3])[:.][0-5]\\d(?!\\d)))(?<d>[0-3]?\\d)\\.(?<m>[01]?\\d)(?![\\d]|[.:/]\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final String WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    private static final Pattern RELATIVE = Alternations.compile(
            // "on the night from Tuesday to Wednesday": both days, the night between them
            "\\b(?:on\\s+)?(?:the\\s+night\\s+(?:of|from)|overnight\\s+(?:from|on))\\s+(?<fromDay>" + WEEKDAY + ")"
                    + "\\s+(?:to|into|and|-|–)\\s+(?<toDay>" + WEEKDAY + ")\\b|"
                    // "overnight into Tuesday", "on the night to Tuesday": the night that ended on that day
                    + "\\b(?:overnight|(?:on\\s+)?the\\s+night)\\s+(?:to|into)\\s+(?<intoDay>" + WEEKDAY + ")\\b|"
                    // "two years ago today": an anniversary, not the publication day (the date follows)
                    // "the night before last": the night that ended the day before publication
                    + "(?<rel>\\b(?:the\\s+)?night\\s+before\\s+last\\b(?!\\s+(?:year|week|month|time|round|meeting)\\b|['’])|"
                    + "\\b(?:the\\s+)?day\\s+before\\s+yesterday\\b|\\blast\\s+night\\b|"
                    // "on the eve" alone is the day before (not "on the eve of the talks"); "two days ago" that many back
                    + "\\b(?:on\\s+)?the\\s+eve\\b(?!\\s+of\\b)|"
                    + "\\b(?:one|two|three|four|five|six|[1-6])\\s+days?\\s+ago\\b(?!\\s+today)|"
                    // "said on Saturday that … had struck … the previous night": "last night" in reported speech
                    + "\\bthe\\s+(?:previous|preceding)\\s+night\\b|\\byesterday\\b|"
                    + "(?<!\\bago\\s{1,3})\\btoday\\b|"
                    + "\\bthis\\s+(?:morning|afternoon|evening)\\b|\\btonight\\b|"
                    // not "overnight on Monday", "Monday overnight": that weekday's night (the weekday and the part of the day)
                    + "(?<!day\\s)\\bovernight\\b(?!\\s+(?:(?:on|of|from|into|to)\\s+)?(?:the\\s+)?(?:\\d|(?:" + WEEKDAY + ")\\b))|"
                    + "позавчера|вчера|сегодня|прошлой\\s+ночью|этой\\s+ночью|\\bdünən\\b|\\bbu\\s+gün\\b|"
                    + "երեկ|այսօր)"
                    + "|\\b(?:on\\s+|last\\s+)?(?<weekday>" + WEEKDAY + ")\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * "over the weekend", "at the weekend", "this weekend", "last weekend", "on Saturday and Sunday" aside: the latest
     * Saturday and Sunday begun by the reference day (a weekend under way ends at the reference day).
     */
    private static final Pattern WEEKEND = Alternations.compile("\\b(?:(?:over|during|at|on|throughout)\\s+the|this|(?<last>last|the\\s+past))"
            + "\\s+weekend\\b(?!['’]s)", Pattern.CASE_INSENSITIVE);

    /** "this week" (Monday to publication, open), "earlier this week", "last week" (the week before, Monday to Sunday). */
    private static final Pattern WEEK = Alternations.compile("\\b(?:this|the\\s+current|(?<last>last|the\\s+past))\\s+week\\b"
            + "(?!\\s+of\\b|['’]s)", Pattern.CASE_INSENSITIVE);

    /**
     * A military clock: "at 2210 hrs", "at 0540 hours", "2210 hrs", and a wire report's "at 1830 GMT" (four digits with
     * a named zone after them; the zone is read by {@link #clocks(String, ZoneOffset)}).
     */
    private static final Pattern MILITARY_CLOCK = Alternations.compile("\\b(?:(?:at|around|about|from|since|until|till|to)\\s+"
            + "(?:about\\s+|around\\s+)?)?(?<h>[01]\\d|2[0-3])(?<m>[0-5]\\d)\\s*(?:hrs|hours|h)\\b"
            + "|\\b(?:at|around|about|from|since|until|till|to)\\s+(?:about\\s+|around\\s+)?(?<zh>[01]\\d|2[0-3])(?<zm>[0-5]\\d)"
            + "(?=\\s*\\(?\\s*(?:GMT|UTC|Moscow\\s+time|MSK)\\b)", Pattern.CASE_INSENSITIVE);

    private static final String CLOCK = "([01]?\\d|2[0-3]):([0-5]\\d)";
    private static final Pattern CLOCK_RANGE = Alternations.compile(
            "(?<open>\\b(?:from|between|since|с)\\s+(?:about\\s+|around\\s+|approximately\\s+)?)?" + CLOCK
                    + "(?:(?:\\s+on\\s+[\\p{L}\\d.]+(?:\\s+[\\p{L}\\d.]+)?)?"
                    + "\\s*(?:to|and|till|until|-|–|до|-?(?:dan|dən|den|ից)\\s)\\s*(?:about\\s+|around\\s+)?" + CLOCK + ")?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private TimeExpressions() {
    }

    /**
     * A date or a run of dates found in a text. {@code night}: "the night of A to B"; {@code open}: it runs on until
     * publication ("since 15 June", "over the past week": {@code last} is the publication day); {@code wholeMonth}: a
     * whole calendar month ("April 2024", also "since April 2024"), less specific than a day beside it.
     */
    public record DateSpan(LocalDate first, LocalDate last, boolean night, int start, int end, boolean open,
                           boolean wholeMonth) {
        public DateSpan(LocalDate first, LocalDate last, boolean night, int start, int end) {
            this(first, last, night, start, end, false, !night && first.getDayOfMonth() == 1
                    && last.equals(first.withDayOfMonth(first.lengthOfMonth())));
        }

        /** This span run on until the publication day (never ending before its own last day). */
        DateSpan untilPublication(LocalDate reference) {
            return new DateSpan(first, last.isAfter(reference) ? last : reference, night, start, end, true, wholeMonth);
        }
    }

    /**
     * "since 15 June", "ever since the morning of 3 May", "since Monday", "starting from 2 May": the date opens a span
     * that runs until publication, like "since 03:40".
     */
    private static final Pattern SINCE_BEFORE = Alternations.compile("\\b(?:(?:ever\\s+)?since|starting\\s+(?:from|on))\\s+"
            + "(?:(?:early|late)\\s+(?:on\\s+)?)?(?:the\\s+(?:(?:(?:early|late)\\s+)?(?:morning|afternoon|evening|night)"
            // "since the early hours of 21 May", "since the small hours of Friday": that day's open span (`h35-19`)
            + "|(?:early|small|wee)\\s+hours)\\s+of\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    /**
     * "since the early hours", "since early morning", "since dawn", "since daybreak" with no day of their own (no "of
     * …" or "on …" after them): an open span from the publication day, as "since this morning" is — the part of the
     * day keeps the day (`DAY`, from its start until publication), as in "since the morning of 3 May" (`h85-25`).
     */
    private static final Pattern SINCE_PART = Alternations.compile("\\b(?:ever\\s+)?since\\s+(?<part>(?:the\\s+)?"
            + "(?:(?:early|small|wee)\\s+hours|(?:early\\s+)?morning(?:\\s+hours)?|dawn|daybreak|first\\s+light|sunrise))\\b"
            // not "since the morning briefing": a statement's time, no part of the day
            + "(?!\\s+(?:of|on|briefings?|statements?|reports?|updates?|sessions?|meetings?|news|prayers?)\\b|['’])",
            Pattern.CASE_INSENSITIVE);
    /**
     * "over the past week", "in the past 24 hours", "during the last three days", "within the previous two weeks",
     * "in recent days" (after a preposition: "the previous day" alone is a day before another): a span ending at publication that starts that long before it (whole days; "a few" / "several"
     * / "recent" days as three, hours rounded up to days).
     */
    private static final Pattern PAST = Alternations.compile("\\b(?:over|in|during|within|for|throughout)\\s+"
            + "(?:the\\s+(?:past|last|previous|preceding)\\s+(?:(?<n>\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|"
            + "ten|eleven|twelve|fourteen|twenty|thirty|forty|forty-eight|seventy-two|a\\s+few|few|several|couple\\s+of)\\s+)?"
            + "|recent\\s+)(?<unit>hours?|days?|weeks?|months?|24\\s+hours)\\b(?!\\s+of\\b)",
            Pattern.CASE_INSENSITIVE);

    /**
     * A clock time or range; {@code to} is null for a single time; {@code openEnded} for "from 00:05";
     * {@code hourOnly} for "at 3 a.m." (no minutes given); {@code dayShift} the days a clock of another named zone
     * moved over midnight into the sources' zone ("on 3 May at 23:40 Moscow time" is 00:40 the next day: +1).
     */
    public record ClockSpan(LocalTime from, LocalTime to, boolean openEnded, boolean hourOnly, int start, int end,
                            boolean partOfDay, int dayShift) {
        public ClockSpan(LocalTime from, LocalTime to, boolean openEnded, boolean hourOnly, int start, int end,
                         boolean partOfDay) {
            this(from, to, openEnded, hourOnly, start, end, partOfDay, 0);
        }

        public ClockSpan(LocalTime from, LocalTime to, boolean openEnded, boolean hourOnly, int start, int end) {
            this(from, to, openEnded, hourOnly, start, end, false);
        }
    }

    /** The last second of a day: where the evening's window ends (a day's interval ends there too). */
    static final LocalTime LAST_SECOND = DayPart.LAST_SECOND;

    /**
     * A part of the day named without a clock, in the grammar's word orders: "this morning", "in the late morning",
     * "on the evening of 11 April", "in the afternoon", "in the early hours", "at night", "overnight", "Sunday evening",
     * "early-morning", "late-night", "during an evening patrol". Each is a row of {@link DayPart} (see {@link #partsOfDay}); the fixed phrases
     * ("at dawn", "before dawn", "in the middle of the night" …) are the table's own ({@link DayPart#fixedPhrases()}).
     */
    private static final Pattern PART_OF_DAY = Alternations.compile(
            // "late on Monday afternoon", "early Tuesday morning", "late yesterday afternoon": the qualifier before the day
            "\\b(?:(?:early|late)\\s+(?:on\\s+)?(?=(?:" + WEEKDAY + "|yesterday|this)\\b))?"
                    + "(?:(?:in|on|during|throughout)\\s+the|this|yesterday|early\\s+in\\s+the|late\\s+in\\s+the|"
                    // a patrol or visit named for its part of the day: "during an evening patrol", "on a night patrol"
                    + "(?:in|on|during)\\s+(?:an?|its|their|our)(?=\\s+(?:early\\s+|late\\s+)?(?:morning|afternoon|evening|night)"
                    + "\\s+(?:patrols?|visits?|watch)\\b)|"
                    + WEEKDAY + ")\\s+(?<q>early\\s+|late\\s+|small\\s+|wee\\s+)?(?<p>morning|afternoon|evening|night|hours)\\b"
                    + "|\\b(?<q2>early|late)[\\s-]+(?<p2>morning|afternoon|evening|night)\\b(?!\\s+(?:briefing|statement|update|report|news|press))"
                    + "|\\b(?<night>at\\s+night|overnight|last\\s+night|(?:the\\s+)?night\\s+before\\s+last(?!\\s+(?:year|week|month|time|round|meeting)\\b|['’])|the\\s+(?:previous|preceding)\\s+night|tonight|the\\s+night\\s+(?:of|from|to|into))\\b"
                    // the Russian night of two days, "в ночь с 13 на 14 сентября", "в ночь на 14 сентября": the same window
                    + "|(?<![\\p{L}])(?<ruNight>[вВ]\\s+ночь\\s+(?:с|на))(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE);

    /** The fixed phrases of {@link DayPart}: "before dawn", "at dusk", "mid-morning", "in the dead of night" … */
    private static final Pattern FIXED_PART = DayPart.fixedPhrases();

    /**
     * A range of two parts of the day: "from the morning until the evening", "from morning to night", "between the
     * afternoon and late evening", "from early morning until late at night". The window runs from the first part's
     * start to the second's end (over midnight when the second ends earlier: "from the evening until the morning").
     */
    private static final Pattern PART_RANGE = Alternations.compile(
            "\\b(?:from|between)\\s+(?:the\\s+)?(?<q1>early\\s+|late\\s+)?(?<p1>morning|afternoon|evening|night)\\s+"
                    + "(?:until|till|til|to|and|through|into)\\s+(?:the\\s+)?(?:(?<q2>early|late)\\s+)?"
                    + "(?:(?<p2>morning|afternoon|evening|night)|at\\s+night)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * Every part of the day the text names, as a window of hours (precision {@code HOUR}) from the one table
     * {@link DayPart}: a range of two parts first, then the table's fixed phrases, then the grammar's parts (a match
     * inside an earlier one is skipped). "Hours" counts only as "the early / small / wee hours". A clock in the text
     * wins over these (the extractor uses them only when it finds none).
     */
    public static List<ClockSpan> partsOfDay(String text) {
        List<ClockSpan> out = new ArrayList<>();
        Matcher r = PART_RANGE.matcher(text);
        while (r.find()) { // "from the morning until the evening": the first part's start to the second's end
            DayPart first = DayPart.of(r.group("p1"), r.group("q1"));
            DayPart last = DayPart.of(r.group("p2") != null ? r.group("p2") : "night", r.group("q2"));
            LocalTime to = last.to().equals(first.from()) ? LAST_SECOND : last.to(); // "from morning till night": to midnight
            out.add(new ClockSpan(first.from(), to, false, true, r.start(), r.end(), true));
        }
        Matcher f = FIXED_PART.matcher(text);
        while (f.find()) {
            if (!inside(out, f.start())) {
                out.add(window(DayPart.matched(f), f.start(), f.end()));
            }
        }
        int fixed = out.size();
        Matcher m = PART_OF_DAY.matcher(text);
        while (m.find()) {
            int at = m.start();
            int end = m.end();
            if (inside(out.subList(0, fixed), at) || out.subList(0, fixed).stream()
                    .anyMatch(c -> at < c.start() && c.start() < end)) {
                continue; // one end of a range, or a word of a fixed phrase ("in the middle of the night")
            }
            DayPart part;
            if (m.group("night") != null || m.group("ruNight") != null) {
                part = DayPart.NIGHT;
            } else {
                String p = m.group("p") != null ? m.group("p") : m.group("p2");
                String q = m.group("q") != null ? m.group("q") : m.group("q2");
                if (q == null) { // "early in the morning", "late in the evening"
                    String head = m.group().toLowerCase(Locale.ROOT);
                    q = head.startsWith("early") ? "early" : head.startsWith("late") ? "late" : "";
                }
                part = DayPart.of(p, q);
            }
            if (part != null) {
                out.add(window(part, m.start(), m.end()));
            }
        }
        out.sort(java.util.Comparator.comparingInt(ClockSpan::start));
        return out;
    }

    private static boolean inside(List<ClockSpan> spans, int at) {
        return spans.stream().anyMatch(c -> c.start() <= at && at < c.end());
    }

    private static ClockSpan window(DayPart part, int start, int end) {
        return new ClockSpan(part.from(), part.to(), false, true, start, end, true);
    }

    /**
     * The hour of a twelve-hour clock: 1 to 12, or 0 with minutes ("0:20 a.m.", as some agencies write the first hour
     * after midnight).
     */
    private static final String HOUR_12 = "1[0-2]|0?[1-9]|0?0(?=:)";

    /** "3 a.m.", "11:30 pm", "0:20 a.m.". */
    private static final Pattern CLOCK_12 = Alternations.compile(
            "\\b(?<h>" + HOUR_12 + ")(?::(?<mi>[0-5]\\d))?\\s*(?<ampm>[ap])\\.?\\s?m\\b\\.?", Pattern.CASE_INSENSITIVE);

    /**
     * "between 9 and 10 p.m.", "from 11 a.m. to 1 p.m.", "from 11:40 p.m. on 24 March to 0:20 a.m. on 25 March" (the
     * start's day between, as in the 24-hour {@link #CLOCK_RANGE}): a range of twelve-hour clock times.
     */
    /** "from / since (about) " right before a twelve-hour clock with no end: the start of an open span. */
    private static final Pattern OPENS_CLOCK_12 = Alternations.compile(
            "\\b(?:from|since)\\s+(?:(?:approximately|about|around)\\s+)?$", Pattern.CASE_INSENSITIVE);

    private static final Pattern CLOCK_12_RANGE = Alternations.compile(
            "\\b(?:between|from)\\s+(?:(?:approximately|about|around)\\s+)?(?<h1>" + HOUR_12 + ")(?::(?<m1>[0-5]\\d))?\\s*"
                    + "(?:(?<ap1>[ap])\\.?\\s?m\\b\\.?\\s*(?:on\\s+[\\p{L}\\d.]+(?:\\s+[\\p{L}\\d.]+)?\\s+)?)?"
                    + "(?:and|to|till|until|-|–)\\s*(?:(?:approximately|about|around)\\s+)?(?<h2>" + HOUR_12 + ")(?::(?<m2>[0-5]\\d))?\\s*(?<ap2>[ap])\\.?\\s?m\\b\\.?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * Minutes told in words before the hour: "half past", "a quarter to", "twenty to", "ten past", "five to",
     * "twenty-five past", "25 minutes past", "five minutes past" (see {@link #minutesWord}).
     */
    private static final String MINUTES_WORD = "half\\s+past|(?:a\\s+)?quarter\\s+(?:past|to)|"
            + "(?:(?:five|ten|twenty|twenty[\\s-]five)(?:\\s+minutes)?|[1-5]?\\d\\s+minutes)\\s+(?:past|to)";

    /**
     * "around midnight", "at noon": an hour (no minutes given); "shortly after midnight" is the hour after it, "shortly
     * before noon" the hour before; "a quarter to midnight", "half past noon", "five minutes past midnight" the minute
     * (23:45 on that day, 12:30, 00:05).
     */
    private static final Pattern NAMED_HOUR = Alternations.compile(
            "\\b(?:at|around|about|approximately|(?:shortly|just|soon)\\s+(?<shortly>after|before))\\s+(?:about\\s+|around\\s+)?"
                    + "(?:(?<minutes>" + MINUTES_WORD + ")\\s+)?(?<name>midnight|noon|midday)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * A monthly report's heading naming its month without a year ("Monthly report, September.", "monthly summary for
     * March"): the whole month (a month told with its year is read as such already).
     */
    private static final Pattern MONTHLY_REPORT_MONTH = Alternations.compile("\\bmonthly\\s+(?:report|bulletin|summary|"
            + "update|review)\\b[\\s,:.–—-]*(?:for\\s+|of\\s+)?(?<m>\\p{L}+)\\b(?!\\s*,?\\s*\\d)", Pattern.CASE_INSENSITIVE);

    /**
     * A sentence that opens with a month without a year and a comma ("In August, the Mission conducted 310 patrols",
     * "Throughout March, …"): the whole month, the latest such month begun by publication, as a monthly heading is.
     */
    private static final Pattern OPENING_MONTH = Alternations.compile("(?:^|(?<=[.!?:]\\s{1,3})|(?<=\\n))"
            + "(?:in|during|throughout)\\s+(?<m>\\p{L}+)\\s*,", Pattern.CASE_INSENSITIVE);

    private static final String HOUR_WORD = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";

    /**
     * The part of the day after a clock in words that names its day too: "half past one this morning", "twenty to six
     * yesterday evening", "eleven o'clock last night", "ten tonight" (group {@code dpart}).
     */
    private static final String WORD_CLOCK_DAY = "(?:this|yesterday|tomorrow)\\s+(?<dpart>morning|afternoon|evening)"
            + "|(?:last|to)\\s*(?<dnight>night)";

    /**
     * A clock told in words with the part of the day that says which half: "at about half past ten in the evening",
     * "at a quarter to six in the morning", "at eleven o'clock at night", "around 9 o'clock in the evening". Only after
     * "at / around / about / approximately" and only with a part of the day (or a.m. / p.m.), so "ten in the evening"
     * alone or "two o'clock positions" are no clocks. Minutes told ("half past", "a quarter to") give the minute;
     * a bare hour is an hour (as "at 3 a.m.").
     */
    private static final Pattern WORD_CLOCK = Alternations.compile(
            "\\b(?:at|around|about|approximately|shortly\\s+(?:after|before))\\s+(?:about\\s+|around\\s+|approximately\\s+)?"
                    + "(?:(?<past>" + MINUTES_WORD + ")\\s+)?"
                    + "(?<h>" + HOUR_WORD + "|1[0-2]|0?[1-9])(?:\\s+o['’]clock)?\\s+"
                    + "(?:in\\s+the\\s+(?<part>morning|afternoon|evening)|at\\s+(?<night>night)|" + WORD_CLOCK_DAY + ")\\b",
            Pattern.CASE_INSENSITIVE);

    /** Minutes after (+) or before (-) the hour of {@link #MINUTES_WORD}: "half past" +30, "twenty to" -20. */
    static int minutesWord(String words) {
        String w = words.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        int sign = w.endsWith(" to") ? -1 : 1;
        String n = w.substring(0, w.lastIndexOf(' ')).replaceFirst("^a ", "").replace(" minutes", "").replace('-', ' ');
        int minutes = switch (n) {
            case "half" -> 30;
            case "quarter" -> 15;
            case "five" -> 5;
            case "ten" -> 10;
            case "twenty" -> 20;
            case "twenty five" -> 25;
            default -> Integer.parseInt(n);
        };
        return sign * minutes;
    }

    /** The part of a {@link #WORD_CLOCK}: "in the evening", "at night", "this morning", "last night". */
    private static String wordClockPart(Matcher w) {
        String part = w.group("part") != null ? w.group("part") : w.group("dpart");
        return part == null ? "night" : part.toLowerCase(Locale.ROOT);
    }

    /**
     * A range told in words: "from a quarter to eleven until eleven o'clock", "between half past ten and eleven in
     * the evening". Its half of the day comes from a part of the day right after it ("in the evening", "last night")
     * or right before it in its sentence ("last night, from a quarter to eleven until eleven o'clock"); without one
     * ("from ten to eleven soldiers") it is no clock.
     */
    private static final Pattern WORD_CLOCK_RANGE = Alternations.compile(
            "\\b(?:from|between)\\s+(?:about\\s+|around\\s+|approximately\\s+)?(?:(?<past1>" + MINUTES_WORD + ")\\s+)?"
                    + "(?<h1>" + HOUR_WORD + ")(?:\\s+o['’]clock)?\\s+(?:until|till|to|and)\\s+(?:about\\s+|around\\s+)?"
                    + "(?:(?<past2>" + MINUTES_WORD + ")\\s+)?(?<h2>" + HOUR_WORD + ")(?:\\s+o['’]clock)?\\b"
                    + "(?:\\s+(?:in\\s+the\\s+(?<part>morning|afternoon|evening)|at\\s+(?<night>night)|" + WORD_CLOCK_DAY + ")\\b)?",
            Pattern.CASE_INSENSITIVE);

    /** A part of the day ending right before a {@link #WORD_CLOCK_RANGE} ("last night, "), at most a comma between. */
    private static final Pattern PART_BEFORE_RANGE = Alternations.compile(
            "\\b(?<part>morning|afternoon|evening|night)\\s*,?\\s*$", Pattern.CASE_INSENSITIVE);

    /** The time of an hour told in words in a part of the day, with its minutes ("a quarter to eleven" at night 22:45). */
    private static LocalTime wordClock(String hourWord, String minutes, String part) {
        int hour = hourWord(hourWord) % 12;
        // the evening's and the afternoon's hours are after noon; "at night" is after noon from 6 on, else before
        boolean pm = part.equals("evening") || part.equals("afternoon") || part.equals("night") && hour >= 6;
        LocalTime at = LocalTime.of(hour + (pm ? 12 : 0), 0);
        return minutes == null ? at : at.plusMinutes(minutesWord(minutes));
    }

    /**
     * A clock in words after the part of the day that says which half: "this morning, at about 7 o'clock", "in the
     * evening, around nine o'clock". Only with "o'clock" and at most a comma between, so a bare "at 7" is no clock.
     */
    private static final Pattern PART_THEN_OCLOCK = Alternations.compile(
            "\\b(?<part>morning|afternoon|evening|night)\\s*,?\\s+(?<c>(?:at|around|about|approximately)\\s+"
                    + "(?:about\\s+|around\\s+|approximately\\s+)?(?<h>" + HOUR_WORD + "|1[0-2]|0?[1-9])\\s+o['’]clock)\\b",
            Pattern.CASE_INSENSITIVE);

    private static int hourWord(String h) {
        if (Character.isDigit(h.charAt(0))) {
            return Integer.parseInt(h);
        }
        return List.of(HOUR_WORD.split("\\|")).indexOf(h.toLowerCase(Locale.ROOT)) + 1;
    }

    /**
     * Right before a clock: "shortly after 22:00", "soon after 6 p.m.", "just before 23:00" — not that minute but the
     * hour after (before) it, like "shortly after midnight".
     */
    private static final Pattern SHORTLY_BEFORE_CLOCK = Alternations.compile(
            "\\b(?:shortly|soon|just|a\\s+little)\\s+(?<dir>after|before)\\s+(?:about\\s+|around\\s+)?$",
            Pattern.CASE_INSENSITIVE);

    /** "at 14.20": a clock written with a dot, read only after a word that introduces a time. */
    private static final Pattern DOT_CLOCK = Alternations.compile(
            "(\\b(?:at|around|about|from|since|between|to|till|until|and|в|с|до|saat|ժամը)\\s)([01]?\\d|2[0-3])\\.([0-5]\\d)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Every date in the text, in order, with years filled in relative to the reference (publication) day. */
    public static List<DateSpan> dates(String text, LocalDate reference) {
        List<DateSpan> out = new ArrayList<>();
        List<DateSpan> ahead = new ArrayList<>(); // announced days still to come: held in out while other forms
        // are read (so "2 to 6 October 2023" is not read again as the month "October 2023"), then dropped
        for (Pattern p : List.of(DAY_FIRST, MONTH_FIRST)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                Integer month = MONTHS.get(monthKey(m.group("month")));
                if (month == null || overlaps(out, m.start(), m.end())) {
                    continue;
                }
                boolean mayNeedsDay = m.group("month").equalsIgnoreCase("may") && m.group("d1") == null;
                if (mayNeedsDay) {
                    continue;
                }
                Integer year = m.group("year") == null ? null : Integer.valueOf(m.group("year"));
                LocalDate last = date(year, month, Integer.parseInt(m.group(m.group("d2") == null ? "d1" : "d2")),
                        reference);
                // the run's year is its last day's ("from 10 to 14 March" published on 9 March: one year for both)
                String firstDay = p == DAY_FIRST && m.group("d0") != null ? "d0" : m.group("d2") != null ? "d1" : null;
                LocalDate first = firstDay == null || last == null ? last
                        : date(last.getYear(), month, Integer.parseInt(m.group(firstDay)), reference);
                if (year == null && firstDay != null && last != null && last.getYear() < reference.getYear()
                        && announcedInSentence(text, m.start())) {
                    int lastDay = Integer.parseInt(m.group(m.group("d2") == null ? "d1" : "d2"));
                    LocalDate begun = runBegunByPublication(month, Integer.parseInt(m.group(firstDay)), lastDay,
                            reference);
                    if (begun != null) { // "will be held from 6 to 10 May" published on 6 May: this year's run
                        first = begun;
                        last = begun.withDayOfMonth(lastDay);
                    }
                }
                if (first == null || last == null) {
                    continue;
                }
                if (last.isBefore(first)) {
                    first = first.minusMonths(1);
                }
                int writtenFirst = Integer.parseInt(m.group(firstDay != null ? firstDay : "d1"));
                if (announcedAhead(year, month, writtenFirst, reference) && announcedInSentence(text, m.start())) {
                    // "exercises will be held from 2 to 6 October" published on 30 September: days ahead, no event's
                    ahead.add(new DateSpan(first, last, false, m.start(), m.end()));
                    out.add(ahead.get(ahead.size() - 1));
                    continue;
                }
                if (m.group("nightTo") != null) { // "в ночь на 14 сентября": the night from the 13th to the 14th
                    out.add(new DateSpan(first.minusDays(1), last, true, m.start(), m.end()));
                    continue;
                }
                out.add(new DateSpan(first, last, m.group("night") != null, m.start(), m.end()));
            }
        }
        Matcher y = YEAR.matcher(text);
        while (y.find()) {
            Matcher w = WORD_BEFORE.matcher(text.substring(Math.max(0, y.start() - 16), y.start()));
            if (!w.find()) {
                continue;
            }
            Integer month = MONTHS.get(monthKey(w.group(1)));
            int start = y.start() - (w.end() - w.start()); // the span starts at the month's name
            if (month != null && !overlaps(out, start, y.end())) {
                LocalDate first = LocalDate.of(Integer.parseInt(y.group()), month, 1);
                out.add(new DateSpan(first, first.withDayOfMonth(first.lengthOfMonth()), false, start, y.end()));
            }
        }
        // "Monthly report, September." published on 1 October, "In August, EUMA conducted …" published on
        // 2 September: the latest such month begun by then
        addLatestMonths(MONTHLY_REPORT_MONTH.matcher(text), reference, out);
        addLatestMonths(OPENING_MONTH.matcher(text), reference, out);
        Matcher n = NUMERIC.matcher(text);
        while (n.find()) {
            try {
                int first = n.group("d1") == null ? 0 : Integer.parseInt(n.group("d1"));
                int second = n.group("m") == null ? 0 : Integer.parseInt(n.group("m"));
                boolean monthFirst = second > 12 && first >= 1 && first <= 12; // "03/24/2025": 24 March
                LocalDate d = n.group("d1") != null
                        ? LocalDate.of(Integer.parseInt(n.group("year")), monthFirst ? first : second,
                        monthFirst ? second : first)
                        : LocalDate.of(Integer.parseInt(n.group("iy")), Integer.parseInt(n.group("im")),
                        Integer.parseInt(n.group("id")));
                if (!overlaps(out, n.start(), n.end())) {
                    out.add(new DateSpan(d, d, false, n.start(), n.end()));
                }
            } catch (DateTimeException ignored) {
                // not a date after all
            }
        }
        Matcher point = DAY_POINT_MONTH.matcher(text);
        while (point.find()) {
            int day = Integer.parseInt(point.group("d"));
            int month = Integer.parseInt(point.group("m"));
            LocalDate d = month >= 1 && month <= 12 && day >= 1 ? date(null, month, day, reference) : null;
            if (d != null && !overlaps(out, point.start(), point.end())) {
                out.add(new DateSpan(d, d, false, point.start(), point.end()));
            }
        }
        Matcher nth = DAY_OF_MONTH.matcher(text);
        while (nth.find()) { // "on the 14th": a day of the publication's month (of the month before when still to come)
            LocalDate d = dayOfMonth(Integer.parseInt(nth.group("d")), reference);
            if (d != null && !overlaps(out, nth.start(), nth.end())) {
                out.add(new DateSpan(d, d, false, nth.start(), nth.end()));
            }
        }
        Matcher past = PAST.matcher(text);
        while (past.find()) {
            if (!overlaps(out, past.start(), past.end())) {
                out.add(new DateSpan(reference.minusDays(pastDays(past.group("n"), past.group("unit"))), reference,
                        false, past.start(), past.end(), true, false));
            }
        }
        Matcher week = WEEK.matcher(text);
        while (week.find()) {
            if (overlaps(out, week.start(), week.end())) {
                continue;
            }
            LocalDate monday = reference.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            if (week.group("last") != null) { // "last week": the whole week before this one
                out.add(new DateSpan(monday.minusWeeks(1), monday.minusDays(1), false, week.start(), week.end(),
                        false, false));
            } else { // "this week": from its Monday until publication
                out.add(new DateSpan(monday, reference, false, week.start(), week.end(), true, false));
            }
        }
        Matcher weekend = WEEKEND.matcher(text);
        while (weekend.find()) {
            if (overlaps(out, weekend.start(), weekend.end())) {
                continue;
            }
            // the latest Saturday and Sunday begun by the reference day ("last weekend" on a weekend: the one before)
            LocalDate saturday = reference.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
            boolean onWeekend = reference.getDayOfWeek() == DayOfWeek.SATURDAY || reference.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (onWeekend && weekend.group("last") != null) {
                saturday = saturday.minusWeeks(1);
            }
            LocalDate sunday = saturday.plusDays(1);
            out.add(new DateSpan(saturday, sunday.isAfter(reference) ? reference : sunday, false, weekend.start(),
                    weekend.end()));
        }
        Matcher r = RELATIVE.matcher(text);
        while (r.find()) {
            if (overlaps(out, r.start(), r.end())) {
                continue;
            }
            if (r.group("toDay") != null) {
                // the latest such night that ended by the publication day
                LocalDate last = reference.with(TemporalAdjusters.previousOrSame(
                        DayOfWeek.valueOf(r.group("toDay").toUpperCase(Locale.ROOT))));
                LocalDate first = last.with(TemporalAdjusters.previous(
                        DayOfWeek.valueOf(r.group("fromDay").toUpperCase(Locale.ROOT))));
                out.add(new DateSpan(first, last, true, r.start(), r.end()));
                continue;
            }
            if (r.group("intoDay") != null) {
                LocalDate last = reference.with(TemporalAdjusters.previousOrSame(
                        DayOfWeek.valueOf(r.group("intoDay").toUpperCase(Locale.ROOT))));
                out.add(new DateSpan(last.minusDays(1), last, true, r.start(), r.end()));
                continue;
            }
            if (r.group("weekday") != null) {
                DayOfWeek day = DayOfWeek.valueOf(r.group("weekday").toUpperCase(Locale.ROOT));
                // "will celebrate a liturgy on Sunday" (published on a Thursday): a weekday in a sentence that
                // announces is the coming one, a plan that dates nothing unless it is today or tomorrow (`h80-09`)
                if (!r.group().toLowerCase(Locale.ROOT).startsWith("last")
                        && reference.with(TemporalAdjusters.nextOrSame(day)).isAfter(reference.plusDays(1))
                        && announcedBefore(text, r.start())) {
                    continue;
                }
                LocalDate d = reference.with(TemporalAdjusters.previousOrSame(day));
                if (d.equals(reference) && r.group().toLowerCase(Locale.ROOT).startsWith("last")) {
                    d = d.minusWeeks(1);
                }
                out.add(new DateSpan(d, d, false, r.start(), r.end()));
                continue;
            }
            String rel = r.group("rel").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (rel.endsWith(" ago")) {
                LocalDate d = reference.minusDays(NumberWords.parse(rel.substring(0, rel.indexOf(' '))));
                out.add(new DateSpan(d, d, false, r.start(), r.end()));
            } else if (rel.endsWith("the eve")) {
                out.add(new DateSpan(reference.minusDays(1), reference.minusDays(1), false, r.start(), r.end()));
            } else if (rel.endsWith("before last")) {
                out.add(new DateSpan(reference.minusDays(2), reference.minusDays(1), true, r.start(), r.end()));
            } else if (rel.endsWith("before yesterday") || rel.equals("позавчера")) {
                out.add(new DateSpan(reference.minusDays(2), reference.minusDays(2), false, r.start(), r.end()));
            } else if (rel.startsWith("last") || rel.startsWith("the previous") || rel.startsWith("the preceding")
                    || rel.equals("overnight") || rel.startsWith("прошлой")
                    || rel.startsWith("этой")) {
                out.add(new DateSpan(reference.minusDays(1), reference, true, r.start(), r.end()));
            } else if (rel.equals("yesterday") || rel.equals("вчера") || rel.equals("dünən") || rel.equals("երեկ")) {
                out.add(new DateSpan(reference.minusDays(1), reference.minusDays(1), false, r.start(), r.end()));
            } else {
                out.add(new DateSpan(reference, reference, false, r.start(), r.end()));
            }
        }
        out.removeAll(ahead);
        out.sort(Comparator.comparingInt(DateSpan::start));
        joinRanges(text, out);
        joinLists(text, out, reference);
        for (int i = 0; i < out.size(); i++) {
            DateSpan d = out.get(i);
            if (!d.open() && SINCE_BEFORE.matcher(text.substring(Math.max(0, d.start() - 40), d.start())).find()) {
                out.set(i, d.untilPublication(reference));
            }
        }
        Matcher part = SINCE_PART.matcher(text);
        boolean added = false;
        while (part.find()) {
            if (!overlaps(out, part.start("part"), part.end())) {
                out.add(new DateSpan(reference, reference, false, part.start("part"), part.end(), true, false));
                added = true;
            }
        }
        if (added) {
            out.sort(Comparator.comparingInt(DateSpan::start));
        }
        return out;
    }

    /**
     * "on the 14th", "on the night of the 3rd": a day of the month with no month named. Only with its ordinal ending and
     * before a word that can follow a date ("on the 14th the Azerbaijani forces fired", "on the 14th, at 10:20"), so
     * "the 14th brigade" or "on the 3rd floor" are no dates.
     */
    private static final Pattern DAY_OF_MONTH = Alternations.compile("\\bon\\s+the\\s+(?<d>[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)\\b"
            + "(?=\\s*[,.;:!?)]|\\s*$|\\s+(?:the|at|in|on|near|from|around|about|between|shortly|when|while|of\\s+this\\s+month|"
            + "armenian|azerbaijani|units?|troops|forces|our|enemy|there|two|three|several|a|an)\\b)", Pattern.CASE_INSENSITIVE);

    /** The latest such day of a month not after the day after the reference day (null when no month has it). */
    private static LocalDate dayOfMonth(int day, LocalDate reference) {
        for (int back = 0; back < 3; back++) {
            LocalDate month = reference.minusMonths(back).withDayOfMonth(1);
            if (day <= month.lengthOfMonth()) {
                LocalDate d = month.withDayOfMonth(day);
                if (!d.isAfter(reference.plusDays(1))) {
                    return d;
                }
            }
        }
        return null;
    }

    private static final String PART_OF = "(?:the\\s+(?:(?:early|late)\\s+)?(?:morning|afternoon|evening|night)\\s+of\\s+)?";
    /** Before the first date of a range of two dates: "from", "between" (and the part of the day it may start with). */
    private static final Pattern RANGE_OPEN = Alternations.compile("\\b(?:from|between)\\s+" + PART_OF + "$",
            Pattern.CASE_INSENSITIVE);
    /** Between the two dates of a range: "to", "until", "and" (after "between"), "–". */
    // Read with matches() on the region between the dates: "(?<!\\s)" passes at the region's start and the white space
    // is taken possessively (a word, a dash or the region's end follows it), linear on a long run of spaces
    private static final Pattern RANGE_JOIN = Alternations.compile("(?<!\\s)\\s*+(?:to|until|till|through|and|-|–)\\s*+" + PART_OF,
            Pattern.CASE_INSENSITIVE);

    /**
     * "from 28 March to 2 April", "between 30 March and 1 April", "from the morning of 12 May until the evening of 13
     * May": two dates (of other months, or each with its own month) that open and close one range are one run of days.
     */
    private static void joinRanges(String text, List<DateSpan> out) {
        for (int i = 0; i + 1 < out.size(); i++) {
            DateSpan a = out.get(i);
            DateSpan b = out.get(i + 1);
            if (a.open() || b.open() || a.night() || b.night() || !b.last().isAfter(a.last())
                    || !RANGE_OPEN.matcher(text.substring(Math.max(0, a.start() - 40), a.start())).find()
                    || !RANGE_JOIN.matcher(text).region(a.end(), b.start()).matches()) {
                continue;
            }
            out.set(i, new DateSpan(a.first(), b.last(), false, a.start(), b.end()));
            out.remove(i + 1);
        }
    }

    /**
     * Between two days named one after the other in one sentence: "on 28 March and on 2 April", "near Sotk on 28 March
     * and near Tegh on 2 April", "on 28 March, and again near Tegh on 2 April", "on 11 May and shelled the village of
     * Tegh on 13 May" — the gap ends with "and" / "as well as" (then perhaps a place, or a verb of fire and its place,
     * and "on"), with no sentence break and no clock in it.
     */
    // (not the last part of a hyphenated name: "near Nerkin-And on 4 July" names one day, `h85-21`)
    private static final Pattern LIST_GAP = Alternations.compile("[^.;:!?\\d]{0,240}?(?:(?<![-\\u2010\\u2011])\\band|\\bas\\s+well\\s+as)\\s+"
            + "(?:(?:again|also|then|later)\\s+)?(?:(?:near|in|at|around|towards|along|close\\s+to|"
            // "… near Sotk on 11 May and shelled the village of Tegh on 13 May": a second act of fire, its place
            + "(?:fired|shelled|attacked|struck|shot|opened\\s+fire))\\s+[^.;:!?,\\d]{1,60}?\\s+)?"
            + "(?:on\\s+)?" + PART_OF, Pattern.CASE_INSENSITIVE);
    /**
     * Between two days of a list that a colon opens, item after item behind semicolons: "violated the ceasefire on
     * three occasions: on 15 November near Kut …; on 17 November near Kirants …; and on the night of 19 to 20 November
     * near Khnatsakh …" (a weekly summary's incidents).
     */
    private static final Pattern LIST_ITEM_GAP = Alternations.compile("[^.:!?;\\d]{0,240}?;\\s+(?:and\\s+)?"
            + "(?:(?:again|also|then|later)\\s+)?(?:on\\s+)?" + PART_OF, Pattern.CASE_INSENSITIVE);
    /**
     * What follows a list item's day when the item is a day and a place alone ("; on 4 May near Tegh;", "; on the night
     * of 6 to 7 May near Yeraskh, units …"): a preposition of place, a few words, then a semicolon, comma or the end.
     */
    private static final Pattern PLACE_ITEM = Alternations.compile("\\s*,?\\s*(?:near|in|at|around|opposite|facing|"
            + "towards|along|close\\s+to|in\\s+the\\s+(?:area|direction|vicinity)\\s+of)\\s+[^.;:!?,\\d]{1,60}?"
            + "(?=\\s*(?:[;,]|[.!?](?:\\s|$)|$))", Pattern.CASE_INSENSITIVE);
    /** Where a sentence ends when its semicolons part the items of one list. */
    private static final Pattern LIST_SENTENCE_END = Alternations.compile("[.!?]\\s+(?=\\p{Lu})|[.!?]\\s*$|\\n");
    /** Where the sentence of a date ends ("3 a.m." ends none). */
    private static final Pattern SENTENCE_END = Alternations.compile("[.!?;]\\s+(?=\\p{Lu})|[.!?;]\\s*$|\\n");
    private static final Pattern CLOCK_LIKE = Alternations.compile("\\d[:.]\\d\\d|\\d\\s*[ap]\\.?m\\b|\\b(?:noon|midnight)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * Days named separately in one sentence, each perhaps with its own place ("units fired near Sotk on 28 March and
     * near Tegh on 2 April"), or in the items of a list a colon opens ("on three occasions: on 15 November near Kut …;
     * on 17 November …; and on the night of 19 to 20 November …"): one report of all, so one run from the first to the
     * last day (precision {@code DAY}). Not when a clock follows in the sentence (each day with its own clock is read
     * as several dated times), nor for nights (but the last item: "near Tegh on the night of 4 to 5 May", "; and on
     * the night of 19 to 20 November …"), whole months or spans until publication. The items behind semicolons need
     * no colon when each later one is a day and a place alone in a sentence of an event ("On 2 May near Sotk; on 4 May
     * near Tegh; on the night of 6 to 7 May near Yeraskh, units opened fire"). A day or night named after the
     * publication day {@code reference} (a plan) joins no run that way.
     */
    private static void joinLists(String text, List<DateSpan> out, LocalDate reference) {
        for (int i = 0; i + 1 < out.size(); i++) {
            DateSpan a = out.get(i);
            DateSpan b = out.get(i + 1);
            if (a.open() || b.open() || a.night() || a.wholeMonth() || b.wholeMonth()
                    || !b.first().isAfter(a.last()) || b.first().isAfter(a.last().plusDays(62))) {
                continue;
            }
            // the items of a list a colon opens, parted by semicolons; its last day may be a night ("and on the night
            // of 19 to 20 November"), whose last day ends the run
            boolean colon = listAfterColon(text, a.start());
            boolean past = !b.last().isAfter(reference);
            // … or with no colon, items that are a day and a place alone, behind semicolons
            boolean placeItems = !colon && past && PLACE_ITEM.matcher(text).region(b.end(), text.length()).lookingAt();
            boolean items = (colon || placeItems) && LIST_ITEM_GAP.matcher(text).region(a.end(), b.start()).matches();
            // "near Sotk on 2 May and near Tegh on the night of 4 to 5 May": a night may end the run, as in a list
            if (!items && (b.night() && !past || !LIST_GAP.matcher(text).region(a.end(), b.start()).matches())) {
                continue;
            }
            Matcher end = (items ? LIST_SENTENCE_END : SENTENCE_END).matcher(text).region(b.end(), text.length());
            int sentenceEnd = end.find() ? end.start() : text.length();
            if (CLOCK_LIKE.matcher(text).region(a.start(), sentenceEnd).find()) {
                continue;
            }
            // a list with no colon is one of events only ("the commission met on 2 May in Yerevan; on 4 May in Baku")
            if (items && placeItems && !eventSentence(text.substring(sentenceStart(text, a.start()), sentenceEnd))) {
                continue;
            }
            out.set(i, new DateSpan(a.first(), b.last(), false, a.start(), b.end()));
            out.remove(i + 1);
            i--; // a third day may follow
        }
    }

    /** Whether a sentence names an event: fire, an attack, a weapon used, a casualty ("mortars were used"). */
    private static boolean eventSentence(String sentence) {
        return StatementRules.EVENT_CUE.matcher(sentence).find()
                || StatementRules.EVENT_SCAN.matcher(sentence.toLowerCase(Locale.ROOT)).find();
    }

    /** Where the sentence holding {@code at} starts (after a full stop, question or exclamation mark, or a line end). */
    private static int sentenceStart(String text, int at) {
        for (int k = at - 1; k > 0; k--) {
            char c = text.charAt(k);
            if (c == '\n' || (c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(k + 1))) {
                return k + 1;
            }
        }
        return 0;
    }

    /** Whether a colon (not a clock's) opens a list in the sentence before {@code at}: "on three occasions: on …". */
    private static boolean listAfterColon(String text, int at) {
        for (int k = at - 1; k > 0; k--) {
            char c = text.charAt(k);
            if (c == '\n' || (c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(k + 1))) {
                return false;
            }
            if (c == ':' && Character.isWhitespace(text.charAt(k + 1))) {
                return true;
            }
        }
        return false;
    }

    /** How many days back "the past N units" starts: "the past week" 7, "the past 24 hours" 1, "recent days" 3. */
    private static long pastDays(String count, String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.startsWith("24")) {
            return 1;
        }
        String c = count == null ? (u.endsWith("s") ? "few" : "one") : count.toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ");
        int n = switch (c) {
            case "a", "an" -> 1;
            case "a few", "few", "several", "couple of" -> c.equals("couple of") ? 2 : 3;
            case "forty-eight" -> 48;
            case "seventy-two" -> 72;
            default -> NumberWords.parse(c);
        };
        if (u.startsWith("hour")) {
            return Math.max(1, (n + 23) / 24);
        }
        if (u.startsWith("week")) {
            return 7L * n;
        }
        return u.startsWith("month") ? 30L * n : n;
    }

    /** A future in the sentence: "will be held", "shall last", "is to take place", "are scheduled", "planned". */
    private static final Pattern ANNOUNCED = Alternations.compile(
            "\\b(?:will|shall|is\\s+to|are\\s+to|(?:is|are)\\s+(?:scheduled|planned))\\b", Pattern.CASE_INSENSITIVE);

    /** How far ahead of publication a yearless announced day may lie and still be read as ahead (a quarter). */
    private static final int ANNOUNCED_HORIZON_DAYS = 92;

    /**
     * Whether a day as written (its year, or none) lies ahead of publication by more than the day after it: in an
     * announcing sentence ("will be held from 2 to 6 October", published on 30 September; "on 4 October 2023") such
     * days are a plan, not the event's time — the report of the announcement keeps its publication day instead of
     * the same days a year back (yearless) or a rejection as an event after publication (with a year). A yearless
     * day more than {@link #ANNOUNCED_HORIZON_DAYS} ahead in the publication's year is read as last year's, as
     * before ("we will respond to the shelling of 25 December", published on 5 January).
     */
    private static boolean announcedAhead(Integer year, int month, int day, LocalDate reference) {
        try {
            LocalDate written = LocalDate.of(year == null ? reference.getYear() : year, month, day);
            return written.isAfter(reference.plusDays(1))
                    && (year != null || !written.isAfter(reference.plusDays(ANNOUNCED_HORIZON_DAYS)));
        } catch (DateTimeException e) {
            return false;
        }
    }

    /**
     * Whether what is told at {@code at} is announced: a future word before it in its clause (no comma, semicolon or
     * full stop between), so "On Monday units fired at Berd, and the ministry will respond" keeps its Monday.
     */
    private static boolean announcedBefore(String text, int at) {
        int start = Math.max(Math.max(text.lastIndexOf('.', at), text.lastIndexOf(',', at)),
                Math.max(text.lastIndexOf(';', at), text.lastIndexOf('\n', at))) + 1;
        return ANNOUNCED.matcher(text.substring(start, at)).find();
    }

    /** Whether the sentence holding {@code at} announces something ahead (see {@link #ANNOUNCED}). */
    private static boolean announcedInSentence(String text, int at) {
        int start = Math.max(text.lastIndexOf(". ", at), text.lastIndexOf('\n', at)) + 1;
        int end = text.indexOf(". ", at);
        return ANNOUNCED.matcher(text.substring(start, end < 0 ? text.length() : end)).find();
    }

    /**
     * The first day of a yearless run of days in one month, announced in its sentence, that has begun by the day
     * after publication, in the
     * publication's year ("exercises will be held from 6 to 10 May" published on 6 May: 6-10 May of that year, not
     * of the year before, as a single day past publication would be); {@code null} when the run begins later or
     * its days are no dates.
     */
    private static LocalDate runBegunByPublication(int month, int firstDay, int lastDay, LocalDate reference) {
        try {
            LocalDate first = LocalDate.of(reference.getYear(), month, firstDay);
            LocalDate.of(reference.getYear(), month, lastDay);
            return first.isAfter(reference.plusDays(1)) || lastDay < firstDay ? null : first;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean overlaps(List<DateSpan> spans, int start, int end) {
        return spans.stream().anyMatch(s -> start < s.end() && s.start() < end);
    }

    private static LocalDate date(Integer year, int month, int day, LocalDate reference) {
        try {
            if (year != null) {
                return LocalDate.of(year, month, day);
            }
            LocalDate d = LocalDate.of(reference.getYear(), month, day);
            return d.isAfter(reference.plusDays(1)) ? d.minusYears(1) : d;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * A time zone named right after a clock: "at 18:30 Moscow time", "15:30 GMT", "(UTC)", "Baku time", in Russian
     * "18:30 по московскому времени", "мск", "по Гринвичу", "по бакинскому времени". Group
     * {@code msk}: UTC+3; {@code utc}: UTC; {@code local}: the sides' own UTC+4.
     */
    private static final Pattern ZONE_AFTER = Alternations.compile("\\s*\\(?\\s*(?:(?<msk>Moscow\\s+time|MSK|"
            // the Russian names: "с 18:30 по московскому времени", "в 18:30 мск", "по Гринвичу", "по бакинскому времени"
            + "по\\s+московскому\\s+времени|по\\s+Москве|мск)|(?<utc>(?:GMT|UTC)(?:\\s*(?<sign>[+\u2212-])\\s*(?<oh>\\d{1,2})(?::?(?<om>\\d{2}))?(?!\\d))?|Greenwich\\s+Mean\\s+Time|по\\s+Гринвичу)|"
            + "(?<local>(?:Baku|Yerevan)\\s+time|по\\s+(?:бакинскому|ереванскому)\\s+времени))(?![\\p{L}\\d])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final ZoneOffset MOSCOW = ZoneOffset.ofHours(3);
    private static final ZoneOffset SIDES = ZoneOffset.ofHours(4);

    /**
     * Every clock time or range in the text, in order, in the sources' zone {@code zone}: a clock given in another
     * named zone ("stopped at 18:30 Moscow time", a third party's) is moved into it (19:30 in UTC+4), over midnight
     * too: the day the text gives is the other zone's, so "on 3 May at 23:40 Moscow time" is 00:40 on 4 May
     * ({@link ClockSpan#dayShift()} +1) and "at 22:30 GMT on 5 June" 02:30 on 6 June; a range keeps its length ("from
     * 22:30 to 23:30 Moscow time" is 23:30 to 00:30 the next day).
     */
    public static List<ClockSpan> clocks(String text, ZoneOffset zone) {
        List<ClockSpan> out = clocks(text);
        for (int i = 0; i < out.size(); i++) {
            ClockSpan c = out.get(i);
            if (c.partOfDay()) {
                continue;
            }
            Matcher z = ZONE_AFTER.matcher(text).region(c.end(), text.length());
            if (!z.lookingAt()) {
                continue;
            }
            ZoneOffset named = z.group("msk") != null ? MOSCOW : z.group("utc") != null ? utcOffset(z) : SIDES;
            // "at 20:10 UTC+03:00": the offset's own digits are no clock of the text
            int zoneEnd = z.end();
            out.removeIf(o -> o.start() >= c.end() && o.start() < zoneEnd);
            int shift = zone.getTotalSeconds() - named.getTotalSeconds();
            if (shift != 0) {
                // the end follows the start as before (an end before the start runs into the next day)
                out.set(i, new ClockSpan(c.from().plusSeconds(shift), c.to() == null ? null : c.to().plusSeconds(shift),
                        c.openEnded(), c.hourOnly(), c.start(), c.end(), false,
                        Math.floorDiv(c.from().toSecondOfDay() + shift, 24 * 3600)));
            }
        }
        return out;
    }

    /**
     * The offset a matched {@code utc} zone names: plain "GMT" / "UTC" is UTC itself, "GMT+4", "GMT +4", "UTC+04:00",
     * "(GMT+3)" are that offset from it (an offset no zone has is read as plain UTC).
     */
    private static ZoneOffset utcOffset(Matcher z) {
        if (z.group("oh") == null) {
            return ZoneOffset.UTC;
        }
        int hours = Integer.parseInt(z.group("oh"));
        int minutes = z.group("om") == null ? 0 : Integer.parseInt(z.group("om"));
        int sign = z.group("sign").equals("+") ? 1 : -1;
        try {
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** Every clock time or range in the text, in order. */
    public static List<ClockSpan> clocks(String text) {
        List<ClockSpan> out = new ArrayList<>();
        if (text.indexOf('.') >= 0) {
            text = DOT_CLOCK.matcher(text).replaceAll("$1$2:$3"); // same length: offsets stay valid
        }
        // twelve-hour clocks first: "from 11:30 p.m. to 1 a.m." is not the 24-hour "from 11:30"
        Matcher r = CLOCK_12_RANGE.matcher(text);
        while (r.find()) {
            if (out.stream().anyMatch(c -> r.start() < c.end() && c.start() < r.end())) {
                continue;
            }
            boolean pm2 = r.group("ap2").equalsIgnoreCase("p");
            int h2 = Integer.parseInt(r.group("h2")) % 12;
            int h1 = Integer.parseInt(r.group("h1")) % 12;
            // without its own a.m./p.m. the start shares the end's, unless it would then come after the end ("11 to 1 p.m.")
            boolean pm1 = r.group("ap1") != null ? r.group("ap1").equalsIgnoreCase("p") : (h1 <= h2) == pm2;
            LocalTime from = LocalTime.of(h1 + (pm1 ? 12 : 0), r.group("m1") == null ? 0 : Integer.parseInt(r.group("m1")));
            LocalTime to = LocalTime.of(h2 + (pm2 ? 12 : 0), r.group("m2") == null ? 0 : Integer.parseInt(r.group("m2")));
            out.add(new ClockSpan(from, to, false, r.group("m1") == null && r.group("m2") == null, r.start(), r.end()));
        }
        Matcher h = CLOCK_12.matcher(text);
        while (h.find()) {
            int hour = Integer.parseInt(h.group("h")) % 12 + (h.group("ampm").equalsIgnoreCase("p") ? 12 : 0);
            int minute = h.group("mi") == null ? 0 : Integer.parseInt(h.group("mi"));
            if (out.stream().noneMatch(c -> h.start() < c.end() && c.start() < h.end())) {
                // "From about 3:20 p.m. today, units … have been firing": open like the 24-hour "from 00:05" (a
                // range with its end, "from 11 a.m. to 1 p.m.", was read above)
                boolean open = OPENS_CLOCK_12.matcher(text).region(Math.max(0, h.start() - 30), h.start())
                        .useTransparentBounds(true).find();
                out.add(new ClockSpan(LocalTime.of(hour, minute), null, open, h.group("mi") == null,
                        h.start(), h.end()));
            }
        }
        Matcher m = CLOCK_RANGE.matcher(text);
        while (m.find()) {
            if (overlapsClock(out, m.start(), m.end())) { // "11:30 p.m." was read as a twelve-hour clock
                continue;
            }
            LocalTime from = LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            LocalTime to = m.group(4) == null ? null
                    : LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
            boolean open = to == null && m.group("open") != null
                    && !m.group("open").toLowerCase(Locale.ROOT).startsWith("between");
            out.add(new ClockSpan(from, to, open, false, m.start(), m.end()));
        }
        Matcher mil = MILITARY_CLOCK.matcher(text);
        while (mil.find()) {
            if (!overlapsClock(out, mil.start(), mil.end())) {
                String hour = mil.group("h") != null ? mil.group("h") : mil.group("zh");
                String minute = mil.group("m") != null ? mil.group("m") : mil.group("zm");
                out.add(new ClockSpan(LocalTime.of(Integer.parseInt(hour), Integer.parseInt(minute)), null, false, false,
                        mil.start(), mil.end()));
            }
        }
        wordClockRanges(text, out);
        Matcher w = WORD_CLOCK.matcher(text);
        while (w.find()) {
            if (out.stream().anyMatch(c -> w.start() < c.end() && c.start() < w.end())) {
                continue;
            }
            String past = w.group("past");
            out.add(new ClockSpan(wordClock(w.group("h"), past, wordClockPart(w)), null, false, past == null,
                    w.start(), w.end()));
        }
        Matcher po = PART_THEN_OCLOCK.matcher(text);
        while (po.find()) {
            if (overlapsClock(out, po.start("c"), po.end("c"))) {
                continue;
            }
            int hour = hourWord(po.group("h")) % 12;
            String part = po.group("part").toLowerCase(Locale.ROOT);
            boolean pm = part.equals("evening") || part.equals("afternoon") || part.equals("night") && hour >= 6;
            out.add(new ClockSpan(LocalTime.of(hour + (pm ? 12 : 0), 0), null, false, true, po.start("c"), po.end("c")));
        }
        Matcher n = NAMED_HOUR.matcher(text);
        while (n.find()) {
            if (out.stream().noneMatch(c -> n.start() < c.end() && c.start() < n.end())) {
                LocalTime at = n.group("name").equalsIgnoreCase("midnight") ? LocalTime.MIDNIGHT : LocalTime.NOON;
                String shortly = n.group("shortly");
                String minutes = n.group("minutes") == null ? null : n.group("minutes").toLowerCase(Locale.ROOT);
                if (minutes != null && shortly == null) { // "at around a quarter to midnight": 23:45 of that day
                    at = at.plusMinutes(minutesWord(minutes));
                    out.add(new ClockSpan(at, null, false, false, n.start(), n.end()));
                } else if (shortly == null) {
                    out.add(new ClockSpan(at, null, false, true, n.start(), n.end()));
                } else if (shortly.equalsIgnoreCase("after")) {
                    out.add(new ClockSpan(at, at.plusHours(1), false, true, n.start(), n.end()));
                } else {
                    out.add(new ClockSpan(at.minusHours(1), at, false, true, n.start(), n.end()));
                }
            }
        }
        out.sort(Comparator.comparingInt(ClockSpan::start));
        for (int i = 0; i < out.size(); i++) {
            ClockSpan c = out.get(i);
            if (c.to() == null && !c.openEnded()) {
                Matcher s = SHORTLY_BEFORE_CLOCK.matcher(text).region(Math.max(0, c.start() - 30), c.start())
                        .useTransparentBounds(true);
                if (s.find()) { // "shortly after 22:00": the hour after it
                    out.set(i, s.group("dir").equalsIgnoreCase("after")
                            ? new ClockSpan(c.from(), c.from().plusHours(1), false, true, c.start(), c.end())
                            : new ClockSpan(c.from().minusHours(1), c.from(), false, true, c.start(), c.end()));
                }
            }
        }
        for (int i = 0; i < out.size(); i++) {
            ClockSpan c = out.get(i);
            if (c.to() != null || c.openEnded() || c.partOfDay()) {
                continue;
            }
            // "at around 23:45 … came under fire for about twenty minutes": the time told after the clock (in its
            // sentence or the next, before any other clock) ends the event — 00:05, over midnight like "from 23:45 to 00:05"
            int limit = i + 1 < out.size() ? out.get(i + 1).start() : text.length();
            String after = text.substring(c.end(), Math.min(limit, c.end() + 160));
            int paragraph = after.indexOf('\n');
            // "fired … for about 40 minutes, starting at 22:15" (`h59-30`): the length told right before "starting at"
            // ends the event as the one told after the clock does
            int from = Math.max(i > 0 ? out.get(i - 1).end() : 0, c.start() - 80);
            Matcher f = DURATION_BEFORE.matcher(text).region(Math.max(0, Math.min(from, c.start())), c.start());
            boolean found = f.find();
            if (!found) {
                f = DURATION.matcher(paragraph < 0 ? after : after.substring(0, paragraph));
                found = f.find() && sentencesBetween(f.group("gap")) <= 1;
            }
            if (found) {
                Integer len = f.group("an") != null ? Integer.valueOf(1) : NumberWords.parse(f.group("n"));
                if (len != null && len > 0) {
                    long minutes = f.group("unit").toLowerCase(Locale.ROOT).startsWith("hour") ? len * 60L : len;
                    if (minutes <= 12 * 60) {
                        out.set(i, new ClockSpan(c.from(), c.from().plusMinutes(minutes), false, c.hourOnly(),
                                c.start(), c.end()));
                    }
                }
            }
        }
        return out;
    }

    /** Every {@link #WORD_CLOCK_RANGE} with its part of the day after it or right before it. */
    private static void wordClockRanges(String text, List<ClockSpan> out) {
        Matcher r = WORD_CLOCK_RANGE.matcher(text);
        while (r.find()) {
            String part = r.group("part") != null ? r.group("part") : r.group("dpart");
            if (part == null && (r.group("night") != null || r.group("dnight") != null)) {
                part = "night";
            }
            if (part == null) {
                Matcher before = PART_BEFORE_RANGE.matcher(text).region(Math.max(0, r.start() - 40), r.start());
                part = before.find() ? before.group("part") : null;
            }
            if (part == null || overlapsClock(out, r.start(), r.end())) {
                continue; // "from ten to eleven soldiers": no part of the day, no clock
            }
            String p = part.toLowerCase(Locale.ROOT);
            out.add(new ClockSpan(wordClock(r.group("h1"), r.group("past1"), p), wordClock(r.group("h2"), r.group("past2"), p),
                    false, r.group("past1") == null && r.group("past2") == null, r.start(), r.end()));
        }
    }

    /** A length of time: "for about twenty minutes", "for some 40 minutes", "for an hour", "for two hours". */
    private static final Pattern DURATION = Alternations.compile("^(?<gap>[\\s\\S]*?)\\bfor\\s+(?:about|around|approximately|"
            + "some|nearly|almost|roughly|up\\s+to)?\\s*(?:(?<an>an|one)|(?<n>\\d{1,3}|[a-z]+(?:-[a-z]+)?))\\s+"
            + "(?<unit>minutes?|hours?)\\b", Pattern.CASE_INSENSITIVE);

    /** A length of time right before "starting at" and its clock: "for about 40 minutes, starting at 22:15". */
    private static final Pattern DURATION_BEFORE = Alternations.compile("\\bfor\\s+(?:about|around|approximately|"
            + "some|nearly|almost|roughly|up\\s+to)?\\s*(?:(?<an>an|one)|(?<n>\\d{1,3}|[a-z]+(?:-[a-z]+)?))\\s+"
            + "(?<unit>minutes?|hours?),?\\s+(?:starting|beginning)(?:\\s+(?:at|from))?"
            + "(?:\\s+(?:about|around|approximately))?\\s*$", Pattern.CASE_INSENSITIVE);

    /** Full stops that end a sentence in the text between a clock and a length of time. */
    private static int sentencesBetween(String gap) {
        return (int) Pattern.compile("[.!?](?:\\s|$)").matcher(gap).results().count();
    }

    private static boolean overlapsClock(List<ClockSpan> clocks, int start, int end) {
        return clocks.stream().anyMatch(c -> start < c.end() && c.start() < end);
    }

    /**
     * True when the span is a day named relative to the reference day: "yesterday", "today", "last night",
     * "overnight", "this morning", "tonight", "(on) Monday", "the night from Monday to Tuesday".
     */
    static boolean isRelative(String text, DateSpan d) {
        return RELATIVE.matcher(text).region(d.start(), d.end()).matches();
    }

    /** True when the date span is a "this week" / "last week" of {@link #dates}. */
    static boolean isWeek(String text, DateSpan d) {
        return WEEK.matcher(text).region(d.start(), d.end()).matches();
    }

    /** True when the word is a month name this class knows. */
    public static boolean isMonth(String word) {
        return MONTHS.containsKey(monthKey(word));
    }

    /** Lower case without the dot that Turkic capital İ leaves ("İyulun" is "iyulun"). */
    /** Each month a matcher finds (group {@code m}, no year): the latest such month begun by {@code reference}. */
    private static void addLatestMonths(Matcher mr, LocalDate reference, List<DateSpan> out) {
        while (mr.find()) {
            Integer month = MONTHS.get(monthKey(mr.group("m")));
            if (month != null && !overlaps(out, mr.start("m"), mr.end("m"))) {
                LocalDate first = LocalDate.of(reference.getYear(), month, 1);
                first = first.isAfter(reference) ? first.minusYears(1) : first;
                LocalDate end = first.withDayOfMonth(first.lengthOfMonth());
                out.add(new DateSpan(first, end.isAfter(reference) ? reference : end, false, mr.start("m"),
                        mr.end("m")));
            }
        }
    }

    private static String monthKey(String word) {
        return word.toLowerCase(Locale.ROOT).replace("\u0307", "");
    }
}
