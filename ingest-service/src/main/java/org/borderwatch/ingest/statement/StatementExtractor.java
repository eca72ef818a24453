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
import org.borderwatch.ingest.gazetteer.PlaceKind;
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
import java.util.regex.MatchResult;
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
    private static final Pattern WORD = Alternations.compile("\\d{1,2}:\\d{2}|[\\p{L}\\d]++(?:[-'’][\\p{L}\\d]++)*+");

    /**
     * A word of a sentence whose losses are counted: also a number with thousands separators ("3,800", "1 200" with a
     * thin or no-break space) as one word — exactly three digits after each separator, no digit, point or comma with a
     * digit right before or after it (no decimal, no list "12, 13 and 14"); with a plain space only right before up to
     * two words and people ("3 800 servicemen"), so that "3 120 mm" stays two.
     */
    private static final Pattern COUNT_WORD = Alternations.compile("(?<![\\d.,])\\d{1,3}(?:(?:,|[\\u00A0\\u2009\\u202F])\\d{3})++"
            + "(?![\\p{L}\\d\\-'’]|[.,]\\d)"
            + "|(?<![\\d.,])\\d{1,3} \\d{3}(?![\\p{L}\\d\\-'’]|[.,]\\d)(?=\\s+(?:[\\p{L}-]+\\s+){0,2}(?i:servicemen|soldiers|"
            + "civilians|people|persons|residents|troops|fighters|officers|children|women|men)\\b)"
            + "|" + WORD.pattern());
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
        // "the servicemen who fell while repelling the aggression": a death, read as "who died" (same length)
        String text = StatementRules.FELL.matcher(withoutRecalledEvents(withoutUpdateStamps(statement.text())))
                .replaceAll("died");
        OffsetDateTime published = statement.publishedAt().withOffsetSameInstant(zone);
        List<Span> sentences = Sentences.split(text);
        List<PlaceMention> mentions = withBareBorder(text, placesIn(text), source);
        // "The ministry said on Tuesday that yesterday …": days named relative to an earlier day of saying are its
        List<DateSpan> datesRead = relativeToSaying(text, sentences,
                TimeExpressions.dates(text, published.toLocalDate()), published.toLocalDate());
        // "Correction to our update of 22 April: in that update we said that our patrols near Jermuk on 20 and 21 April
        // observed no incidents. We correct this: on the evening of 21 April a Mission patrol … heard …": the days and
        // clocks of its own earlier words, quoted to be corrected, are not what it says now (`h99-10`)
        List<Span> quotedOwnWords = correctedOwnWords(text, sentences, datesRead);
        List<DateSpan> allDates = datesRead.stream().filter(d -> !within(quotedOwnWords, d.start())).toList();
        PlaceResolution where = gazetteer.resolve(ofTheEventPlaces(text, sentences,
                withoutPastMonths(text, sentences, mentions, allDates, published.toLocalDate())));
        List<DateSpan> dates = eventDates(text, allDates);
        List<ClockSpan> clocks = eventClocks(text, TimeExpressions.clocks(text, zone), allDates, dates).stream()
                .filter(c -> !within(quotedOwnWords, c.start())).toList();
        if (clocks.isEmpty()) { // "this morning", "on the evening of 11 April": a window of hours when no clock is given
            // … but not the part of a day that dates the saying ("On Tuesday evening, the ministry said that …")
            // and only in a sentence about the event or about what an observer saw or did not see ("In the morning
            // the ministry held a briefing. On 5 May units fired …", "… on 12 May. In the evening it was calm": the day)
            List<DateSpan> saying = allDates.stream().filter(d -> !dates.contains(d)).toList();
            // each asked once per sentence or clause, not once per part of the day (an endless sentence of thousands)
            java.util.Map<Span, Boolean> aboutTheEvent = new java.util.HashMap<>();
            java.util.Map<String, Boolean> sayingClauses = new java.util.HashMap<>();
            java.util.Map<Span, List<int[]>> calmAt = new java.util.HashMap<>();
            List<int[]> breaks = clauseBreaks(text);
            boolean readable = readable(statement.language(), text);
            clocks = eventClocks(text, TimeExpressions.partsOfDay(text), allDates, dates).stream()
                    .filter(c -> !within(quotedOwnWords, c.start()))
                    .filter(c -> saying.stream().noneMatch(d -> c.start() <= d.end() + 4 && d.start() <= c.end() + 4))
                    // "…, the minister told the Council this evening", "Speaking at the Council this evening, the
                    // minister said …": a part of the day in a clause of saying that describes no event is the saying's
                    .filter(c -> !sayingClauses.computeIfAbsent(clauseOf(text, c.start(), c.end(), breaks),
                            StatementExtractor::sayingClause))
                    // "…, adding that the situation calmed in the evening", "By evening the situation had stabilised":
                    // when the fighting was over, not when it was (an observer's calm is what it watched, unless it
                    // is a closing remark in the sentence of what it saw or heard)
                    .filter(c -> !calmRemark(text, sentences, c, source, calmAt))
                    // (a text the rules cannot read has no event words: its night, "в ночь с 13 на 14 сентября", is
                    // the same window as the English one)
                    .filter(c -> !readable || sentences.stream().filter(sp -> sp.contains(c.start())).anyMatch(sp ->
                            aboutTheEvent.computeIfAbsent(sp, k -> {
                                String sentence = k.of(text);
                                return describesEvent(sentence) || source.kind() == SourceKind.INDEPENDENT_OBSERVER
                                        && (StatementRules.OBSERVED_NOTHING.matcher(sentence).find()
                                        || StatementRules.CONFIRMS.matcher(sentence).find());
                            })))
                    .toList();
        }
        Interval time = eventTime(text, anchoringDates(text, daysWithinOpenSpans(dates), clocks, published),
                ownDayParts(clocks, allDates, dates), published);
        List<DateSpan> lineDays = datedLines(text, dates);
        if (lineDays.size() >= 2) {
            // a bulletin of lines each opening with its own day ("Violations of the ceasefire:\n17 June – Tovuz
            // direction – small arms\n18 June – …"): from the first line's day to the last's
            time = spanOfDays(lineDays, dates, ownDayParts(clocks, allDates, dates), published);
        }
        Interval answeredTime = null;

        if (!readable(statement.language(), text)) {
            // counts only: whose losses only when the text says "our" (ForeignCasualties), never a stance or actor
            return new Extraction(Stance.UNKNOWN, null, List.of(), location(where, text), time.from(), time.until(),
                    time.precision(), ForeignCasualties.read(text, source.party()), null, null, false);
        }

        // the stance of the statement's own event: a recalled claim "which Yerevan denied" does not make it a denial
        Stance stance = stance(withoutRecalledStatements(text), source);
        if (stance == Stance.UNKNOWN && source.kind() == SourceKind.INDEPENDENT_OBSERVER
                && StatementRules.OWN_CONCERN.matcher(text).find()
                && describesEvent(blanked(text, StatementRules.HEARSAY))
                && actor(withoutPeopleCrossing(blanked(text, StatementRules.HEARSAY)), sentences,
                source.party(), mentions) != null) {
            // an observer alarmed in its own words by what a named side did ("is alarmed by the military action that
            // Azerbaijan started today, including artillery fire on Stepanakert") confirms it; at others' "reports /
            // claims of …" it does not, nor does an appeal or a handover that names a side
            stance = Stance.CONFIRMATION;
        }
        List<Span> held = stance == Stance.UNKNOWN && source.kind() == SourceKind.INDEPENDENT_OBSERVER
                ? heldSince(text, sentences) : List.of();
        if (!held.isEmpty()) {
            // "ICRC delegates visited the two Armenian servicemen held by Azerbaijan since they were apprehended in the
            // Kalbajar area on 26 May": the observer states the detention in its own words; its day and place are the
            // clause's (the visit's day is not the event's), the holder acts
            stance = Stance.CONFIRMATION;
            List<DateSpan> then = dates.stream().filter(d -> within(held, d.start()))
                    .map(d -> d.open() ? new DateSpan(d.first(), d.first(), false, d.start(), d.end()) : d).toList();
            if (!then.isEmpty()) {
                time = eventTime(then, clocks.stream().filter(c -> within(held, c.start())).toList(), published);
            }
            List<PlaceMention> there = mentions.stream().filter(m -> within(held, m.start())).toList();
            if (!there.isEmpty()) {
                where = gazetteer.resolve(there);
            }
        }
        if (stance == Stance.REFUTATION) {
            // "In connection with reports of shooting … on the evening of 23 January: EUMA patrols were deployed … on
            // 23 January and did not observe …": a colon or semicolon parts what the reports said from what it watched
            List<Span> clauses = sentences.stream().flatMap(sp -> colonClauses(text, sp).stream()).toList();
            // "The Mission had no patrols in the Meghri area … unable to comment on the reports concerning Agarak":
            // places it says it did not watch are not what it covered
            List<Span> unwatched = clauses.stream().filter(sp -> StatementRules.NOT_WATCHED.matcher(sp.of(text)).find()
                    && !StatementRules.OBSERVED_NOTHING.matcher(sp.of(text)).find()).toList();
            List<PlaceMention> watchedPlaces = mentions.stream().filter(m -> !within(unwatched, m.start())).toList();
            // what the observer covered: a province is all of it, also beside its settlements ("patrols in the
            // Gegharkunik and Vayots Dzor provinces, including near Sotk and Jermuk": both Vayots Dzor segments)
            List<PlaceMention> covered = watchedPlaces.isEmpty() ? mentions : watchedPlaces;
            // "Question: Did the Mission see the fire near Tegh that Baku reported? Answer: Our patrols near Goris …":
            // the question's places are the claim's, the answer's are what the observer covered
            List<Span> askedAbout = spansOf(StatementRules.QUESTION, text);
            List<PlaceMention> inAnswer = covered.stream().filter(m -> !within(askedAbout, m.start())).toList();
            covered = inAnswer.isEmpty() ? covered : inAnswer;
            where = withProvincesWhole(text, covered, gazetteer.resolveArea(covered));
            // "EUMA has taken note of the statement alleging fire late on 29 March. Monitors patrolled the area on 29
            // and 30 March and neither saw nor heard any gunfire": the days of the sentences that say it saw nothing
            // are what it covered, not the alleged event's
            List<Span> refuting = clauses.stream()
                    .filter(sp -> StatementRules.OBSERVED_NOTHING.matcher(sp.of(text)).find()).toList();
            List<DateSpan> watched = dates.stream().filter(d -> within(refuting, d.start())).toList();
            int named = dates.size();
            if (watched.isEmpty() && !dates.isEmpty()) {
                // "Azerbaijan reported Armenian fire near Chinari on 19 February. … Our patrols … on 19 and 20 February
                // observed no incidents": a sentence that only says nothing was seen tells no event, so its days were
                // not the event's; they are still the days the observer watched (`h83-02`)
                List<DateSpan> ownWatch = eventDates(text, allDates.stream()
                        .filter(d -> within(refuting, d.start()) && !dates.contains(d)).toList());
                if (!ownWatch.isEmpty()) {
                    watched = ownWatch;
                    named += ownWatch.size();
                }
            }
            if (!watched.isEmpty() && watched.size() < named) {
                List<ClockSpan> watchedClocks = clocks.stream().filter(c -> within(refuting, c.start())).toList();
                time = eventTime(daysWithinOpenSpans(watched), ownDayParts(watchedClocks, allDates, watched), published);
            } else if (watched.isEmpty()) {
                // "EUMA has taken note of the report … that units fired at about 22:10 on Thursday. On Thursday evening,
                // from 21:00 to 23:30, a patrol was stationed above Kut. … observed no firing": the time of the claim it
                // names is not its watch; the times of its other sentences are (which the event's dates left out)
                // (a transcript's question tells the claim too: "Question: … fired at about 22:10 on Thursday?")
                List<Span> asked = spansOf(StatementRules.QUESTION, text);
                List<Span> claimed = sentences.stream().filter(sp -> !refuting.contains(sp)
                        && (StatementRules.ABOUT_A_STATEMENT.matcher(sp.of(text)).find() || within(asked, sp.start())))
                        .toList();
                List<DateSpan> own = allDates.stream().filter(d -> !within(claimed, d.start())).toList();
                List<ClockSpan> ownClocks = eventClocks(text, TimeExpressions.clocks(text, zone), allDates, own).stream()
                        .filter(c -> !within(claimed, c.start())).toList();
                if (!claimed.isEmpty() && !own.isEmpty() && !ownClocks.isEmpty()) {
                    time = eventTime(daysWithinOpenSpans(own), ownDayParts(ownClocks, allDates, own), published);
                } else {
                    // "The Ministry of Defence of Azerbaijan stated that Armenian units near Khnatsakh fired … at about
                    // 22:10 on 22 March. On the evening of 22 March, from 21:00 to 23:30, a Mission patrol was stationed
                    // on the high ground above Khnatsakh. The patrol neither saw nor heard any gunfire": however the
                    // claim is told, the sentences of its own patrol or monitors and those that say it saw nothing are
                    // its watch: their clocks (or part of the day) on their day, or else the day the text speaks of
                    // (`h99-06`); with only a day of their own ("On 22 March a Mission patrol was stationed above
                    // Khnatsakh"), that whole day
                    List<Span> watch = sentences.stream().filter(sp -> !claimed.contains(sp)
                            && (refuting.stream().anyMatch(r -> sp.contains(r.start()))
                            || StatementRules.OWN_WATCH.matcher(sp.of(text)).find())).toList();
                    // (not the day of a statement it names there: "Correction to our update of this morning: …")
                    List<DateSpan> watchDays = eventDates(text, allDates.stream()
                            .filter(d -> within(watch, d.start())).toList());
                    List<ClockSpan> watchClocks = eventClocks(text, TimeExpressions.clocks(text, zone), allDates,
                            watchDays).stream().filter(c -> within(watch, c.start())).toList();
                    if (watchClocks.isEmpty()) {
                        watchClocks = eventClocks(text, TimeExpressions.partsOfDay(text), allDates, watchDays).stream()
                                .filter(c -> within(watch, c.start())).toList();
                    }
                    List<DateSpan> days = watchDays.isEmpty() ? dates : watchDays;
                    if (!watchClocks.isEmpty() && !days.isEmpty()) {
                        time = eventTime(daysWithinOpenSpans(days), ownDayParts(watchClocks, allDates, days), published);
                    } else if (!watchDays.isEmpty()) {
                        time = eventTime(daysWithinOpenSpans(watchDays), List.of(), published);
                    }
                }
            }
        }
        // "Baku's so-called 'revenge' is nothing but a pretext …, just as its attack … was presented as a response to
        // provocations": framing that a sentence calls a pretext or a lie is the other side's, not the text's
        boolean retaliation = stance != Stance.DENIAL
                && StatementRules.RETALIATION.matcher(withoutDenyingSentences(text, sentences)).find();
        List<Span> answered = stance == Stance.CLAIM && retaliation ? answeredClauses(text) : List.of();
        PlaceResolution answeredPlaces = null;
        if (!answered.isEmpty()) { // "In response to the provocation near Yeraskh, our units ... facing Sharur"
            List<DateSpan> then = dates.stream().filter(d -> within(answered, d.start())).toList();
            if (!then.isEmpty()) { // the answered event's days are not the response's
                List<DateSpan> now = dates.stream().filter(d -> !within(answered, d.start())).toList();
                List<ClockSpan> nowClocks = clocks.stream().filter(c -> !within(answered, c.start())).toList();
                answeredTime = eventTime(then, List.of(), published);
                time = eventTime(anchoringDates(text, daysWithinOpenSpans(now), nowClocks, published),
                        ownDayParts(nowClocks, allDates, now), published);
            }
            List<PlaceMention> there = mentions.stream().filter(m -> within(answered, m.start())).toList();
            if (!there.isEmpty()) {
                answeredPlaces = gazetteer.resolve(there);
                List<PlaceMention> own = mentions.stream().filter(m -> !within(answered, m.start())).toList();
                where = own.isEmpty() ? new PlaceResolution(List.of(BorderSegment.UNRESOLVED), false, null, List.of())
                        : gazetteer.resolve(own);
            }
        }
        PlaceResolution covered = where;
        // "Since 1 June the Mission's patrols … on 5 June heard shots": the open span is what the observer covered
        Interval period = source.kind() == SourceKind.INDEPENDENT_OBSERVER && answered.isEmpty()
                && daysWithinOpenSpans(dates) != dates ? eventTime(dates, List.of(), published) : time;
        if (stance == Stance.CONFIRMATION && source.kind() == SourceKind.INDEPENDENT_OBSERVER) {
            // what the observer covered is every place it names, the patrolled provinces of a sentence without an
            // event too ("In October the Mission's patrols covered Syunik and Gegharkunik. … near Sotk heard gunfire")
            // … but not the ends of a named road it speaks of ("unable to carry out evacuations from Nagorno-Karabakh
            // to Armenia via the Lachin corridor": the corridor)
            List<PlaceMention> named = withoutRoadEnds(text, mentions);
            // … nor the places of others' reports it names ("Following reports … of deadly shooting in the Syunik border
            // area, an ICRC team visited Nerkin Hand": Nerkin Hand), unless those are all it names
            List<Span> hearsay = spansOf(StatementRules.HEARSAY, text); // "reports of … in Syunik"
            List<PlaceMention> own = named.stream().filter(m -> !within(hearsay, m.start())).toList();
            own = own.isEmpty() ? named : own;
            // … nor the place the fire it heard came from ("near Yeraskh … heard a single shot … from the direction of
            // the border with Nakhchivan": Yeraskh's area), unless that is all it names
            List<PlaceMention> watched = own.stream().filter(m -> !StatementRules.FIRE_ORIGIN_BEFORE.matcher(
                    text.substring(Math.max(0, m.start() - 60), m.start())).find()).toList();
            covered = coveredArea(text, watched.isEmpty() ? own : watched);
            // "from 13 to 19 January, patrols recorded one incident: shots were heard near Sotk on 15 January": the
            // week is what the observer covered, the day within it is the event's
            DateSpan day = dayWithinPeriod(dates);
            DateSpan heading = reportingPeriod(allDates, dates);
            // "Weekly report, 1-7 March. On 2 March patrols near Tegh heard … On 5 March … observed no incidents. On 6
            // March shots were heard near Norabak": the days within the period of the sentences telling what the
            // observer saw or heard run from the first to the last
            DateSpan reported = day != null ? dates.get(0) : heading;
            List<DateSpan> seenDays = reported == null ? List.of() : seenDaysWithin(reported, dates, observations(text));
            if (seenDays.size() >= 2) {
                time = spanOfDays(seenDays, dates, clocks, published);
            }
            if (day != null) {
                if (seenDays.isEmpty()) {
                    time = eventTime(List.of(day), clocks.stream().filter(c -> c.start() > day.start()).toList(),
                            published);
                }
            } else if (patrolWindow(text, clocks, allDates, dates) != null) {
                // "A EUMA patrol near Sotk on the evening of 14 May heard a series of shots at about 21:40": the part of
                // the day named for the patrol is what it covered, the clock within it the event's
                period = eventTime(dates.isEmpty() ? null : dates.get(0), patrolWindow(text, clocks, allDates, dates),
                        published);
            } else if (heading != null) {
                // "Weekly note, 7-13 April 2025. On 10 April … a patrol heard gunfire": a period of several days in a
                // sentence without an event (a heading) that holds the event's days is what the observer covered
                period = eventTime(List.of(heading), List.of(), published);
            }
            // the event is where the observer saw it; the area it patrolled is its coverage
            List<Span> seen = observations(text);
            List<PlaceMention> there = named.stream().filter(m -> within(seen, m.start())).toList();
            if (!there.isEmpty()) {
                where = gazetteer.resolve(there);
                List<PlaceMention> patrolled = where.ambiguous() ? patrolledSettlements(named, there, where) : List.of();
                if (!patrolled.isEmpty()) {
                    // "our patrols near Yeraskh … our monitors heard small-arms fire from the direction of the border
                    // with Nakhchivan": the region the fire came from is one of several segments, and the settlement
                    // the observer names for its patrol, in one of them, places it (as "beside" it in one sentence)
                    List<PlaceMention> both = new ArrayList<>(patrolled);
                    both.addAll(there);
                    both.sort(Comparator.comparingInt(PlaceMention::start));
                    PlaceResolution narrowed = gazetteer.resolve(both);
                    if (!narrowed.ambiguous() && where.segments().containsAll(narrowed.segments())) {
                        where = narrowed;
                        // the region was only the direction of the fire, not an area the observer covered
                        covered = coveredArea(text, named.stream().filter(m -> !there.contains(m)
                                || m.place().kind().isSettlement()).toList());
                    }
                }
            }
        }
        if (stance == Stance.UNKNOWN && where.ambiguous()
                && !describesEvent(blanked(text, StatementRules.CEASEFIRE_NAMED))) {
            // "Tehran … will not accept a corridor through Syunik": a text that tells no event (not even as others'
            // reports) names no place where one happened, so a province is not "one of" its segments but all of it —
            // nor a region of several ("the situation along the border with Nakhchivan remained stable", "a cessation
            // of hostilities on the border with Nakhchivan has been reached": all three segments, `h79-18`, `-30`)
            where = gazetteer.resolveArea(mentions);
            if (where.ambiguous()) {
                where = new PlaceResolution(where.segments(), false, where.settlement(), where.mentions());
            }
        }
        Location location = location(where, text);
        Party party = source.party();
        boolean belligerent = party.isBelligerent();
        boolean mutual = StatementRules.MUTUAL.matcher(text).find();
        // a self-reported response: the clause naming what it answers is the other side's act ("As a response measure
        // to the provocation committed from the direction of Khoznavar against our post, units of the State Border
        // Service destroyed ..."), so the responder is read from the rest
        String acts = answered.isEmpty() ? text : blankedSpans(text, answered);
        List<PlaceMention> actsAt = answered.isEmpty() ? mentions
                : mentions.stream().filter(m -> !within(answered, m.start())).toList();
        // "a citizen of Armenia crossed the state border from the territory of Armenia and was detained": a person's
        // crossing (and where the person came from) is no act of a side
        if (stance == Stance.CONFIRMATION && source.kind() == SourceKind.INDEPENDENT_OBSERVER) {
            // "After reports by the State Border Service of Azerbaijan of fatal gunfire …, an ICRC team went to Sadarak.
            // We are able to confirm that a border guard died there": who reported is not who acted
            acts = blanked(acts, StatementRules.REPORTS_BY);
        }
        Party actor = mutual ? initiator(text)
                : actor(withoutPeopleCrossing(acts), sentences, party, actsAt);
        Party acting = switch (stance) {
            case DENIAL -> deniedBy(accuser(text, source), source, actor);
            case REFUTATION, UNKNOWN -> null;
            case CLAIM -> actor != null ? actor
                    : (belligerent && !mutual ? unnamedActor(acts, sentences, party, stance) : null);
            // "visited a resident … who has been held in Azerbaijan since he was detained": the holder acts
            case CONFIRMATION -> actor != null || held.isEmpty() ? actor : holder(text, held.get(0), party);
        };
        // "In response to the provocation …, which wounded one of our border guards, special units …": the answered
        // event's losses are not the response's
        Party losing = party.isBelligerent() ? party : publisherSide(source, text);
        Casualties casualties = casualties(answered.isEmpty() ? text : blankedSpans(text, answered), sentences, mentions,
                losing, acting, stance);
        Casualties told = casualties; // the losses the text names, the denied ones too: what the types are read with
        if (stance == Stance.DENIAL) {
            // "The claim that 49 Armenian servicemen were killed by Azerbaijani fire is a lie": the figures a denial
            // quotes in order to deny them are not what it asserts; only the denier's own word counts ("there are no
            // losses on our side", "The killing of four Armenian servicemen … must be condemned")
            String own = deniersOwnWords(text, sentences);
            casualties = casualties(own, sentences, mentions, losing, acting, stance);
            if (casualties == null && StatementRules.NO_LOSSES.matcher(text).find()) {
                casualties = new Casualties(0, 0, noLossesOf(text, losing));
            }
        }
        // the answered clause's weapons and "destroyed the firing point from which the fire had been opened": the
        // answered fire is not the response's
        List<EventType> types = eventTypes(stance == Stance.CLAIM && retaliation
                ? blanked(acts, StatementRules.EARLIER_FIRE) : text, sentences, stance, told);
        if (stance == Stance.CLAIM && retaliation && types.equals(List.of(EventType.CASUALTY))) {
            // "As a response measure … special units destroyed the Armenian combat post … Two servicemen were killed
            // as a result": the response is an act told beside its losses, so they are not its only content (OTHER
            // with no weapon named, as "our units destroyed an Azerbaijani firing point" alone is)
            types = new ArrayList<>(List.of(EventType.OTHER));
        }
        if (stance == Stance.CONFIRMATION && source.kind() == SourceKind.INDEPENDENT_OBSERVER) {
            // "Following reports … of deadly shooting …, an ICRC team visited Nerkin Hand. We can confirm that two
            // servicemen lost their lives there": the observer confirms the deaths; the shooting is others' report
            List<EventType> ownTypes = eventTypes(blanked(text, StatementRules.HEARSAY), sentences, stance, casualties);
            if (!ownTypes.equals(types) && !ownTypes.isEmpty() && !ownTypes.equals(List.of(EventType.OTHER))) {
                types = ownTypes;
            }
        }
        if (stance == Stance.UNKNOWN && source.kind() == SourceKind.PARTY_OFFICIAL
                && StatementRules.ALLEGED_REPORTS.matcher(text).find()) {
            // "Baku published reports about alleged shooting from Armenian positions": others' alleged event is no type
            types = eventTypes(blanked(text, StatementRules.ALLEGED_REPORTS), sentences, stance, casualties);
            if (!describesEvent(blanked(text, StatementRules.ALLEGED_REPORTS))) {
                // "A year ago, in March and April 2025, Baku published reports about alleged shooting …": the period
                // recalled is when others spoke, no event's time (the publication day, precision UNKNOWN)
                time = eventTime(List.of(), List.of(), published);
            }
        }
        if (stance == Stance.CLAIM && belligerent && acting == party.opponent() && types.contains(EventType.DETENTION)
                && !types.contains(EventType.INCURSION)
                && (party == Party.AM ? StatementRules.ON_OWN_TERRITORY_AM : StatementRules.ON_OWN_TERRITORY_AZ)
                .matcher(text).find()) {
            // "Azerbaijani servicemen surrounded and captured six of our servicemen … The servicemen were on Armenian
            // sovereign territory": the other side's forces took them on the source's own ground, so they crossed
            types = new ArrayList<>(types);
            types.add(types.indexOf(EventType.DETENTION) + 1, EventType.INCURSION);
        }
        if (stance == Stance.CLAIM && belligerent && types.equals(List.of(EventType.THREAT)) && warningOnly(text)) {
            // "The ministry warns the leadership of Armenia: any attempt at provocation … will be met with a decisive
            // response": the side warned is no actor; the threat is the issuer's
            acting = party;
        }
        Matcher calledThreat = StatementRules.CALLED_A_THREAT.matcher(text);
        if ((stance == Stance.CLAIM || stance == Stance.UNKNOWN) && calledThreat.find()) {
            // "The statement made yesterday by the President of Azerbaijan that the corridor … will be opened 'whether
            // Armenia wants it or not' is nothing less than a threat to use force": the speaker's side threatened, on
            // the day of the words
            stance = Stance.CLAIM;
            acting = calledThreat.group("am") != null || calledThreat.group("am2") != null
                    || calledThreat.group("am3") != null ? Party.AM : Party.AZ;
            types = List.of(EventType.THREAT);
            int wordsFrom = calledThreat.start("words");
            int wordsTo = calledThreat.end("words");
            List<DateSpan> said = allDates.stream().filter(d -> wordsFrom <= d.start() && d.end() <= wordsTo).toList();
            if (!said.isEmpty()) {
                time = eventTime(said, List.of(), published);
            }
        }

        Answers answers = null;
        Coverage coverage = null;
        if (stance == Stance.DENIAL) {
            answers = denialAnswers(text, sentences, mentions, dates, allDates, time, published,
                    accuser(text, source));
        } else if (stance == Stance.CLAIM && retaliation && belligerent) {
            answers = retaliationAnswers(text, answeredTime != null ? answeredTime : time,
                    answeredPlaces != null ? answeredPlaces : where, party.opponent(), answeredTime != null);
        }
        if (source.kind() == SourceKind.INDEPENDENT_OBSERVER
                && (stance == Stance.REFUTATION || stance == Stance.CONFIRMATION)) {
            OffsetDateTime from = period.dayStart();
            if (period.precision() == TimePrecision.UNKNOWN && dates.size() < allDates.size()) {
                // "Following the reports of 19 March, EUMA increased its patrols ...": since then, until publication
                from = allDates.stream().filter(d -> !dates.contains(d)).map(DateSpan::first)
                        .min(Comparator.naturalOrder()).orElseThrow().atStartOfDay().atOffset(zone);
            }
            boolean hours = period.precision() == TimePrecision.HOUR || period.precision() == TimePrecision.MINUTE;
            // "in the evening of 11 April … observed no shooting", "at about 11:00 a patrol heard gunfire": the
            // observer covered those hours (that moment), not the whole day
            coverage = hours ? new Coverage(period.from(), period.until(), covered.resolvedSegments())
                    : new Coverage(from, period.dayEnd(), covered.resolvedSegments());
        }
        if (stance == Stance.CONFIRMATION) {
            answers = new Answers(List.of(), reporter(text, party), time.dayStart(), time.dayEnd(),
                    where.resolvedSegments());
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

    /** Where a clause ends: punctuation, a dash between words, "that" (the reported clause starts after it). */
    private static final Pattern CLAUSE_BREAK = Alternations.compile("[,;:.!?()\\n\"“”]|\\s[–—-]\\s|\\bthat\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CLAUSE_WORD = Alternations.compile("[\\p{L}\\d]++");

    /**
     * The clause around a phrase: from the clause break before it to the one after it. A clause of the phrase and at
     * most three other words ("In the evening, the minister told …", "On 2 April, in the evening, units fired …") is
     * only an adverbial: it runs on into the next clause (the one before at the end of a sentence).
     */
    static String clauseOf(String text, int start, int end) {
        return clauseOf(text, start, end, clauseBreaks(text));
    }

    /** Every clause break of the text ({@link #CLAUSE_BREAK}), for {@link #clauseOf(String, int, int, List)}. */
    static List<int[]> clauseBreaks(String text) {
        List<int[]> breaks = new ArrayList<>();
        Matcher m = CLAUSE_BREAK.matcher(text);
        while (m.find()) {
            breaks.add(new int[]{m.start(), m.end()});
        }
        return breaks;
    }

    /** {@link #clauseOf(String, int, int)} with the text's clause breaks found once. */
    static String clauseOf(String text, int start, int end, List<int[]> breaks) {
        int before = -1; // index of the last break ending at or before start
        for (int i = 0; i < breaks.size() && breaks.get(i)[1] <= start; i++) {
            before = i;
        }
        int after = before + 1; // the first break starting at or after end
        while (after < breaks.size() && breaks.get(after)[0] < end) {
            after++;
        }
        int from = before < 0 ? 0 : breaks.get(before)[1];
        int to = after < breaks.size() ? breaks.get(after)[0] : text.length();
        String rest = text.substring(from, start) + " " + text.substring(end, to);
        if (CLAUSE_WORD.matcher(rest).results().count() <= 3) {
            boolean sentenceEnds = to >= text.length() || ".!?".indexOf(text.charAt(to)) >= 0;
            if (!sentenceEnds && after + 1 <= breaks.size()) {
                to = after + 1 < breaks.size() ? breaks.get(after + 1)[0] : text.length();
            } else if (before >= 0 && ".!?".indexOf(text.charAt(breaks.get(before)[0])) < 0) {
                from = before > 0 ? breaks.get(before - 1)[1] : 0;
            }
        }
        return text.substring(from, to);
    }

    /** Between a remark of calm and its part of the day: no event, no conjunction, no clause break. */
    private static final Pattern CALM_GAP = Alternations.compile("[\\s,]*(?:(?:in|by|during|towards?|toward|later|"
            + "the|that|this|on|at|in|late|early)\\s+){0,3}", Pattern.CASE_INSENSITIVE);

    /**
     * A part of the day that says when the fighting was over: right before or after a remark of calm (only a few
     * small words between: "the situation calmed in the evening", "By the evening the situation had stabilised", "the
     * firing stopped towards evening"), not "units fired in the evening before the situation calmed". An observer's
     * only when the sentence also tells what it saw or heard.
     */
    private static boolean calmRemark(String text, List<Span> sentences, ClockSpan c, Source source,
                                      java.util.Map<Span, List<int[]>> calmAt) {
        Span sentence = sentences.stream().filter(sp -> sp.contains(c.start())).findFirst().orElse(null);
        if (sentence == null) {
            return false;
        }
        String s = sentence.of(text);
        // the remarks of calm in the sentence (for an observer none unless it tells what it saw or heard), found once
        // per sentence
        List<int[]> remarks = calmAt.computeIfAbsent(sentence, k -> {
            if (source.kind() == SourceKind.INDEPENDENT_OBSERVER && !StatementRules.CONFIRMS.matcher(s).find()) {
                return List.of();
            }
            List<int[]> found = new ArrayList<>();
            Matcher m = StatementRules.CALM.matcher(s);
            while (m.find()) {
                found.add(new int[] {m.start(), m.end()});
            }
            return found;
        });
        int from = c.start() - sentence.start();
        int to = c.end() - sentence.start();
        for (int[] m : remarks) {
            String gap = m[1] <= from ? s.substring(m[1], from) : to <= m[0] ? s.substring(to, m[0]) : null;
            // "In the evening, the situation calmed" (the part opens the sentence), not "… fired at Sotk in the evening,
            // the situation …"
            boolean opens = m[1] <= from || gap == null || gap.indexOf(',') < 0 || !describesEvent(s.substring(0, from));
            if (gap != null && opens && CALM_GAP.matcher(gap).matches()) {
                return true;
            }
        }
        return false;
    }

    /** A clause of saying ("the minister told the Council this evening") that describes no event itself. */
    private static boolean sayingClause(String clause) {
        return StatementRules.SAYING_WORD.matcher(clause).find() && !describesEvent(clause);
    }

    /**
     * The places of the event: a place named only in a sentence that describes no event is background when sentences
     * that describe one name places ("… fired on their positions near the border village of Tegh. … the only road
     * linking Armenia with Karabakh": Tegh). Alone, every place is kept.
     */
    private static List<PlaceMention> ofTheEventPlaces(String text, List<Span> sentences, List<PlaceMention> mentions) {
        if (mentions.size() < 2) {
            return mentions;
        }
        mentions = withoutHomePlaces(text, withoutRoadEnds(text, mentions));
        if (mentions.size() < 2) {
            return mentions;
        }
        Map<Span, Boolean> eventful = new java.util.HashMap<>(); // each sentence read once
        List<PlaceMention> inEvents = mentions.stream().filter(m -> sentences.stream().filter(s -> s.contains(m.start()))
                .anyMatch(s -> eventful.computeIfAbsent(s, k -> describesEvent(k.of(text))))).toList();
        return inEvents.isEmpty() ? mentions : inEvents;
    }

    /**
     * The places named without those of a sentence dated by a whole month before the publication's ("just as its
     * attack on Jermuk … in September 2022 was presented as …"): a past month beside the event is background, and so
     * are its places. All of them when every place is in such a sentence.
     */
    private static List<PlaceMention> withoutPastMonths(String text, List<Span> sentences, List<PlaceMention> mentions,
                                                        List<DateSpan> dates, LocalDate published) {
        LocalDate month = published.withDayOfMonth(1);
        List<Span> past = sentences.stream().filter(s -> dates.stream().anyMatch(d -> d.wholeMonth()
                && d.last().isBefore(month) && s.contains(d.start()))).toList();
        if (mentions.size() < 2 || past.isEmpty()) {
            return mentions;
        }
        List<PlaceMention> kept = mentions.stream().filter(m -> past.stream().noneMatch(s -> s.contains(m.start())))
                .toList();
        return kept.isEmpty() ? mentions : kept;
    }

    /** The places a text names, without a person's surname that is also a place's name (see {@link #PERSON_BEFORE}). */
    private List<PlaceMention> placesIn(String text) {
        return gazetteer.find(text).stream().filter(m -> !PERSON_BEFORE.matcher(text)
                .region(Math.max(0, m.start() - 80), m.start()).useTransparentBounds(true).find()
                || PLACE_WORD_AFTER.matcher(text).region(m.end(), text.length()).lookingAt()).toList();
    }

    /**
     * A rank and a person's given names or initials right before a word ("Private Elvin Gubadli was wounded",
     * "Sergeant Ali Lachin", "Major Gubadli"): that word is the person's surname, not a place, even when a place has
     * that name. Case-sensitive: the names are capitalised, and the rank too when no name comes between; a word such as
     * "In" or "Near" of a headline in title case is no name.
     */
    private static final String NAME_WORD = "(?!(?:In|At|Near|From|Of|On|To|By|The|And|Was|Were|Is|Wounded|Killed|"
            + "Injured|Died)\\b)(?:\\p{Lu}\\.|\\p{Lu}\\p{Ll}[\\p{L}'’-]*)";
    private static final Pattern PERSON_BEFORE = Alternations.compile("(?:\\b(?i:(?:junior|senior|lance)\\s+)?"
            + "(?i:private|corporal|sergeant|lieutenant|captain|major|colonel|ensign|soldier|serviceman)\\s+"
            + "(?:" + NAME_WORD + "\\s*){1,3}"
            + "|\\b(?:(?:Junior|Senior|Lance)\\s+)?(?:Private|Corporal|Sergeant|Lieutenant|Captain|Major|Colonel|Ensign)\\s+)$");
    /** ... unless a word of place follows it ("the Gubadli direction", "Gubadli district"). */
    private static final Pattern PLACE_WORD_AFTER = Alternations.compile("\\s+(?:direction|district|region|village|"
            + "settlement|province|sector|section|area|rayon)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * The places named without the ends of a named road ("the Lachin corridor, the only road connecting
     * Nagorno-Karabakh with Armenia", "from Nagorno-Karabakh to Armenia via the Lachin corridor"): not where the event
     * on it is. All of them when every place is such an end.
     */
    private static List<PlaceMention> withoutRoadEnds(String text, List<PlaceMention> mentions) {
        List<PlaceMention> notEnds = mentions.stream().filter(m -> !ROAD_END_BEFORE.matcher(
                text.substring(Math.max(0, m.start() - 80), m.start())).find() && !journeyEnd(text, m)).toList();
        return notEnds.isEmpty() ? mentions : notEnds;
    }

    /**
     * The places named without a person's home in an aside ("Junior Sergeant F. G., a native of the Alibeyli village of
     * Tovuz district, who was wounded … in the Lachin direction": Lachin; `h92-18`): where he comes from is no place of
     * the event. All of them when every place is such a home.
     */
    private static List<PlaceMention> withoutHomePlaces(String text, List<PlaceMention> mentions) {
        List<PlaceMention> notHomes = mentions.stream().filter(m -> !HOME_BEFORE.matcher(
                text.substring(Math.max(0, m.start() - 80), m.start())).find()).toList();
        return notHomes.isEmpty() ? mentions : notHomes;
    }

    /** Before a place in the aside of where a person comes from: ", a native of the … village of …". */
    private static final Pattern HOME_BEFORE = Alternations.compile(",\\s*an?\\s+native\\s+of\\s[^,.;:()]*$",
            Pattern.CASE_INSENSITIVE);

    /** Before a place a road links: "the only road connecting …", "a route linking … with …". */
    private static final Pattern ROAD_END_BEFORE = Alternations.compile("\\b(?:road|route|highway|corridor|artery|lifeline)\\s+"
            + "(?:that\\s+|which\\s+)?(?:connect(?:s|ing)?|link(?:s|ing)?)\\s+(?:the\\s+)?(?:[\\p{L}'’-]+\\s+){0,3}?"
            + "(?:(?:with|and|to)\\s+(?:the\\s+)?(?:[\\p{L}'’-]+\\s+){0,2}?)?$", Pattern.CASE_INSENSITIVE);

    /** The place a journey starts from or goes to: "from Nagorno-Karabakh to Armenia via the Lachin corridor". */
    private static final Pattern JOURNEY_END_BEFORE = Alternations.compile("\\b(?:from|to|into)\\s+(?:the\\s+)?$",
            Pattern.CASE_INSENSITIVE);

    /** After a journey's end: the other end, then the named road it goes by ("… to Armenia via the Lachin corridor"). */
    private static final Pattern JOURNEY_BY_ROAD_AFTER = Alternations.compile("^(?:\\s+(?:to|into)\\s+(?:the\\s+)?"
            + "(?:[\\p{L}'’-]+\\s+){0,3}?[\\p{L}'’-]+)?\\s+(?:via|through|along|by\\s+way\\s+of)\\s+(?:the\\s+)?"
            + "(?:[\\p{L}'’-]+\\s+){0,3}?(?:corridor|road|route|highway|bridge|checkpoint)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * An end of a journey by a named road ("evacuations from Nagorno-Karabakh to Armenia via the Lachin corridor"):
     * like the ends a road links, not the event's place.
     */
    private static boolean journeyEnd(String text, PlaceMention m) {
        return JOURNEY_END_BEFORE.matcher(text.substring(Math.max(0, m.start() - 12), m.start())).find()
                && JOURNEY_BY_ROAD_AFTER.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 100))).find();
    }

    /**
     * A span running until publication ("Over the past day the following violations were recorded: 1. At 22:15 on 9
     * May …", "Since 15 June … On 18 June a soldier was wounded") is background beside a day it holds: that day is the
     * event's. The same list when there is none.
     */
    private static List<DateSpan> daysWithinOpenSpans(List<DateSpan> dates) {
        if (dates.size() < 2 || dates.stream().noneMatch(DateSpan::open)) {
            return dates;
        }
        List<DateSpan> open = dates.stream().filter(DateSpan::open).toList();
        List<DateSpan> held = dates.stream().filter(d -> !d.open() && open.stream().anyMatch(o ->
                !d.first().isBefore(o.first()) && !d.last().isAfter(o.last()))).toList();
        return held.isEmpty() ? dates : held;
    }

    /**
     * A period of several days (a whole month too: "Monthly update, October 2025. In October, EUMA conducted 276
     * patrols …", `h58-25`; not running until publication) that the event dates left out and that holds every one of
     * them: an observer's reporting period named in a heading or a sentence of its patrols. Null when there is none.
     */
    private static DateSpan reportingPeriod(List<DateSpan> all, List<DateSpan> event) {
        if (event.isEmpty()) {
            return null;
        }
        return all.stream().filter(d -> !event.contains(d) && !d.open() && !d.night()
                        && d.first().isBefore(d.last()))
                .filter(d -> event.stream().allMatch(e -> !e.first().isBefore(d.first()) && !e.last().isAfter(d.last())))
                .findFirst().orElse(null);
    }

    /**
     * An observer's bare "along the border", "on the border", "the border areas" in a text that names no other place,
     * in a sentence of its own watch (its patrols or monitors, or what it saw, heard or did not), is the border as a
     * whole, the gazetteer's {@code BORDER} place ("From 12 to 18 October, Mission patrols along the border observed no
     * security incidents": every state-border segment covered, `h87-34`); like "along the Armenia-Azerbaijan border",
     * no place of an event. A party's "fired along the border" names no place, nor an observer's visit to people
     * "captured on the border".
     */
    private List<PlaceMention> withBareBorder(String text, List<PlaceMention> mentions, Source source) {
        if (!mentions.isEmpty() || source.kind() != SourceKind.INDEPENDENT_OBSERVER) {
            return mentions;
        }
        Place border = gazetteer.places().stream().filter(p -> p.kind() == PlaceKind.BORDER).findFirst().orElse(null);
        Matcher m = StatementRules.BARE_BORDER.matcher(text);
        while (border != null && m.find()) {
            int at = m.start();
            String sentence = Sentences.split(text).stream().filter(sp -> sp.contains(at)).findFirst()
                    .map(sp -> sp.of(text)).orElse(text);
            if (StatementRules.OWN_WATCH.matcher(sentence).find()
                    || StatementRules.OBSERVED_NOTHING.matcher(sentence).find()
                    || StatementRules.CONFIRMS.matcher(sentence).find()) {
                return List.of(new PlaceMention(border, m.group(), m.start(), m.end()));
            }
        }
        return mentions;
    }

    /**
     * What an observer's confirmation covered: every place it names, each as an area (a province is all of it: "in
     * Syunik province", "in southern Syunik"), the border as a whole only when nothing else is named.
     */
    private PlaceResolution coveredArea(String text, List<PlaceMention> mentions) {
        List<PlaceMention> named = mentions.stream().filter(m -> m.place().kind() != PlaceKind.BORDER).toList();
        if (named.isEmpty()) {
            return gazetteer.resolveArea(mentions);
        }
        return withProvincesWhole(text, mentions, gazetteer.resolve(mentions));
    }

    /**
     * {@code all} with every province or region named as an area added whole, unless it only places the settlement
     * named just before it ("near Tegh in Syunik", "Khnatsakh, Syunik province"); the border as a whole adds nothing.
     */
    private PlaceResolution withProvincesWhole(String text, List<PlaceMention> mentions, PlaceResolution all) {
        List<PlaceMention> named = mentions.stream().filter(m -> m.place().kind() != PlaceKind.BORDER).toList();
        if (named.isEmpty()) {
            return all;
        }
        java.util.LinkedHashSet<BorderSegment> segments = new java.util.LinkedHashSet<>(all.resolvedSegments());
        Map<BorderSegment, Integer> firstNamed = new java.util.HashMap<>(); // the first place naming each segment
        for (int i = 0; i < named.size(); i++) {
            PlaceMention m = named.get(i);
            // "near Tegh in Syunik", "Khnatsakh, Syunik province": a province that places a settlement is its context
            if (i > 0 && named.get(i - 1).place().kind().isSettlement() && !m.place().kind().isSettlement()
                    && SETTLEMENT_CONTEXT.matcher(text.substring(named.get(i - 1).end(), m.start())).matches()) {
                continue;
            }
            List<BorderSegment> own = gazetteer.resolveArea(List.of(m)).resolvedSegments();
            segments.addAll(own);
            own.forEach(s -> firstNamed.merge(s, m.start(), Math::min));
        }
        // in text order: "patrols in the Tavush, Gegharkunik, Vayots Dzor and Syunik provinces, including near Jermuk
        // and Kapan" keeps each province's two segments together (`h75-19`)
        List<BorderSegment> ordered = new ArrayList<>(segments);
        ordered.sort(Comparator.comparing(s -> firstNamed.getOrDefault(s, Integer.MAX_VALUE)));
        return new PlaceResolution(List.copyOf(ordered), all.ambiguous(), all.settlement(), all.mentions());
    }

    /**
     * A part of the day with a clock time inside its window ("on the evening of 14 May … at about 21:40"): that part, the
     * one window named; null when there is none, several or no clock within it. A range of clocks right after the part
     * (only its day, the place and commas between: "During an evening patrol on 22 April, from 19:00 to 21:30, EUMA
     * monitors … heard …") is the patrol's own hours, narrower than the part: that range is the window.
     */
    private static ClockSpan patrolWindow(String text, List<ClockSpan> clocks, List<DateSpan> all,
                                          List<DateSpan> event) {
        if (clocks.isEmpty() || clocks.stream().anyMatch(ClockSpan::partOfDay)) {
            return null; // no clock: the part of the day is the event's time already
        }
        List<ClockSpan> parts = eventClocks(text, TimeExpressions.partsOfDay(text), all, event);
        if (parts.size() != 1) {
            return null;
        }
        ClockSpan part = parts.get(0);
        LocalTime from = part.from();
        LocalTime to = part.to() == null ? from : part.to();
        boolean inside = clocks.stream().filter(c -> !c.partOfDay()).anyMatch(c -> from.isBefore(to)
                ? !c.from().isBefore(from) && !c.from().isAfter(to)
                : !c.from().isBefore(from) || !c.from().isAfter(to)); // a window over midnight
        if (!inside) {
            return null;
        }
        return clocks.stream().filter(c -> !c.partOfDay() && !c.openEnded() && c.to() != null
                        && !c.to().equals(c.from()) && c.start() >= part.end()
                        && PATROL_HOURS_GAP.matcher(text).region(part.end(), c.start()).matches())
                .findFirst().orElse(part);
    }

    /**
     * Between a patrol's part of the day and its own hours: the patrol, then its day and place, commas ("… evening
     * patrol on 22 April 2025, from 19:00 to 21:30", "… night patrol near Yeraskh, between 23:00 and 02:00"); no verb,
     * no other clause. A part of the day not named for a patrol ("This morning, between 8:30 and 9:15, a patrol
     * heard …") keeps its window: the range is when the fire was heard.
     */
    private static final Pattern PATROL_HOURS_GAP = Alternations.compile("\\s+(?i:patrols?|visits?|watch)\\b[\\s,(]*"
            + "(?:(?:(?i:on)\\s+(?:(?i:the)\\s+)?\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?\\s+\\p{L}+(?:\\s+\\d{4})?"
            + "|(?i:near|in|around|at)\\s+(?:(?i:the\\s+village\\s+of)\\s+)?\\p{Lu}[\\p{L}'’-]+"
            + "(?:\\s+\\p{Lu}[\\p{L}'’-]+)?)[\\s,]*){0,2}(?:(?i:from|between)\\s*)?");

    /**
     * The settlements an observer names outside the sentences where it saw or heard the event, each in one segment of
     * the one-of-several region those sentences name ({@code heard}): where its patrol stood. Empty when they lie in
     * different segments (no one place to narrow to) or when those sentences name a settlement themselves.
     */
    private static List<PlaceMention> patrolledSettlements(List<PlaceMention> named, List<PlaceMention> there,
                                                           PlaceResolution heard) {
        if (there.stream().anyMatch(m -> m.place().kind().isSettlement())) {
            return List.of();
        }
        List<PlaceMention> out = named.stream().filter(m -> !there.contains(m) && m.place().kind().isSettlement()
                && m.place().segments().size() == 1 && heard.segments().containsAll(m.place().segments())).toList();
        return out.stream().map(m -> m.place().segments()).distinct().count() == 1 ? out : List.of();
    }

    /** Between a settlement and the province that places it: "Tegh in Syunik", "Tegh, Syunik", "Tegh of the …". */
    private static final Pattern SETTLEMENT_CONTEXT = Alternations.compile("\\s*(?:,|\\(|in|of)\\s*(?:the\\s+)?",
            Pattern.CASE_INSENSITIVE);

    /**
     * The single days within a reporting period of several days that stand in a sentence telling what the observer saw
     * or heard ({@code seen}), when at least two different days do; otherwise none.
     */
    private static List<DateSpan> seenDaysWithin(DateSpan period, List<DateSpan> dates, List<Span> seen) {
        List<DateSpan> days = dates.stream()
                .filter(d -> d.first().equals(d.last()) && !d.first().isBefore(period.first())
                        && !d.last().isAfter(period.last()) && within(seen, d.start()))
                .toList();
        return days.stream().map(DateSpan::first).distinct().count() >= 2 ? days : List.of();
    }

    /** What may stand before a day that opens a line of a bulletin: a bullet, a dash, "On". */
    private static final Pattern LINE_OPENING = Alternations.compile("[\\s•*·–—-]*(?:on\\s+)?",
            Pattern.CASE_INSENSITIVE);
    /** What follows a bulletin line's day: a dash, colon or bar, possibly after a clock ("17 June, 22:10 – …"). */
    private static final Pattern LINE_FIELD = Alternations.compile("(?:,?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d\\d)?\\s*[–—:|-]",
            Pattern.CASE_INSENSITIVE);

    /**
     * The single days that open table-like lines of their own ("17 June – Tovuz direction – small arms", "• On 11
     * October: Tegh, small arms"), when at least two different days do; otherwise none (a line of prose, "On 2 June the
     * situation was calm", is no bulletin line).
     */
    private static List<DateSpan> datedLines(String text, List<DateSpan> dates) {
        List<DateSpan> days = dates.stream()
                .filter(d -> !d.open() && !d.night() && d.first().equals(d.last())
                        && LINE_OPENING.matcher(text.substring(text.lastIndexOf('\n', d.start() - 1) + 1, d.start()))
                        .matches()
                        && LINE_FIELD.matcher(text).region(d.end(), text.length()).lookingAt())
                .toList();
        return days.stream().map(DateSpan::first).distinct().count() >= 2 ? days : List.of();
    }

    /**
     * One interval over several days, each read with the clocks after it up to the next date: from the earliest to
     * the latest, as precise as the least precise of them.
     */
    private Interval spanOfDays(List<DateSpan> days, List<DateSpan> dates, List<ClockSpan> clocks,
                                OffsetDateTime published) {
        List<Interval> each = new ArrayList<>();
        for (DateSpan d : days) {
            int next = dates.stream().mapToInt(DateSpan::start).filter(x -> x > d.start()).min().orElse(Integer.MAX_VALUE);
            each.add(eventTime(List.of(d), clocks.stream().filter(c -> c.start() > d.start() && c.start() < next)
                    .toList(), published));
        }
        OffsetDateTime from = each.stream().map(Interval::from).min(Comparator.naturalOrder()).orElseThrow();
        OffsetDateTime until = each.stream().map(Interval::until).max(Comparator.naturalOrder()).orElseThrow();
        TimePrecision precision = each.stream().map(Interval::precision).max(Comparator.naturalOrder()).orElseThrow();
        return new Interval(from, until, precision);
    }

    /** A single day after a reporting period of several days that holds it ("from 13 to 19 January … on 15 January"). */
    private static DateSpan dayWithinPeriod(List<DateSpan> dates) {
        if (dates.size() < 2 || dates.get(0).first().equals(dates.get(0).last()) || dates.get(0).wholeMonth()) {
            return null;
        }
        DateSpan period = dates.get(0);
        return dates.stream().skip(1)
                .filter(d -> d.first().equals(d.last()) && !d.first().isBefore(period.first())
                        && !d.last().isAfter(period.last()))
                .findFirst().orElse(null);
    }

    /**
     * A party's denial that also accuses the other side ("The claim that our units fired near Khoznavar is false. On
     * the contrary, at 21:10 Armenian units fired at our positions in the Gubadli direction"): the counter-accusation
     * read as a claim of its own — the sentences that turn the accusation round (and a following one with its
     * consequences, or the clause "adding that …" after the denial in its sentence), with the denied event's places
     * and time when they name none. Null when there is none, when the source is neither one of the two sides'
     * officials nor a news outlet quoting one side's denial, or when its acting party is not the denying side's
     * opponent.
     */
    public Extraction counterClaim(RawStatement statement, Source source, Extraction denial) {
        if (denial.stance() != Stance.DENIAL || !readable(statement.language(), statement.text())) {
            return null;
        }
        // whose denial: the official's own side, or the side a news outlet quotes denying ("Armenia's Defence
        // Ministry denied ..., adding that Azerbaijani units had themselves fired ...": the ministry's word relayed)
        boolean official = source.kind() == SourceKind.PARTY_OFFICIAL && source.party().isBelligerent();
        boolean relayed = source.kind() == SourceKind.MEDIA && denial.actingParty() != null
                && denial.actingParty().isBelligerent();
        if (!official && !relayed) {
            return null;
        }
        Party denying = official ? source.party() : denial.actingParty();
        String text = statement.text();
        List<Span> counter = counterSentences(text);
        if (counter.isEmpty()) {
            return null;
        }
        Extraction x = extract(keeping(statement, counter, true), source);
        if (x.stance() != Stance.CLAIM || x.actingParty() != denying.opponent()) {
            return null;
        }
        boolean placed = x.location().segments().stream().anyMatch(BorderSegment::isResolved);
        boolean timed = x.timePrecision() != TimePrecision.UNKNOWN;
        return new Extraction(Stance.CLAIM, x.actingParty(), x.eventTypes(), placed ? x.location() : denial.location(),
                timed ? x.occurredAt() : denial.occurredAt(), timed ? x.occurredUntil() : denial.occurredUntil(),
                timed ? x.timePrecision() : denial.timePrecision(), x.casualties(), x.answers(), null,
                x.retaliation());
    }

    /**
     * An observer's confirmation that also says it saw nothing somewhere else ("… a patrol near Tegh heard several bursts
     * of gunfire in the late morning. … Patrols near Nerkin Hand in the evening observed no shooting"): the two
     * reports it makes, the confirmation read without the refuting sentences (so its time, place and coverage are only
     * what it confirms) and the refutation read from them alone (with the dates named before them when they name
     * none). Only a refuting sentence that names a settlement of its own is split off: "the rest of the month along the
     * border was calm", "no shooting incidents were reported" say how the rest passed and stay the confirmation's
     * background. Null when there is no such sentence, or when either part would not keep its stance.
     */
    public List<Extraction> confirmationAndRefutation(RawStatement statement, Source source, Extraction confirmation) {
        if (confirmation.stance() != Stance.CONFIRMATION || source.kind() != SourceKind.INDEPENDENT_OBSERVER
                || !readable(statement.language(), statement.text())) {
            return null;
        }
        String text = statement.text();
        List<Span> seen = observations(text);
        if (seen.isEmpty()) {
            return null;
        }
        // "… near Tegh heard explosions. The monitors at Tegh saw nothing": not seeing what was heard at the same place is
        // a detail of the hearing, not a second report
        Set<String> heardAt = seen.stream().filter(sp -> StatementRules.HEARD_EVENT.matcher(sp.of(text)).find())
                .flatMap(sp -> placesIn(sp.of(text)).stream()).map(m -> m.place().name())
                .collect(java.util.stream.Collectors.toSet());
        // "Correction: in our update of 3 March we said that our patrols near Yeraskh observed no incidents. … we correct
        // this": its own earlier words, quoted to be corrected, are not said now; nor is a "saw nothing" told before
        // what it then saw ("Clarification to our update of 6 December: on their first visit our monitors found no
        // signs of the reported shooting in Aygepar. On a second visit … they found fresh bullet marks …")
        boolean corrects = StatementRules.CORRECTION.matcher(text).find();
        int firstSeen = seen.get(0).start();
        List<Span> refuting = Sentences.split(text).stream()
                .filter(sp -> !seen.contains(sp))
                .filter(sp -> !(corrects && (StatementRules.OWN_EARLIER_WORDS.matcher(sp.of(text)).find()
                        || sp.end() <= firstSeen)))
                .filter(sp -> StatementRules.OBSERVED_NOTHING.matcher(sp.of(text)).find())
                .filter(sp -> placesIn(sp.of(text)).stream().anyMatch(m -> m.place().kind().isSettlement()))
                .filter(sp -> StatementRules.OBSERVED_NOTHING.matcher(blanked(sp.of(text), StatementRules.NOT_SEEN)).find()
                        || !heardAt.containsAll(placesIn(sp.of(text)).stream().map(m -> m.place().name()).toList()))
                .toList();
        if (refuting.isEmpty()) {
            return null;
        }
        List<Span> kept = new ArrayList<>(refuting);
        List<DateSpan> dates = TimeExpressions.dates(text, statement.publishedAt().withOffsetSameInstant(zone).toLocalDate());
        boolean dated = dates.stream().anyMatch(d -> within(refuting, d.start()));
        if (!dated) { // "On 11 April … Patrols near Nerkin Hand in the evening observed no shooting": that day's evening
            dates.stream().filter(d -> d.end() <= refuting.get(0).start())
                    .forEach(d -> kept.add(new Span(d.start(), d.end())));
        }
        Extraction refutation = extract(keeping(statement, kept, true), source);
        Extraction confirmed = extract(keeping(statement, refuting, false), source);
        if (refutation.stance() != Stance.REFUTATION || confirmed.stance() != Stance.CONFIRMATION) {
            return null;
        }
        return List.of(confirmed, refutation);
    }

    /**
     * The denial of a statement that also makes a counter-accusation, read only from the sentences that deny (and
     * the question or claim they answer): the counter-accusation's place, time, casualties and event types belong to
     * the counter-claim's report, not to the denial's. {@code denial} itself when the rest is no denial on its own.
     */
    public Extraction denialWithoutCounterClaim(RawStatement statement, Source source, Extraction denial) {
        List<Span> counter = counterSentences(statement.text());
        if (counter.isEmpty()) {
            return denial;
        }
        Extraction x = extract(keeping(statement, counter, false), source);
        return x.stance() == Stance.DENIAL ? x : denial;
    }

    /** The statement with only the {@code spans} kept ({@code keep}) or only them blanked; offsets stay valid. */
    private static RawStatement keeping(RawStatement statement, List<Span> spans, boolean keep) {
        String text = statement.text();
        StringBuilder only = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            only.append(within(spans, i) == keep ? text.charAt(i) : ' ');
        }
        return new RawStatement(statement.sourceRef(), statement.source(), statement.publishedAt(),
                statement.language(), only.toString(), statement.url());
    }

    /**
     * The sentences that turn a denied accusation round (and a following one with its consequences), or the clause
     * after the denial in the denying sentence that does ("…, adding that …", "…; on the contrary, …").
     */
    private static List<Span> counterSentences(String text) {
        List<Span> counter = new ArrayList<>();
        for (Span s : Sentences.split(text)) {
            String sentence = s.of(text);
            Matcher denial = StatementRules.DENIAL.matcher(sentence);
            if (denial.find()) {
                if (!counter.isEmpty()) {
                    break;
                }
                // "…, the ministry said, adding that Azerbaijani units had themselves fired at …": the clause after
                // the denial, to the end of its sentence
                Matcher clause = StatementRules.COUNTER_CLAUSE.matcher(sentence)
                        .region(denial.end(), sentence.length());
                if (clause.find() && describesEvent(sentence.substring(clause.end()))) {
                    counter.add(new Span(s.start() + clause.start(), s.end()));
                }
                continue;
            }
            if (counter.isEmpty()) {
                if (StatementRules.COUNTER.matcher(sentence).find() && describesEvent(sentence)) {
                    counter.add(s);
                }
            } else if (StatementRules.CONSEQUENCE.matcher(sentence).find()
                    || StatementRules.NO_LOSSES.matcher(sentence).find()) {
                // "There are no losses on the Armenian side": a following zero is the counter-accusation's, too
                counter.add(s);
            } else {
                break;
            }
        }
        return counter;
    }

    /**
     * The side whose claim a statement answers, when the text names it ("the report of the Armenian MoD", "the
     * Azerbaijani side's claim"); never the side the claim accuses ("fire from the Azerbaijani side").
     */
    private static Party reporter(String text, Party sourceParty) {
        Matcher m = StatementRules.REPORTER.matcher(text);
        return m.find() ? nationality(StatementRules.reporterNationality(m), sourceParty) : null;
    }

    /**
     * Whose claim a denial answers. A party's own denial answers the other side; anyone else (a news agency, even one
     * of a side's own media, reporting "Armenia's MoD denied Azerbaijan's claims") answers the claimant the text
     * names, falling back to the other side of a belligerent publisher.
     */
    private static Party accuser(String text, Source source) {
        Party party = source.party();
        if (source.kind() == SourceKind.PARTY_OFFICIAL && party.isBelligerent()) {
            return party.opponent();
        }
        Party named = reporter(text, party);
        return named != null ? named : party.opponent();
    }

    /** A side named in an unregistered publisher's name: "Mine Action Agency of Azerbaijan", "Armenian Red Cross". */
    private static final Pattern PUBLISHER_SIDE = Alternations.compile("\\s+(?:of|in)\\s+(?:the\\s+)?(?:Republic\\s+of\\s+)?"
            + "(?<end>Azerbaijan|Armenia)\\s*$|^\\s*(?:the\\s+)?(?<start>Azerbaijan(?:i|['’]s)?|Armenia(?:n|['’]s)?)\\s+",
            Pattern.CASE_INSENSITIVE);

    /**
     * Whose losses are the publisher's own people: an unregistered publisher whose name names a side ("Mine Action
     * Agency of Azerbaijan") and whose text names the publisher ("a vehicle of the Mine Action Agency … one deminer was
     * killed") reports losses of that side when the text names none; otherwise the source's party (none).
     */
    private static Party publisherSide(Source source, String text) {
        Matcher m = PUBLISHER_SIDE.matcher(source.name());
        if (!m.find()) {
            return source.party();
        }
        String side = m.group("end") != null ? m.group("end") : m.group("start");
        String rest = Fold.phrase(new StringBuilder(source.name()).delete(m.start(), m.end()).toString())
                .replaceFirst("^the ", "");
        if (rest.split(" ").length < 2 || !(" " + Fold.phrase(text) + " ").contains(" " + rest + " ")) {
            return source.party();
        }
        return side.toLowerCase(Locale.ROOT).startsWith("azerbaijan") ? Party.AZ : Party.AM;
    }

    /** The accused of a denial: the denying official's side, else the accuser's opponent, else the actor named. */
    private static Party deniedBy(Party accuser, Source source, Party actor) {
        if (source.kind() == SourceKind.PARTY_OFFICIAL && source.party().isBelligerent()) {
            return source.party();
        }
        if (accuser != null && accuser.isBelligerent()) {
            return accuser.opponent();
        }
        return source.party().isBelligerent() ? source.party() : actor;
    }

    /**
     * A text that dates its saying before the publication day ("The ministry said on Tuesday that …", published on
     * Wednesday): the days its sentence names relative to a reference day ("yesterday", "last night", "overnight",
     * "this morning", "on Monday") are relative to the day of the saying, not to publication — "said on Tuesday that
     * last night …" is the night into Tuesday. A part of the day with no day of its own in that sentence ("said on
     * Tuesday that units fired during the night") is the saying day's (the night into it). The same list when there is
     * no such saying; days in other sentences keep the publication day as their reference.
     */
    private static List<DateSpan> relativeToSaying(String text, List<Span> sentences, List<DateSpan> all,
                                                   LocalDate publishedDay) {
        List<DateSpan> event = eventDates(text, all);
        DateSpan saying = all.stream().filter(d -> !event.contains(d) && !d.open() && !d.night()
                && d.first().equals(d.last()) && d.first().isBefore(publishedDay) && reportingDate(text, d))
                .findFirst().orElse(null);
        if (saying == null) {
            return all;
        }
        Span sentence = sentences.stream().filter(s -> s.contains(saying.start())).findFirst().orElse(null);
        if (sentence == null) {
            return all;
        }
        LocalDate day = saying.first();
        List<DateSpan> again = TimeExpressions.dates(text, day);
        List<DateSpan> out = new ArrayList<>(all.size() + 1);
        boolean changed = false;
        for (DateSpan d : all) {
            DateSpan r = d;
            if (d != saying && sentence.contains(d.start()) && TimeExpressions.isRelative(text, d)) {
                r = again.stream().filter(a -> a.start() == d.start() && a.end() == d.end()).findFirst().orElse(d);
            }
            changed |= !r.equals(d);
            out.add(r);
        }
        if (eventDates(text, out).isEmpty()) {
            // "said on Tuesday that units fired during the night": the saying day's night, not the publication's
            ClockSpan part = TimeExpressions.partsOfDay(text).stream()
                    .filter(c -> sentence.contains(c.start()))
                    .filter(c -> all.stream().noneMatch(d -> c.start() <= d.end() + 4 && d.start() <= c.end() + 4))
                    .filter(c -> !sayingClause(clauseOf(text, c.start(), c.end())))
                    .findFirst().orElse(null);
            if (part != null) {
                boolean night = part.to() != null && part.to().isBefore(part.from());
                out.add(night ? new DateSpan(day.minusDays(1), day, true, part.start(), part.end())
                        : new DateSpan(day, day, false, part.start(), part.end()));
                out.sort(Comparator.comparingInt(DateSpan::start));
                changed = true;
            }
        }
        return changed ? out : all;
    }

    /** Dates of the event: a date given as that of an earlier statement ("its statement of 11 November") is not. */
    /**
     * The spans of {@link StatementRules#CEASEFIRE_OPENING} and the times of {@link StatementRules#ANNOUNCED_TIME}: a
     * ceasefire's clock and day, or another announced time, no event's.
     */
    static List<int[]> ceasefireOpenings(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = StatementRules.CEASEFIRE_OPENING.matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        Matcher a = StatementRules.ANNOUNCED_TIME.matcher(text);
        while (a.find()) {
            out.add(new int[] {a.start(), a.end("when")}); // a clock's span may hold its preposition
        }
        return out;
    }

    /** The spans of {@link StatementRules#DEATH_OPENING}'s time: a death's clock and day, no event's. */
    static List<int[]> deathOpenings(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = StatementRules.DEATH_OPENING.matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start("when"), m.end("when")});
        }
        return out;
    }

    static List<DateSpan> eventDates(String text, List<DateSpan> dates) {
        List<int[]> openings = ceasefireOpenings(text);
        List<DateSpan> kept = dates.stream().filter(d -> {
            if (openings.stream().anyMatch(o -> o[0] <= d.start() && d.start() < o[1])) {
                return false; // "At 20:00 today a ceasefire … entered into force": the ceasefire's day
            }
            String before = text.substring(Math.max(0, d.start() - 120), d.start());
            String after = text.substring(d.end(), Math.min(text.length(), d.end() + 40));
            return !StatementRules.STATEMENT_DATE_BEFORE.matcher(before).find()
                    && !StatementRules.STATEMENT_DATE_AFTER.matcher(after).find()
                    && !reportingDate(text, d)
                    // "the first such incident since 12 May", "the heaviest shelling since September 2022": a comparison
                    && !(d.open() && StatementRules.COMPARED_SINCE.matcher(before).find())
                    && !weekOfNoEvent(text, d);
        }).toList();
        List<DateSpan> kept0 = kept;
        kept = ofTheEvent(text, kept, dates.stream().filter(d -> !kept0.contains(d) && reportingDate(text, d)
                && !dateline(text, d)).toList());
        // "At 06:15 on 13 March, Private A. P., who was wounded … on 11 March, died of his wounds": the day opening the
        // sentence is the death's; the wounding's day is the event's (alone, the death's day stays)
        List<int[]> deaths = deathOpenings(text);
        List<DateSpan> notDeaths = kept.stream().filter(d -> deaths.stream()
                .noneMatch(o -> o[0] <= d.start() && d.start() < o[1])).toList();
        if (!notDeaths.isEmpty()) {
            kept = notDeaths;
        }
        // "a patrol visited Sotk on 12 May and confirmed traces of shelling on 11 May": the date the event noun
        // carries is the event's, the date of the observer's visit is not
        List<DateSpan> ofEvent = kept.stream().filter(d -> StatementRules.EVENT_DATE_BEFORE
                .matcher(text.substring(Math.max(0, d.start() - 60), d.start())).find()).toList();
        if (ofEvent.isEmpty() || ofEvent.size() == kept.size()) {
            return kept;
        }
        List<DateSpan> visits = kept.stream().filter(d -> !ofEvent.contains(d) && (StatementRules.VISIT_DATE_BEFORE
                .matcher(text.substring(Math.max(0, d.start() - 60), d.start())).find()
                || StatementRules.VISIT_DATE_AFTER.matcher(text).region(d.end(), Math.min(text.length(), d.end() + 80))
                        .lookingAt())).toList();
        return visits.isEmpty() ? kept : kept.stream().filter(d -> !visits.contains(d)).toList();
    }

    /**
     * "this week" / "last week" in a sentence that neither describes an event nor says what was observed ("Tension on
     * the border rose again this week."): background, not the event's days. An observer's "During its patrols this
     * week … observed no exchanges of fire" keeps it (its coverage).
     */
    private static boolean weekOfNoEvent(String text, DateSpan d) {
        if (!TimeExpressions.isWeek(text, d)) {
            return false;
        }
        String sentence = Sentences.split(text).stream().filter(s -> s.contains(d.start())).findFirst()
                .map(s -> s.of(text)).orElse(text);
        return !describesEvent(sentence) && !StatementRules.OBSERVED_NOTHING.matcher(sentence).find()
                && !StatementRules.CONFIRMS.matcher(sentence).find();
    }

    /**
     * A date attached to a reporting verb dates a saying, not the event, with or without other dates: "residents said
     * on Thursday that troops fired on Tuesday" (Tuesday), "Armenia's Defence Ministry on Monday denied that …" (no
     * event date: the publication day, or what other phrases say).
     */
    private static boolean reportingDate(String text, DateSpan d) {
        String before = text.substring(Math.max(0, d.start() - 60), d.start());
        boolean reporting = StatementRules.REPORTING_DATE_BEFORE.matcher(before.substring(Math.max(0,
                before.length() - 40))).find() || StatementRules.REPORTING_DATE_AFTER.matcher(text.substring(d.end(),
                Math.min(text.length(), d.end() + 50))).find();
        // a patrol reports what it saw that day: "EUMA patrols in Tavush on 19 March reported that …" dates the patrol
        return reporting && !StatementRules.PATROL_REPORTING.matcher(before).find() || openingReportingDate(text, d)
                || dateline(text, d);
    }

    /**
     * A wire report's dateline: "YEREVAN, May 17 (Reuters) -" or "БАКУ, 2 августа. /Интерфакс/." opens the text with
     * a city in capitals, or several joined by slashes: "YEREVAN/BAKU, Sept 13 (Reuters) -" (`h71-11`), also on the
     * line under a headline ("EU monitors say …\n\nYEREVAN, Nov 5 (Reuters) - …", `h93-09`: its date was the event's).
     */
    private static final Pattern DATELINE_BEFORE = Alternations.compile("(?:^|\\n)[^\\S\\n]*\\p{Lu}[\\p{Lu} .'’/-]{1,40},\\s*$");
    private static final Pattern DATELINE_AFTER = Alternations.compile("^(?:,?\\s*\\d{4})?\\s*(?:(?:\\([^)]{1,40}\\)\\s*)?[-–—]"
            // the Russian agencies' "БАКУ, 2 августа. /Интерфакс/." and "MOSCOW, July 14. /TASS/."
            + "|\\.?\\s*/[^/\\n]{1,40}/"
            // Armenpress' "YEREVAN, May 6. ARMENPRESS."
            + "|\\.\\s*\\p{Lu}{3,20}\\.)");

    /**
     * The date of a wire report's dateline ("YEREVAN, May 17 (Reuters) - … said on Tuesday that … at 9:15 p.m. on
     * Monday") is the day the report was filed, not the event's.
     */
    private static boolean dateline(String text, DateSpan d) {
        if (d.start() <= 300 && DATELINE_BEFORE.matcher(text.substring(0, d.start())).find()
                && DATELINE_AFTER.matcher(text.substring(d.end(), Math.min(text.length(), d.end() + 50))).find()) {
            return true;
        }
        // an agency's dateline opening a line (after a headline): "Baku, 8 September, APA. Last night …"
        return d.start() <= 300 && AGENCY_DATELINE_BEFORE.matcher(text.substring(0, d.start())).find()
                && AGENCY_DATELINE_AFTER.matcher(text.substring(d.end(), Math.min(text.length(), d.end() + 40))).find();
    }

    /** A city opening a line ("Baku, "), then the date and the agency's name and a full stop (", APA."). */
    private static final Pattern AGENCY_DATELINE_BEFORE = Alternations.compile("(?:^|\\n)\\s*\\p{Lu}\\p{Ll}+,\\s*$");
    private static final Pattern AGENCY_DATELINE_AFTER = Alternations.compile("^(?:,?\\s*\\d{4})?,\\s*\\p{Lu}[\\p{L}-]{1,20}\\s*[.:—–-]");

    /**
     * A date opening a sentence whose main verb is a verb of saying ("On Monday, the ministry said that …", "On 12 May
     * the Defence Ministry reported that …") dates the saying, like "said on Monday"; a patrol's report keeps it.
     */
    private static boolean openingReportingDate(String text, DateSpan d) {
        // cut before the sentence's start, the text may not pass for one ("x" keeps "^" off the cut)
        String before = d.start() <= 60 ? text.substring(0, d.start()) : "x" + text.substring(d.start() - 60, d.start());
        if (!StatementRules.OPENING_DATE_BEFORE.matcher(before).find()) {
            return false;
        }
        Matcher m = StatementRules.OPENING_DATE_AFTER.matcher(text.substring(d.end(), Math.min(text.length(),
                d.end() + 160)));
        return m.find() && !StatementRules.PATROL_REPORTING.matcher(m.group("subject") != null ? m.group("subject")
                : m.group("issuer")).find();
    }

    /**
     * Beside other dates (or a saying's date in a sentence that tells the event), a date is not the event's when it is
     * a whole month beside a day, or sits in a sentence that describes no event ("on 31 January the sides exchanged
     * proposals on the peace agreement. However, on 12 February Armenian forces opened fire ..."). Alone, each is kept.
     */
    private static List<DateSpan> ofTheEvent(String text, List<DateSpan> dates, List<DateSpan> sayings) {
        if (dates.isEmpty()) {
            return dates;
        }
        if (dates.size() < 2) {
            // "Azerbaijan's defence ministry said on Tuesday that … at 04:35 … The two leaders initialled the treaty on
            // 8 August last year": beside a saying's day in a sentence that tells the event, a lone date in a sentence
            // that describes no event is background too (`h93-18`: the clock took 8 August)
            List<Span> sentences = Sentences.split(text);
            java.util.function.Predicate<DateSpan> inEvent = d -> sentences.stream().filter(s -> s.contains(d.start()))
                    .anyMatch(s -> describesEvent(s.of(text)));
            // (not what an observer says it watched: "Our patrols near Goris on 2 and 3 June observed no incidents")
            String own = sentences.stream().filter(s -> s.contains(dates.get(0).start())).findFirst()
                    .map(s -> s.of(text)).orElse("");
            return sayings.stream().anyMatch(inEvent) && !inEvent.test(dates.get(0))
                    && !StatementRules.OBSERVED_NOTHING.matcher(own).find() && !StatementRules.CONFIRMS.matcher(own).find()
                    ? List.of() : dates;
        }
        List<DateSpan> kept = dates;
        // "Since the attack of September 2022 … On 3 May they fired": a day beside a whole month is the event's
        List<DateSpan> days = kept.stream().filter(d -> !d.wholeMonth()).toList();
        if (!days.isEmpty()) {
            kept = days;
        }
        if (kept.size() < 2) {
            return kept;
        }
        List<Span> sentences = Sentences.split(text);
        Map<Span, Boolean> eventful = new java.util.HashMap<>(); // each sentence read once
        List<DateSpan> inEvents = kept.stream().filter(d -> sentences.stream().filter(s -> s.contains(d.start()))
                .anyMatch(s -> eventful.computeIfAbsent(s, k -> describesEvent(k.of(text))))).toList();
        return inEvents.isEmpty() ? kept : inEvents;
    }

    /**
     * Clock times of the event: not the time of an earlier statement ("its statement of 11 November at 18:40", "the
     * statement issued at 08:30").
     */
    static List<ClockSpan> eventClocks(String text, List<ClockSpan> clocks, List<DateSpan> all, List<DateSpan> event) {
        // "Operational bulletin, 11 January, as of 17:00": the time the bulletin speaks for, not the event's
        clocks = clocks.stream().filter(c -> !AS_OF.matcher(text).region(Math.max(0, c.start() - 12), c.start())
                .find()).toList();
        // "opened fire at 21:45 on 8 April, not at 19:45": a correction's wrong time is no time of the event
        clocks = clocks.stream().filter(c -> !StatementRules.CORRECTED_CLOCK.matcher(text)
                .region(Math.max(0, c.start() - 24), c.start()).find()).toList();
        // "Despite the ceasefire that took effect at 20:00, at 20:45 … fired": the ceasefire's clock is not the event's
        clocks = clocks.stream().filter(c -> !StatementRules.CEASEFIRE_CLOCK.matcher(text)
                .region(Math.max(0, c.start() - 120), c.start()).find()).toList();
        // "wounded … on 30 June at 19:40 died at 04:30 today": the time of a death from wounds is not the event's
        clocks = clocks.stream().filter(c -> !DEATH_CLOCK.matcher(text).region(Math.max(0, c.start() - 60), c.start())
                .find() && !DEATH_OF_WOUNDS_CLOCK.matcher(text).region(Math.max(0, c.start() - 140), c.start())
                .find()).toList();
        // "At 20:00 today a ceasefire … entered into force": a clock opening the ceasefire's own clause is its too
        List<int[]> openings = ceasefireOpenings(text);
        clocks = clocks.stream().filter(c -> openings.stream().noneMatch(o -> o[0] <= c.start() && c.start() < o[1]))
                .toList();
        // "At 06:15 on 13 March, Private A. P., who was wounded … on 11 March, died of his wounds in hospital": the
        // time opening the sentence is the death's
        List<int[]> deaths = deathOpenings(text);
        clocks = clocks.stream().filter(c -> deaths.stream().noneMatch(o -> o[0] <= c.start() && c.start() < o[1]))
                .toList();
        List<DateSpan> dropped = all.stream().filter(d -> !event.contains(d)).toList();
        if (dropped.isEmpty()) { // "the statement issued at 08:30": a statement's time needs no dropped date
            return clocks.stream().filter(c -> !StatementRules.STATEMENT_DATE_BEFORE.matcher(
                    text.substring(Math.max(0, c.start() - 80), c.start())).find()).toList();
        }
        // A clock is the earlier statement's when a dropped date ends right before it (only the gap's words between)
        // or a statement is named just before it. Checking every clock against every dropped date, copying the text
        // between them, was cubic in a text of thousands of dates and times (16 s for 64 KB); now each clock looks
        // only at the dates ending in the stretch of gap characters before it, found in the sorted date ends.
        int[] ends = dropped.stream().mapToInt(DateSpan::end).sorted().toArray();
        return clocks.stream().filter(c -> !StatementRules.STATEMENT_DATE_BEFORE.matcher(
                text.substring(Math.max(0, c.start() - 80), c.start())).find()
                && !gapAfterADate(text, ends, c.start())).toList();
    }

    /** True when one of the date ends ({@code ends}, sorted) is followed by only {@link #STATEMENT_CLOCK_GAP} up to {@code clock}. */
    private static boolean gapAfterADate(String text, int[] ends, int clock) {
        int lo = clock;
        while (lo > 0 && isGapChar(text.charAt(lo - 1))) { // every string the gap matches is made of these
            lo--;
        }
        int i = java.util.Arrays.binarySearch(ends, lo);
        if (i < 0) {
            i = -i - 1;
        }
        while (i > 0 && ends[i - 1] >= lo) { // the first of equal ends
            i--;
        }
        for (; i < ends.length && ends[i] <= clock; i++) {
            if (STATEMENT_CLOCK_GAP.matcher(text).region(ends[i], clock).matches() && !sentenceEnd(text, ends[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * A date span that took its sentence's full stop, with a capital after it ("… about the night of 21 to 22 September.
     * At 01:35 on 22 September, …"): the clock after it opens the next sentence and is not that date's.
     */
    private static boolean sentenceEnd(String text, int end) {
        if (end == 0 || ".!?;".indexOf(text.charAt(end - 1)) < 0) {
            return false;
        }
        int k = end;
        while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
            k++;
        }
        return k > end && k < text.length() && Character.isUpperCase(text.charAt(k));
    }

    /** The characters of {@link #STATEMENT_CLOCK_GAP}: white space, a comma and the letters of at, around, about. */
    private static boolean isGapChar(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ','
                || "atroundbATROUNDB".indexOf(c) >= 0;
    }

    /** The time of a death just before a clock ("died at", "died of his wounds this morning at"). */
    private static final Pattern DEATH_CLOCK = Pattern.compile("\\b(?:died|passed\\s+away|succumbed)"
            + "(?:\\s+(?:of|from|to)\\s+(?:his|her|their)\\s+(?:wounds|injuries))?"
            + "(?:\\s+(?:today|yesterday|this\\s+morning|last\\s+night|overnight))?\\s+(?:at\\s+)?(?:around\\s+|about\\s+)?$",
            Pattern.CASE_INSENSITIVE);

    /**
     * The time of a death of wounds or in hospital told after where it happened ("died of his wounds in the military
     * hospital of Vardenis at 04:30 this morning", "died in the Goris hospital at 03:10"): up to twelve words of its
     * clause between the verb and the clock, one of them "wounds", "injuries" or "hospital" (a death "on the spot at
     * 19:40" keeps its clock), no conjunction that starts another clause ("died, and at 21:40 …", "died when …").
     */
    private static final Pattern DEATH_OF_WOUNDS_CLOCK = Pattern.compile("\\b(?:died|passed\\s+away|succumbed)"
            + "(?=[^.;!?]*?\\b(?:wounds|injuries|hospital)\\b)"
            + "(?:\\s+(?!(?:and|but|while|when|after|before|as|then|where|whereas)\\b)[\\p{L}\\d'’-]+){1,12}?"
            + "\\s+(?:at\\s+)?(?:around\\s+|about\\s+)?$", Pattern.CASE_INSENSITIVE);

    private static final Pattern AS_OF = Alternations.compile("\\bas\\s+(?:of|at)\\s+$", Pattern.CASE_INSENSITIVE);

    private static final Pattern STATEMENT_CLOCK_GAP = Alternations.compile("\\s*,?\\s*(?:at\\s+)?(?:around\\s+|about\\s+)?",
            Pattern.CASE_INSENSITIVE);

    /**
     * Without a part of the day that is itself another day than the event's ("… wounded on 13 February died in hospital
     * this morning": "this morning" is the publication day's, and narrows only that day, not 13 February).
     */
    private static List<ClockSpan> ownDayParts(List<ClockSpan> clocks, List<DateSpan> all, List<DateSpan> used) {
        if (used.isEmpty()) {
            return clocks;
        }
        return clocks.stream().filter(c -> !c.partOfDay() || all.stream().noneMatch(d -> d.start() < c.end()
                && c.start() < d.end() && !sameDays(d, used.get(0)))).toList();
    }

    private static boolean sameDays(DateSpan a, DateSpan b) {
        return a.first().equals(b.first()) && a.last().equals(b.last());
    }

    /**
     * The text without crossings that are no act of a side: a civilian's or a smuggler's ({@link
     * StatementRules#PERSON_CROSSING}), and anyone's the text says was a mistake ("… crossed the state border … he had
     * lost his way": {@link StatementRules#CROSSED_BY_MISTAKE}). Blanked, so offsets stay valid.
     */
    static String withoutPeopleCrossing(String text) {
        StringBuilder b = new StringBuilder(text);
        Matcher m = StatementRules.PERSON_CROSSING.matcher(text);
        while (m.find()) { // the person and the crossing, not a verb between them ("was detained after crossing")
            for (String group : List.of("person", "crossing", "entry")) { // entry: ", entering the territory of …"
                for (int i = Math.max(0, m.start(group)); i < m.end(group); i++) {
                    b.setCharAt(i, ' ');
                }
            }
        }
        if (StatementRules.CIVILIAN_NAMED.matcher(text).find()) {
            // "V. S., a citizen of Armenia, … was detained … after illegally crossing the state border", "S. H., a
            // resident of Armenia, … after he illegally crossed the state border … and entered the territory of the
            // Lachin district": the crossing told with "he" or no subject of its own is that civilian's
            Matcher r = StatementRules.REFERENT_CROSSING.matcher(text);
            while (r.find()) {
                for (int i = r.start(); i < r.end(); i++) {
                    b.setCharAt(i, ' ');
                }
            }
        }
        String out = b.toString();
        if (!StatementRules.LOST_WAY.matcher(out).find()) {
            return out;
        }
        // the mistake told of that crossing, in its paragraph: "… had strayed into Armenian territory" said of other
        // people in a background paragraph leaves an incursion an incursion (`h75-15`)
        Matcher c = StatementRules.CROSSED_BY_MISTAKE.matcher(out);
        StringBuilder kept = new StringBuilder(out);
        while (c.find()) {
            int from = out.lastIndexOf('\n', c.start()) + 1;
            int to = out.indexOf('\n', c.end()) < 0 ? out.length() : out.indexOf('\n', c.end());
            if (StatementRules.LOST_WAY.matcher(out).region(from, to).find()) {
                for (int i = c.start(); i < c.end(); i++) {
                    kept.setCharAt(i, ' ');
                }
            }
        }
        return kept.toString();
    }

    /** A sentence cut at its colons and semicolons (the sentence itself when it has none). */
    private static List<Span> colonClauses(String text, Span sentence) {
        List<Span> out = new ArrayList<>();
        int from = sentence.start();
        Matcher leadIn = StatementRules.REPORTS_LEAD_IN.matcher(text).region(sentence.start(), sentence.end());
        if (leadIn.lookingAt() && leadIn.end() < sentence.end()) { // "In connection with reports … on 18 August, …"
            out.add(new Span(from, leadIn.end()));
            from = leadIn.end();
        }
        for (int i = from; i < sentence.end(); i++) {
            char c = text.charAt(i);
            if ((c == ':' || c == ';') && i + 1 < sentence.end()) {
                out.add(new Span(from, i + 1));
                from = i + 1;
            }
        }
        out.add(new Span(from, sentence.end()));
        return out;
    }

    /** The clauses of a self-reported response that name what it responds to. */
    private static List<Span> answeredClauses(String text) {
        return spansOf(StatementRules.ANSWERED_CLAUSE, text);
    }

    /** Every match of {@code pattern} in {@code text}, as spans. */
    private static List<Span> spansOf(Pattern pattern, String text) {
        List<Span> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(new Span(m.start(), m.end()));
        }
        return out;
    }

    /**
     * A live page's text ("LIVE UPDATES | …" over lines "00:40 — Azerbaijani forces have been shelling … since 00:05")
     * with the stamps of its updates blanked (same length): they tell when each update was posted, so the event's time
     * is what the updates say ("since 00:05", open until publication). Without such a heading a line's opening clock
     * stays the event's ("22:25 – small-arms fire from the direction of …" in a bulletin).
     */
    static String withoutUpdateStamps(String text) {
        if (!StatementRules.LIVE_HEADING.matcher(text).find()) {
            return text;
        }
        return blanked(text, StatementRules.UPDATE_STAMP);
    }

    /**
     * The text with the sentences that recall an earlier event ("Recall that on 12 April two servicemen were
     * wounded …") blanked out (same length, so offsets stay valid): their dates, places and losses are not the
     * statement's event. A text made only of such sentences is kept whole.
     */
    static String withoutRecalledEvents(String text) {
        return blankRecalled(text, false);
    }

    private static String blankRecalled(String text, boolean statementsToo) {
        List<Span> sentences = Sentences.split(text);
        StringBuilder b = null;
        int kept = 0;
        boolean anniversary = false; // within a paragraph opened by "Two years ago, on 13 September 2022, …"
        boolean anniversaryBlanked = false;
        boolean keptEvent = false; // a sentence kept that tells an event of its own
        int previousEnd = 0;
        for (Span s : sentences) {
            String sentence = text.substring(s.start(), s.end());
            if (text.substring(Math.min(previousEnd, s.start()), s.start()).indexOf('\n') >= 0) {
                anniversary = false; // the background ends with its paragraph
            }
            previousEnd = s.end();
            anniversary = anniversary || StatementRules.YEARS_AGO.matcher(sentence).lookingAt();
            if (anniversary || StatementRules.RECALLED_EVENT.matcher(sentence).lookingAt()
                    && (statementsToo || !StatementRules.ABOUT_A_STATEMENT.matcher(sentence).find())) {
                if (b == null) {
                    b = new StringBuilder(text);
                }
                for (int i = s.start(); i < s.end(); i++) {
                    b.setCharAt(i, ' ');
                }
                anniversaryBlanked |= anniversary;
            } else if (!sentence.isBlank()) {
                kept++;
                keptEvent |= describesEvent(sentence) && !(anniversaryBlanked
                        && StatementRules.BACK_TO_THEN.matcher(sentence).find()
                        && !StatementRules.OWN_TIME.matcher(sentence).find());
            }
        }
        // "Statement of Prime Minister … Four years ago today, on the night of 12 to 13 September 2022, the armed forces
        // of Azerbaijan launched a large-scale attack … Today we bow our heads …": an anniversary beside no event of
        // the text's own is what the text tells, read whole like a text made only of recalled sentences (`h56-20`)
        return b == null || kept == 0 || anniversaryBlanked && !keptEvent ? text : b.toString();
    }

    /** Like {@link #withoutRecalledEvents}, also blanking recalled sentences about statements (for the stance). */
    static String withoutRecalledStatements(String text) {
        return blankRecalled(text, true);
    }

    /**
     * A correction's own earlier words, quoted to be corrected ("Correction to our update of 22 April: in that update we
     * said that our patrols near Jermuk on 20 and 21 April observed no incidents. We correct this: on the evening of 21
     * April a Mission patrol near Jermuk heard several bursts of gunfire"): each sentence from its {@link
     * StatementRules#OWN_EARLIER_WORDS} on, whose days and clocks are not the statement's when its words after them
     * name an event's day of their own ("We correct this: on 20 and 21 April our patrols heard …" keeps both). None
     * when they do not: "… we said that 12 patrols in Ararat on 9 and 10 August observed no incidents. The correct
     * number is 14" corrects a figure, the quoted days staying its days.
     */
    private static List<Span> correctedOwnWords(String text, List<Span> sentences, List<DateSpan> dates) {
        if (!StatementRules.CORRECTION.matcher(text).find()) {
            return List.of();
        }
        List<Span> quoted = new ArrayList<>();
        for (Span sp : sentences) { // from "we said" on ("… at 22:05, not at 20:05 as we stated earlier" quotes nothing)
            Matcher m = StatementRules.OWN_EARLIER_WORDS.matcher(text).region(sp.start(), sp.end());
            if (m.find()) {
                quoted.add(new Span(m.start(), sp.end()));
            }
        }
        if (quoted.isEmpty() || dates.stream().noneMatch(d -> within(quoted, d.start()))) {
            return List.of();
        }
        // the new words come after the quoted ones (a heading's "Correction to this morning's post:" is none)
        int from = quoted.get(0).start();
        List<DateSpan> own = dates.stream().filter(d -> d.start() > from && !within(quoted, d.start())).toList();
        return eventDates(text, own).isEmpty() ? List.of() : quoted;
    }

    private static boolean within(List<Span> spans, int at) {
        return spans.stream().anyMatch(s -> s.contains(at));
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

    private Location location(PlaceResolution where, String text) {
        Place settlement = settlement(where, text);
        Set<String> names = new LinkedHashSet<>();
        where.mentions().forEach(m -> names.add(m.matched()));
        return new Location(where.segments(), where.ambiguous(), settlement == null ? null : settlement.name(),
                names.isEmpty() ? null : String.join(", ", names),
                settlement == null ? null : settlement.lat(), settlement == null ? null : settlement.lon());
    }

    /** A settlement word right after a name ("the Ishkhanasar settlement", "Norabak kəndi"). */
    private static final Pattern CALLED_SETTLEMENT_AFTER = Alternations.compile("^\\s+(?:settlement|village|kəndi\\p{L}*|yaşayış\\s+məntəqə\\p{L}*|"
            + "qəsəbəsi\\p{L}*|сел[оаеу]|посел\\p{L}*|գյուղ\\p{L}*)\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** ... or before it ("the village of Tegh"). */
    private static final Pattern CALLED_SETTLEMENT_BEFORE = Alternations.compile("\\b(?:settlement|village)\\s+of\\s+(?:the\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    /** A district word right after a town's name: "the Gorus region", "Basarkeçər rayonunun", "Горисского района". */
    private static final Pattern DISTRICT_AFTER = Alternations.compile("^\\s+(?:region|district|rayon\\p{L}*|район\\p{L}*|"
            + "շրջան\\p{L}*)\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * The first town or village named, as a town or village: a town named as its district ("the Ishkhanasar settlement
     * of the Gorus region", "Basarkeçər rayonunun Norabak kəndi") is the district, and a place the gazetteer keeps as an
     * area but the text calls a settlement or village ("the Ishkhanasar settlement") is the source's settlement.
     */
    private static Place settlement(PlaceResolution where, String text) {
        for (PlaceMention m : where.mentions()) {
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 30));
            boolean called = CALLED_SETTLEMENT_AFTER.matcher(after).find() || CALLED_SETTLEMENT_BEFORE.matcher(
                    text.substring(Math.max(0, m.start() - 30), m.start())).find();
            PlaceKind kind = m.place().kind();
            if (kind.isSettlement() && !DISTRICT_AFTER.matcher(after).find() || kind == PlaceKind.AREA && called) {
                return m.place();
            }
        }
        return where.settlement();
    }

    // ---- stance and parties ------------------------------------------------------------------------------------

    private static Stance stance(String text, Source source) {
        if (source.kind() == SourceKind.INDEPENDENT_OBSERVER) {
            // "not in a position to either confirm or refute the reports": no confirmation, no refutation
            text = blanked(text, StatementRules.CONFIRM_OR_REFUTE);
            // "have no access to this area and were unable to verify the reported incidents": it did not look
            text = blanked(text, StatementRules.UNVERIFIED_WITHOUT_ACCESS);
            // a confirmation confirms an event: "the ICRC confirms that it facilitated a handover" confirms none
            // "a patrol heard explosions": fire or blasts the observer heard itself are an event, a weapon named or not
            boolean confirms = StatementRules.CONFIRMS.matcher(text).find()
                    && (describesEvent(text) || StatementRules.HEARD_EVENT.matcher(text).find());
            // "On 24 October a patrol heard gunfire ... The rest of the month was calm", "patrols observed engineering
            // works ... No shooting incidents were reported": what it saw is confirmed, the calm is about the rest
            if (StatementRules.OBSERVED_NOTHING.matcher(text).find() && observations(text).isEmpty()) {
                return Stance.REFUTATION;
            }
            return confirms ? Stance.CONFIRMATION : Stance.UNKNOWN;
        }
        Matcher denial = StatementRules.DENIAL.matcher(text);
        if (denial.find()) {
            // "Azerbaijan accused Armenian forces of opening fire near Berd; Armenia's defence ministry rejected the
            // accusation": the agency relays the accusation (and its rejection); a DENIAL is the accused side's own
            if (source.kind() != SourceKind.PARTY_OFFICIAL && relaysAccusation(text.substring(0, denial.start()))) {
                return Stance.CLAIM;
            }
            // "The ministry strongly condemns the killing of two Armenian servicemen by Azerbaijani fire … Baku's
            // so-called 'revenge' is nothing but a pretext built on a fabricated claim": a side's official that first
            // condemns in its own words what the other side did accuses it; the denial after it answers the other
            // side's justification, not the event
            String before = text.substring(0, denial.start());
            return condemnsOpponent(before, source) || toldBeforeExcuse(text, denial.start(), source)
                    ? Stance.CLAIM : Stance.DENIAL;
        }
        if (thirdParty(source)) {
            // "Tehran was following with concern the reports of renewed shooting near Sadarak": a government or
            // organisation of neither side that names an event only as others' reports does not say it happened
            String own = blanked(text, StatementRules.REPORTS_OF);
            // "deeply concerned by the military action that Azerbaijan launched today": hostilities a named state
            // began, in its own words (`h74-11`)
            return describesEvent(own) || StatementRules.STATE_BEGAN_ACT.matcher(own).find()
                    ? Stance.CLAIM : Stance.UNKNOWN;
        }
        if (source.kind() == SourceKind.PARTY_OFFICIAL) {
            // "Baku published reports about alleged shooting from Armenian positions almost every day": a side's
            // official naming an event only as others' reports of an alleged one does not say it happened
            return describesEvent(blanked(text, StatementRules.ALLEGED_REPORTS)) ? Stance.CLAIM : Stance.UNKNOWN;
        }
        return describesEvent(text) ? Stance.CLAIM : Stance.UNKNOWN;
    }

    /** The text with every sentence that holds a denial phrase blanked (offsets kept). */
    private static String withoutDenyingSentences(String text, List<Span> sentences) {
        StringBuilder out = null;
        for (Span s : sentences) {
            if (StatementRules.DENIAL.matcher(s.of(text)).find()) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                for (int i = s.start(); i < s.end(); i++) {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * A side's official telling in its own words, in sentences before it, an event the other side did, whose denying
     * sentence only opens with that side's excuse ("Armenian border guards near Karchevan fired from machine guns at a
     * citizen of Azerbaijan … The claim of the Armenian side that he was a smuggler is a fabrication", `h95-06`); not
     * when the words before name a claim or report or negate anything.
     */
    private static boolean toldBeforeExcuse(String text, int denialAt, Source source) {
        if (source.kind() != SourceKind.PARTY_OFFICIAL || !source.party().isBelligerent()) {
            return false;
        }
        Span denying = null;
        for (Span s : Sentences.split(text)) {
            if (s.start() <= denialAt && denialAt < s.end()) {
                denying = s;
            }
        }
        if (denying == null || !StatementRules.SIDE_EXCUSE.matcher(denying.of(text)).find()) {
            return false;
        }
        String before = text.substring(0, denying.start());
        return !before.isBlank() && !StatementRules.CLAIM_OR_NOT.matcher(before).find() && describesEvent(before)
                && actor(before, Sentences.split(before), source.party(), List.of()) == source.party().opponent();
    }

    /**
     * A side's official condemning in its own words an event the other side did, before any denial ("strongly condemns
     * the killing of two Armenian servicemen by Azerbaijani fire near Nerkin Hand"); not at others' reports or claims.
     */
    private static boolean condemnsOpponent(String before, Source source) {
        if (source.kind() != SourceKind.PARTY_OFFICIAL || !source.party().isBelligerent()) {
            return false;
        }
        Matcher m = StatementRules.OWN_CONCERN.matcher(before);
        if (!m.find()) {
            return false;
        }
        String condemned = before.substring(m.start());
        return describesEvent(condemned) && actor(condemned, Sentences.split(condemned), source.party(), List.of())
                == source.party().opponent();
    }

    /**
     * The clauses in which an observer says people are held since their detention ({@link StatementRules#HELD_SINCE}),
     * outside sentences about a release, handover or exchange (those describe no event).
     */
    private static List<Span> heldSince(String text, List<Span> sentences) {
        List<Span> out = new ArrayList<>();
        for (Span sentence : sentences) {
            String of = sentence.of(text);
            if (StatementRules.RELEASE.matcher(of).find()) {
                continue;
            }
            Matcher m = StatementRules.HELD_SINCE.matcher(of);
            while (m.find()) {
                out.add(new Span(sentence.start() + m.start(), sentence.start() + m.end()));
            }
        }
        return out;
    }

    /** The side that holds people in a clause of {@link StatementRules#HELD_SINCE} ("held in Azerbaijan since …"). */
    private static Party holder(String text, Span clause, Party sourceParty) {
        Matcher m = StatementRules.HELD_SINCE.matcher(clause.of(text));
        return m.find() ? nationality(m.group("side"), sourceParty) : null;
    }

    /**
     * A registered third state or body (Russia's, the US's, the EU's, the UN's, Türkiye's, Iran's offices, the CSTO):
     * kind {@code OTHER} or {@code NGO} with a party that is neither side. Not an unregistered publisher (whose party
     * is not known: it may be a news channel relaying reports).
     */
    private static boolean thirdParty(Source source) {
        return (source.kind() == SourceKind.OTHER || source.kind() == SourceKind.NGO)
                && source.party() != Party.UNKNOWN && !source.party().isBelligerent();
    }

    /**
     * The text before a denial relays an accusation of an event: "X accused Armenian forces of opening fire …", "Armenia
     * said on Thursday that Azerbaijani troops had fired on its positions …".
     */
    private static boolean relaysAccusation(String before) {
        // "…, Azerbaijan's defence ministry said, a claim Yerevan denied": the wire's note of the denial after the
        // attribution is no part of the accusation it relays (`h77-17`)
        before = StatementRules.DENIED_CLAIM_TAIL.matcher(before).replaceFirst("");
        Matcher a = StatementRules.ACCUSED_OF.matcher(before);
        if (a.find() && describesEvent(before.substring(a.start()))) {
            return true;
        }
        Matcher s = StatementRules.SAID_FIRED.matcher(before);
        if (s.find() && describesEvent(before.substring(s.start()))) {
            return true;
        }
        // "The Ministry of Defence of Azerbaijan told APA that a serviceman … was wounded by fire from an Armenian
        // sniper …", "Azerbaijan's Ministry of Defence said that units of the Armenian armed forces stationed in the
        // direction of Jermuk fired …": a saying's "that" clause telling an event, with no claim or report of one in it
        // and nothing said not to have happened (`h93-02`, `-08`, `-11`, `-19`)
        for (Span sentence : Sentences.split(before)) {
            String of = sentence.of(before);
            Matcher t = StatementRules.SAID_THAT.matcher(of);
            if (t.find()) {
                String clause = of.substring(t.end());
                if (!StatementRules.CLAIM_OR_NOT.matcher(clause).find() && describesEvent(clause)) {
                    return true;
                }
            }
        }
        // "… were killed when Azerbaijani forces opened fire at Armenian positions near Nerkin Hand, the Defence
        // Ministry said. … a claim Yerevan dismissed as a pretext": the attribution after the event it relays
        for (Span sentence : Sentences.split(before)) {
            String of = sentence.of(before);
            if (StatementRules.ATTRIBUTED_LAST.matcher(of).find() && describesEvent(of)) {
                return true;
            }
            // "…, Baku's defence ministry said, in the deadliest incident on the border in more than two years.
            // Yerevan called the accusation a lie": the attribution before a clause of the wire's own; what comes before
            // it tells the event, with no claim or report of one and nothing said not to have happened (`h94-18`)
            Matcher mid = StatementRules.ATTRIBUTED_MID.matcher(of);
            if (mid.find()) {
                String told = of.substring(0, mid.start());
                if (!StatementRules.CLAIM_OR_NOT.matcher(told).find() && describesEvent(told)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The sentences in which an observer says it saw or heard an event itself ("a patrol near Sotk heard several bursts
     * of gunfire", "patrols observed engineering works opposite Berkaber"): a cue other than a bare "confirms", an
     * event, and no "observed no ..." in the same sentence.
     */
    private static List<Span> observations(String text) {
        List<Span> out = new ArrayList<>();
        for (Span s : Sentences.split(text)) {
            String sentence = s.of(text);
            Matcher c = StatementRules.CONFIRMS.matcher(sentence);
            boolean seen = false;
            while (c.find() && !seen) {
                seen = !StatementRules.BARE_CONFIRM.matcher(c.group().strip()).matches();
            }
            // "heard gunfire but did not see who fired", "heard explosions but saw nothing": in the sentence of the hearing,
            // what was not seen is a detail of it, not a "saw nothing" …
            boolean heard = StatementRules.HEARD_EVENT.matcher(sentence).find();
            // … and "otherwise the situation remained calm" beside it is the rest of the watch, not a "saw nothing"
            String nothing = heard ? blanked(blanked(sentence, StatementRules.NOT_SEEN), StatementRules.CALM) : sentence;
            if (seen && (describesEvent(sentence) || heard) && !StatementRules.OBSERVED_NOTHING.matcher(nothing).find()) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The text with the words blanked (same length, offsets stay valid) that name no event where they stand: mines and
     * ordnance in a sentence about clearing them or about their maps without a blast or victim ("neutralised 1,105
     * anti-tank mines", "in exchange for maps of 97,000 mines"), and
     * detainees or captives in a sentence about their release, handover or exchange.
     */
    static String withoutNonEvents(String text) {
        // "schools in Sotk, closed since the shelling earlier this month, will reopen": a state dated by an earlier
        // event names that event only as a time (background), not as what the text reports
        text = blanked(text, StatementRules.STATE_SINCE_EVENT);
        // "since 2020 more than 300 of our citizens have been killed or wounded by these mines", "our servicemen are
        // still being killed": a cumulative or ongoing toll is no event's casualties and no hostile act
        text = withoutTolls(text);
        // "the information spread earlier about a violation near Nerkin Hand was not confirmed": withdrawn, no event
        text = blanked(text, StatementRules.RETRACTED_REPORT);
        text = withoutParadesAndYearlyTallies(text);
        if (!StatementRules.NON_EVENT_CUE.matcher(text).find()) { // one scan for the usual text with neither
            return text;
        }
        boolean clearance = StatementRules.CLEARANCE.matcher(text).find();
        boolean release = StatementRules.RELEASE.matcher(text).find();
        boolean seizure = StatementRules.SEIZURE.matcher(text).find();
        boolean records = StatementRules.MINE_RECORDS.matcher(text).find();
        boolean topic = StatementRules.MINE_TOPIC.matcher(text).find();
        if (!clearance && !release && !seizure && !records && !topic) {
            return text;
        }
        StringBuilder b = new StringBuilder(text);
        for (Span s : Sentences.split(text)) {
            String sentence = s.of(text);
            if (clearance && StatementRules.CLEARANCE.matcher(sentence).find()
                    && !StatementRules.BLAST.matcher(sentence).find()) {
                if (StatementRules.MINE_WORDS.matcher(sentence).find()) {
                    // "sappers found and destroyed an unexploded shell": the clearing itself is no hostile act either
                    blank(b, StatementRules.CLEARANCE.matcher(sentence), s.start());
                }
                blank(b, StatementRules.MINE_WORDS.matcher(sentence), s.start());
            }
            // "… returned in exchange for maps of about 97,000 anti-tank and anti-personnel mines": the maps of mines
            // are what was handed over, no blast
            if (records && StatementRules.MINE_RECORDS.matcher(sentence).find()) {
                // "Armenia still refuses to hand over the maps of the minefields, which have killed dozens of
                // civilians since the war": the mines' toll told of their maps is no event, no casualty (a blast the
                // sentence tells beside it still is)
                blank(b, StatementRules.MINE_TOLL.matcher(sentence), s.start());
                if (!StatementRules.BLAST.matcher(blanked(sentence, StatementRules.MINE_TOLL)).find()) {
                    blank(b, StatementRules.MINE_WORDS.matcher(sentence), s.start());
                }
            }
            // "has published a report on the long-term harm caused by landmines": mines as a subject, no blast
            if (topic && StatementRules.MINE_TOPIC.matcher(sentence).find()
                    && !StatementRules.BLAST.matcher(sentence).find()
                    && !StatementRules.MINES_LAID.matcher(sentence).find()) {
                blank(b, StatementRules.MINE_WORDS.matcher(sentence), s.start());
            }
            if (release && StatementRules.RELEASE.matcher(sentence).find()) {
                blank(b, StatementRules.DETENTION_WORDS.matcher(sentence), s.start());
                blank(b, StatementRules.REMAINS.matcher(sentence), s.start());
            }
            // "two hunting rifles were found in their possession": weapons found or seized, no fire
            if (seizure && StatementRules.SEIZURE.matcher(sentence).find()
                    && !StatementRules.FIRE_CUE.matcher(sentence).find()) {
                blank(b, StatementRules.WEAPON_WORDS.matcher(sentence), s.start());
            }
        }
        return b.toString();
    }

    /**
     * A denial's text without what it denies: the sentences that deny, restate or quote the accusation ("The claim
     * that … is a lie", "Q: Armenia says a civilian was wounded …", "If a soldier was wounded, …") and any quoted
     * passage. What is left is the denier's own word.
     */
    private static String deniersOwnWords(String text, List<Span> sentences) {
        StringBuilder b = new StringBuilder(text);
        for (Span s : sentences) {
            String sentence = s.of(text);
            if (StatementRules.DENIAL.matcher(sentence).find() || StatementRules.DENIED_CLAIM_CUE.matcher(sentence).find()) {
                for (int i = s.start(); i < s.end(); i++) {
                    b.setCharAt(i, ' ');
                }
            }
        }
        Matcher quoted = StatementRules.QUOTED_PASSAGE.matcher(text);
        while (quoted.find()) {
            for (int i = quoted.start(); i < quoted.end(); i++) {
                b.setCharAt(i, ' ');
            }
        }
        return b.toString();
    }

    /**
     * The text with the sentences blanked that tell a parade ("a military parade was held in Baku", "tanks and strike
     * drones passed through the square") or a yearly tally ("In 2025, units prevented 412 attempts to cross the border
     * illegally"): weapons shown and a year's counts are no border event, like a cumulative toll. A sentence with a fire
     * word is kept.
     */
    private static String withoutParadesAndYearlyTallies(String text) {
        boolean parade = StatementRules.PARADE.matcher(text).find();
        if (!parade && !StatementRules.YEAR_TALLY_COUNT.matcher(text).find()) {
            return text;
        }
        StringBuilder b = null;
        for (Span s : Sentences.split(text)) {
            String sentence = s.of(text);
            boolean shown = parade && (StatementRules.PARADE.matcher(sentence).find()
                    || StatementRules.PARADE_DISPLAY.matcher(sentence).find());
            boolean tally = StatementRules.YEAR_OPENING.matcher(sentence).find()
                    && StatementRules.YEAR_TALLY_COUNT.matcher(sentence).find();
            if ((shown || tally) && !StatementRules.FIRE_CUE.matcher(sentence).find()) {
                if (b == null) {
                    b = new StringBuilder(text);
                }
                for (int i = s.start(); i < s.end(); i++) {
                    b.setCharAt(i, ' ');
                }
            }
        }
        return b == null ? text : b.toString();
    }

    /** The text with its cumulative or ongoing tolls blanked, not one that names a day of its own. */
    private static String withoutTolls(String text) {
        if (!StatementRules.TOLL_PERFECT_OR_ONGOING.matcher(text).find()
                && !(StatementRules.TOLL_PAST_VERB.matcher(text).find()
                && StatementRules.TOLL_PERIOD_OR_TOTAL.matcher(text).find())) {
            return text; // no toll verb where a toll could have one: CUMULATIVE_TOLL cannot match
        }
        Matcher m = StatementRules.CUMULATIVE_TOLL.matcher(text);
        StringBuilder b = null;
        while (m.find()) {
            if (StatementRules.TOLL_EVENT_DAY.matcher(m.group()).find()) {
                continue;
            }
            b = b == null ? new StringBuilder(text) : b;
            for (int i = m.start(); i < m.end(); i++) {
                b.setCharAt(i, ' ');
            }
        }
        return b == null ? text : b.toString();
    }

    /** The text with the {@code spans} blanked (same length, offsets stay valid). */
    private static String blankedSpans(String text, List<Span> spans) {
        StringBuilder b = new StringBuilder(text);
        for (Span s : spans) {
            for (int i = s.start(); i < s.end(); i++) {
                b.setCharAt(i, ' ');
            }
        }
        return b.toString();
    }

    /** The text with every match of {@code pattern} blanked (same length): "no shooting incidents" names no event. */
    private static String blanked(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text);
        m.reset();
        blank(b, m, 0);
        return b.toString();
    }

    private static void blank(StringBuilder b, Matcher m, int offset) {
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                b.setCharAt(offset + i, ' ');
            }
        }
    }

    private static boolean describesEvent(String text) {
        // "no ceasefire violations were recorded" names an event word only to say it did not happen
        String said = StatementRules.NO_EVENT.matcher(withoutNonEvents(text)).replaceAll(" ");
        // "residents said they heard explosions near Tegh": fire or blasts someone heard happened, a weapon named or not
        return StatementRules.EVENT_CUE.matcher(said).find()
                || StatementRules.EVENT_SCAN.matcher(said.toLowerCase(Locale.ROOT)).find()
                || StatementRules.HEARD_EVENT.matcher(said).find();
    }

    /** {@code named}: a side named as such, not only through one of its agencies ("the State Border Service"). */
    private record Actor(Party party, int start, int end, boolean named, boolean attacker) {
    }

    /**
     * Whose forces acted. Sentence by sentence, the first of: the nearest actor phrase before a hostile verb ("Armenian
     * units ... fired"), or a passive agent ("fire opened by units of the Armenian armed forces"). Failing both, the
     * first actor phrase that is not a target or a counted victim ("two Armenian soldiers were killed").
     */
    private static Party actor(String text, List<Span> sentences, Party sourceParty, List<PlaceMention> mentions) {
        List<Actor> actors = new ArrayList<>();
        List<Actor> actsAbout = new ArrayList<>();
        Matcher m = StatementRules.ACTOR.matcher(text);
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 40), m.start());
            Party about = actAbout(text, m, before, sentences, sourceParty);
            if (about != null) {
                actsAbout.add(new Actor(about, m.start(), m.end(), true, false));
                continue;
            }
            // "members of the Armenian armed forces opened fire": the people named before a side's forces are the
            // subject of the attacker's verb after them, not a victim
            // ("servicemen of the Armenian armed forces were spotted carrying out fortification works": seen at work)
            boolean peopleActing = m.group("nat") != null && StatementRules.PEOPLE_OF_BEFORE.matcher(before).find()
                    && (StatementRules.ATTACKER_VERB.matcher(text).region(m.end(), text.length()).lookingAt()
                    || StatementRules.PEOPLE_AT_WORK_AFTER.matcher(text).region(m.end(), text.length()).lookingAt());
            // "the village was fired at from Azerbaijani positions": the preposition before "from" ends the passive
            // verb, it names no target
            boolean fromSide = text.regionMatches(true, m.start(), "from", 0, 4);
            // "a group of persons on the Armenian side of the border near Meghri threw stones at a convoy": where the
            // throwers stood (`h95-11`), not a target
            boolean throwersOn = StatementRules.PEOPLE_ON_BEFORE.matcher(before).find()
                    && StatementRules.STONES_THROWN_AFTER.matcher(text).region(m.end(), text.length()).lookingAt();
            if (StatementRules.TARGET_BEFORE.matcher(before).find() && !StatementRules.ACTIVITY_ON.matcher(before).find()
                    && !peopleActing && !fromSide && !throwersOn
                    || StatementRules.TARGET_AFTER.matcher(text).region(m.end(), text.length()).lookingAt()
                    // "the Armenian side has recorded movements of Azerbaijani armoured vehicles": the side that watched
                    || StatementRules.OBSERVER_AFTER.matcher(text).region(m.end(), text.length()).lookingAt()) {
                continue;
            }
            // "a border guard of the State Border Service was wounded": the agency's people as the victims, not its act
            if (m.group("nat9") != null && StatementRules.PEOPLE_OF_BEFORE.matcher(before).find()
                    && (VICTIMS_AFTER.matcher(text).region(m.end(), text.length()).lookingAt()
                    || WOUND_RECEIVED_AFTER.matcher(text).region(m.end(), text.length()).lookingAt())) {
                continue;
            }
            String noun = m.group("noun");
            // "the number of Azerbaijan Army servicemen who died": an army's name before its people is theirs, and
            // they are read as the people ("Azerbaijani servicemen") — victims when counted or killed (`h71-28`)
            int end = m.end();
            Matcher armyPeople = ARMY_PEOPLE_AFTER.matcher(text).region(m.end(), text.length());
            if (noun != null && ARMY.matcher(noun).matches() && armyPeople.lookingAt()) {
                noun = "servicemen";
                end = armyPeople.end();
            }
            // the side accused of an act ("accused Yerevan of shelling") acted, whoever is named before it; so do a
            // side's forces ("Baku on Thursday accused Armenian units of shelling its positions")
            boolean attacker = m.group("nat") != null
                    && (StatementRules.ATTACKER_VERB.matcher(text).region(end, text.length()).lookingAt()
                    || StatementRules.ACCUSE_BEFORE.matcher(before).find()
                    && StatementRules.OF_ACT_AFTER.matcher(text).region(end, text.length()).lookingAt())
                    || m.group("nat12") != null;
            if (!attacker && noun != null && PEOPLE.contains(noun.toLowerCase(Locale.ROOT))
                    && (COUNTED_BEFORE.matcher(before).find()
                    || VICTIMS_AFTER.matcher(text).region(end, text.length()).lookingAt())) {
                continue;
            }
            String nat = m.group("nat") != null ? m.group("nat")
                    : m.group("nat2") != null ? m.group("nat2")
                    : m.group("nat3") != null ? m.group("nat3")
                    : m.group("nat4") != null ? m.group("nat4")
                    : m.group("nat5") != null ? m.group("nat5")
                    : m.group("nat6") != null ? m.group("nat6")
                    : m.group("nat7") != null ? m.group("nat7")
                    : m.group("nat8") != null ? m.group("nat8")
                    : m.group("nat10") != null ? m.group("nat10")
                    : m.group("nat11") != null ? m.group("nat11")
                    : m.group("nat12") != null ? m.group("nat12")
                    : m.group("nat13") != null ? m.group("nat13")
                    : m.group("nat14") != null ? m.group("nat14")
                    : m.group("nat15") != null ? m.group("nat15") : m.group("nat9");
            Party p = nationality(nat, sourceParty);
            if (p != null) {
                actors.add(new Actor(p, m.start(), m.end(), m.group("nat9") == null, attacker));
            }
        }
        for (Span sentence : sentences) {
            Party found = null;
            int at = Integer.MAX_VALUE;
            Matcher v = StatementRules.HOSTILE_VERB.matcher(text).region(sentence.start(), sentence.end());
            while (v.find() && found == null) {
                if (StatementRules.MINE_OBJECT.matcher(text).region(v.end(), sentence.end()).lookingAt()) {
                    continue; // "a truck of the Azerbaijan Army struck an anti-personnel mine": no attack
                }
                int verb = v.start();
                for (Actor a : actors) {
                    if (a.start() >= sentence.start() && a.end() <= verb) {
                        found = a.party();
                        at = verb;
                    }
                }
            }
            // the subject of an active hostile verb the pattern above does not list ("an Azerbaijani sniper wounded
            // a soldier"): its verb follows the phrase, so it wins when it comes before the first verb found
            for (Actor a : actors) {
                if (a.attacker() && a.start() >= sentence.start() && a.end() < sentence.end() && a.end() < at) {
                    found = a.party();
                    at = a.end();
                    break;
                }
            }
            Matcher agent = agent(text, sentence);
            // "two persons who had crossed from the territory of Armenia were detained by border guards of the State
            // Border Service": at a passive verb the agent acted, the side named before it is the patient
            if (agent != null && agent.start() <= at) {
                Party p = nationality(agent.group("nat") != null ? agent.group("nat")
                        : agent.group("nat0") != null ? agent.group("nat0")
                        : agent.group("country") != null ? agent.group("country") : agent.group("agency"), sourceParty);
                found = p != null ? p : found;
            }
            if (found != null) {
                return found;
            }
            if (firesAtOwnPositions(text, sentence, sourceParty)) {
                // "servicemen of military unit N 20531 fired … towards the Armenian positions. They stopped after our
                // units took adequate measures" in Armenia's text: a shooter named by no side (a unit number, "they")
                // who fires at the publisher's own positions is the other side, before a later sentence's response
                return sourceParty.opponent();
            }
        }
        Party fromPlace = fromPlace(text, sentences, mentions);
        if (fromPlace != null) {
            return fromPlace;
        }
        // an agency is the actor only when no side is named ("prevented an attempt by an Armenian sabotage group")
        Party first = actors.stream().filter(Actor::named).findFirst().or(() -> actors.stream().findFirst())
                .or(() -> actsAbout.stream().findFirst()).map(Actor::party).orElse(null);
        // "a military vehicle of the Azerbaijan Army hit an anti-tank mine" in Azerbaijan's text: its own side named
        // with no hostile verb, at a mine, is the victim; a mine has no actor
        // … and so is it at a blast with no weapon and no hostile verb ("an explosion occurred during the unloading of
        // ammunition at a military unit of the Azerbaijan Army"): an accident at its own unit, no act (`h92-09`)
        return first != null && first == sourceParty && (mineOnly(text, sentences) || blastOnly(text, sentences))
                ? null : first;
    }

    /**
     * The first agent named after "by" in the sentence: at a passive verb ({@link StatementRules#PASSIVE_AGENT}),
     * right after an act noun ({@link StatementRules#NOMINAL_AGENT}: "the shelling by Azerbaijan of Armenian
     * positions") or after its target ({@link StatementRules#NOMINAL_AGENT_AFTER_TARGET}: "the shelling of Armenian
     * positions near Sotk by Azerbaijan"), else null.
     */
    private static Matcher agent(String text, Span sentence) {
        Matcher passive = StatementRules.PASSIVE_AGENT.matcher(text).region(sentence.start(), sentence.end());
        Matcher nominal = StatementRules.NOMINAL_AGENT.matcher(text).region(sentence.start(), sentence.end());
        Matcher afterTarget = StatementRules.NOMINAL_AGENT_AFTER_TARGET.matcher(text)
                .region(sentence.start(), sentence.end());
        Matcher first = null;
        for (Matcher m : List.of(passive, nominal, afterTarget)) {
            if (m.find() && (first == null || m.start() < first.start())) {
                first = m;
            }
        }
        return first;
    }

    /**
     * A hostile verb in the sentence followed, in that sentence, by the source's own positions, posts or units as its
     * target ("fired … towards the Armenian positions", "opened fire at our posts" in a side's own text); the caller
     * has found no side named before the verb. False for a source of neither side.
     */
    private static boolean firesAtOwnPositions(String text, Span sentence, Party sourceParty) {
        if (!sourceParty.isBelligerent()) {
            return false;
        }
        Pattern own = sourceParty == Party.AZ ? StatementRules.OWN_POSITIONS_AZ : StatementRules.OWN_POSITIONS_AM;
        Matcher v = StatementRules.HOSTILE_VERB.matcher(text).region(sentence.start(), sentence.end());
        while (v.find()) {
            if (!StatementRules.MINE_OBJECT.matcher(text).region(v.end(), sentence.end()).lookingAt()) {
                return own.matcher(text).region(v.end(), sentence.end()).find();
            }
        }
        return false;
    }

    /**
     * The side whose act an actor phrase names after "on" ("will brief journalists on the Azerbaijani shelling of Kut",
     * "a briefing on Azerbaijan's drone strike on Jermuk"), else null. Such a phrase is what the words are about, not
     * a target ("fire on the Azerbaijani firing points" is one: the act noun must end its phrase), and it names the
     * actor only when no other actor phrase does; never in a sentence telling a response ("responded with fire on the
     * Armenian provocation").
     */
    private static Party actAbout(String text, Matcher m, String before, List<Span> sentences, Party sourceParty) {
        String noun = m.group("noun");
        if (m.group("nat") == null || noun == null || !StatementRules.ABOUT_ACT_BEFORE.matcher(before).find()) {
            return null;
        }
        int end = m.end();
        if (!StatementRules.ACT_NOUN.matcher(noun).matches()) {
            String kind = noun.toLowerCase(Locale.ROOT);
            // "Azerbaijan's drone strike", "the Armenian side's shooting"
            Pattern after = kind.matches("drones?|uavs?") ? StatementRules.DRONE_ACT_AFTER
                    : kind.matches("side|army|armed\\s+forces|forces|military") ? StatementRules.SIDES_ACT_AFTER : null;
            Matcher act = after == null ? null : after.matcher(text).region(end, text.length());
            if (act == null || !act.lookingAt()) {
                return null;
            }
            end = act.end();
        }
        if (!StatementRules.ACT_PHRASE_END.matcher(text).region(end, text.length()).lookingAt()) {
            return null;
        }
        Span sentence = sentences.stream().filter(s -> s.contains(m.start())).findFirst().orElse(null);
        if (sentence == null || StatementRules.RETALIATION.matcher(sentence.of(text)).find()) {
            return null;
        }
        return nationality(m.group("nat"), sourceParty);
    }

    /**
     * The side a shot came from when the text names only the place: "fire was opened from the direction of Kilit
     * towards Karchevan" (Kilit is on Azerbaijan's side, so Azerbaijan acted). The gazetteer records each place's
     * side ({@code country}); only villages and towns on the state border count (Karabakh's and the corridor's
     * places changed hands, and a district or province is too wide to say whose positions fired).
     */
    private static Party fromPlace(String text, List<Span> sentences, List<PlaceMention> mentions) {
        for (PlaceMention mention : mentions) {
            Party side = borderSettlementSide(mention.place());
            if (side == null) {
                continue;
            }
            String before = text.substring(Math.max(0, mention.start() - 60), mention.start());
            if (!StatementRules.FROM_PLACE.matcher(before).find()) {
                continue;
            }
            Span sentence = sentences.stream().filter(s -> s.contains(mention.start())).findFirst().orElse(null);
            if (sentence == null || !StatementRules.FIRE_WORD.matcher(sentence.of(text)).find()) {
                continue;
            }
            return side;
        }
        return null;
    }

    /**
     * The side of a village or town on the state border (the gazetteer's {@code country}); null for other places,
     * and for Karabakh's and the corridor's, which changed hands.
     */
    /** The side of a village, town, district or province people come from (not Karabakh or the Lachin road), else null. */
    private static Party homeSide(Place place) {
        return place.kind() == PlaceKind.DISTRICT || place.kind() == PlaceKind.PROVINCE ? countrySide(place)
                : borderSettlementSide(place);
    }

    private static Party borderSettlementSide(Place place) {
        return place.kind() == PlaceKind.VILLAGE || place.kind() == PlaceKind.TOWN ? countrySide(place) : null;
    }

    /** The side of a place by its country, none inside former Nagorno-Karabakh or on the Lachin road. */
    private static Party countrySide(Place place) {
        if (place.segments().contains(BorderSegment.KARABAKH)
                || place.segments().contains(BorderSegment.LACHIN_CORRIDOR)) {
            return null;
        }
        return "AM".equals(place.country()) ? Party.AM : "AZ".equals(place.country()) ? Party.AZ : null;
    }

    /** An army's name ({@link StatementRules#ACTOR}'s noun) … */
    private static final Pattern ARMY = Alternations.compile("army|(?:armed\\s+)?forces|military",
            Pattern.CASE_INSENSITIVE);
    /** … right before its people: "Azerbaijan Army servicemen", "Armenian armed forces soldiers". */
    private static final Pattern ARMY_PEOPLE_AFTER = Alternations.compile(
            "(?<!\\s)\\s++(?:servicem[ae]n|soldiers?|personnel)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * A count right before an actor phrase makes it the people counted ("two Armenian soldiers were killed"); so does
     * "the number of" or "among" ("the death toll among Armenian soldiers").
     */
    private static final Set<String> PEOPLE = Set.of("soldiers", "soldier", "servicemen", "serviceman",
            "troops", "snipers", "sniper", "police", "police officers", "policemen", "policeman", "customs officers");
    private static final Pattern COUNTED_BEFORE = Alternations.compile("(?:(?<![:.\\d])\\b\\d+|\\b(?:one|two|three|four|five|six|seven|"
            + "eight|nine|ten|eleven|twelve|several|many|dozens\\s+of|hundreds\\s+of|number|total|among)|\\ban?)\\s+(?:of\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    /** ... and so does a casualty word right after it ("Armenian servicemen killed in the attack"). */
    // Read with lookingAt(); "(?<!\\s)\\s++" as in StatementRules.ATTACKER_VERB (linear on a long run of spaces)
    private static final Pattern VICTIMS_AFTER = Alternations.compile("(?<!\\s)\\s++(?:who\\s+)?(?:(?:were|was|have\\s+been|had\\s+been)\\s+)?"
            + "(?:killed|wounded|injured|martyred|dead|died|perished|lost\\s+their\\s+lives)\\b", Pattern.CASE_INSENSITIVE);

    /** ... or a wound received ("a border guard of the State Border Service received a gunshot wound"). */
    private static final Pattern WOUND_RECEIVED_AFTER = Alternations.compile("(?<!\\s)\\s++(?:has\\s+|had\\s+)?"
            + "(?:received|sustained|suffered)\\s+(?:an?\\s+)?(?:[\\w-]+\\s+){0,2}?(?:wounds?|injur(?:y|ies))\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * A party's claim that names no actor. Nobody when the event has no actor in the text: a mine that exploded
     * (unless the source's own people are under fire as well), or losses reported with no hostile act ("the number
     * of servicemen killed near Sotk has risen to two") unless the source's own side is named under fire or as
     * victims (then the other side, see {@link #ownSideOrTarget}). Otherwise the own side or the other side as below.
     */
    private static Party unnamedActor(String text, List<Span> sentences, Party party, Stance stance) {
        List<EventType> types = eventTypes(text, sentences, stance, null);
        boolean hostile = types.stream().anyMatch(t -> t == EventType.SMALL_ARMS_FIRE || t.isHeavyWeapon()
                || t == EventType.INCURSION || t == EventType.DETENTION);
        if (types.contains(EventType.MINE_EXPLOSION) && !hostile) {
            return null;
        }
        Party other = ownSideOrTarget(text, party);
        if (other != party) {
            return other;
        }
        if ((StatementRules.AGENTLESS_FIRE.matcher(text).find() || StatementRules.HEARD_EVENT.matcher(text).find())
                && !StatementRules.RETALIATION.matcher(text).find()) {
            // "shots were fired in the area of Yeraskh", "residents heard explosions near Sotk": nobody's side is
            // named (hearing names no shooter), none is guessed
            return null;
        }
        if (types.equals(List.of(EventType.OTHER)) && (StatementRules.MARKERS_HARMED_PASSIVE.matcher(text).find()
                // "unknown persons threw stones at a convoy": the throwers' side is not named, none is guessed
                || StatementRules.STONES_THROWN.matcher(text).find())) {
            // "Two delimitation markers near Kheyrimli were found damaged": no side named, none guessed (`h95-15`)
            return null;
        }
        if (types.equals(List.of(EventType.OTHER))) {
            Casualties losses = casualties(text, sentences, List.of(), party, null, stance);
            if (losses != null && losses.killedOrZero() + losses.woundedOrZero() > 0) {
                return null;
            }
        }
        return party;
    }

    /** A warning of force ({@link StatementRules#WARNING}) with no sentence besides it that describes an event. */
    private static boolean warningOnly(String text) {
        return StatementRules.WARNING.matcher(text).find() && Sentences.split(text).stream().map(s -> s.of(text))
                .filter(s -> !StatementRules.WARNING.matcher(s).find()).noneMatch(StatementExtractor::describesEvent);
    }

    /** A blast with no weapon named ({@link StatementRules#EXPLOSION}) as the only event: type {@code OTHER} alone. */
    private static boolean blastOnly(String text, List<Span> sentences) {
        return eventTypes(text, sentences, Stance.CLAIM, null).equals(List.of(EventType.OTHER))
                && StatementRules.EXPLOSION.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** A mine explosion with no fire, incursion or detention beside it. */
    private static boolean mineOnly(String text, List<Span> sentences) {
        List<EventType> types = eventTypes(text, sentences, Stance.CLAIM, null);
        return types.contains(EventType.MINE_EXPLOSION) && types.stream().noneMatch(t -> t == EventType.SMALL_ARMS_FIRE
                || t.isHeavyWeapon() || t == EventType.INCURSION || t == EventType.DETENTION);
    }

    /**
     * A party's claim that names no actor: the source's own side ("the retaliation operation was carried out"),
     * unless the text has the source's own side under fire ("our positions came under fire"): then the other side.
     */
    private static Party ownSideOrTarget(String text, Party party) {
        Pattern own = party == Party.AZ ? StatementRules.OWN_TARGET_AZ : StatementRules.OWN_TARGET_AM;
        return own.matcher(text).find() ? party.opponent() : party;
    }

    /**
     * Whose people a "no losses" phrase speaks of: the side it names ("No Azerbaijani soldiers were hurt", "none of our
     * servicemen"), else the source's own side when it is one of the two (else none).
     */
    private static Party noLossesOf(String text, Party sourceParty) {
        Matcher m = StatementRules.NO_LOSSES.matcher(text);
        int first = -1;
        while (m.find()) {
            first = first < 0 ? m.start() : first;
            Matcher w = WORD.matcher(m.group());
            while (w.find()) {
                String word = w.group().toLowerCase(Locale.ROOT);
                if (word.startsWith("armenia") || word.startsWith("azerbaijan") || word.equals("our")) {
                    Party p = nationality(word, sourceParty);
                    if (p != null) {
                        return p;
                    }
                }
            }
        }
        // "…, Azerbaijan's Defence Ministry said in a statement. The ministry reported no casualties": the relayed
        // ministry's own side
        Party relayed = first < 0 ? null : relayedBodySide(text, first);
        if (relayed != null) {
            return relayed;
        }
        return sourceParty.isBelligerent() ? sourceParty : null;
    }

    /**
     * The side a relay names as speaking in the sentence at {@code at}: a side said so ("Baku had said the shelling
     * caused no casualties"), or the ministry or agency named in that sentence or before it speaks there ("Azerbaijan's
     * Defence Ministry said … . The ministry reported no casualties", "… . No casualties were reported"): the side of
     * the last such body named up to the sentence's end. None when someone else speaks ("local residents said no one
     * was hurt") or no side's body is named.
     */
    private static Party relayedBodySide(String text, int at) {
        for (Span s : Sentences.split(text)) {
            if (at < s.start() || at >= s.end()) {
                continue;
            }
            String sentence = s.of(text);
            Matcher side = StatementRules.SIDE_SAYING.matcher(sentence);
            if (side.find()) {
                String name = side.group(1).toLowerCase(Locale.ROOT);
                return name.equals("baku") || name.startsWith("azerbaijan") ? Party.AZ : Party.AM;
            }
            boolean bodyHere = StatementRules.RELAYED_BODY.matcher(sentence).find()
                    && StatementRules.SAYING.matcher(sentence).find();
            if (!bodyHere && !StatementRules.BODY_SAYING.matcher(sentence).find()) {
                return null;
            }
            Matcher body = StatementRules.RELAYED_BODY.matcher(text).region(0, s.end());
            Party found = null;
            while (body.find()) {
                String name = body.group(1) != null ? body.group(1) : body.group(2);
                // the bare "State Border Service" is Azerbaijan's
                found = name != null && name.toLowerCase(Locale.ROOT).startsWith("armenia") ? Party.AM : Party.AZ;
            }
            return found;
        }
        return null;
    }

    private static Party nationality(String word, Party sourceParty) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("state") && w.endsWith("service")) {
            return Party.AZ; // "the State Border Service" is Azerbaijan's (Armenia's are the border guard troops)
        }
        if (w.endsWith("national security service") || w.startsWith("border guard troops")) {
            return Party.AM; // Armenia's NSS and its Border Guard Troops
        }
        if (w.equals("our")) {
            return sourceParty.isBelligerent() ? sourceParty : null;
        }
        if (w.startsWith("the")) { // the enemy / adversary / opposing side
            return sourceParty.opponent();
        }
        if (w.endsWith("enemy")) {
            return sourceParty.opponent();
        }
        if (w.startsWith("armenia") || w.equals("ra") || w.equals("arm.")) {
            return Party.AM;
        }
        if (w.startsWith("azerbaijan") || w.equals("baku") || w.equals("az") || w.equals("az.")) {
            return Party.AZ;
        }
        return w.equals("yerevan") ? Party.AM : null;
    }

    // ---- event types -------------------------------------------------------------------------------------------

    /**
     * The event types these rules read in a text told as a claim, with no stance, place or time read: ACLED's
     * {@code notes} when the row's sub-event type names no kind of act ("Attack", "Other").
     */
    public static List<EventType> eventTypesOf(String text) {
        return eventTypes(text, Sentences.split(text), Stance.CLAIM, null);
    }

    /**
     * Event types in order of first mention. Generic fire ("opened fire") counts as small arms only in a sentence
     * that names no weapon, so "fired with artillery" is not also small arms, while "X fired at our positions. Our
     * quadcopter destroyed ..." is small arms and a drone strike.
     */
    private static List<EventType> eventTypes(String text, List<Span> sentences, Stance stance,
                                              Casualties casualties) {
        if (stance == Stance.REFUTATION) {
            return List.of(); // "did not observe any signs of the alleged shooting": an observer saw no event
        }
        // "an Armenian citizen who had crossed the state border ... was detained": a person's crossing, no incursion
        String lower = withoutActivitiesOfPeople(withoutPeopleCrossing(blanked(withoutNonEvents(text),
                StatementRules.NO_EVENT)), sentences).toLowerCase(Locale.ROOT);
        // "Any provocation by the Armenian side will be resolutely suppressed": a warning, no THREAT beside an event
        lower = blanked(lower, StatementRules.HYPOTHETICAL_WARNED);
        TreeMap<Integer, EventType> found = new TreeMap<>();
        Set<EventType> seen = new LinkedHashSet<>();
        List<Integer> weaponAt = new ArrayList<>();
        // "tanks, mortars and personnel being transferred to the border": one build-up, no shelling
        List<int[]> moved = new ArrayList<>();
        // "exercises with artillery and armoured units": the weapons trained with are the build-up's too
        Matcher ex = StatementRules.EXERCISED_LIST.matcher(lower);
        while (ex.find()) {
            moved.add(new int[]{ex.start(), ex.end()});
        }
        Matcher ml = StatementRules.MOVED_LIST.matcher(lower);
        while (ml.find()) {
            moved.add(new int[]{ml.start(), ml.end()});
        }
        Matcher m = StatementRules.EVENT_SCAN.matcher(lower);
        while (m.find()) {
            for (int g = 0; g < StatementRules.EVENT_SCAN_GROUPS.size(); g++) {
                if (m.start(StatementRules.EVENT_SCAN_GROUPS.get(g)) >= 0) {
                    EventType type = StatementRules.EVENT_SCAN_TYPES.get(g);
                    int at = m.start();
                    int[] inMoved = moved.stream().filter(r -> r[0] <= at && at < r[1]).findFirst().orElse(null);
                    if (inMoved != null) { // a word of a list moved: the build-up's, no weapon
                        if (seen.add(EventType.BUILDUP)) {
                            found.put(inMoved[0], EventType.BUILDUP);
                        }
                        break;
                    }
                    if (type == EventType.SMALL_ARMS_FIRE || type == EventType.MORTAR_ARTILLERY
                            || type == EventType.DRONE_STRIKE) {
                        weaponAt.add(m.start());
                    }
                    if (seen.add(type)) {
                        found.put(m.start(), type);
                    }
                    break;
                }
            }
        }
        if (weaponAt.isEmpty()) {
            Matcher fire = StatementRules.GENERIC_FIRE_LOWER.matcher(lower);
            if (fire.find()) {
                found.putIfAbsent(fire.start(), EventType.SMALL_ARMS_FIRE);
            }
        } else if (!seen.contains(EventType.SMALL_ARMS_FIRE)) {
            Integer fireAlone = fireInClauseWithoutWeapon(text, lower, sentences, weaponAt);
            if (fireAlone != null) {
                found.putIfAbsent(fireAlone, EventType.SMALL_ARMS_FIRE);
            }
            for (Span sentence : sentences) {
                boolean weaponNamed = weaponAt.stream().anyMatch(sentence::contains);
                if (weaponNamed || StatementRules.RETALIATION.matcher(sentence.of(text)).find()) {
                    continue; // "the enemy was silenced by retaliatory fire" is the response, not a weapon
                }
                Matcher fire = StatementRules.FIRE_VERB_LOWER.matcher(lower).region(sentence.start(), sentence.end());
                // "Our units did not open fire in the Basarkechar direction" after a denied mortar shelling: the
                // generic denial names no fire of its own
                if (fire.find() && !StatementRules.NEGATED_BEFORE.matcher(lower)
                        .region(Math.max(sentence.start(), fire.start() - NEGATION_REACH), fire.start()).find()) {
                    found.putIfAbsent(fire.start(), EventType.SMALL_ARMS_FIRE);
                    break;
                }
            }
        }
        if (seen.contains(EventType.DRONE_STRIKE) && StatementRules.DRONE_FLIGHT.matcher(lower).find()
                && !StatementRules.DRONE_ATTACK.matcher(lower).find()) {
            // "a reconnaissance UAV violated the state border … and was forced back by electronic warfare. No shots were
            // fired": a drone that only flew struck nothing; across the border it is an incursion
            Integer at = found.entrySet().stream().filter(e -> e.getValue() == EventType.DRONE_STRIKE)
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (at != null) {
                found.remove(at);
                if (!seen.contains(EventType.INCURSION) && StatementRules.BORDER_VIOLATED.matcher(lower).find()) {
                    found.put(at, EventType.INCURSION);
                }
            }
        }
        List<EventType> types = new ArrayList<>(new LinkedHashSet<>(found.values()));
        if (types.isEmpty() && casualties != null && casualties.killedOrZero() + casualties.woundedOrZero() > 0) {
            // "A fuel depot … exploded …; at least 68 people were killed": the blast is the event, its losses beside it
            // "threw stones at a convoy …. One driver was injured": the stoning is the event (`h95-11`)
            types.add(StatementRules.EXPLOSION.matcher(lower).find() || StatementRules.STONES_THROWN.matcher(lower).find()
                    ? EventType.OTHER : EventType.CASUALTY);
        }
        if (types.isEmpty() && stance != Stance.REFUTATION) {
            // a warning that is the whole statement ("any attempt at provocation … will be met with a decisive
            // response") announces force; beside an event it is only the usual closing line
            types.add(warningOnly(text) ? EventType.THREAT : EventType.OTHER);
        }
        return types;
    }

    /** How far before a fire verb a negation is looked for ("have not yet opened fire"). */
    private static final int NEGATION_REACH = 20;

    /**
     * Plain fire in a clause of its own beside a weapon's act in the same sentence: "opened fire in the direction of
     * Yukhari Shorja and used a drone near Norabak" is fire and a drone strike, two acts joined by "and" and a verb of
     * using a weapon ({@link StatementRules#NEXT_ACT}); "opened fire with mortars and used a drone" names its weapon in
     * its own clause. The position of that fire verb, or null.
     */
    private static Integer fireInClauseWithoutWeapon(String text, String lower, List<Span> sentences,
                                                     List<Integer> weaponAt) {
        for (Span sentence : sentences) {
            if (weaponAt.stream().noneMatch(sentence::contains)) {
                continue; // the later-sentence rule reads sentences without a weapon
            }
            Matcher fire = StatementRules.FIRE_VERB_LOWER.matcher(lower).region(sentence.start(), sentence.end());
            while (fire.find()) {
                int from = sentence.start();
                int to = sentence.end();
                Matcher cut = StatementRules.NEXT_ACT.matcher(lower).region(sentence.start(), sentence.end());
                while (cut.find()) {
                    if (cut.end() <= fire.start()) {
                        from = cut.end();
                    } else if (cut.start() >= fire.end()) {
                        to = cut.start();
                        break;
                    }
                }
                if (to == sentence.end()) {
                    continue; // no second act after the fire: a weapon in the sentence may be the fire's own
                }
                int a = from;
                int b = to;
                if (weaponAt.stream().noneMatch(w -> w >= a && w < b)
                        && !StatementRules.RETALIATION.matcher(text.substring(a, b)).find()) {
                    return fire.start();
                }
            }
        }
        return null;
    }

    /**
     * The text with what the people an event hit were doing blanked ("fire … at Armenian servicemen who were carrying
     * out engineering work near Tegh": a shooting, not engineering work), in each sentence that still tells an event
     * without it (same length).
     */
    private static String withoutActivitiesOfPeople(String text, List<Span> sentences) {
        if (!StatementRules.ACTIVITY_OF_PEOPLE.matcher(text).find()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text);
        for (Span s : sentences) {
            String sentence = s.of(text);
            String without = blanked(sentence, StatementRules.ACTIVITY_OF_PEOPLE);
            if (!without.equals(sentence) && describesEvent(without)) {
                b.replace(s.start(), s.end(), without);
            }
        }
        return b.toString();
    }

    // ---- casualties --------------------------------------------------------------------------------------------

    /**
     * The losses a text tells, with a side only where its words name one ("One Azerbaijani serviceman was killed",
     * "killing 4 Armenian soldiers"); no side is inferred from a speaker or from the attacker, as it is for a
     * statement. For ACLED's {@code notes}, which are no one's own words.
     */
    public static Casualties casualtiesNamedIn(String text) {
        return casualties(text, Sentences.split(text), List.of(), Party.INTL, null, Stance.UNKNOWN);
    }

    /**
     * A word of a sentence; {@code marked}: a mark (a comma, a point …) stands between it and the word before, so
     * "in September, 4 servicemen" is no date "September 4".
     */
    private record Word(String text, int start, int end, boolean marked) {
    }

    /**
     * A headline line above a blank line: no full stop, at most 200 characters, a body after it. The leading white
     * space is taken possessively: given back, each shorter run re-ran the look-ahead to the line's end, quadratic
     * on a text blanked to spaces (an answered clause with no full stop); a headline with a letter cannot start
     * inside that run anyway (its look-ahead needs a letter on the same line), so the matches are the same.
     */
    private static final Pattern HEADLINE = Alternations.compile("^\\s*+(?=[^\\n]*\\p{L})[^\\n]{1,200}?(?<![.!?:])\\n\\s*\\n(?=\\s*\\S)");

    /** Where a headline ends ({@link #HEADLINE}), or -1. */
    private static int headlineEnd(String text) {
        Matcher m = HEADLINE.matcher(text);
        return m.lookingAt() ? m.end() : -1; // "^" without MULTILINE: only the text's start can match
    }

    private static boolean positive(Integer count) {
        return count != null && count > 0;
    }

    private static Casualties casualties(String text, List<Span> sentences, List<PlaceMention> places,
                                         Party sourceParty, Party acting, Stance stance) {
        // a wire headline whose losses the body tells again ("Serviceman killed, two wounded in … - MoD" over "One
        // soldier was killed and two others were wounded."): the body's count, the headline's not added to it
        int headline = headlineEnd(text);
        if (headline > 0) {
            Casualties body = casualties(blankedSpans(text, List.of(new Span(0, headline))), sentences, places,
                    sourceParty, acting, stance);
            if (body != null && (positive(body.killed()) || positive(body.wounded()))) {
                return body;
            }
        }
        // "two (not three, as reported earlier) were wounded": the corrected figure is no count; the bodies of
        // soldiers "killed in 2022" handed over are no losses of an event; "Armen S., 54, was wounded": an age counts
        // no one (same length, so the spans stay valid)
        text = blanked(blanked(withoutNonEvents(text), StatementRules.CORRECTED_FIGURE), StatementRules.AGE);
        text = blanked(text, StatementRules.ANIMALS); // "14 sheep were killed": livestock, no casualties
        // "Junior Sergeant A. Mammadov and Private R. Aliyev were wounded": "A" before a full stop is an initial, never
        // the article that counts one person (same length, so the spans stay valid)
        text = INITIAL_A.matcher(text).replaceAll("\u00c4");
        text = blanked(text, ATTRIBUTION_ARTICLE); // "… received wounds, a local official said": the sayer counts no one
        // "proceedings under Part 2 of Article 155 … over the death of Private A. S.": a label's number counts no one
        text = blanked(text, StatementRules.LEGAL_NUMBER);
        text = blanked(text, StatementRules.ENEMY_LOSSES); // "two servicemen of the enemy were killed": not ours
        text = NumberWords.hundredsAsDigits(text); // "Two hundred and seven servicemen were killed": 207, not 7
        // "wounded … at about ten past three in the afternoon, died …": a clock told in words counts no one
        text = blankedSpans(text, TimeExpressions.clocks(text).stream().map(c -> new Span(c.start(), c.end())).toList());
        // "three were wounded, one of whom later died", "a further two died in hospital": counted apart and moved
        // from the wounded to the killed below (the phrase blanked so that no word of it is counted again)
        int deathsOfWounded = 0;
        int firstDeathOfWounded = -1;
        Matcher among = StatementRules.DEATHS_AMONG_WOUNDED.matcher(text);
        while (among.find()) {
            firstDeathOfWounded = firstDeathOfWounded < 0 ? among.start() : firstDeathOfWounded;
            String n = among.group("n") != null ? among.group("n") : among.group("m") != null ? among.group("m")
                    : among.group("k");
            Integer count = NumberWords.parse(n);
            deathsOfWounded += count == null ? 0 : count;
        }
        if (deathsOfWounded > 0) {
            text = blanked(text, StatementRules.DEATHS_AMONG_WOUNDED);
        }
        // "None of the children or the driver was hurt": the casualty word of "none of …" counts no one (not even the
        // one person named last)
        List<Span> noLosses = new ArrayList<>();
        Matcher nl = StatementRules.NO_LOSSES.matcher(text);
        while (nl.find()) {
            if (nl.group().regionMatches(true, 0, "none", 0, 4)) {
                noLosses.add(new Span(nl.start(), nl.end()));
            }
        }
        Integer killed = null;
        Integer wounded = null;
        Integer woundedBeforeDeaths = null; // the wounded counted before those deaths are told
        Party whose = null;
        int countAt = -1; // where the first count stands
        boolean civilianOfNoSide = false; // a civilian in a list of persons whose text names no side (below)
        for (Span sentence : sentences) {
            List<Word> words = new ArrayList<>();
            Matcher w = COUNT_WORD.matcher(text).region(sentence.start(), sentence.end());
            int wordEnd = sentence.start();
            while (w.find()) {
                words.add(new Word(w.group(), w.start(), w.end(), !text.substring(wordEnd, w.start()).isBlank()));
                wordEnd = w.end();
            }
            // searched forward once per sentence, not once per casualty word (quadratic in a long sentence)
            ForwardMatches diedOfWounds = new ForwardMatches(StatementRules.DIED_OF_WOUNDS, text, sentence.end());
            ForwardMatches otherPerson = new ForwardMatches(StatementRules.OTHER_PERSON, text, sentence.end());
            ForwardMatches totals = new ForwardMatches(TOTAL, text, sentence.end());
            // "two others succumbed to their wounds": the wound word of that phrase is the death's, no wound
            List<int[]> deathPhrases = new ArrayList<>();
            Matcher dp = StatementRules.DIED_OF_WOUNDS.matcher(text).region(sentence.start(), sentence.end());
            while (dp.find()) {
                deathPhrases.add(new int[] {dp.start(), dp.end()});
            }
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i).text();
                int wordStart = words.get(i).start();
                if (deathPhrases.stream().anyMatch(p -> p[0] < wordStart && wordStart < p[1])
                        || noLosses.stream().anyMatch(p -> p.start() < wordStart && wordStart < p.end())) {
                    continue;
                }
                boolean fatally = i > 0
                        && StatementRules.FATALLY.contains(words.get(i - 1).text().toLowerCase(Locale.ROOT))
                        // "received a fatal gunshot wound", "a mortal shrapnel wound": a death
                        || i > 1 && StatementRules.WOUND_NOUNS.contains(word.toLowerCase(Locale.ROOT))
                        && StatementRules.FATALLY.contains(words.get(i - 2).text().toLowerCase(Locale.ROOT));
                boolean lostLives = (word.equalsIgnoreCase("lives") || word.equalsIgnoreCase("life")) && i >= 2
                        && (words.get(i - 1).text().equalsIgnoreCase("lost")
                        || words.get(i - 2).text().equalsIgnoreCase("lost"));
                boolean isKilled = isKilledWord(word) || (fatally && isWoundedWord(word)) || lostLives
                        || (isWoundedWord(word) && diedOfWounds(diedOfWounds, otherPerson, words.get(i).end()));
                boolean isWounded = !isKilled && isWoundedWord(word);
                if (!isKilled && !isWounded) {
                    continue;
                }
                // "… has risen to 71, and the number of wounded has reached 93": the group a total is given for takes
                // no count from before "the number of"
                // "As a result, Captain A. Aliyev and Private R. Huseynov were killed": people named one by one by rank
                // are counted before any article or number read near them ("a result … Captain": no one)
                int ranked = namedPeople(text, sentence.start(), words.get(i).start(), true);
                int at = ranked > 0 ? -1 : listed(text, words, i) ? i + 1 : numberOf(words, i) ? -1
                        : countOfParticiple(words, i);
                if (at < 0) {
                    at = numberAfter(words, i);
                    if (at >= 0 && text.substring(words.get(i).end(), words.get(at).start()).indexOf(';') >= 0) {
                        at = -1; // "… was hurt; two windows of the bus were shattered": a count of the next clause
                    }
                }
                Integer total = ranked > 0 ? Integer.valueOf(ranked) : at < 0 ? total(totals, words.get(i).end()) : null;
                if (at < 0 && total == null) { // "Siraj Abishov, Maharram Ibrahimov and Arif Aliyev lost their lives"
                    int named = namedPeople(text, sentence.start(),
                            words.get(lostLives ? (words.get(i - 1).text().equalsIgnoreCase("lost") ? i - 1 : i - 2) : i)
                                    .start(), false);
                    total = named > 0 ? named : null;
                }
                if (at < 0 && total == null) { // "Civilians wounded in Jermuk: Anahit Petrosyan, 67; Gor Avetisyan, 12."
                    int named = namedAfterColon(text, words.get(i).end(), sentence.end());
                    total = named > 0 ? named : null;
                }
                if (at < 0 && total == null && bothBefore(words, i)) {
                    total = 2; // "a truck carrying two civilians hit a mine … Both were killed"
                }
                if (at < 0 && total == null) { // "the driver and the passenger were wounded"
                    int named = singlesJoinedBefore(text, words, i);
                    total = named > 0 ? named : null;
                }
                // "a serviceman and a civilian were exposed to the explosion of … and received wounds" (2)
                PersonList exposed = at < 0 && total == null
                        ? personsExposed(text, sentence.start(), words.get(i).start()) : null;
                if (exposed != null) {
                    total = exposed.persons();
                }
                boolean singular = at < 0 && total == null && (singularBefore(words, i)
                        || appositivePerson(text, sentence.start(), words.get(i).start()) || singularAfter(words, i));
                if (singular) {
                    total = 1; // "Armenian soldier wounded by sniper", "the driver was injured"
                }
                if (at < 0 && total == null) {
                    continue;
                }
                int count = total != null ? total : count(words, at);
                if (total == null && at < i) {
                    count += groupsBefore(text, words, at); // "two journalists and a local official were killed"
                    count += companionBefore(words, at, i); // "a soldier of … and his commander were wounded"
                }
                if (at < 0) {
                    at = i;
                }
                // "one serviceman died and two others succumbed …", "a fourth was wounded", "two more were injured":
                // people besides those counted before, added to them; otherwise the same people may be counted again
                // in other words, so the largest figure stands
                boolean besides = at != i && total == null && besides(words, at);
                int ordinal = at != i && total == null ? ordinalAfterArticle(words, at) : 0;
                if (ordinal > 0) {
                    // "A second serviceman was wounded in the shelling": the second person hit, the first told before
                    // (an earlier report); those this text counted before ("three were killed and a fourth was
                    // wounded") are among the ones before it
                    int before = (killed == null ? 0 : killed) + (wounded == null ? 0 : wounded);
                    count = Math.max(1, ordinal - before);
                }
                countAt = countAt < 0 ? wordStart : countAt;
                if (isKilled) {
                    killed = killed == null ? count : besides ? killed + count : Math.max(killed, count);
                } else {
                    wounded = wounded == null ? count : besides ? wounded + count : Math.max(wounded, count);
                    if (wordStart < firstDeathOfWounded) {
                        woundedBeforeDeaths = wounded;
                    }
                }
                if (whose == null && exposed != null) {
                    // the persons' own words only: "…, were exposed to the fire of Armenian units" names the attacker
                    whose = sideOfListed(text, words, exposed, i, sourceParty, acting);
                    // "a serviceman and a civilian …" in a side's text with no side named: the civilian's side is not
                    // the publisher's by default
                    civilianOfNoSide |= whose == null && CIVILIAN_LISTED.matcher(text)
                            .region(exposed.start(), exposed.end()).find();
                }
                if (whose == null && total != null && !singular && exposed == null) {
                    // "the number of Armenian servicemen killed in the Azerbaijani attack has risen to 105": the
                    // victims are named before the casualty word, the attacker after it
                    whose = whose(words, i - 3, i, i, sourceParty, acting);
                }
                if (whose == null) {
                    int from = singular ? i - 3 : Math.min(at, i); // "Armenian soldier wounded": the word before
                    whose = whose(words, from, Math.max(at, i) + 4, i, sourceParty, acting);
                }
                if (whose == null && singular) {
                    // "a serviceman of the Azerbaijan Army while performing service duty was exposed to … and received
                    // a wound": the army the one person belongs to, further back than the words before the wound
                    // (`ch-i88-08`, an agency's relay: until branch i88 no side)
                    whose = armyOfPerson(text, sentence.start(), words.get(i).start());
                }
            }
        }
        if (deathsOfWounded > 0) {
            killed = (killed == null ? 0 : killed) + deathsOfWounded;
            if (wounded != null && woundedBeforeDeaths != null && woundedBeforeDeaths >= deathsOfWounded) {
                wounded -= deathsOfWounded; // they were counted as wounded before they died
            }
        }
        if (killed == null && wounded == null) {
            if (StatementRules.NO_LOSSES.matcher(text).find()) {
                return new Casualties(0, 0, noLossesOf(text, sourceParty));
            }
            return null;
        }
        if (whose == null) {
            if (stance == Stance.CLAIM && acting != null && acting.isBelligerent()) {
                whose = acting.opponent();
            } else if (sourceParty.isBelligerent() && !civilianOfNoSide) {
                whose = sourceParty;
            } else {
                whose = civiliansPlaceSide(text, places);
                if (whose == null && countAt >= 0) {
                    // "a shell hit the yard of a family home in the village of Khnatsakh, and one child was wounded":
                    // civilians hurt where the event struck, in a border settlement, are that settlement's side
                    whose = civiliansHitInSide(text, sentences, places, countAt);
                }
                if (whose == null && countAt >= 0) {
                    // "…, Azerbaijan's Defence Ministry said. The ministry said two of its deminers were wounded":
                    // a relay's losses with no actor are the relayed ministry's side
                    whose = relayedBodySide(text, countAt);
                }
                if (whose == null && countAt >= 0) {
                    // "condemns the drone strike by Azerbaijani forces on an Armenian army truck …, which wounded three
                    // servicemen": the victims of a strike on a side's vehicle or positions are that side's
                    whose = targetSide(text, sentences, countAt, acting);
                }
            }
        }
        // a count the statement does not give is not known (null), unless it also says there were no (other) losses
        boolean noneElse = (killed == null || wounded == null) && StatementRules.NO_LOSSES.matcher(text).find();
        return new Casualties(killed == null && noneElse ? Integer.valueOf(0) : killed,
                wounded == null && noneElse ? Integer.valueOf(0) : wounded,
                whose);
    }

    /**
     * The side whose vehicle, positions or people a strike, fire or attack hit, by the side's adjective after "on",
     * "at" or "against" ("the drone strike … on an Armenian army truck", "fired at Azerbaijani positions"), in the
     * sentence of the count and before it: the last such target; none when it is the acting party's own side or when a
     * side is named right after the count.
     */
    private static Party targetSide(String text, List<Span> sentences, int countAt, Party acting) {
        Span sentence = sentences.stream().filter(sp -> sp.start() <= countAt && countAt < sp.end()).findFirst()
                .orElse(null);
        if (sentence == null) {
            return null;
        }
        // "…, which wounded three Azerbaijani soldiers": the casualty phrase names a side, passed over as the actor's
        if (SIDE_WORD.matcher(text).region(countAt, Math.min(sentence.end(), countAt + 60)).find()) {
            return null;
        }
        Matcher m = SIDE_TARGET.matcher(text).region(sentence.start(), countAt);
        Party side = null;
        while (m.find()) {
            side = m.group("side").toLowerCase(Locale.ROOT).startsWith("armenia") ? Party.AM : Party.AZ;
        }
        return side == null || side == acting ? null : side;
    }

    private static final Pattern SIDE_WORD = Alternations.compile("\\b(?:armenia|azerbaijan)", Pattern.CASE_INSENSITIVE);

    /** A side's target after an act's preposition: "on an Armenian army truck", "at Azerbaijan Army positions". */
    private static final Pattern SIDE_TARGET = Alternations.compile("\\b(?:strikes?|attacks?|fire|fired|firing|shelling|"
            + "shelled|shots|struck|hit|hitting|targeted|targeting)\\s+(?:[\\w-]+\\s+){0,6}?(?:on|at|against|upon)\\s+"
            + "(?:(?:an?|the)\\s+)?(?<side>armenian|azerbaijani|armenia|azerbaijan)(?:['’]s)?\\s+(?:[\\w-]+\\s+){0,2}?"
            + "(?:positions?|posts?|outposts?|trucks?|vehicles?|cars?|convoys?|units?|troops|servicem[ae]n|soldiers?|"
            + "border\\s+guards?|checkpoints?|bases?|ambulances?|buses?)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * Whose civilians were hit when neither an actor nor a belligerent publisher says: the side of the border village or
     * town they were hit in or live in ("Civilians wounded in Jermuk: …", "two residents of Tegh were injured"), or of
     * the village, town, district or province they come from ("a herdsman from the Tovuz district"); none when such
     * places of both sides are named.
     */
    private static Party civiliansPlaceSide(String text, List<PlaceMention> places) {
        Party side = null;
        for (PlaceMention mention : places) {
            String before = text.substring(Math.max(0, mention.start() - 80), mention.start());
            Party here = borderSettlementSide(mention.place());
            if (here == null || !StatementRules.CIVILIANS_AT.matcher(before).find()) {
                // "a herdsman from the Tovuz district": where the civilians come from, a district or province too
                here = StatementRules.CIVILIANS_FROM.matcher(before).find() ? homeSide(mention.place()) : null;
            }
            if (here == null) {
                continue;
            }
            if (side != null && side != here) {
                return null;
            }
            side = here;
        }
        return side;
    }

    /** People who are no force: civilians by any name ("child", "a woman", "two shepherds"). */
    private static final String CIVILIAN_PEOPLE = "(?:civilians?|residents?|villagers?|inhabitants?|locals|child|"
            + "children|schoolchildren|boys?|girls?|teenagers?|minors?|pupils?|students?|wom[ae]n|m[ae]n|pensioners?|"
            + "elderly|shepherds?|herders?|herdsm[ae]n|farmers?|drivers?|workers?|people|persons?)\\b";
    /** Civilians counted as hit, right before the casualty word ("one child was wounded", "two women were injured"). */
    private static final Pattern CIVILIANS_COUNTED_BEFORE = Alternations.compile("\\b" + CIVILIAN_PEOPLE
            + "(?:\\s+[\\w-]+){0,3}?\\s+$", Pattern.CASE_INSENSITIVE);
    /** … or right after it ("wounding a child", "injuring two residents"). */
    private static final Pattern CIVILIANS_COUNTED_AFTER = Alternations.compile("[\\w-]+\\s+(?:[\\w-]+\\s+){0,2}?"
            + CIVILIAN_PEOPLE, Pattern.CASE_INSENSITIVE);
    /** People of a force or service beside the count: no civilians ("one soldier was wounded"). */
    private static final Pattern FORCES_COUNTED = Alternations.compile("\\b(?:servicem[ae]n|soldiers?|troops|guards?|"
            + "officers?|deminers?|sappers?|conscripts?|privates?|sergeants?|personnel|police\\w*)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Right before a settlement: where the event struck, inside it ("in the village of Khnatsakh", "at Tegh"). */
    private static final Pattern STRUCK_IN = Alternations.compile("\\b(?:in|at|into|on)\\s+(?:the\\s+)?"
            + "(?:(?:border\\s+)?(?:village|settlement|town|city|community)\\s+of\\s+)?$", Pattern.CASE_INSENSITIVE);

    /**
     * Whose civilians were hit when neither an actor, a belligerent publisher nor the civilians' own place says, by
     * where the event struck: in the sentence of the first count, civilians counted as hit (not servicemen, guards or
     * deminers) and a border village or town named after "in / at" ("a shell hit the yard of a family home in the
     * village of Khnatsakh, and one child was wounded": `AM`, `h97-12`, `ch-i86-12`, `-13`); none when such places of
     * both sides, or none, are named there, or the place is one whose side the gazetteer does not know (Karabakh's, the
     * corridor's, a district), or those counted are a force's people (guards `ch-i86-14`…`-17`).
     */
    private static Party civiliansHitInSide(String text, List<Span> sentences, List<PlaceMention> places, int countAt) {
        Span sentence = sentences.stream().filter(sp -> sp.start() <= countAt && countAt < sp.end()).findFirst()
                .orElse(null);
        if (sentence == null) {
            return null;
        }
        String before = text.substring(Math.max(sentence.start(), countAt - 50), countAt);
        String after = text.substring(countAt, Math.min(sentence.end(), countAt + 50));
        if (FORCES_COUNTED.matcher(before).find() || FORCES_COUNTED.matcher(after).find()
                || !CIVILIANS_COUNTED_BEFORE.matcher(before).find()
                && !CIVILIANS_COUNTED_AFTER.matcher(after).lookingAt()) {
            return null;
        }
        Party side = null;
        for (PlaceMention mention : places) {
            if (mention.start() < sentence.start() || mention.start() >= sentence.end()
                    || !STRUCK_IN.matcher(text.substring(Math.max(sentence.start(), mention.start() - 40),
                    mention.start())).find()) {
                continue;
            }
            Party here = borderSettlementSide(mention.place());
            if (here == null) {
                return null;
            }
            if (side != null && side != here) {
                return null;
            }
            side = here;
        }
        return side;
    }

    /** Ordinals that count one more person ("a fourth was wounded"). */
    private static final List<String> ORDINAL_WORDS = List.of("second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "tenth");
    private static final Set<String> ORDINALS = Set.copyOf(ORDINAL_WORDS);

    /** The number of "a second / a fourth …" at {@code at} (2, 4 …), or 0. */
    private static int ordinalAfterArticle(List<Word> words, int at) {
        String t = words.get(at).text().toLowerCase(Locale.ROOT);
        String next = at + 1 < words.size() ? words.get(at + 1).text().toLowerCase(Locale.ROOT) : "";
        return (t.equals("a") || t.equals("an")) && ORDINALS.contains(next) ? ORDINAL_WORDS.indexOf(next) + 2 : 0;
    }

    /**
     * A count of people besides those counted before: "two others", "two other servicemen", "two more", "another
     * two", "another", "a fourth".
     */
    private static boolean besides(List<Word> words, int at) {
        String t = words.get(at).text().toLowerCase(Locale.ROOT);
        String next = at + 1 < words.size() ? words.get(at + 1).text().toLowerCase(Locale.ROOT) : "";
        String previous = at > 0 ? words.get(at - 1).text().toLowerCase(Locale.ROOT) : "";
        return t.equals("another") || previous.equals("another") || next.equals("others") || next.equals("other")
                || next.equals("more") || ((t.equals("a") || t.equals("an")) && ORDINALS.contains(next));
    }

    /** A wound word followed in its sentence by "died of his wounds" about the same person: a death. */
    private static boolean diedOfWounds(ForwardMatches died, ForwardMatches otherPerson, int from) {
        MatchResult d = died.from(from);
        if (d == null) {
            return false;
        }
        MatchResult other = otherPerson.from(from); // "and", "another", "while", ";" between: someone else died
        return other == null || other.start() >= d.start();
    }

    /**
     * The article of an attribution, an indefinite person and a verb of saying ("…, a local official said", "an army
     * spokesman told reporters", "a resident said"): who says it is no casualty, so the article counts no one (was one
     * more wounded or killed, or the count the casualty word read instead of the persons before it). Up to four words
     * between, none a casualty word or an auxiliary ("a local official was killed" still counts).
     */
    private static final Pattern ATTRIBUTION_ARTICLE = Alternations.compile("\\b(?:a|an)(?=\\s+(?:(?!(?:was|were|is|are|"
            + "has|have|had|been|being|who|which|that|wounded|injured|killed|hurt|dead|died|martyred)\\b)[\\p{L}'’-]+\\s+){1,4}"
            + "(?:said|says|told|tells|reported|stated|added|confirmed)\\b)", Pattern.CASE_INSENSITIVE);

    /** The letter "A" as an initial ("A. Mammadov"): the article is never followed by a full stop. */
    private static final Pattern INITIAL_A = Pattern.compile("(?<![\\p{L}\\p{N}])A(?=\\.)");

    /** A person's name: two capitalised words ("Siraj Abishov", "Arif Aliyev"). */
    private static final Pattern PERSON_NAME = Alternations.compile("\\b\\p{Lu}\\p{Ll}+(?:-\\p{Lu}?\\p{Ll}+)?\\s+\\p{Lu}\\p{Ll}+");
    /**
     * Where a list of people ends before its casualty verb ("…, were", "… have been"), or before the wound they received
     * ("… and Private R. Aliyev received gunshot wounds", the casualty word being "wounds").
     */
    private static final Pattern LIST_TAIL = Alternations.compile("\\s*,?\\s*(?:(?:were|have\\s+been|had\\s+been)\\s+)?"
            + "(?:\\w+ly\\s+)?(?:(?:have\\s+|had\\s+)?(?:received|sustained|suffered|got)\\s+(?:[\\w-]+\\s+){0,3}?)?$",
            Pattern.CASE_INSENSITIVE);
    /** An aside about the person before it: "Arif Aliyev, a deputy representative of the district authority, …". */
    private static final Pattern ASIDE = Alternations.compile("(?:an?|aged|born)\\s+\\p{Ll}");
    /**
     * One person named by a rank or title and a name, as an item of a list: "Junior Sergeant A. Mammadov", "Senior
     * Lieutenant H. Petrosyan", "contract serviceman A. Grigoryan", "private Elvin Rashid oglu Mammadov", "Privates A.
     * Mammadov" (one name after a plural rank: the list's first) — or by initials and a surname alone, "R. Aliyev".
     */
    private static final Pattern RANKED_ITEM = Alternations.compile("(?:(?:the\\s+)?(?:(?:junior|senior|lance|staff|master|"
            + "chief|first|second|contract|conscript|border|petty|warrant|major|lieutenant|sergeant)\\s+){0,2}"
            + "(?:private|corporal|sergeant|lieutenant|captain|major|colonel|general|ensign|soldier|serviceman|"
            + "servicewoman|officer|conscript|guard|deminer|sapper)s?\\s+" + StatementExtractor.RANKED_NAME
            + "|(?-i:\\p{Lu}\\.(?:\\s*\\p{Lu}\\.){0,2}\\s*\\p{Lu}\\p{Ll}[\\p{L}'’-]*))", Pattern.CASE_INSENSITIVE);
    /** A list's separators: a comma or "and" (with a comma before it, "A, B, and C"). */
    private static final Pattern LIST_SEPARATOR = Alternations.compile("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+");
    /** A count of people opening the list they are then named in: "Two servicemen, Junior Sergeant A. … and …". */
    private static final Pattern COUNTED_PEOPLE = Alternations.compile("(?<n>[\\w-]+)\\s+(?:[\\w-]+\\s+)?"
            + "(?:servicem[ae]n|soldiers|people|persons|civilians|border\\s+guards|officers)", Pattern.CASE_INSENSITIVE);

    /**
     * The number of people a sentence names as the subject of its casualty verb, when it lists two or more by name:
     * "AZTV cameraman Siraj Abishov, Azertac correspondent Maharram Ibrahimov and Arif Aliyev, a deputy representative
     * of the district executive authority, lost their lives" is three. Each item of the list (split at commas and
     * "and") is a name with at most two other lower-case words (a role) and six words in all, or an aside ("a deputy
     * …"); anything else ("President X said that soldiers") is no such list: 0. People named by rank or title and
     * initials or names ({@link #RANKED_ITEM}: "Junior Sergeant A. Mammadov and Private R. Aliyev received gunshot
     * wounds" is two) may follow an opening phrase that ends in a comma ("As a result, …", "Two servicemen, …": that
     * count when it is larger). {@code rankedOnly}: only such a list of ranked people counts (0 otherwise).
     */
    private static int namedPeople(String text, int sentenceStart, int verb, boolean rankedOnly) {
        if (verb - sentenceStart > APPOSITIVE_WINDOW) {
            return 0;
        }
        String subject = text.substring(sentenceStart, verb);
        Matcher tail = LIST_TAIL.matcher(subject);
        if (tail.find()) {
            subject = subject.substring(0, tail.start());
        }
        subject = subject.replaceAll("\\([^()]*\\)", " ").strip(); // "Private A. S. (born 2003)"
        List<String> items = new ArrayList<>();
        List<Boolean> commaAfter = new ArrayList<>();
        Matcher sep = LIST_SEPARATOR.matcher(subject);
        int from = 0;
        while (sep.find()) {
            items.add(subject.substring(from, sep.start()));
            commaAfter.add(sep.group().contains(","));
            from = sep.end();
        }
        items.add(subject.substring(from));
        commaAfter.add(false);
        int named = 0;
        boolean allRanked = true;
        for (int k = items.size() - 1; k >= 0; k--) {
            String item = items.get(k).strip();
            if (RANKED_ITEM.matcher(item).matches()) {
                named++;
                continue;
            }
            String[] tokens = item.split("\\s+");
            long lower = java.util.Arrays.stream(tokens).filter(t -> !t.isEmpty() && !Character.isUpperCase(t.charAt(0)))
                    .count();
            if (PERSON_NAME.matcher(item).find() && lower <= 2 && tokens.length <= 6) {
                if (rankedOnly) {
                    return 0;
                }
                named++;
                allRanked = false;
            } else if (!ASIDE.matcher(item).lookingAt()) {
                if (allRanked && named >= 2 && commaAfter.get(k)) {
                    // "As a result, Junior Sergeant A. Mammadov and Private R. Aliyev were wounded": an opening phrase
                    Matcher counted = COUNTED_PEOPLE.matcher(item);
                    Integer n = counted.matches() ? NumberWords.parse(counted.group("n")) : null;
                    return n != null && n > named ? n : named;
                }
                return 0;
            }
        }
        return named >= 2 ? named : 0;
    }

    /** How far after a casualty word a colon may open the list of the people it names ("wounded in Jermuk: …"). */
    private static final int COLON_REACH = 80;

    /**
     * The people named in a list after a colon that follows the casualty word within {@value #COLON_REACH}
     * characters ("Civilians wounded in Jermuk: Anahit Petrosyan; Gor Avetisyan.", the ages blanked before): each
     * item, split at semicolons, commas and "and", must be a first name and a surname; otherwise no count.
     */
    private static final Pattern LIST_END = Pattern.compile("(?<!\\b\\p{Lu})\\.(?=\\s|$)|\\n");

    /** A sentence after a list's last initial: a capitalised word, then a lower-case one ("We share …"). */
    private static final Pattern NEXT_SENTENCE = Pattern.compile("\\s+\\p{Lu}\\p{Ll}*\\s+\\p{Ll}");

    /** A list item that is a rank and initials ("Captain H. A.", "Senior Lieutenant V. M."), its aside in brackets removed. */
    private static final Pattern RANK_AND_INITIALS = Alternations.compile("(?:(?:junior|senior|lance|staff|first|second)"
            + "\\s+)?(?:private|corporal|sergeant|lieutenant|captain|major|colonel|ensign|soldier|serviceman)"
            + "(?:\\s+\\p{Lu}\\.){1,3}", Pattern.CASE_INSENSITIVE);

    private static int namedAfterColon(String text, int from, int sentenceEnd) {
        int colon = text.indexOf(':', from);
        if (colon < 0 || colon >= sentenceEnd || colon - from > COLON_REACH) {
            return 0;
        }
        // the list runs to its full stop or line end: its semicolons end sentences of their own
        Matcher stop = LIST_END.matcher(text).region(colon + 1, text.length());
        String list = text.substring(colon + 1, stop.find() ? stop.start() : text.length()).strip();
        int named = 0;
        for (String item : list.split("\\s*[;,]\\s*|\\s+and\\s+")) {
            String it = item.replaceAll("\\([^()]*\\)", " ").strip(); // "Captain H. A. (born 1991)"
            if (it.isEmpty()) {
                continue;
            }
            Matcher rank = RANK_AND_INITIALS.matcher(it);
            if (rank.lookingAt() && (rank.end() == it.length()
                    // "… and Junior Sergeant N. A. We share the grief …": an initial's full stop may end the list too
                    || NEXT_SENTENCE.matcher(it).region(rank.end(), it.length()).lookingAt())) {
                named++;
                continue;
            }
            if (!PERSON_NAME.matcher(it).lookingAt() || it.split("\\s+").length > 3) {
                return 0;
            }
            named++;
        }
        return named;
    }

    /** How far before a casualty word {@link #APPOSITIVE_PERSON} looks: a title, three names and a 60-char aside. */
    static final int APPOSITIVE_WINDOW = 400;

    /**
     * {@link #APPOSITIVE_PERSON} ending at {@code end}. Its phrase is short, so only the last
     * {@value #APPOSITIVE_WINDOW} characters before the word are read (transparent bounds, so a word cut by the
     * window is not taken for a word start): reading from the sentence's start for every casualty word was quadratic.
     */
    private static boolean appositivePerson(String text, int sentenceStart, int end) {
        return APPOSITIVE_PERSON.matcher(text).region(Math.max(sentenceStart, end - APPOSITIVE_WINDOW), end)
                .useTransparentBounds(true).find();
    }

    /**
     * The side of the one person an {@link #APPOSITIVE_PERSON} phrase ending at {@code end} names, when that phrase
     * opens with the person "of the Azerbaijan Army / of the Armenian Armed Forces"; otherwise none.
     */
    private static Party armyOfPerson(String text, int sentenceStart, int end) {
        Matcher m = APPOSITIVE_PERSON.matcher(text).region(Math.max(sentenceStart, end - APPOSITIVE_WINDOW), end)
                .useTransparentBounds(true);
        if (!m.find()) {
            return null;
        }
        Matcher side = PERSON_OF_ARMY.matcher(text).region(m.start(), end);
        if (!side.lookingAt()) {
            return null;
        }
        return side.group("side").toLowerCase(Locale.ROOT).startsWith("azerbaijan") ? Party.AZ : Party.AM;
    }

    /**
     * The people counted in groups listed before the group at {@code at}, joined by "and" or commas ("two journalists
     * and a local official", "2 servicemen, 1 civilian and 3 police officers"): each group is a count and words
     * naming people, the last joined by "and". A count of things ("shelled 2 villages and three soldiers were killed")
     * is not added, nor a group that follows a comma alone ("One worker, a citizen of Armenia, was wounded": an aside).
     */
    private static int groupsBefore(String text, List<Word> words, int at) {
        int sum = 0;
        int k = at;
        while (k > 0) {
            int joint = k - 1;
            boolean and = words.get(joint).text().equalsIgnoreCase("and");
            boolean comma = text.substring(words.get(joint).end(), words.get(k).start()).contains(",");
            if (!and && !comma || !and && k == at) {
                // "One worker, a citizen of Armenia, was wounded": a group joined by a comma alone right before the
                // casualty word's is an aside on the group before (an apposition), not a further group; a list ends
                // with "and" ("2 servicemen, 1 civilian and 3 police officers")
                break;
            }
            int nounsTo = and ? joint - 1 : joint; // the last word of the earlier group
            int found = -1;
            for (int c = nounsTo - 1; c >= Math.max(0, nounsTo - 3); c--) {
                if (isCount(words, c)) {
                    found = c;
                    break;
                }
            }
            if (found < 0 && and && nounsTo >= 1 && words.get(nounsTo - 1).text().equalsIgnoreCase("the")
                    && PERSON_NOUNS.contains(words.get(nounsTo).text().toLowerCase(Locale.ROOT))) {
                // "the driver and a passenger were wounded" (`h59-28`): one person named with "the" before "and"
                sum += 1;
                k = nounsTo - 1;
                continue;
            }
            boolean belonging = false;
            if (found < 0) {
                // "a driver of the Mine Action Agency and two soldiers …": the earlier group with what it belongs to
                // (its people named before the "of", checked there)
                found = countBeforeBelonging(words, nounsTo + 1);
                belonging = found >= 0;
            }
            if (found < 0 || !belonging && !namesPeople(words, found + 1, nounsTo + 1)) {
                break;
            }
            Integer n = count(words, found);
            if (n == null) {
                break;
            }
            sum += n;
            k = found;
        }
        return sum;
    }

    /**
     * One more person joined to the counted group by "and" and a possessive, right before the casualty word: "a
     * soldier of the border battalion and his commander were wounded", "a shepherd and his son were killed" (1).
     * Only an auxiliary or an adverb in -ly may follow that person ("were", "have been", "seriously"), so "a soldier
     * was killed and his commander was wounded", two clauses, adds nothing.
     */
    private static int companionBefore(List<Word> words, int at, int i) {
        int n = companionWords(words, i);
        return n > 0 && i - n > at ? 1 : 0;
    }

    /**
     * How many words before the casualty word at {@code i} join one more person to a group: "and", a possessive, at
     * most one word, a person, then only "were / have been" or an adverb in -ly ("… and his commander were wounded");
     * 0 when there is no such person.
     */
    private static int companionWords(List<Word> words, int i) {
        int j = i - 1;
        while (j >= 0 && COMPANION_GAP.matcher(words.get(j).text()).matches()) {
            j--;
        }
        if (j < 2 || !PERSON_NOUNS.contains(words.get(j).text().toLowerCase(Locale.ROOT))) {
            return 0;
        }
        for (int k = j - 2; k >= Math.max(0, j - 3); k--) { // "and his commander", "and his unit commander"
            if (words.get(k).text().equalsIgnoreCase("and")
                    && POSSESSIVES.contains(words.get(k + 1).text().toLowerCase(Locale.ROOT))) {
                return i - k;
            }
        }
        return 0;
    }

    private static final Set<String> POSSESSIVES = Set.of("his", "her", "their", "its");

    /** Words between a joined person and a plural casualty verb: "were", "have been", an adverb in -ly. */
    private static final Pattern COMPANION_GAP = Alternations.compile("were|have|had|been|\\p{L}{3,}ly",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static boolean namesPeople(List<Word> words, int from, int to) {
        boolean people = false;
        for (int j = from; j < to; j++) {
            String w = words.get(j).text().toLowerCase(Locale.ROOT);
            if (isKilledWord(w) || isWoundedWord(w) || NumberWords.parse(w) != null) {
                return false;
            }
            people |= PERSON_NOUNS.contains(w) || PERSON_NOUNS.contains(w.replaceAll("s$", ""))
                    || PEOPLE_PLURALS.contains(w);
        }
        return people;
    }

    private static final Set<String> PEOPLE_PLURALS = Set.of("servicemen", "people", "men", "women", "children",
            "policemen", "persons");

    /** "was found dead", "had been found wounded": a passive "found" between the auxiliary and the casualty word. */
    private static final String FOUND = "(?:found\\s+)?";
    /**
     * A singular person with a name or an aside before "was": "Private A. H., born in 2003, was fatally wounded"; or
     * with a participle or relative clause: "a shepherd grazing cattle near the village of Alibeyli was wounded", "a
     * soldier who was on duty at the post has been injured".
     */
    private static final String SINGLE_PERSON = "(?:serviceman|soldier|private|sergeant|officer|lieutenant|captain|"
            + "major|conscript|civilian|resident|shepherd|driver|farmer|villager|worker|deminer|guard|colleague|"
            + "passenger|operator|mechanic|builder|labou?rer|herder|citizen|contractor|technician|hunter|sapper|"
            + "engineer|rescuer|herdsman|policeman|fisherman|inhabitant|journalist|medic)";
    /**
     * A person's name after a rank, case-sensitive: initials with or without a surname ("E. Mammadov", "R. A."), or one
     * to three capitalised names ("Elvin Gubadli", "Kalbajarov").
     */
    private static final String RANKED_NAME = "(?-i:\\p{Lu}\\.(?:\\s*\\p{Lu}\\.){0,2}(?:\\s*\\p{Lu}\\p{Ll}[\\p{L}'’-]*)?"
            // an Azerbaijani patronymic between the names: "Elvin Rashid oglu Mammadov", "Aynur Elshad qizi Aliyeva"
            + "|\\p{Lu}\\p{Ll}[\\p{L}'’-]*(?:\\s+(?:o[gğ]lu|q[iı]z[iı]|ogly|kyzy))?(?:\\s+\\p{Lu}\\p{Ll}[\\p{L}'’-]*"
            + "(?:\\s+(?:o[gğ]lu|q[iı]z[iı]|ogly|kyzy))?){0,2})";
    /** A birth year in brackets after a name: "Private Armen Grigoryan (born 2005), who was …" (no count). */
    private static final String BIRTH_YEAR = "(?:\\(\\s*born\\s+(?:in\\s+)?\\d{4}\\s*\\)\\s*)?";
    /** Where a named soldier comes from, as an aside: ", a native of the Alibeyli village of Tovuz district". */
    private static final String NATIVE_OF = "(?:,\\s*(?:an?\\s+native\\s+of|born\\s+in)\\s[^,.;:()]{1,60})?";
    private static final Pattern APPOSITIVE_PERSON = Alternations.compile("\\b(?:a|an|the|one)?\\s*" + SINGLE_PERSON
            + "\\b(?:\\s+\\p{Lu}[\\p{L}.]*){0,3}"
            + "\\s*,[^,.;:]{1,60},\\s*(?:was|has\\s+been|had\\s+been)\\s+(?:\\w+ly\\s+)?" + FOUND + "$"
            // "A serviceman of the Azerbaijan Army, Private R. M., was killed": a name in apposition
            + "|\\b(?:a|an|the|one)\\s+" + SINGLE_PERSON + "(?:\\s+of\\s+the\\s+(?:[\\p{L}-]+\\s+){1,4}?(?:army|armed\\s+forces|"
            + "border\\s+service|border\\s+guards?|troops))?\\s*,\\s*(?:(?:junior\\s+|senior\\s+|lance\\s+)?" + SINGLE_PERSON
            + "\\s+)?(?:\\p{Lu}[\\p{L}'’-]*\\.?\\s*){1,4},\\s*(?:was|has\\s+been|had\\s+been)\\s+(?:\\w+ly\\s+)?" + FOUND + "$"
            // "Private R. M. of the Azerbaijan Army was killed": a rank and a name first; also before an active "died"
            // ("Senior soldier E. Huseynov died at the scene") and with a relative clause ("Private Arman Petrosyan,
            // who was seriously wounded on 28 May …, died of his wounds")
            + "|\\b(?:junior\\s+|senior\\s+|lance\\s+)?(?:private|sergeant|corporal|lieutenant|captain|major|colonel|ensign"
            + "|soldier|serviceman)"
            + "\\s+(?:\\p{Lu}[\\p{L}'’-]*\\.?\\s*){1,4}" + BIRTH_YEAR + "(?:of\\s+the\\s+(?:[\\p{L}-]+\\s+){1,4}?(?:army|armed\\s+forces|"
            + "border\\s+service|border\\s+guards?|troops)\\s*)?" + NATIVE_OF + "(?:,\\s*who\\s+)?(?:(?:was|has\\s+been|had\\s+been)\\s+"
            + "(?:(?:\\w+ly\\s+)?found\\s+)?)?(?:\\w+ly\\s+)?$"
            // "Junior Sergeant E. Mammadov received a gunshot wound", "Private Elvin Quliyev sustained a shrapnel wound": a
            // rank, then initials or given names and a surname written as names, as the subject of a wound received
            // (not the second of two people joined by "and": "Captain A. Aliyev and Private R. Huseynov received …")
            + "|(?<!\\band\\s)(?<!\\band\\s(?:junior|senior|lance)\\s)\\b(?:junior\\s+|senior\\s+|lance\\s+)?"
            + "(?:private|sergeant|corporal|lieutenant|captain|major|colonel|ensign)\\s+" + RANKED_NAME
            + "\\s+(?:\\w+ly\\s+)?(?:has\\s+|had\\s+)?(?:received|sustained|suffered|got)\\s+(?:an?\\s+)?(?:[\\w-]+\\s+){0,2}?$"
            // … and with a relative clause of something else before the casualty verb: "Private G. M. of the Armenian
            // Armed Forces, who was on duty at a combat post, was fatally wounded" (`h90-12`)
            + "|\\b(?:junior\\s+|senior\\s+|lance\\s+)?(?:private|sergeant|corporal|lieutenant|captain|major|colonel"
            + "|ensign|soldier|serviceman)\\s+(?:\\p{Lu}[\\p{L}'’-]*\\.?\\s*){1,4}" + BIRTH_YEAR + "(?:of\\s+the\\s+(?:[\\p{L}-]+\\s+){1,4}?"
            + "(?:army|armed\\s+forces|border\\s+service|border\\s+guards?|troops)\\s*)?,\\s*who\\s+[^,.;:]{1,80},\\s*"
            + "(?:was|has\\s+been|had\\s+been)\\s+(?:\\w+ly\\s+)?$"
            // "Border guard R. Q., who was wounded in the shooting near Tegh, is in a stable condition": a person of any
            // kind named, then a relative clause of the casualty
            + "|\\b(?:[\\w-]+\\s+)?" + SINGLE_PERSON + "\\s+(?:\\p{Lu}[\\p{L}'’-]*\\.?\\s*){1,4}" + BIRTH_YEAR + ",\\s*who\\s+(?:was|has\\s+been|"
            + "had\\s+been)\\s+(?:\\w+ly\\s+)?$"
            // "a resident of the village who was working in her garden was wounded"; also with a village/district chain
            // ("a resident of the Alibeyli village of the Tovuz district who was working in his garden")
            + "|\\b(?:a|an|the|one)\\s+(?:[\\w-]+\\s+)?" + SINGLE_PERSON + "(?:\\s+(?:of|from)\\s+(?:the\\s+)?"
            + "(?:(?!(?:and|or)\\b)[\\w-]++\\s++){0,6}?(?!(?:and|or)\\b)[\\w-]++)?"
            + "\\s+(?:\\w+ing|who|that)\\b"
            + "(?:(?!\\band\\b)[^,.;:]){1,100}?\\s(?:was|has\\s+been|had\\s+been)\\s+(?:\\w+ly\\s+)?" + FOUND + "$"
            // "a sapper of the engineering troops of the Armenian Armed Forces was wounded": one person and what he
            // belongs to, no "and" between (that would be a second group)
            + "|\\b(?:a|an|one)\\s+(?:[\\w-]+\\s+)?" + SINGLE_PERSON + "\\s+(?:of|from)\\s+(?:the\\s+)?"
            + "(?:(?!and\\b|or\\b)[\\w'’-]+\\s+){0,8}?(?:was|has\\s+been|had\\s+been)\\s+(?:\\w+ly\\s+)?" + FOUND + "$"
            // "a border guard of the State Border Service received a gunshot wound": one person, a wound noun
            // ("a serviceman of the Azerbaijan Army, Private R. A., received a gunshot wound": a name in apposition)
            + "|\\b(?:a|an|the|one)\\s+(?:[\\w-]+\\s+)?" + SINGLE_PERSON + "(?:\\s+(?:of|from|at)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,6}?[\\w-]+)?"
            + "(?:\\s*,\\s*(?:(?:junior\\s+|senior\\s+|lance\\s+)?" + SINGLE_PERSON + "\\s+)?(?:\\p{Lu}[\\p{L}'’-]*\\.?\\s*){1,4},)?"
            // … after a passive of what befell him, joined by "and" ("a serviceman of the Azerbaijan Army while
            // performing service duty was exposed to the explosion of an anti-personnel mine and received a wound of
            // middle degree", `h100-29`, `ch-i88-05`…`-08`; no second "and", which may join a second person, guard `-09`)
            + "(?:\\s*,?\\s+(?:while|when|whilst)\\s+[\\w-]+ing\\b(?:(?!\\band\\b)[^,.;:]){0,80}?,?)?"
            + "(?:\\s+(?:was|has\\s+been|had\\s+been)\\s+(?:\\w+ly\\s+)?[\\w-]+\\b(?:(?!\\band\\b)[^,.;:]){0,100}?"
            + "\\s+and)?"
            + "\\s+(?:\\w+ly\\s+)?(?:received|sustained|suffered|got)\\s+(?:an?\\s+)?(?:[\\w-]+\\s+){0,2}?$",
            Pattern.CASE_INSENSITIVE);

    /** One person of a list ({@link #PERSONS_EXPOSED}): "a serviceman", "an Azerbaijani civilian", "his comrade". */
    private static final String LISTED_PERSON = "(?:[\\w-]+\\s+){0,2}?(?:" + SINGLE_PERSON + "|comrade|commander)(?:\\s+of\\s+the\\s+"
            + "(?:(?!and\\b|or\\b)[\\w'’-]+\\s+){0,4}?(?:army|armed\\s+forces|border\\s+service|border\\s+guards?|troops))?";

    /** People counted in a {@link #PERSONS_EXPOSED} list: "two servicemen of the Azerbaijan Army", "3 civilians". */
    private static final String COUNTED_LISTED = "(?:(?!(?:" + NumberWords.COUNT + "|january|february|march|april|may|june|"
            + "july|august|september|october|november|december)\\b)[\\p{L}-]+\\s+){0,2}?(?:servicem[ae]n|soldiers|privates|sergeants|officers|"
            + "conscripts|civilians|residents|shepherds|drivers|farmers|villagers|workers|deminers|guards|passengers|"
            + "operators|builders|labou?rers|herders|herdsmen|citizens|sappers|engineers|rescuers|policemen|fishermen|"
            + "inhabitants|journalists|medics|people|persons)(?:\\s+of\\s+the\\s+(?:(?!and\\b|or\\b)[\\w'’-]+\\s+){0,4}?"
            + "(?:army|armed\\s+forces|border\\s+service|border\\s+guards?|troops))?";

    /**
     * Two or more single persons joined by "and" (the earlier ones by commas too), each with "a / an / one" (the later
     * ones also "his / her / their"), then a plural passive of what befell them and "and received / sustained … wounds":
     * "a serviceman and a civilian were exposed to the explosion of an anti-personnel mine and received wounds" (2,
     * until branch i90 none). The group {@code list} holds the persons; a thing in the list ("a soldier and a truck")
     * makes no match.
     */
    private static final Pattern PERSONS_EXPOSED = Alternations.compile("\\b(?<list>(?:a|an|one)\\s+" + LISTED_PERSON
            + "(?:\\s*,\\s*(?:a|an|one)\\s+" + LISTED_PERSON + ")*+\\s+and\\s+(?:a|an|one|his|her|their)\\s+" + LISTED_PERSON
            // … or a count of people: "two servicemen were exposed to the explosion of … and received wounds" (2, until
            // branch i91 none)
            + "|(?<n>" + NumberWords.COUNT + ")\\s+" + COUNTED_LISTED + ")"
            + "(?:\\s*,?\\s+(?:while|when|whilst)\\s+[\\w-]+ing\\b(?:(?!\\band\\b)[^,.;:]){0,80}?,?)?"
            + "\\s+(?:were|have\\s+been|had\\s+been)\\s+(?:\\w+ly\\s+)?[\\w-]+\\b(?:(?!\\band\\b)[^,.;:]){0,100}?\\s+and"
            // "… and received no injuries" counts no one
            + "\\s+(?:\\w+ly\\s+)?(?:received|sustained|suffered|got)\\s+(?:(?!(?:no|any)\\b)[\\w-]+\\s+){0,2}?$",
            Pattern.CASE_INSENSITIVE);

    /** A civilian in a {@link #PERSONS_EXPOSED} list, whose side no publisher's own side gives. */
    private static final Pattern CIVILIAN_LISTED = Alternations.compile("\\b(?:civilian|resident|shepherd|farmer|villager|"
            + "worker|driver|passenger|herder|herdsman|citizen|inhabitant|journalist|builder|labou?rer|fisherman|hunter)\\b",
            Pattern.CASE_INSENSITIVE);

    /** The start of each person of a {@link #PERSONS_EXPOSED} list: its determiner. */
    private static final Pattern LIST_DETERMINER = Alternations.compile("\\b(?:a|an|one|his|her|their)\\s",
            Pattern.CASE_INSENSITIVE);

    /** A {@link #PERSONS_EXPOSED} list: where it stands and how many persons it names. */
    private record PersonList(int start, int end, int persons) {
    }

    /** The {@link #PERSONS_EXPOSED} list before the casualty word at {@code end}, or null. */
    private static PersonList personsExposed(String text, int sentenceStart, int end) {
        Matcher m = PERSONS_EXPOSED.matcher(text).region(Math.max(sentenceStart, end - APPOSITIVE_WINDOW), end)
                .useTransparentBounds(true);
        if (!m.find()) {
            return null;
        }
        Integer counted = m.group("n") == null ? null : NumberWords.parse(m.group("n"));
        return new PersonList(m.start("list"), m.end("list"), counted != null ? counted
                : (int) LIST_DETERMINER.matcher(m.group("list")).results().count());
    }

    /**
     * The side of the persons of a {@link #PERSONS_EXPOSED} list, only from its own words: a nationality or "our" among
     * them, or the first one's army ("a serviceman of the Azerbaijan Army and a civilian"); otherwise none, so the
     * caller's fallbacks apply.
     */
    private static Party sideOfListed(String text, List<Word> words, PersonList exposed, int casualty,
                                      Party sourceParty, Party acting) {
        int from = 0;
        int to = 0;
        for (int k = 0; k < words.size(); k++) {
            if (words.get(k).start() < exposed.start()) {
                from = k + 1;
            }
            if (words.get(k).start() < exposed.end()) {
                to = k + 1;
            }
        }
        Party side = whose(words, from, to, casualty, sourceParty, acting);
        if (side != null) {
            return side;
        }
        Matcher army = PERSON_OF_ARMY.matcher(text).region(exposed.start(), exposed.end());
        return army.lookingAt() ? army.group("side").toLowerCase(Locale.ROOT).startsWith("azerbaijan") ? Party.AZ
                : Party.AM : null;
    }

    /** One person named with the army or armed forces of a side: "a serviceman of the Azerbaijan Army …". */
    private static final Pattern PERSON_OF_ARMY = Alternations.compile("\\s*(?:(?:a|an|the|one)\\s+)?(?:[\\w-]+\\s+)?"
            + "(?:" + SINGLE_PERSON + "|servicemen|soldiers)\\s+of\\s+the\\s+(?<side>azerbaijan|armenia)\\w*\\s+(?:army|armed\\s+forces)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * A singular person right before the casualty word, possibly with "was" / "has been" and an adverb ("Azerbaijani
     * shepherd reportedly wounded", "a soldier was seriously injured"): one person; also "found" in the passive ("a
     * soldier was found dead"; not "a soldier found dead livestock", where the soldier is the finder).
     */
    private static boolean singularBefore(List<Word> words, int i) {
        int k = i - 1;
        if (k > 0 && words.get(k).text().equalsIgnoreCase("found")
                && PASSIVE_AUXILIARY.matcher(words.get(k - 1).text()).matches()) {
            k--;
        }
        for (int skipped = 0; k >= 0 && skipped < 3 && SINGULAR_GAP.matcher(words.get(k).text()).matches(); skipped++) {
            k--;
        }
        return k >= 0 && PERSON_NOUNS.contains(words.get(k).text().toLowerCase(Locale.ROOT));
    }

    /** A possessive or "the" before the one person a casualty verb hit: "injuring its driver", "killed the shepherd". */
    private static final Set<String> SINGLE_OBJECT_DETERMINERS = Set.of("its", "his", "her", "their", "the");

    /**
     * A casualty verb with one person as its object ("… dropped an explosive on a tractor, injuring its driver",
     * "the blast killed the shepherd"): a possessive or "the", at most one word, then a person in the singular.
     */
    private static boolean singularAfter(List<Word> words, int i) {
        if (i + 2 >= words.size()
                || !SINGLE_OBJECT_DETERMINERS.contains(words.get(i + 1).text().toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (int k = i + 2; k < Math.min(words.size(), i + 4); k++) {
            String w = words.get(k).text().toLowerCase(Locale.ROOT);
            if (PERSON_NOUNS.contains(w)) {
                return true;
            }
            if (isKilledWord(w) || isWoundedWord(w) || NumberWords.parse(w) != null) {
                return false;
            }
        }
        return false;
    }

    /**
     * Single persons each named with "the" or a possessive, joined by "and" (the earlier ones by commas too), right
     * before a plural auxiliary and the casualty word at {@code i}: "the driver and the passenger were wounded" (2),
     * "the shepherd, the farmer and his son have been killed" (3); 0 when there are not two such persons. Each is the
     * determiner, at most one word, then a person in the singular, so "the driver and the passengers were wounded" (a
     * plural: how many is not said) and "the car and the driver were hit" count no one here.
     */
    private static int singlesJoinedBefore(String text, List<Word> words, int i) {
        int k = i - 1;
        boolean plural = false;
        for (int skipped = 0; k >= 0 && skipped < 3 && COMPANION_GAP.matcher(words.get(k).text()).matches(); skipped++) {
            String gap = words.get(k).text().toLowerCase(Locale.ROOT);
            plural |= gap.equals("were") || gap.equals("have");
            k--;
        }
        int named = 0;
        boolean and = false;
        while (plural && k >= 1 && PERSON_NOUNS.contains(words.get(k).text().toLowerCase(Locale.ROOT))) {
            int d = k - 1;
            if (!SINGLE_OBJECT_DETERMINERS.contains(words.get(d).text().toLowerCase(Locale.ROOT))) {
                d--; // "the 46-year-old driver": one word between
                if (d < 0 || !SINGLE_OBJECT_DETERMINERS.contains(words.get(d).text().toLowerCase(Locale.ROOT))
                        || !namesPeople(words, d + 1, k + 1)) {
                    break;
                }
            }
            named++;
            if (d > 0 && words.get(d - 1).text().equalsIgnoreCase("and")) {
                and = true;
                k = d - 2;
            } else if (d > 0 && and && text.substring(words.get(d - 1).end(), words.get(d).start()).contains(",")) {
                k = d - 1; // "the shepherd, the farmer and his son"
            } else {
                break;
            }
        }
        return and && named >= 2 ? named : 0;
    }

    /** The auxiliary of a passive "found" ("was found dead", "has been found", "were found"). */
    private static final Pattern PASSIVE_AUXILIARY = Alternations.compile("was|were|been|is|are",
            Pattern.CASE_INSENSITIVE);

    /** Words between a singular person and its casualty word: "was", "has been", an adverb in -ly. */
    private static final Pattern SINGULAR_GAP = Alternations.compile("was|has|had|been|\\p{L}{3,}ly",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** "killed: 1, wounded: 2": the casualty word is a label for the number after its colon. */
    private static boolean listed(String text, List<Word> words, int i) {
        if (i + 1 >= words.size() || !isCount(words, i + 1)) {
            return false;
        }
        String between = text.substring(words.get(i).end(), words.get(i + 1).start());
        return between.strip().equals(":") || between.strip().equals("-") || between.strip().equals("–");
    }

    /**
     * The casualty word at {@code i} names the group of "the number of …" ("the number of wounded", "the number of
     * Armenian servicemen killed"): "number of" before it, with no count or other casualty word between.
     */
    private static boolean numberOf(List<Word> words, int i) {
        for (int k = i - 1; k >= Math.max(1, i - 5); k--) {
            String t = words.get(k).text();
            if (isCount(words, k) || isKilledWord(t) || isWoundedWord(t)) {
                return false;
            }
            if (t.equalsIgnoreCase("of") && words.get(k - 1).text().equalsIgnoreCase("number")) {
                return true;
            }
        }
        return false;
    }

    /** "the number of servicemen who died ... has reached 71": a total later in the sentence. */
    private static Integer total(ForwardMatches totals, int from) {
        MatchResult m = totals.from(from);
        return m != null ? NumberWords.parse(m.group(1)) : null;
    }

    private static final Pattern TOTAL = Alternations.compile("\\b(?:reached|(?:risen|rose|increased|grown)\\s+to|"
            + "stands?\\s+at|amounts?\\s+to|totals?)\\s+([\\p{L}\\d]+(?:-[\\p{L}]+)?)", Pattern.CASE_INSENSITIVE);

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
        return countBeforeBelonging(words, i);
    }

    /** Words that end a group's "of / from …" phrase: verbs and auxiliaries of a clause of its own. */
    private static final Set<String> NOT_BELONGING = Set.of("lost", "lives", "life", "sustained", "received",
            "suffered", "got", "died", "fell", "opened", "fired", "came", "was", "were", "is", "are", "has", "have",
            "had", "been", "be", "who", "which", "that");

    /** How far back a group's "of / from …" (what its people belong to) may reach before its casualty word. */
    private static final int BELONGING_REACH = 16;

    /**
     * The count of a group followed by what its people belong to, when that is too long for {@link #BACK_WINDOW}:
     * "two servicemen of the engineering battalion of the Azerbaijan Army were wounded". The group is a count and words
     * naming people right before "of" / "from"; between it and the casualty word no "and" / "or" (a further group) and
     * no other casualty word. -1 when there is none.
     */
    private static int countBeforeBelonging(List<Word> words, int i) {
        int end = i - companionWords(words, i); // "a soldier of the … and his commander were wounded"
        while (end > 0 && (COMPANION_GAP.matcher(words.get(end - 1).text()).matches()
                || SINGULAR_GAP.matcher(words.get(end - 1).text()).matches())) {
            end--; // "were", "has been", "seriously"
        }
        for (int k = end - 1; k >= Math.max(1, end - BELONGING_REACH); k--) {
            String w = words.get(k).text();
            String t = w.toLowerCase(Locale.ROOT);
            if (isKilledWord(t) || isWoundedWord(t) || t.equals("and") || t.equals("or")
                    // a verb ends the group: "Two servicemen of the Armed Forces lost their lives and two more …"
                    // is a clause before the next group, not what its people belong to
                    || NOT_BELONGING.contains(t)) {
                return -1;
            }
            if (!t.equals("of") && !t.equals("from")) {
                continue;
            }
            for (int c = k - 2; c >= Math.max(0, k - 4); c--) { // "two servicemen", "two contract servicemen"
                if (isCount(words, c)) {
                    if (namesPeople(words, c + 1, k)) {
                        return c;
                    }
                    break;
                }
            }
        }
        return -1;
    }

    /** Nouns after "both" that are no pair of victims ("on both sides", "both countries"). */
    private static final Set<String> NOT_A_PAIR = Set.of("side", "sides", "countries", "states", "parties", "armies",
            "governments", "ministries", "villages", "banks", "directions", "sectors", "cases", "incidents", "days");

    /**
     * "Both were killed", "both soldiers were wounded", "both of them were seriously injured": two people, the pair
     * told before. Not "on both sides three were killed" (a count of its own) nor "both the driver and …".
     */
    private static boolean bothBefore(List<Word> words, int i) {
        for (int k = i - 1; k >= Math.max(0, i - 4); k--) {
            String t = words.get(k).text().toLowerCase(Locale.ROOT);
            if (t.equals("and") || t.equals("or") || isKilledWord(t) || isWoundedWord(t)) {
                return false;
            }
            if (t.equals("both")) {
                return k + 1 >= i || !NOT_A_PAIR.contains(words.get(k + 1).text().toLowerCase(Locale.ROOT));
            }
        }
        return false;
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

    /** "a serviceman", "an officer", "a contract serviceman": one person. */
    private static final Set<String> PERSON_NOUNS = Set.of("serviceman", "servicewoman", "soldier", "officer",
            "civilian", "resident", "villager", "guard", "member", "person", "man", "woman", "child", "conscript",
            "sergeant", "private", "lieutenant", "captain", "major", "driver", "shepherd", "farmer", "worker",
            "employee", "policeman", "deminer", "sapper", "fighter", "boy", "girl", "official", "journalist", "reporter",
            "cameraman", "engineer", "photographer",
            // who else is hit beside a named victim: "the driver was killed and his colleague was seriously injured"
            "colleague", "co-worker", "coworker", "companion", "passenger", "relative", "brother", "son", "father",
            "husband", "operator", "mechanic", "builder", "labourer", "laborer", "herder", "herdsman", "rescuer",
            "medic", "paramedic", "doctor", "nurse", "teacher", "student", "pupil", "citizen", "inhabitant",
            "contractor", "technician", "hunter", "fisherman", "volunteer", "teenager", "commander");

    /** Words between "a"/"an" and the person it counts ("an Azerbaijani Army serviceman"). */
    private static final int ARTICLE_REACH = 3;

    private static Integer count(List<Word> words, int k) {
        String t = words.get(k).text();
        if (t.equalsIgnoreCase("a") || t.equalsIgnoreCase("an")) {
            for (int j = k + 1; j < Math.min(words.size(), k + 2 + ARTICLE_REACH); j++) {
                String w = words.get(j).text().toLowerCase(Locale.ROOT);
                if (PERSON_NOUNS.contains(w) || j == k + 1 && ORDINALS.contains(w)) {
                    return 1; // "a serviceman", "a fourth (soldier)"
                }
                if (isKilledWord(w) || isWoundedWord(w) || NumberWords.parse(w) != null) {
                    return null;
                }
            }
            return null;
        }
        if (t.equalsIgnoreCase("another")) {
            return 1; // "one was killed and another wounded"
        }
        if (isNone(words, k)) {
            return 0; // "killed two and wounded none" (only read as an active verb's object, below)
        }
        if (t.equalsIgnoreCase("one") && k > 0 && words.get(k - 1).text().equalsIgnoreCase("no")) {
            return 0; // "no one was hurt"
        }
        return NumberWords.parse(t);
    }

    /** A number that counts people: not "no", not a year, not a day of a date, not a clock time. */
    private static boolean isCount(List<Word> words, int k) {
        String t = words.get(k).text();
        if (t.equalsIgnoreCase("a") || t.equalsIgnoreCase("an") || t.equalsIgnoreCase("another")) {
            return count(words, k) != null;
        }
        if (t.equalsIgnoreCase("no") || t.contains(":")) {
            return false;
        }
        Integer n = NumberWords.parse(t);
        // a year is no count ("2022"), a number written with thousands separators ("3,800") is
        if (n == null || n > 999 && t.chars().allMatch(Character::isDigit)) {
            return false;
        }
        boolean digits = Character.isDigit(t.charAt(0));
        if (digits && k + 1 < words.size() && TimeExpressions.isMonth(words.get(k + 1).text())) {
            return false; // "16 March"
        }
        // "March 16", not "in September, 4 servicemen"
        return !digits || k == 0 || words.get(k).marked() || !TimeExpressions.isMonth(words.get(k - 1).text());
    }

    /**
     * Words after a casualty word that start the clause of how it happened ("killed when / after / in / as …
     * Azerbaijani forces shelled …"): what follows names the attacker, not the victims, as after "by".
     */
    private static final Set<String> CAUSE_OPENERS = Set.of("by", "when", "whenever", "after", "as", "while",
            "during", "in", "following", "amid", "amidst", "because", "since", "from", "under", "through", "due",
            "upon", "once");

    /**
     * The side of the victims, from the words {@code from} up to {@code to} around the casualty word at
     * {@code casualty}: a nationality or "our". After the casualty word the scan stops at "by" or a word that opens
     * how it happened ({@link #CAUSE_OPENERS}), and a nationality there that is the acting party's is passed over
     * ("were killed, Azerbaijani forces having shelled …" in Armenia's text names the attacker; "killed two
     * Azerbaijani soldiers" with Armenia acting names the victims): the caller then falls back to the acting
     * party's opponent. Before the word nothing is passed over ("two Armenian soldiers were injured when …").
     */
    private static Party whose(List<Word> words, int from, int to, int casualty, Party sourceParty, Party acting) {
        for (int k = Math.max(0, from); k < Math.min(words.size(), to); k++) {
            String t = words.get(k).text().toLowerCase(Locale.ROOT);
            boolean after = k > casualty;
            if (t.equals("by") || after && CAUSE_OPENERS.contains(t)) {
                return null; // "wounded by Azerbaijani fire": what follows is the agent, not the victims
            }
            Party named = t.startsWith("armenia") ? Party.AM : t.startsWith("azerbaijan") ? Party.AZ : null;
            if (named != null && after && named == acting) {
                continue; // the attacker named after the casualty word without "by" / "when"
            }
            if (named != null) {
                return named;
            }
            // "Five Russian peacekeepers were killed": a third state's adjective right before its people (`h74-18`)
            Party third = THIRD_STATE_PEOPLE.get(t);
            if (third != null && k + 1 < words.size() && !(after && third == acting)
                    && (THIRD_STATE_PERSONS.matcher(words.get(k + 1).text()).matches()
                    // "Two Russian border guards were slightly wounded" (`h92-22`)
                    || k + 2 < words.size() && words.get(k + 1).text().equalsIgnoreCase("border")
                    && BORDER_PEOPLE.matcher(words.get(k + 2).text()).matches())) {
                return third;
            }
            if (t.equals("our") && sourceParty.isBelligerent()) {
                return sourceParty;
            }
            if (!after && (t.equals("its") || t.equals("their"))) {
                // "the Azerbaijani MoD said 2 of its servicemen were killed": the side named last before "its"
                Party owner = sideNamedBefore(words, k);
                if (owner != null) {
                    return owner;
                }
            }
        }
        return null;
    }

    /** A third state's adjective before its people ({@link #THIRD_STATE_PERSONS}): whose losses they are. */
    private static final Map<String, Party> THIRD_STATE_PEOPLE = Map.of("russian", Party.RU, "turkish", Party.TR,
            "iranian", Party.IR, "french", Party.FR, "american", Party.US);

    /** The people a third state's adjective may name as victims (not its weapons or its words). */
    private static final Pattern THIRD_STATE_PERSONS = Pattern.compile("(?i)peacekeepers?|servicem[ae]n|soldiers?|"
            + "troops|officers?|citizens?|nationals?|military|personnel|journalists?|diplomats?");

    /** A third state's border people after "border": "Russian border guards", "Russian border troops". */
    private static final Pattern BORDER_PEOPLE = Pattern.compile("(?i)guards?|guardsm[ae]n|troops|servicem[ae]n");

    /** How far back "its" / "their" looks for the side it stands for. */
    private static final int OWNER_WINDOW = 12;

    /** The side the nearest nationality word before {@code k} (within {@link #OWNER_WINDOW} words) names, or null. */
    private static Party sideNamedBefore(List<Word> words, int k) {
        for (int j = k - 1; j >= Math.max(0, k - OWNER_WINDOW); j--) {
            String t = words.get(j).text().toLowerCase(Locale.ROOT);
            if (t.startsWith("armenia")) {
                return Party.AM;
            }
            if (t.startsWith("azerbaijan")) {
                return Party.AZ;
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

    /**
     * The dates that may anchor the text's clocks: without a day word of the publication day ("this morning",
     * "today", "tonight", "last night" …) that is no clock's own and would put a clock after publication. "Private A.,
     * who was wounded … at about 15:10, died of his wounds in hospital this morning", published at 11:00: "this
     * morning" is the death's, and the clock, with no date of its own, is the latest 15:10 not after publication (the
     * rule for a clock alone). A day word right next to its clock ("today at 18:00", "at 07:55 this morning") is that
     * clock's own and stays, so a statement whose own clock is after publication is still rejected, as is one whose
     * explicit date is ("on 7 April 2024" published on 5 April 2024) — unless the part of the day the word names
     * cannot hold the clock ("this morning at 15:10", "tonight at 09:00"): then it is not the clock's day either.
     */
    private List<DateSpan> anchoringDates(String text, List<DateSpan> dates, List<ClockSpan> clocks,
                                          OffsetDateTime published) {
        if (dates.isEmpty() || clocks.stream().allMatch(ClockSpan::partOfDay)) {
            return dates;
        }
        List<ClockSpan> parts = null;
        List<DateSpan> out = new ArrayList<>(dates);
        for (DateSpan d : dates) {
            if (d.open() || d.last().isBefore(published.toLocalDate()) || !TimeExpressions.isRelative(text, d)) {
                continue;
            }
            boolean late = false;
            boolean owns = false;
            List<ClockSpan> named = null;
            for (ClockSpan c : clocks) {
                if (c.partOfDay()) {
                    continue;
                }
                if (named == null) { // the part of the day the word names, if any ("this morning", "tonight")
                    parts = parts == null ? TimeExpressions.partsOfDay(text) : parts;
                    named = parts.stream().filter(p -> p.start() < d.end() && d.start() < p.end()).toList();
                }
                if (ownDay(text, d, c, named)) {
                    owns = true; // "Today at 06:45 …" stays that clock's day (another day's clock keeps its own)
                    break;
                }
                // the day eventTime gives the clock with this date (the night's second day before noon)
                LocalDate day = clockDay(d, c);
                late |= day.atTime(c.from()).atOffset(zone).isAfter(published);
            }
            if (late && !owns) {
                out.remove(d);
            }
        }
        return out.size() == dates.size() ? dates : out;
    }

    /** Between a clock and a day word of its own: "today at 18:00", "at 07:55 this morning", "tonight, at about 23:00". */
    private static final Pattern CLOCK_DAY_GAP = Alternations.compile("[\\s,]*(?:(?:at|around|about|approximately|on|"
            + "from|since|(?:shortly|just|soon)\\s+(?:after|before))\\b[\\s,]*)*", Pattern.CASE_INSENSITIVE);

    /**
     * True when the day word {@code d} is the clock's own: right before or after it (only {@link #CLOCK_DAY_GAP}
     * between) and, when the word names a part of the day ({@code named}: the windows over the word), one whose
     * window holds the clock.
     */
    private static boolean ownDay(String text, DateSpan d, ClockSpan c, List<ClockSpan> named) {
        boolean next = d.end() <= c.start() && CLOCK_DAY_GAP.matcher(text).region(d.end(), c.start()).matches()
                || c.end() <= d.start() && CLOCK_DAY_GAP.matcher(text).region(c.end(), d.start()).matches();
        if (!next) {
            return false;
        }
        return named.isEmpty() || named.stream().anyMatch(p -> p.from().isBefore(p.to())
                ? !c.from().isBefore(p.from()) && !c.from().isAfter(p.to())
                : !c.from().isBefore(p.from()) || !c.from().isAfter(p.to()));
    }

    private Interval eventTime(List<DateSpan> dates, List<ClockSpan> clocks, OffsetDateTime published) {
        return eventTime(null, dates, clocks, published);
    }

    /** As {@link #eventTime(List, List, OffsetDateTime)}, with the text to find a day right after its clock. */
    private Interval eventTime(String text, List<DateSpan> dates, List<ClockSpan> clocks, OffsetDateTime published) {
        Interval several = severalDatedTimes(text, dates, clocks, published);
        if (several != null) {
            return several;
        }
        Interval sameDay = severalTimesOfOneDay(dates, clocks, published);
        if (sameDay != null) {
            return sameDay;
        }
        DateSpan day = dates.isEmpty() ? null : dates.get(0);
        ClockSpan clock = clocks.isEmpty() ? null : clocks.get(0);
        if (text != null && clock != null && !clock.partOfDay() && clock.to() == null && !clock.openEnded()) {
            // (a range's days are its own: "between 23:15 on 27 July and 00:40 on 28 July")
            for (DateSpan d : dates) { // "On 6 May a patrol visited Tegh … the shots were fired at around 11 p.m. on
                // 5 May": the day right after the clock is the clock's own, not the visit's named first
                if (clock.end() <= d.start() && !d.open()
                        && CLOCK_DAY_GAP.matcher(text).region(clock.end(), d.start()).matches()) {
                    day = d;
                    break;
                }
            }
        }
        if (text != null && clock != null && clock.partOfDay() && day != null
                && TimeExpressions.isRelative(text, day)) {
            for (DateSpan d : dates) { // "Classes were cancelled today after units fired … on the afternoon of 14
                // April": the day right after "the afternoon of" is that part's own, not the publication's day word
                // named first (`h96-08`, `ch-i86-07`…`-09`; a date named first keeps it: a week's report, "on 5
                // and 6 November. On the evening of 5 November …", guards `-10`, `-11`)
                if (clock.end() <= d.start() && !d.open()
                        && PART_OF_DAY_OF.matcher(text).region(clock.end(), d.start()).matches()) {
                    day = d;
                    break;
                }
            }
        }
        return eventTime(day, clock, published);
    }

    /** Between a part of the day and its own date: "on the afternoon of 14 April", "in the early hours of Sunday". */
    private static final Pattern PART_OF_DAY_OF = Alternations.compile("\\s+of\\s+(?:the\\s+)?",
            Pattern.CASE_INSENSITIVE);

    /**
     * Several incidents, each with its own day and clock ("On 19 June at about 16:40 … near Sotk. This morning at 07:55
     * … Khoznavar", a numbered list "1. At 22:25 on 9 July … 2. At 03:40 on 10 July …"): one interval from the
     * earliest to the latest. Null unless at least two different days each have a clock (a clock belongs to the day
     * right after it, "at 22:25 on 9 July" — only {@link #CLOCK_DAY_GAP} between, when the text is given —, else to
     * the nearest day before it).
     */
    private Interval severalDatedTimes(String text, List<DateSpan> dates, List<ClockSpan> clocks,
                                       OffsetDateTime published) {
        if (dates.size() < 2 || clocks.size() < 2) {
            return null;
        }
        List<Interval> each = new ArrayList<>();
        java.util.Set<DateSpan> days = new java.util.HashSet<>();
        for (ClockSpan c : clocks) {
            DateSpan day = null;
            for (DateSpan d : dates) {
                if (d.end() <= c.start()) {
                    day = d;
                }
            }
            if (text != null && !c.partOfDay()) {
                for (DateSpan d : dates) { // "At 22:25 on 9 July": the day right after its clock is the clock's own
                    if (c.end() <= d.start() && !d.open()
                            && CLOCK_DAY_GAP.matcher(text).region(c.end(), d.start()).matches()) {
                        day = d;
                        break;
                    }
                }
            }
            if (day == null || day.open()) {
                return null; // a clock before every day, or in an open span: not this case
            }
            days.add(day);
            each.add(eventTime(day, c, published));
        }
        if (days.size() < 2) {
            return null;
        }
        OffsetDateTime from = each.stream().map(Interval::from).min(Comparator.naturalOrder()).orElseThrow();
        OffsetDateTime until = each.stream().map(Interval::until).max(Comparator.naturalOrder()).orElseThrow();
        boolean hours = each.stream().anyMatch(i -> i.precision() == TimePrecision.HOUR);
        return new Interval(from, until, hours ? TimePrecision.HOUR : TimePrecision.MINUTE);
    }

    /**
     * Several incidents on one day, each with its own clock ("At 10:40 units fired … Later, at 16:15, units opened fire
     * …"): one interval from the earliest to the latest, as for several days. Null unless there are at least two clock
     * times (no part of the day, none open) and every one of them belongs to the same day (the only date, or the
     * nearest one before it naming the same day).
     */
    private Interval severalTimesOfOneDay(List<DateSpan> dates, List<ClockSpan> clocks, OffsetDateTime published) {
        if (clocks.size() < 2 || clocks.stream().anyMatch(c -> c.partOfDay() || c.openEnded())) {
            return null;
        }
        DateSpan first = dates.isEmpty() ? null : dates.get(0);
        if (first != null && (first.open() || first.night() || !first.first().equals(first.last()))) {
            return null;
        }
        for (DateSpan d : dates) {
            if (!d.first().equals(first.first()) || !d.last().equals(first.last())) {
                return null; // another day: severalDatedTimes or the first date decides
            }
        }
        List<Interval> each = clocks.stream().map(c -> eventTime(first, c, published)).toList();
        OffsetDateTime from = each.stream().map(Interval::from).min(Comparator.naturalOrder()).orElseThrow();
        OffsetDateTime until = each.stream().map(Interval::until).max(Comparator.naturalOrder()).orElseThrow();
        boolean hours = each.stream().anyMatch(i -> i.precision() == TimePrecision.HOUR);
        return new Interval(from, until, hours ? TimePrecision.HOUR : TimePrecision.MINUTE);
    }

    /**
     * The day a clock with a date falls on: a night's second day before noon, else the date's first day — moved by the
     * days a clock of another zone crossed midnight ("on 3 May at 23:40 Moscow time": 4 May). A night's clock is read
     * in the sources' zone already (00:40 of "the night of 3 to 4 May at 23:40 Moscow time" is the second day's).
     */
    private static LocalDate clockDay(DateSpan date, ClockSpan clock) {
        if (date.night()) {
            return clock.from().getHour() < 12 ? date.last() : date.first();
        }
        return date.first().plusDays(clock.dayShift());
    }

    private Interval eventTime(DateSpan date, ClockSpan clock, OffsetDateTime published) {
        if (clock != null && clock.partOfDay()) {
            // a part of the day narrows one day (or a night), never a run of days or a span until publication
            if (date != null && (date.open() || !date.night() && !date.first().equals(date.last()))) {
                return eventTime(date, null, published);
            }
            Interval part = eventTime(date, new ClockSpan(clock.from(), clock.to(), false, true, clock.start(),
                    clock.end()), published);
            if (!part.from().isBefore(published)) {
                return eventTime(date, null, published); // a window that had not begun when the source wrote
            }
            // "this morning" published at 09:00: what the source could know ends at publication
            return part.until().isAfter(published) ? new Interval(part.from(), published, TimePrecision.HOUR) : part;
        }
        if (clock != null) {
            LocalDate day;
            if (date != null) {
                day = clockDay(date, clock);
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
            } else if ((clock.openEnded() || date != null && date.open()) && published.isAfter(from)) {
                until = published; // "since 03:40", "since 3 May at 14:00"
            }
            return new Interval(from, until, clock.hourOnly() ? TimePrecision.HOUR : TimePrecision.MINUTE);
        }
        if (date != null) {
            OffsetDateTime from = date.first().atStartOfDay().atOffset(zone);
            // "since 15 June", "over the past week": from that day's start until publication
            OffsetDateTime until = date.open() && published.isAfter(from) ? published
                    : date.last().atTime(END_OF_DAY).atOffset(zone);
            return new Interval(from, until, TimePrecision.DAY);
        }
        LocalDate day = published.toLocalDate();
        return new Interval(day.atStartOfDay().atOffset(zone), day.atTime(END_OF_DAY).atOffset(zone),
                TimePrecision.UNKNOWN);
    }

    // ---- answers -----------------------------------------------------------------------------------------------

    /**
     * What a denial answers: the accusing party, and the dates and places named where the text denies. With no date
     * named, a time of day read against publication ("… fired at Azerbaijani positions at night does not correspond to
     * reality", published at 10:00: the night just ended) gives the days it touches; with neither, no days.
     */
    private Answers denialAnswers(String text, List<Span> sentences, List<PlaceMention> mentions,
                                  List<DateSpan> eventDates, List<DateSpan> allDates, Interval time,
                                  OffsetDateTime published, Party accuser) {
        // "The situation on the border remained stable overnight": when calm held, not when the denied event was
        List<DateSpan> dates = eventDates.stream().filter(d -> !nextToCalm(text, d.start(), d.end())).toList();
        List<Span> denying = sentences.stream()
                .filter(s -> StatementRules.DENIAL.matcher(s.of(text)).find())
                .toList();
        List<PlaceMention> there = mentions.stream()
                .filter(m -> denying.stream().anyMatch(s -> s.contains(m.start())))
                .toList();
        if (there.isEmpty()) {
            there = referredBack(text, sentences, denying, mentions);
        }
        if (there.isEmpty()) {
            there = claimedPlaces(text, sentences, mentions);
        }
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
        } else if (time.precision() == TimePrecision.HOUR || time.precision() == TimePrecision.MINUTE) {
            from = time.dayStart();
            to = time.dayEnd();
        } else {
            // no day of the event, but the day of the denied report ("The report spread by the Azerbaijani side this
            // morning about …", "its statement of 4 May about …"): the claim speaks of that day at the latest, so the
            // denial answers from that day until publication
            LocalDate reported = reportDay(text, eventDates, allDates, published.toLocalDate());
            if (reported != null) {
                from = reported.atStartOfDay().atOffset(zone);
                to = published.toLocalDate().atTime(END_OF_DAY).atOffset(zone);
            }
        }
        List<BorderSegment> segments = gazetteer.resolve(there).resolvedSegments();
        return new Answers(List.of(), accuser, from, to, segments);
    }

    /**
     * The day of the report a text names by its date ("the report of 4 May", "the statement spread this morning",
     * "Yesterday's claim"):
     * the earliest date dropped as a statement's, else the publication day for a part of the day that dates a
     * statement; null when the text dates no report.
     */
    private static LocalDate reportDay(String text, List<DateSpan> eventDates, List<DateSpan> allDates,
                                       LocalDate published) {
        LocalDate day = allDates.stream().filter(d -> !eventDates.contains(d))
                .filter(d -> StatementRules.STATEMENT_DATE_BEFORE.matcher(
                        text.substring(Math.max(0, d.start() - 120), d.start())).find()
                        // "Yesterday's claim of the Ministry of Defence of Armenia that …": the day before the report
                        || StatementRules.REPORT_DATE_AFTER.matcher(
                        text.substring(d.end(), Math.min(text.length(), d.end() + 40))).find())
                .map(DateSpan::first).min(Comparator.naturalOrder()).orElse(null);
        if (day != null || !allDates.isEmpty()) {
            return day;
        }
        boolean partOfDay = TimeExpressions.partsOfDay(text).stream().anyMatch(c -> StatementRules.STATEMENT_DATE_BEFORE
                .matcher(text.substring(Math.max(0, c.start() - 120), c.start())).find());
        return partOfDay ? published : null;
    }

    /** A date or part of the day right beside a remark of calm ("remained stable overnight"): a few small words between. */
    private static boolean nextToCalm(String text, int start, int end) {
        Matcher m = StatementRules.CALM.matcher(text);
        m.region(Math.max(0, start - 160), Math.min(text.length(), end + 160));
        while (m.find()) {
            String gap = m.end() <= start ? text.substring(m.end(), start)
                    : end <= m.start() ? text.substring(end, m.start()) : null;
            if (gap != null && CALM_GAP.matcher(gap).matches()) {
                return true;
            }
        }
        return false;
    }

    // (a transcript's label may open the answer: "Answer: That is baseless.", `h83-09`)
    private static final Pattern ANAPHOR = Alternations.compile("^\\W*(?:(?:answer|a)\\s*:\\s*)?(?:that|this|these|those|such|it|all\\s+this)\\b"
            + "|\\b(?:this|that|these|those|such)\\s+(?:information|claims?|reports?|allegations?|accusations?|"
            + "statements?|assertions?|news|rumou?rs?)\\b", Pattern.CASE_INSENSITIVE);
    /** How far back a denial's "this information" may point: a briefing's question can be two sentences up. */
    private static final int BACK_SENTENCES = 3;

    /**
     * The places of the nearest sentence before a denial that points back to it ("X claims ... near Berd. That is
     * baseless."; a briefing's "Question: ... near Kollugishlaq? ... Answer: this information does not correspond
     * to reality"), at most three sentences back; none otherwise.
     */
    private static List<PlaceMention> referredBack(String text, List<Span> sentences, List<Span> denying,
                                                   List<PlaceMention> mentions) {
        for (Span d : denying) {
            int k = sentences.indexOf(d);
            if (k > 0 && ANAPHOR.matcher(d.of(text)).find()) {
                for (int j = k - 1; j >= Math.max(0, k - BACK_SENTENCES); j--) {
                    Span previous = sentences.get(j);
                    List<PlaceMention> there = mentions.stream().filter(m -> previous.contains(m.start())).toList();
                    if (!there.isEmpty()) {
                        return there;
                    }
                }
            }
        }
        return List.of();
    }

    /**
     * The places a denial's text gives the denied claim when the sentences that deny name none: those of the
     * sentences that tell what the other side claimed ("Azerbaijan's Ministry of Defence spread a statement that
     * Armenian units had fired from the direction of Areni towards Sharur. Our units did not open fire in that
     * direction."). None when no sentence tells the claim.
     */
    private static List<PlaceMention> claimedPlaces(String text, List<Span> sentences, List<PlaceMention> mentions) {
        // a transcript's question tells what the answer answers ("Question: Armenia's Defence Ministry says that
        // Azerbaijani units fired mortars at the village of Tegh … Answer: … did not open fire in that area")
        List<Span> asked = spansOf(StatementRules.QUESTION, text);
        List<Span> told = sentences.stream()
                .filter(s -> StatementRules.ABOUT_A_STATEMENT.matcher(s.of(text)).find() || within(asked, s.start()))
                .toList();
        return mentions.stream().filter(m -> told.stream().anyMatch(s -> s.contains(m.start()))).toList();
    }

    /** What a retaliation answers: the other side's action, "the day before" or on the event's days. */
    private Answers retaliationAnswers(String text, Interval time, PlaceResolution where, Party other,
                                       boolean ownDates) {
        LocalDate first = time.from().toLocalDate();
        LocalDate last = time.until().toLocalDate();
        if (!ownDates && StatementRules.DAY_BEFORE.matcher(text).find()) {
            first = first.minusDays(1);
            last = first;
        }
        return new Answers(List.of(), other, first.atStartOfDay().atOffset(zone),
                last.atTime(END_OF_DAY).atOffset(zone), where.resolvedSegments());
    }

    /** An exchange names no single actor, unless the text says who opened it. */
    private static Party initiator(String text) {
        Matcher m = StatementRules.INITIATOR.matcher(text);
        if (!m.find()) {
            return null;
        }
        String adjective = m.group(1) != null ? m.group(1) : m.group(2);
        return adjective.toLowerCase(Locale.ROOT).startsWith("arm") ? Party.AM : Party.AZ;
    }

    /**
     * The count of a casualty word: the number before it ("two soldiers were wounded"), except for a participle,
     * whose count follows it ("killing 4 Armenian servicemen and wounding 1", "wounding three others"): the number
     * before a participle is the previous clause's. A participle with no number after it reads back as before.
     */
    private static int countOfParticiple(List<Word> words, int i) {
        if (words.get(i).text().toLowerCase(Locale.ROOT).endsWith("ing")) {
            int after = numberAfter(words, i);
            if (after >= 0) {
                return after;
            }
        }
        int object = activeObject(words, i);
        return object >= 0 ? object : numberBefore(words, i);
    }

    /** "none", "nobody": the object of an active casualty verb that hit no one ("wounded none"). */
    private static boolean isNone(List<Word> words, int k) {
        String t = words.get(k).text();
        return t.equalsIgnoreCase("none") || t.equalsIgnoreCase("nobody");
    }

    /** Words after a number right after a casualty verb that make it no count of people ("wounded three times"). */
    private static final Set<String> NOT_PEOPLE_AFTER = Set.of("times", "time", "km", "kilometres", "kilometers",
            "kilometre", "kilometer", "metres", "meters", "m", "miles", "mile", "hours", "hour", "minutes", "minute",
            "days", "day", "weeks", "week", "months", "month", "years", "year", "ago", "percent", "per");

    /**
     * The count of an active casualty verb is its object, right after it: "shelling killed two soldiers and wounded
     * three (others / more)", "fire wounded three soldiers and killed one", "wounded a civilian" (the number before
     * it is the previous clause's). Only a count with nothing but a space between it and the verb, not after "the"
     * ("the wounded one"), nor one that measures ("wounded three times", "two kilometres"); a date is no count
     * ({@link #isCount}); "none" counts no one ("killed two and wounded none"). -1 when there is none.
     */
    private static int activeObject(List<Word> words, int i) {
        int k = i + 1;
        if (k >= words.size() || words.get(k).marked() || !(isCount(words, k) || isNone(words, k))
                || i > 0 && words.get(i - 1).text().equalsIgnoreCase("the")) {
            return -1;
        }
        String t = words.get(i).text().toLowerCase(Locale.ROOT);
        if (!t.endsWith("ed")) {
            return -1; // "killed", "wounded", "injured": not "dead", "wounds"
        }
        return k + 1 < words.size() && NOT_PEOPLE_AFTER.contains(words.get(k + 1).text().toLowerCase(Locale.ROOT))
                ? -1 : k;
    }
}
