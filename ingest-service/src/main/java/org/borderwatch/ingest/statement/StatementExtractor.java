package org.borderwatch.ingest.statement;

import org.borderwatch.common.model.Answers;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.Coverage;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.TimePrecision;
import org.borderwatch.ingest.gazetteer.Gazetteer;
import org.borderwatch.ingest.gazetteer.Place;
import org.borderwatch.ingest.gazetteer.PlaceMention;
import org.borderwatch.ingest.gazetteer.PlaceResolution;
import org.borderwatch.ingest.statement.TimeExpressions.ClockSpan;
import org.borderwatch.ingest.statement.TimeExpressions.DateSpan;
import org.borderwatch.ingest.text.Fold;
import org.borderwatch.ingest.text.Sentences;
import org.borderwatch.ingest.text.Sentences.Span;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an official statement with rules and data: stance, acting party, event types, places, event time,
 * casualties, retaliation framing, and what a denial answers or an observer's statement covers. A text the rules
 * cannot read (not English) keeps what can be read without language — places, dates, clock times — and stance
 * {@code UNKNOWN}; a stance is never guessed.
 */
public final class StatementExtractor {

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
    private static final Pattern WORD = Pattern.compile("\\d{1,2}:\\d{2}|[\\p{L}\\d]+(?:[-'’][\\p{L}\\d]+)*");
    private static final int BACK_WINDOW = 10;
    private static final int FORWARD_WINDOW = 5;

    private final Gazetteer gazetteer;
    private final ZoneOffset zone;

    /**
     * @param zone the sources' local time: clock times and bare dates in texts are read in it (UTC+4 for both
     *             Armenia and Azerbaijan)
     */
    public StatementExtractor(Gazetteer gazetteer, ZoneOffset zone) {
        this.gazetteer = Objects.requireNonNull(gazetteer);
        this.zone = Objects.requireNonNull(zone);
    }

    public Extraction extract(RawStatement statement, Source source) {
        String text = statement.text();
        OffsetDateTime published = statement.publishedAt().withOffsetSameInstant(zone);
        List<Span> sentences = Sentences.split(text);
        List<PlaceMention> mentions = gazetteer.find(text);
        PlaceResolution where = gazetteer.resolve(mentions);
        Location location = location(where);
        List<DateSpan> dates = TimeExpressions.dates(text, published.toLocalDate());
        List<ClockSpan> clocks = TimeExpressions.clocks(text);
        Interval time = eventTime(dates, clocks, published);

        if (!readable(statement.language(), text)) {
            return new Extraction(Stance.UNKNOWN, null, List.of(), location, time.from(), time.until(),
                    time.precision(), null, null, null, false);
        }

        Stance stance = stance(text, source);
        Party party = source.party();
        boolean belligerent = party.isBelligerent();
        Party actor = actor(text, sentences, party);
        Party acting = switch (stance) {
            case DENIAL -> belligerent ? party : actor;
            case REFUTATION, UNKNOWN -> null;
            case CLAIM -> actor != null ? actor : (belligerent ? party : null);
            case CONFIRMATION -> actor;
        };
        boolean retaliation = StatementRules.RETALIATION.matcher(text).find() && stance != Stance.DENIAL;
        Casualties casualties = casualties(text, sentences, party, acting, stance);
        List<EventType> types = eventTypes(text, stance, casualties);

        Answers answers = null;
        Coverage coverage = null;
        if (stance == Stance.DENIAL) {
            answers = denialAnswers(text, sentences, mentions, dates, belligerent ? party.opponent() : null);
        } else if (stance == Stance.CLAIM && retaliation && belligerent) {
            answers = retaliationAnswers(text, time, where, party.opponent());
        }
        if (source.kind() == SourceKind.INDEPENDENT_OBSERVER
                && (stance == Stance.REFUTATION || stance == Stance.CONFIRMATION)) {
            coverage = new Coverage(time.dayStart(), time.dayEnd(), where.resolvedSegments());
        }
        if (stance == Stance.CONFIRMATION) {
            Matcher reporter = StatementRules.REPORTER.matcher(text);
            Party confirmed = reporter.find() ? nationality(reporter.group("nat"), party) : null;
            answers = new Answers(List.of(), confirmed, time.dayStart(), time.dayEnd(), where.resolvedSegments());
        }
        if (answers != null) {
            List<String> cited = citedIds(text, statement.url());
            if (!cited.isEmpty()) {
                answers = new Answers(cited, answers.party(), answers.from(), answers.to(), answers.segments());
            }
        }
        return new Extraction(stance, acting, types, location, time.from(), time.until(), time.precision(),
                casualties, answers, coverage, retaliation);
    }

    /** The links and report ids a response cites (not its own link), in order of appearance, each once. */
    static List<String> citedIds(String text, String ownUrl) {
        Matcher m = StatementRules.CITED_ID.matcher(text);
        LinkedHashSet<String> out = new LinkedHashSet<>();
        while (m.find()) {
            String id = m.group();
            if (!id.equals(ownUrl)) {
                out.add(id.startsWith("http") ? id : id.toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(out);
    }

    static boolean readable(String language, String text) {
        boolean english = language == null || language.isBlank()
                || language.toLowerCase(Locale.ROOT).startsWith("en");
        return english && Fold.isLatin(text);
    }

    private Location location(PlaceResolution where) {
        Place settlement = where.settlement();
        Set<String> names = new LinkedHashSet<>();
        where.mentions().forEach(m -> names.add(m.matched()));
        return new Location(where.segments(), where.ambiguous(), settlement == null ? null : settlement.name(),
                names.isEmpty() ? null : String.join(", ", names),
                settlement == null ? null : settlement.lat(), settlement == null ? null : settlement.lon());
    }

    // ---- stance and parties ------------------------------------------------------------------------------------

    private static Stance stance(String text, Source source) {
        if (source.kind() == SourceKind.INDEPENDENT_OBSERVER) {
            if (StatementRules.OBSERVED_NOTHING.matcher(text).find()) {
                return Stance.REFUTATION;
            }
            return StatementRules.CONFIRMS.matcher(text).find() ? Stance.CONFIRMATION : Stance.UNKNOWN;
        }
        if (StatementRules.DENIAL.matcher(text).find()) {
            return Stance.DENIAL;
        }
        return describesEvent(text) ? Stance.CLAIM : Stance.UNKNOWN;
    }

    private static boolean describesEvent(String text) {
        return StatementRules.EVENT_CUE.matcher(text).find()
                || StatementRules.EVENT_SCAN.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    private record Actor(Party party, int start, int end) {
    }

    /** Whose forces acted: the nearest actor phrase before the first hostile verb, else the first actor phrase. */
    private static Party actor(String text, List<Span> sentences, Party sourceParty) {
        List<Actor> actors = new ArrayList<>();
        Matcher m = StatementRules.ACTOR.matcher(text);
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 40), m.start());
            if (StatementRules.TARGET_BEFORE.matcher(before).find()) {
                continue;
            }
            Party p = nationality(m.group("nat") != null ? m.group("nat") : m.group("nat2"), sourceParty);
            if (p != null) {
                actors.add(new Actor(p, m.start(), m.end()));
            }
        }
        if (actors.isEmpty()) {
            return null;
        }
        for (Span sentence : sentences) {
            Matcher v = StatementRules.HOSTILE_VERB.matcher(text).region(sentence.start(), sentence.end());
            while (v.find()) {
                int verb = v.start();
                Actor nearest = null;
                for (Actor a : actors) {
                    if (a.start() >= sentence.start() && a.end() <= verb) {
                        nearest = a;
                    }
                }
                if (nearest != null) {
                    return nearest.party();
                }
            }
        }
        return actors.get(0).party();
    }

    private static Party nationality(String word, Party sourceParty) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.equals("our")) {
            return sourceParty.isBelligerent() ? sourceParty : null;
        }
        if (w.endsWith("enemy")) {
            return sourceParty.opponent();
        }
        if (w.startsWith("armenia")) {
            return Party.AM;
        }
        if (w.startsWith("azerbaijan")) {
            return Party.AZ;
        }
        return null;
    }

    // ---- event types -------------------------------------------------------------------------------------------

    private static List<EventType> eventTypes(String text, Stance stance, Casualties casualties) {
        String lower = text.toLowerCase(Locale.ROOT);
        TreeMap<Integer, EventType> found = new TreeMap<>();
        Set<EventType> seen = new LinkedHashSet<>();
        Matcher m = StatementRules.EVENT_SCAN.matcher(lower);
        while (m.find()) {
            for (int g = 0; g < StatementRules.EVENT_SCAN_TYPES.size(); g++) {
                if (m.start("t" + g) >= 0) {
                    EventType type = StatementRules.EVENT_SCAN_TYPES.get(g);
                    if (seen.add(type)) {
                        found.put(m.start(), type);
                    }
                    break;
                }
            }
        }
        boolean weaponNamed = seen.contains(EventType.SMALL_ARMS_FIRE)
                || seen.contains(EventType.MORTAR_ARTILLERY) || seen.contains(EventType.DRONE_STRIKE);
        if (!weaponNamed) {
            Matcher fire = StatementRules.GENERIC_FIRE_LOWER.matcher(lower);
            if (fire.find()) {
                found.putIfAbsent(fire.start(), EventType.SMALL_ARMS_FIRE);
            }
        }
        List<EventType> types = new ArrayList<>(new LinkedHashSet<>(found.values()));
        if (types.isEmpty() && casualties != null && casualties.killedOrZero() + casualties.woundedOrZero() > 0) {
            types.add(EventType.CASUALTY);
        }
        if (types.isEmpty() && stance != Stance.REFUTATION) {
            types.add(EventType.OTHER);
        }
        return types;
    }

    // ---- casualties --------------------------------------------------------------------------------------------

    private record Word(String text, int start, int end) {
    }

    private static Casualties casualties(String text, List<Span> sentences, Party sourceParty, Party acting,
                                         Stance stance) {
        Integer killed = null;
        Integer wounded = null;
        Party whose = null;
        for (Span sentence : sentences) {
            List<Word> words = new ArrayList<>();
            Matcher w = WORD.matcher(text).region(sentence.start(), sentence.end());
            while (w.find()) {
                words.add(new Word(w.group(), w.start(), w.end()));
            }
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i).text();
                boolean isKilled = isKilledWord(word);
                boolean isWounded = !isKilled && isWoundedWord(word);
                if (!isKilled && !isWounded) {
                    continue;
                }
                int at = numberBefore(words, i);
                if (at < 0) {
                    at = numberAfter(words, i);
                }
                if (at < 0) {
                    continue;
                }
                int count = count(words, at);
                if (isKilled) {
                    killed = killed == null ? count : Math.max(killed, count);
                } else {
                    wounded = wounded == null ? count : Math.max(wounded, count);
                }
                if (whose == null) {
                    whose = whose(words, Math.min(at, i), Math.max(at, i) + 4, sourceParty);
                }
            }
        }
        if (killed == null && wounded == null) {
            if (StatementRules.NO_LOSSES.matcher(text).find()) {
                return new Casualties(0, 0, sourceParty.isBelligerent() ? sourceParty : null);
            }
            return null;
        }
        if (whose == null) {
            if (stance == Stance.CLAIM && acting != null && acting.isBelligerent()) {
                whose = acting.opponent();
            } else if (sourceParty.isBelligerent()) {
                whose = sourceParty;
            }
        }
        return new Casualties(killed == null ? 0 : killed, wounded == null ? 0 : wounded, whose);
    }

    private static boolean isKilledWord(String word) {
        return StatementRules.KILLED_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static boolean isWoundedWord(String word) {
        return StatementRules.WOUNDED_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static int numberBefore(List<Word> words, int i) {
        for (int k = i - 1; k >= Math.max(0, i - BACK_WINDOW); k--) {
            String t = words.get(k).text();
            if (isKilledWord(t) || isWoundedWord(t)) {
                return -1;
            }
            if (isCount(words, k)) {
                return k;
            }
        }
        return -1;
    }

    private static int numberAfter(List<Word> words, int i) {
        for (int k = i + 1; k < Math.min(words.size(), i + 1 + FORWARD_WINDOW); k++) {
            String t = words.get(k).text();
            if (isKilledWord(t) || isWoundedWord(t)) {
                return -1;
            }
            if (isCount(words, k)) {
                return k;
            }
        }
        return -1;
    }

    /** "a serviceman", "an officer": one person. */
    private static final Set<String> PERSON_NOUNS = Set.of("serviceman", "soldier", "officer", "civilian",
            "resident", "guard", "border", "member", "person", "man", "woman", "child", "contract", "conscript");

    private static Integer count(List<Word> words, int k) {
        String t = words.get(k).text();
        if ((t.equalsIgnoreCase("a") || t.equalsIgnoreCase("an")) && k + 1 < words.size()
                && PERSON_NOUNS.contains(words.get(k + 1).text().toLowerCase(Locale.ROOT))) {
            return 1;
        }
        return NumberWords.parse(t);
    }

    /** A number that counts people: not "no", not a year, not a day of a date, not a clock time. */
    private static boolean isCount(List<Word> words, int k) {
        String t = words.get(k).text();
        if (t.equalsIgnoreCase("a") || t.equalsIgnoreCase("an")) {
            return count(words, k) != null;
        }
        if (t.equalsIgnoreCase("no") || t.contains(":")) {
            return false;
        }
        Integer n = NumberWords.parse(t);
        if (n == null || n > 999) {
            return false;
        }
        if (k + 1 < words.size() && TimeExpressions.isMonth(words.get(k + 1).text())) {
            return false;
        }
        return k == 0 || !TimeExpressions.isMonth(words.get(k - 1).text());
    }

    private static Party whose(List<Word> words, int from, int to, Party sourceParty) {
        for (int k = Math.max(0, from); k < Math.min(words.size(), to); k++) {
            String t = words.get(k).text().toLowerCase(Locale.ROOT);
            if (t.startsWith("armenia")) {
                return Party.AM;
            }
            if (t.startsWith("azerbaijan")) {
                return Party.AZ;
            }
            if (t.equals("our") && sourceParty.isBelligerent()) {
                return sourceParty;
            }
        }
        return null;
    }

    // ---- time --------------------------------------------------------------------------------------------------

    /** An event-time interval with its precision; the day bounds are the whole local days it touches. */
    record Interval(OffsetDateTime from, OffsetDateTime until, TimePrecision precision) {
        OffsetDateTime dayStart() {
            return from.toLocalDate().atStartOfDay().atOffset(from.getOffset());
        }

        OffsetDateTime dayEnd() {
            return until.toLocalDate().atTime(END_OF_DAY).atOffset(until.getOffset());
        }
    }

    private Interval eventTime(List<DateSpan> dates, List<ClockSpan> clocks, OffsetDateTime published) {
        DateSpan date = dates.isEmpty() ? null : dates.get(0);
        ClockSpan clock = clocks.isEmpty() ? null : clocks.get(0);
        if (clock != null) {
            LocalDate day;
            if (date != null) {
                day = date.night() && clock.from().getHour() < 12 ? date.last() : date.first();
            } else {
                day = published.toLocalDate();
                if (day.atTime(clock.from()).atOffset(zone).isAfter(published)) {
                    day = day.minusDays(1);
                }
            }
            OffsetDateTime from = day.atTime(clock.from()).atOffset(zone);
            OffsetDateTime until = from;
            if (clock.to() != null) {
                until = day.atTime(clock.to()).atOffset(zone);
                if (until.isBefore(from)) {
                    until = until.plusDays(1);
                }
            } else if (clock.openEnded() && published.isAfter(from)) {
                until = published;
            }
            return new Interval(from, until, TimePrecision.MINUTE);
        }
        if (date != null) {
            return new Interval(date.first().atStartOfDay().atOffset(zone),
                    date.last().atTime(END_OF_DAY).atOffset(zone), TimePrecision.DAY);
        }
        LocalDate day = published.toLocalDate();
        return new Interval(day.atStartOfDay().atOffset(zone), day.atTime(END_OF_DAY).atOffset(zone),
                TimePrecision.UNKNOWN);
    }

    // ---- answers -----------------------------------------------------------------------------------------------

    /** What a denial answers: the accusing party, and the dates and places named where the text denies. */
    private Answers denialAnswers(String text, List<Span> sentences, List<PlaceMention> mentions,
                                  List<DateSpan> dates, Party accuser) {
        List<Span> denying = sentences.stream()
                .filter(s -> StatementRules.DENIAL.matcher(s.of(text)).find())
                .toList();
        List<PlaceMention> there = mentions.stream()
                .filter(m -> denying.stream().anyMatch(s -> s.contains(m.start())))
                .toList();
        List<DateSpan> when = dates.stream()
                .filter(d -> denying.stream().anyMatch(s -> s.contains(d.start())))
                .toList();
        if (when.isEmpty()) {
            when = dates;
        }
        OffsetDateTime from = null;
        OffsetDateTime to = null;
        if (!when.isEmpty()) {
            LocalDate first = when.stream().map(DateSpan::first).min(Comparator.naturalOrder()).orElseThrow();
            LocalDate last = when.stream().map(DateSpan::last).max(Comparator.naturalOrder()).orElseThrow();
            from = first.atStartOfDay().atOffset(zone);
            to = last.atTime(END_OF_DAY).atOffset(zone);
        }
        List<BorderSegment> segments = gazetteer.resolve(there).resolvedSegments();
        return new Answers(List.of(), accuser, from, to, segments);
    }

    /** What a retaliation answers: the other side's action, "the day before" or on the event's days. */
    private Answers retaliationAnswers(String text, Interval time, PlaceResolution where, Party other) {
        LocalDate first = time.from().toLocalDate();
        LocalDate last = time.until().toLocalDate();
        if (StatementRules.DAY_BEFORE.matcher(text).find()) {
            first = first.minusDays(1);
            last = first;
        }
        return new Answers(List.of(), other, first.atStartOfDay().atOffset(zone),
                last.atTime(END_OF_DAY).atOffset(zone), where.resolvedSegments());
    }
}
