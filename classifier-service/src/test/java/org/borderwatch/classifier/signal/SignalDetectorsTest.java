package org.borderwatch.classifier.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.t;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.borderwatch.classifier.TestReports;
import org.borderwatch.common.Uuids;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SignalDetectorsTest {

    static final SignalThresholds T = SignalThresholds.defaults();
    static final Neighbours N = Neighbours.fromClasspath();
    static final OffsetDateTime BASE = t("2025-03-16T09:00");

    static IncidentFacts incident(BorderSegment segment, OffsetDateTime from, OffsetDateTime to, Occurrence occurrence,
                                  List<IncidentReport> members, List<Casualties> casualties,
                                  List<OffsetDateTime> priorStarts) {
        return new IncidentFacts(Uuids.incidentId(segment.name(), members.isEmpty() ? UUID.randomUUID()
                : members.get(0).reportId()), segment, from, to, occurrence, members, casualties, from, priorStarts);
    }

    static IncidentFacts simple(IncidentReport claim, BorderSegment segment) {
        return incident(segment, claim.occurredAt(), claim.occurredUntil(), Occurrence.UNVERIFIED, List.of(claim),
                List.of(), List.of());
    }

    static ClaimRecord record(IncidentReport r, BorderSegment segment, Occurrence occurrence) {
        return new ClaimRecord(r.reportId(), r.source().id(), r.source().name(), r.source().party(),
                r.actingParty(), List.of(segment), r.occurredAt(), r.publishedAt(), occurrence, r.occurredUntil());
    }

    static Optional<Signal> detect(SignalDetector d, IncidentFacts incident, List<IncidentFacts> open,
                                   List<ClaimRecord> claims) {
        Map<String, List<ClaimRecord>> bySource = new java.util.TreeMap<>();
        claims.forEach(c -> bySource.computeIfAbsent(c.sourceId(), s -> new ArrayList<>()).add(c));
        return d.detect(incident, new SignalContext(T, N, open, bySource));
    }

    // ------------------------------------------------------------------------------------------------- surges

    /** Claims by one source at these hour offsets from BASE; the last one is the incident's. */
    static List<IncidentReport> claimsAt(double... hours) {
        List<IncidentReport> list = new ArrayList<>();
        for (int i = 0; i < hours.length; i++) {
            OffsetDateTime at = BASE.plusMinutes((long) (hours[i] * 60));
            list.add(TestReports.claim(AZ_MOD, "s" + i, Party.AM, at.toLocalDateTime().toString().substring(0, 16),
                    at.plusHours(1).toLocalDateTime().toString().substring(0, 16), BorderSegment.SYUNIK_EAST)
                    .build());
        }
        return list;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            three in a week, no baseline        | 0 24 48                      | true
            two in a week                       | 0 48                         | false
            three spread over ten days          | 0 120 240                    | false
            three against a baseline of 2/week  | -600 -500 -400 -300 -200 -180 -170 -169 0 24 48 | false
            four against a baseline of 2/week   | -600 -500 -400 -300 -200 -180 -175 -170 0 24 48 60 | true
            third just inside the 7 days        | 0 24 167.9                   | true
            third exactly 7 days after the first | 0 24 168                   | false
            three = exactly twice a baseline of 1.5/week | -600 -500 -400 -300 -200 -180 0 24 48 | true
            three < twice a baseline of 1.75/week | -600 -500 -400 -300 -200 -180 -175 0 24 48 | false
            """)
    void claimSurge(String name, String offsets, boolean fires) {
        double[] hours = Arrays.stream(offsets.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
        List<IncidentReport> claims = claimsAt(hours);
        IncidentReport last = claims.get(claims.size() - 1);
        List<ClaimRecord> records = claims.stream().map(c -> record(c, BorderSegment.SYUNIK_EAST,
                Occurrence.UNVERIFIED)).toList();
        Optional<Signal> s = detect(new ClaimSurgeDetector(), simple(last, BorderSegment.SYUNIK_EAST), List.of(),
                records);
        assertThat(s).as(name).isEqualTo(fires ? s.filter(x -> x.reportIds().contains(last.reportId()))
                : Optional.empty());
        assertThat(s.isPresent()).isEqualTo(fires);
    }

    /**
     * A surge counts claimed events, not statements: a source's claims about the same segment whose event-time
     * intervals overlap (a casualty update, a fuller account) are one event. Layout: segment@fromHour-toHour.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            three statements about one clash         | SYUNIK_EAST@0-0 SYUNIK_EAST@-10-14 SYUNIK_EAST@-10-14 | false | 0
            one clash told twice, then two more      | SYUNIK_EAST@0-0 SYUNIK_EAST@-1-5 SYUNIK_EAST@30-30 TAVUSH@40-40 | true | 4
            same time, three segments                | SYUNIK_EAST@0-0 GEGHARKUNIK@0-0 TAVUSH@0-0 | true | 3
            same segment, separate times             | SYUNIK_EAST@0-0 SYUNIK_EAST@3-3 SYUNIK_EAST@6-6 | true | 3
            """)
    void claimSurgeCountsEventsNotStatements(String name, String layout, boolean fires, int claimsInSurge) {
        List<ClaimRecord> records = new ArrayList<>();
        String[] parts = layout.trim().split("\\s+");
        for (int i = 0; i < parts.length; i++) {
            BorderSegment segment = BorderSegment.valueOf(parts[i].substring(0, parts[i].indexOf('@')));
            String[] hours = parts[i].substring(parts[i].indexOf('@') + 1).split("(?<=\\d)-");
            OffsetDateTime from = BASE.plusHours(Long.parseLong(hours[0]));
            OffsetDateTime to = BASE.plusHours(Long.parseLong(hours[1]));
            records.add(new ClaimRecord(Uuids.reportId("az-mod", "e" + i), "az-mod", "AZ MoD", Party.AZ, Party.AM,
                    List.of(segment), from, to.plusHours(1), Occurrence.UNVERIFIED, to));
        }
        List<Surge> surges = Surge.find(records, T);
        assertThat(!surges.isEmpty()).as(name).isEqualTo(fires);
        if (fires) {
            assertThat(surges).singleElement().satisfies(sg -> {
                assertThat(sg.claims()).hasSize(claimsInSurge);
                assertThat(sg.events()).isEqualTo(3);
            });
        }
    }

    /**
     * Tenth round: a claim longer than {@code max-joining-span} (a summary "since 1 March") overlaps every claim of its
     * source in its period; grouped with them it glued the week's precise claims into one event and took the surge
     * away. It is an event with the summaries it overlaps only. Layout as above; limit in hours (blank: none).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a summary does not glue the claims of its period  | SYUNIK_EAST@-200-30 SYUNIK_EAST@0-0 GEGHARKUNIK@24-24 SYUNIK_EAST@48-48 | 48 | true  | 3
            without a limit it does (as before)               | SYUNIK_EAST@-200-30 SYUNIK_EAST@0-0 GEGHARKUNIK@24-24 SYUNIK_EAST@48-48 |    | false | 0
            two overlapping summaries are one event           | SYUNIK_EAST@-200-30 SYUNIK_EAST@-100-30 SYUNIK_EAST@0-0 GEGHARKUNIK@24-24 SYUNIK_EAST@48-48 | 48 | true | 3
            a claim of two days is still an account of one    | SYUNIK_EAST@0-47 SYUNIK_EAST@10-10 SYUNIK_EAST@30-30 GEGHARKUNIK@40-40 | 48 | false | 0
            """)
    void aSummaryIsNoEventOfThePreciseClaimsItOverlaps(String name, String layout, Integer maxHours, boolean fires,
                                                        int claimsInSurge) {
        List<ClaimRecord> records = new ArrayList<>();
        String[] parts = layout.trim().split("\\s+");
        for (int i = 0; i < parts.length; i++) {
            BorderSegment segment = BorderSegment.valueOf(parts[i].substring(0, parts[i].indexOf('@')));
            String[] hours = parts[i].substring(parts[i].indexOf('@') + 1).split("(?<=\\d)-");
            OffsetDateTime from = BASE.plusHours(Long.parseLong(hours[0]));
            OffsetDateTime to = BASE.plusHours(Long.parseLong(hours[1]));
            records.add(new ClaimRecord(Uuids.reportId("az-mod", "e" + i), "az-mod", "AZ MoD", Party.AZ, Party.AM,
                    List.of(segment), from, to.plusHours(1), Occurrence.UNVERIFIED, to));
        }
        List<Surge> surges = Surge.find(records, T, maxHours == null ? null : java.time.Duration.ofHours(maxHours));
        assertThat(!surges.isEmpty()).as(name).isEqualTo(fires);
        if (fires) {
            assertThat(surges).singleElement().satisfies(sg -> {
                assertThat(sg.claims()).hasSize(claimsInSurge);
                assertThat(sg.events()).isEqualTo(3);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            two of three refuted             | REFUTED DISPUTED UNVERIFIED  | true
            one of three refuted             | REFUTED UNVERIFIED UNVERIFIED | false
            refuted but one confirmed        | REFUTED REFUTED CONFIRMED    | false
            all refuted                      | REFUTED REFUTED REFUTED      | true
            no surge (two claims)            | REFUTED REFUTED              | false
            exactly 60%: three of five       | REFUTED DISPUTED DISPUTED UNVERIFIED UNVERIFIED | true
            just below: two of four (50%)    | REFUTED DISPUTED UNVERIFIED UNVERIFIED | false
            four of seven (57%)  | REFUTED REFUTED DISPUTED DISPUTED UNVERIFIED UNVERIFIED UNVERIFIED | false
            a week nobody answered           | UNVERIFIED UNVERIFIED UNVERIFIED UNVERIFIED UNVERIFIED UNVERIFIED | false
            """)
    void uncorroboratedSurge(String name, String occurrences, boolean fires) {
        String[] occ = occurrences.trim().split("\\s+");
        double[] hours = new double[occ.length];
        for (int i = 0; i < occ.length; i++) {
            hours[i] = i * 20;
        }
        List<IncidentReport> claims = claimsAt(hours);
        List<ClaimRecord> records = new ArrayList<>();
        for (int i = 0; i < occ.length; i++) {
            records.add(record(claims.get(i), BorderSegment.SYUNIK_EAST, Occurrence.valueOf(occ[i])));
        }
        Optional<Signal> s = detect(new UncorroboratedSurgeDetector(), simple(claims.get(0),
                BorderSegment.SYUNIK_EAST), List.of(), records);
        assertThat(s.isPresent()).as(name).isEqualTo(fires);
    }

    /**
     * A claim surge counts only claims that tell of hostile action ({@link RetaliationDetector#toldHostileAct}), in
     * the trailing window and in the baseline: the border service's own fortifying three times in a week, or a
     * ministry's exercises, is no surge of claims against anyone. One source (Azerbaijan's border service) throughout;
     * the window's claims at 20-hour steps, the baseline's (if any) 7 claims 1-25 days before the window. Kinds: ACC an
     * accusation of fire, FIRE fire by no one named, WORK its own fortifying, DRILL its own exercise, MINE a mine
     * naming no one, LOSS its own losses alone. "before" is the rule before (also what state written before a claim's
     * hostility was kept still gets: every claim counts); "now" is the rule for CLAIM_SURGE and, all claims refuted,
     * UNCORROBORATED_SURGE.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            own works x3 in a week                       | WORK WORK WORK          | -    | true  | false
            own exercises x3 in a week                   | DRILL DRILL DRILL       | -    | true  | false
            a mine, own losses, own works                | MINE LOSS WORK          | -    | true  | false
            accusations x3 in a week                     | ACC ACC ACC             | -    | true  | true
            fire by no one named x3                      | FIRE FIRE FIRE          | -    | true  | true
            mixed: two accusations and own works         | ACC WORK ACC            | -    | true  | false
            mixed: three accusations among own works     | ACC WORK ACC WORK ACC   | -    | true  | true
            accusations x3 against a baseline of own works  | ACC ACC ACC          | WORK | false | true
            accusations x3 against a baseline of accusations | ACC ACC ACC         | ACC  | false | false
            """)
    void claimSurgeCountsOnlyClaimsOfHostileAction(String name, String window, String baselineKind, boolean before,
                                                   boolean now) {
        List<String> kinds = new ArrayList<>();
        List<Double> hours = new ArrayList<>();
        if (baselineKind != null) {
            for (double h : new double[] {-600, -500, -400, -300, -200, -180, -175}) {
                kinds.add(baselineKind);
                hours.add(h);
            }
        }
        String[] w = window.trim().split("\\s+");
        for (int i = 0; i < w.length; i++) {
            kinds.add(w[i]);
            hours.add(i * 20.0);
        }
        BorderSegment seg = BorderSegment.TAVUSH;
        List<IncidentReport> reports = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            OffsetDateTime at = BASE.plusMinutes(Math.round(hours.get(i) * 60));
            String from = at.toLocalDateTime().toString().substring(0, 16);
            String published = at.plusHours(1).toLocalDateTime().toString().substring(0, 16);
            IncidentReport.Builder b = claim(TestReports.AZ_SBS, "k" + i, Party.AM, from, published, seg);
            switch (kinds.get(i)) {
                case "ACC" -> { }
                case "FIRE" -> b.actingParty(null);
                case "WORK" -> b.actingParty(Party.AZ).eventTypes(EventType.ENGINEERING_WORK);
                case "DRILL" -> b.actingParty(Party.AZ).eventTypes(EventType.BUILDUP);
                case "MINE" -> b.actingParty(null).eventTypes(EventType.MINE_EXPLOSION);
                case "LOSS" -> b.actingParty(Party.AZ).eventTypes(EventType.CASUALTY)
                        .casualties(new Casualties(0, 1, Party.AZ));
                default -> throw new IllegalArgumentException(kinds.get(i));
            }
            reports.add(b.build());
        }
        IncidentReport last = reports.get(reports.size() - 1);
        List<ClaimRecord> kept = reports.stream().map(r -> ClaimRecord.of(r, "AZ SBS", List.of(seg))).toList();
        // state written before a claim's hostility was kept: every claim counts, as the rule before did
        List<ClaimRecord> older = kept.stream().map(c -> new ClaimRecord(c.reportId(), c.sourceId(), c.sourceName(),
                c.party(), c.actingParty(), c.segments(), c.occurredAt(), c.publishedAt(), c.occurrence(),
                c.occurredUntil(), c.attribution(), c.kind(), c.timePrecision(), c.sourceRef(), c.url(),
                c.location(), c.cycleParty())).toList();
        assertThat(older).allMatch(ClaimRecord::toldHostile);

        Optional<Signal> surge = detect(new ClaimSurgeDetector(), simple(last, seg), List.of(), kept);
        assertThat(surge.isPresent()).as(name + ": now").isEqualTo(now);
        assertThat(detect(new ClaimSurgeDetector(), simple(last, seg), List.of(), older).isPresent())
                .as(name + ": before").isEqualTo(before);
        surge.ifPresent(sig -> assertThat(sig.reportIds()).as(name + ": the surge holds its hostile claims only")
                .containsExactlyElementsOf(reports.stream().filter(RetaliationDetector::toldHostileAct)
                        .filter(r -> !r.occurredAt().isBefore(BASE)).map(IncidentReport::reportId).toList()));

        List<ClaimRecord> refuted = kept.stream().map(c -> c.withOccurrence(Occurrence.REFUTED)).toList();
        assertThat(detect(new UncorroboratedSurgeDetector(), simple(last, seg), List.of(), refuted).isPresent())
                .as(name + ": uncorroborated, all refuted").isEqualTo(now);
    }

    // ------------------------------------------------------------------------------------------------- others

    @ParameterizedTest(name = "killed {0}")
    @CsvSource({"0,false,false", "1,true,false", "2,true,false", "3,true,true", "4,true,true"})
    void fatalities(int killed, boolean fires, boolean critical) {
        IncidentReport c = claim(AM_MOD, "f", Party.AZ, "2024-02-13T05:45", "2024-02-13T08:05",
                BorderSegment.SYUNIK_EAST).casualties(new Casualties(killed, 0, Party.AM)).build();
        IncidentFacts f = incident(BorderSegment.SYUNIK_EAST, c.occurredAt(), c.occurredAt(), Occurrence.UNVERIFIED,
                List.of(c), List.of(new Casualties(killed, 0, Party.AM)), List.of());
        Optional<Signal> s = detect(new FatalitiesDetector(), f, List.of(f), List.of());
        assertThat(s.isPresent()).isEqualTo(fires);
        s.ifPresent(x -> assertThat(x.rationale().contains("critical")).isEqualTo(critical));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SMALL_ARMS_FIRE                  | false
            MORTAR_ARTILLERY                 | true
            SMALL_ARMS_FIRE DRONE_STRIKE     | true
            ENGINEERING_WORK                 | false
            MINE_EXPLOSION                   | false
            CASUALTY MORTAR_ARTILLERY         | true
            DRONE_STRIKE                     | true
            INCURSION SMALL_ARMS_FIRE        | false
            """)
    void heavyWeapons(String types, boolean fires) {
        IncidentReport c = claim(AM_MOD, "h", Party.AZ, "2022-09-13T00:05", "2022-09-13T01:30",
                BorderSegment.GEGHARKUNIK).eventTypes(Arrays.stream(types.trim().split("\\s+"))
                .map(EventType::valueOf).toList()).build();
        assertThat(detect(new HeavyWeaponsDetector(), simple(c, BorderSegment.GEGHARKUNIK), List.of(), List.of())
                .isPresent()).isEqualTo(fires);
    }

    @Test
    void heavyWeaponsRationaleAgreesWithTheNumberOfSources() {
        IncidentReport c = claim(AM_MOD, "h1", Party.AZ, "2022-09-13T00:05", "2022-09-13T01:30",
                BorderSegment.GEGHARKUNIK).eventTypes(List.of(EventType.DRONE_STRIKE)).build();
        assertThat(detect(new HeavyWeaponsDetector(), simple(c, BorderSegment.GEGHARKUNIK), List.of(), List.of())
                .orElseThrow().rationale()).endsWith(" reports drone strikes.");
    }

    static Stream<Arguments> retaliation() {
        return Stream.of(
                Arguments.of("other side's claim 14 h later, same segment", AZ_MOD, BorderSegment.SYUNIK_EAST,
                        "2024-02-12T15:40", "2024-02-12T20:10", AM_MOD, BorderSegment.SYUNIK_EAST,
                        "2024-02-13T05:45", "2024-02-13T08:05", false, true),
                Arguments.of("neighbouring segment", AZ_MOD, BorderSegment.VAYOTS_DZOR_EAST,
                        "2024-02-12T15:40", "2024-02-12T20:10", AM_MOD, BorderSegment.SYUNIK_EAST,
                        "2024-02-13T05:45", "2024-02-13T08:05", false, true),
                Arguments.of("far-away segment", AZ_MOD, BorderSegment.TAVUSH,
                        "2024-02-12T15:40", "2024-02-12T20:10", AM_MOD, BorderSegment.ARARAT,
                        "2024-02-13T05:45", "2024-02-13T08:05", false, false),
                Arguments.of("more than 48 h later", AZ_MOD, BorderSegment.SYUNIK_EAST,
                        "2024-02-10T15:40", "2024-02-10T20:10", AM_MOD, BorderSegment.SYUNIK_EAST,
                        "2024-02-13T05:45", "2024-02-13T08:05", false, false),
                Arguments.of("same side", AZ_MOD, BorderSegment.SYUNIK_EAST,
                        "2024-02-12T15:40", "2024-02-12T20:10", TestReports.AZ_SBS, BorderSegment.SYUNIK_EAST,
                        "2024-02-13T05:45", "2024-02-13T08:05", false, false),
                Arguments.of("answer published before the first claim", AZ_MOD, BorderSegment.SYUNIK_EAST,
                        "2024-02-12T15:40", "2024-02-13T20:10", AM_MOD, BorderSegment.SYUNIK_EAST,
                        "2024-02-13T05:45", "2024-02-13T08:05", false, false),
                Arguments.of("framed as retaliation", AZ_MOD, BorderSegment.TAVUSH,
                        "2024-02-12T15:40", "2024-02-12T20:10", AM_MOD, BorderSegment.ARARAT,
                        "2024-02-13T05:45", "2024-02-13T08:05", true, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void retaliation(String name, Source firstSource, BorderSegment firstSegment, String firstAt,
                     String firstPublished, Source secondSource, BorderSegment secondSegment, String secondAt,
                     String secondPublished, boolean framed, boolean fires) {
        IncidentReport first = claim(firstSource, "r1", firstSource.party().opponent(), firstAt, firstPublished,
                firstSegment).build();
        IncidentReport second = claim(secondSource, "r2", secondSource.party().opponent(), secondAt,
                secondPublished, secondSegment).retaliation(framed).build();
        List<ClaimRecord> history = List.of(record(first, firstSegment, Occurrence.UNVERIFIED),
                record(second, secondSegment, Occurrence.UNVERIFIED));
        assertThat(detect(new RetaliationDetector(), simple(second, secondSegment), List.of(), history).isPresent())
                .as(name).isEqualTo(fires);
        assertThat(detect(new RetaliationDetector(), simple(first, firstSegment), List.of(), history).isPresent())
                .as("the first claim itself never carries the cycle").isFalse();
    }

    static final Source AZ_AGENCY = new Source("az-agency", "AZ agency", SourceKind.MEDIA, Party.AZ);

    /** Azerbaijan's voice in the tables below: its Defence Ministry, its border service or its news agency. */
    static Source azSource(String name) {
        return switch (name) {
            case "MOD" -> AZ_MOD;
            case "SBS" -> TestReports.AZ_SBS;
            default -> AZ_AGENCY;
        };
    }

    /**
     * Only an accusation or a side's report of its own hostile action takes part in a cycle, as the answer or as the
     * claim answered (h46 replay: a mine explosion naming no one, and the border service's report of fortifying its
     * posts, each "answered" Armenia's claim). The row is Azerbaijan's word; the other claim is Armenia's accusation
     * in the same segment, 14 h before (row as the answer) or after (row as the claim answered).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            accusation of fire                                | MOD    | AM | SMALL_ARMS_FIRE                  | -  | false | true
            mine explosion, no acting side (agency)           | AGENCY | -  | MINE_EXPLOSION                   | -  | false | false
            mine explosion, the side itself acting            | SBS    | AZ | MINE_EXPLOSION                   | -  | false | false
            nothing but its own losses                        | MOD    | AZ | CASUALTY                         | AZ | false | false
            own engineering work (fortifying posts)           | SBS    | AZ | ENGINEERING_WORK                 | -  | false | false
            own buildup (an exercise)                         | MOD    | AZ | BUILDUP                          | -  | false | false
            own threat alone                                  | MOD    | AZ | THREAT                           | -  | false | false
            unknown actor                                     | MOD    | UNKNOWN | SMALL_ARMS_FIRE             | -  | false | false
            own strike                                        | MOD    | AZ | MORTAR_ARTILLERY                 | -  | false | true
            own fire while fortifying                         | SBS    | AZ | ENGINEERING_WORK SMALL_ARMS_FIRE | -  | false | true
            own fire with its own losses                      | MOD    | AZ | SMALL_ARMS_FIRE CASUALTY         | AZ | false | true
            losses inflicted on the other side                | MOD    | AZ | CASUALTY                         | AM | false | true
            accusation of engineering work                    | MOD    | AM | ENGINEERING_WORK                 | -  | false | true
            agency relaying its own side's accusation         | AGENCY | AM | SMALL_ARMS_FIRE                  | -  | false | true
            own engineering work framed as retaliation        | SBS    | AZ | ENGINEERING_WORK                 | -  | true  | true
            """)
    void onlyAnAccusationOrAHostileSelfReportTakesPartInACycle(String name, String source, String acting,
                                                                String types, String casualtiesOf, boolean framed,
                                                                boolean takesPart) {
        Source src = azSource(source);
        BorderSegment seg = BorderSegment.SYUNIK_EAST;
        List<EventType> eventTypes = Arrays.stream(types.split(" ")).map(EventType::valueOf).toList();
        java.util.function.BiFunction<String, String, IncidentReport> row = (at, published) -> claim(src, "az",
                acting == null ? null : Party.valueOf(acting), at, published, seg).eventTypes(eventTypes)
                .casualties(casualtiesOf == null ? null : new Casualties(1, null, Party.valueOf(casualtiesOf)))
                .retaliation(framed).build();
        assertThat(RetaliationDetector.takesPart(row.apply("2024-02-12T15:40", "2024-02-12T20:10"))).as(name)
                .isEqualTo(takesPart);

        // the row as the answer (framed: the framing alone raises the signal, as before)
        IncidentReport accusation = claim(AM_MOD, "am", Party.AZ, "2024-02-12T15:40", "2024-02-12T20:10", seg)
                .build();
        IncidentReport answer = row.apply("2024-02-13T05:45", "2024-02-13T08:05");
        List<ClaimRecord> history = List.of(ClaimRecord.of(accusation, "AM MoD", List.of(seg)),
                ClaimRecord.of(answer, src.name(), List.of(seg)));
        Optional<Signal> asAnswer = detect(new RetaliationDetector(), simple(answer, seg), List.of(), history);
        assertThat(asAnswer.isPresent()).as(name + " (answer)").isEqualTo(takesPart);
        asAnswer.ifPresent(sig -> assertThat(sig.reportIds()).as(name).contains(answer.reportId()));

        // the row as the claim answered by Armenia's accusation 14 h later
        final IncidentReport answered = row.apply("2024-02-12T15:40", "2024-02-12T20:10");
        IncidentReport reply = claim(AM_MOD, "am", Party.AZ, "2024-02-13T05:45", "2024-02-13T08:05", seg).build();
        List<ClaimRecord> before = List.of(ClaimRecord.of(answered, src.name(), List.of(seg)),
                ClaimRecord.of(reply, "AM MoD", List.of(seg)));
        assertThat(detect(new RetaliationDetector(), simple(reply, seg), List.of(), before).isPresent())
                .as(name + " (claim answered)").isEqualTo(takesPart);
    }

    /**
     * A remembered claim keeps its part in a cycle and whether it tells of hostile action (what a claim surge counts);
     * state written before either was kept reads as taking part and as hostile, as before.
     */
    @Test
    void aRememberedClaimKeepsWhetherItTakesPartInACycle() {
        IncidentReport mine = claim(AZ_AGENCY, "mine", null, "2024-05-08T00:00", "2024-05-08T13:15",
                BorderSegment.GEGHARKUNIK).eventTypes(EventType.MINE_EXPLOSION).build();
        ClaimRecord kept = ClaimRecord.of(mine, "AZ agency", List.of(BorderSegment.GEGHARKUNIK));
        ClaimRecord retold = kept.toldAs(claim(AZ_AGENCY, "mine", Party.AM, "2024-05-08T00:00", "2024-05-08T13:15",
                BorderSegment.GEGHARKUNIK).build());
        Map<String, java.util.function.Predicate<ClaimRecord>> flags = Map.of("cycleParty", ClaimRecord::inCycle,
                "hostileAct", ClaimRecord::toldHostile);
        flags.forEach((field, flag) -> {
            assertThat(flag.test(kept)).as(field).isFalse();
            String json = org.borderwatch.common.json.Json.write(kept);
            assertThat(flag.test(org.borderwatch.common.json.Json.read(json, ClaimRecord.class)))
                    .as(field + ": written and read back").isFalse();
            String older = json.replace(",\"" + field + "\":false", "");
            assertThat(older).as(field).doesNotContain(field);
            assertThat(flag.test(org.borderwatch.common.json.Json.read(older, ClaimRecord.class)))
                    .as(field + ": state written before it was kept").isTrue();
            assertThat(flag.test(kept.withOccurrence(Occurrence.REFUTED))).as(field + ": through a verdict").isFalse();
            assertThat(flag.test(retold)).as(field + ": re-told as an accusation").isTrue();
        });
    }

    /**
     * A side's later statement about an event it told of before the other side's claim came out (a casualty update)
     * does not "follow" that claim; a statement about a new event, or a first telling after it, does.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            update of an event first told before the other side's claim | 2022-09-13T00:05 | 2022-09-13T00:55 | false
            first told after the other side's claim                     | 2022-09-13T00:05 | 2022-09-13T02:30 | true
            an earlier account of another time                          | 2022-09-12T20:00 | 2022-09-12T21:00 | true
            """)
    void retaliationCountsARetellingFromItsFirstTelling(String name, String firstTellingAt,
                                                         String firstTellingPublished, boolean fires) {
        IncidentReport accusation = claim(AZ_MOD, "az", Party.AM, "2022-09-12T23:00", "2022-09-13T01:40",
                BorderSegment.GEGHARKUNIK).build();
        IncidentReport firstTelling = claim(AM_MOD, "am1", Party.AZ, firstTellingAt, firstTellingPublished,
                BorderSegment.VAYOTS_DZOR_EAST).build();
        IncidentReport update = claim(AM_MOD, "am2", Party.AZ, "2022-09-13T00:05", "2022-09-13T10:30",
                BorderSegment.VAYOTS_DZOR_EAST).occurredUntil(t("2022-09-13T09:00"))
                .casualties(new Casualties(49, null, Party.AM)).build();
        List<ClaimRecord> history = List.of(record(accusation, BorderSegment.GEGHARKUNIK, Occurrence.UNVERIFIED),
                record(firstTelling, BorderSegment.VAYOTS_DZOR_EAST, Occurrence.UNVERIFIED),
                record(update, BorderSegment.VAYOTS_DZOR_EAST, Occurrence.UNVERIFIED));
        IncidentFacts incident = incident(BorderSegment.VAYOTS_DZOR_EAST, update.occurredAt(),
                update.occurredUntil(), Occurrence.UNVERIFIED, List.of(update), List.of(), List.of());
        assertThat(detect(new RetaliationDetector(), incident, List.of(), history).isPresent()).as(name)
                .isEqualTo(fires);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            three segments in 5 hours        | SYUNIK_EAST 0 GEGHARKUNIK 2 VAYOTS_DZOR_EAST 5  | true
            two segments                     | SYUNIK_EAST 0 GEGHARKUNIK 2 GEGHARKUNIK 5       | false
            three segments over 30 hours     | SYUNIK_EAST 0 GEGHARKUNIK 2 VAYOTS_DZOR_EAST 30 | false
            four segments in a day           | SYUNIK_EAST 0 GEGHARKUNIK 2 TAVUSH 20 ARARAT 23  | true
            third segment exactly 24 h later | SYUNIK_EAST 0 GEGHARKUNIK 2 VAYOTS_DZOR_EAST 24 | true
            third segment 24 h 1 min later   | SYUNIK_EAST 0 GEGHARKUNIK 2 VAYOTS_DZOR_EAST 24.0167 | false
            a third segment 36 h on          | SYUNIK_EAST 0 GEGHARKUNIK 12 SYUNIK_EAST 23 TAVUSH 36 | false
            """)
    void spread(String name, String layout, boolean fires) {
        String[] parts = layout.trim().split("\\s+");
        List<IncidentFacts> open = new ArrayList<>();
        for (int i = 0; i < parts.length; i += 2) {
            BorderSegment seg = BorderSegment.valueOf(parts[i]);
            OffsetDateTime at = BASE.plusSeconds(Math.round(Double.parseDouble(parts[i + 1]) * 3600));
            IncidentReport c = claim(AZ_MOD, "sp" + i, Party.AM, at.toLocalDateTime().toString().substring(0, 16),
                    at.plusHours(1).toLocalDateTime().toString().substring(0, 16), seg).build();
            open.add(simple(c, seg));
        }
        assertThat(detect(new SpreadDetector(), open.get(0), open, List.of()).isPresent()).as(name)
                .isEqualTo(fires);
    }

    /**
     * A summary of a period (longer than {@code max-joining-span}; limit in hours) says nothing of when within its
     * period anything happened: it neither answers a claim made just before its period began nor is answered by a
     * claim within the window after it began (before: the weekly summary "followed" the other side's claim of the
     * night before, and a 30-hour summary that had ended was "followed" by the next claim).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a weekly summary answers no claim of the night before | 2025-11-03T20:00 | 2025-11-03T20:00 | 2025-11-04T00:00 | 2025-11-10T23:59 | 48 | false
            a precise claim at the same time still does          | 2025-11-03T20:00 | 2025-11-03T20:00 | 2025-11-04T00:00 | 2025-11-04T00:00 | 48 | true
            without a limit the summary answers (as before)      | 2025-11-03T20:00 | 2025-11-03T20:00 | 2025-11-04T00:00 | 2025-11-10T23:59 |    | true
            a 30-hour summary is answered by nothing             | 2025-11-01T00:00 | 2025-11-02T06:00 | 2025-11-02T12:00 | 2025-11-02T12:00 | 24 | false
            a 30-hour claim within the limit is answered         | 2025-11-01T00:00 | 2025-11-02T06:00 | 2025-11-02T12:00 | 2025-11-02T12:00 | 48 | true
            """)
    void aSummaryTakesNoPartInARetaliationCycle(String name, String firstAt, String firstUntil, String secondAt,
                                               String secondUntil, Integer maxHours, boolean fires) {
        IncidentReport first = claim(AM_MOD, "w1", Party.AZ, firstAt, "2025-11-11T09:00", BorderSegment.TAVUSH)
                .occurredUntil(t(firstUntil)).build();
        IncidentReport second = claim(AZ_MOD, "w2", Party.AM, secondAt, "2025-11-11T10:00", BorderSegment.TAVUSH)
                .occurredUntil(t(secondUntil)).build();
        Map<String, List<ClaimRecord>> bySource = new java.util.TreeMap<>();
        bySource.put(AM_MOD.id(), List.of(record(first, BorderSegment.TAVUSH, Occurrence.UNVERIFIED)));
        bySource.put(AZ_MOD.id(), List.of(record(second, BorderSegment.TAVUSH, Occurrence.UNVERIFIED)));
        SignalContext context = new SignalContext(T, N, List.of(), bySource,
                maxHours == null ? null : java.time.Duration.ofHours(maxHours));
        assertThat(new RetaliationDetector().detect(simple(second, BorderSegment.TAVUSH), context).isPresent())
                .as(name).isEqualTo(fires);
    }

    /**
     * SPREAD counts incidents that say when they happened: an incident of a weekly summary (longer than
     * {@code max-joining-span}, two days here) meets every 24-hour window of its week but places nothing in one.
     * Layout: segment@fromHour-toHour per incident; the first is the one assessed.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a weekly summary is no third segment        | SYUNIK_EAST@0-0 GEGHARKUNIK@2-2 TAVUSH@-100-68     | false
            a precise third segment is (control)        | SYUNIK_EAST@0-0 GEGHARKUNIK@2-2 TAVUSH@5-5         | true
            a summary's own incident gets no SPREAD     | TAVUSH@-100-68 SYUNIK_EAST@0-0 GEGHARKUNIK@2-2 ARARAT@3-3 | false
            a claim of a day and a half still counts    | SYUNIK_EAST@0-0 GEGHARKUNIK@2-2 TAVUSH@-20-16      | true
            """)
    void spreadCountsNoSummaries(String name, String layout, boolean fires) {
        List<IncidentFacts> open = new ArrayList<>();
        String[] parts = layout.trim().split("\\s+");
        for (int i = 0; i < parts.length; i++) {
            BorderSegment seg = BorderSegment.valueOf(parts[i].substring(0, parts[i].indexOf('@')));
            String[] hours = parts[i].substring(parts[i].indexOf('@') + 1).split("(?<=\\d)-");
            OffsetDateTime from = BASE.plusHours(Long.parseLong(hours[0]));
            OffsetDateTime to = BASE.plusHours(Long.parseLong(hours[1]));
            IncidentReport c = claim(AZ_MOD, "sw" + i, Party.AM, from.toLocalDateTime().toString().substring(0, 16),
                    BASE.plusHours(80).toLocalDateTime().toString().substring(0, 16), seg).occurredUntil(to).build();
            open.add(simple(c, seg));
        }
        SignalContext context = new SignalContext(T, N, open, Map.of(), java.time.Duration.ofDays(2));
        assertThat(new SpreadDetector().detect(open.get(0), context).isPresent()).as(name).isEqualTo(fires);
    }

    /**
     * SPREAD and QUIET_BROKEN count incidents of hostile action only (h46 replay: AZERTAC's tractor on a mine, naming no
     * one, and the Azerbaijani border service's fortifying of its own posts were two of the four segments of a SPREAD
     * that made the fortifying HIGH; a mine of the first war after a month of calm "broke" it). The row is Azerbaijan's
     * word, in TAVUSH. SPREAD: with two accusations in SYUNIK_EAST and GEGHARKUNIK a few hours before, the row is the
     * third segment (or not); with a fourth, hostile segment the row's own incident gets SPREAD only if it counts
     * itself. QUIET_BROKEN: the row's incident after 31 days of calm, three incidents before it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            accusation of fire                           | MOD    | AM      | SMALL_ARMS_FIRE                  | -  | false | true
            mine explosion, no acting side (agency)      | AGENCY | -       | MINE_EXPLOSION                   | -  | false | false
            mine explosion with losses, no acting side   | AGENCY | -       | MINE_EXPLOSION CASUALTY          | AZ | false | false
            mine explosion, the side itself acting       | SBS    | AZ      | MINE_EXPLOSION                   | -  | false | false
            nothing but its own losses                   | MOD    | AZ      | CASUALTY                         | AZ | false | false
            own engineering work (fortifying posts)      | SBS    | AZ      | ENGINEERING_WORK                 | -  | false | false
            own buildup (an exercise)                    | MOD    | AZ      | BUILDUP                          | -  | false | false
            an unnamed act by no one named               | MOD    | -       | OTHER                            | -  | false | false
            fire by no one named                         | MOD    | -       | SMALL_ARMS_FIRE                  | -  | false | true
            fire by an unknown actor                     | MOD    | UNKNOWN | SMALL_ARMS_FIRE                  | -  | false | true
            own strike                                   | MOD    | AZ      | MORTAR_ARTILLERY                 | -  | false | true
            accusation of engineering work               | MOD    | AM      | ENGINEERING_WORK                 | -  | false | true
            own engineering work framed as retaliation   | SBS    | AZ      | ENGINEERING_WORK                 | -  | true  | true
            """)
    void spreadAndQuietBrokenCountOnlyIncidentsOfHostileAction(String name, String source, String acting,
                                                               String types, String casualtiesOf, boolean framed,
                                                               boolean counts) {
        Source src = azSource(source);
        IncidentReport row = claim(src, "row", acting == null ? null : Party.valueOf(acting), "2025-03-16T14:00",
                "2025-03-16T18:00", BorderSegment.TAVUSH)
                .eventTypes(Arrays.stream(types.split(" ")).map(EventType::valueOf).toList())
                .casualties(casualtiesOf == null ? null : new Casualties(0, 1, Party.valueOf(casualtiesOf)))
                .retaliation(framed).build();
        assertCountedAsHostile(name, row, counts);
    }

    /**
     * Whether a TAVUSH row of 16 March 2025 14:00 counts as an incident of hostile action: toldHostileAct; SPREAD with
     * two accusations in SYUNIK_EAST and GEGHARKUNIK a few hours before (the row the third segment), and the row's own
     * incident beside a fourth, hostile segment; QUIET_BROKEN after 31 days of calm with three incidents before it.
     */
    private static void assertCountedAsHostile(String name, IncidentReport row, boolean counts) {
        assertThat(RetaliationDetector.toldHostileAct(row)).as(name).isEqualTo(counts);
        IncidentFacts first = simple(claim(AZ_MOD, "a", Party.AM, "2025-03-16T09:00", "2025-03-16T12:00",
                BorderSegment.SYUNIK_EAST).build(), BorderSegment.SYUNIK_EAST);
        IncidentFacts second = simple(claim(AZ_MOD, "b", Party.AM, "2025-03-16T11:00", "2025-03-16T12:00",
                BorderSegment.GEGHARKUNIK).build(), BorderSegment.GEGHARKUNIK);
        IncidentFacts third = simple(row, BorderSegment.TAVUSH);
        assertThat(detect(new SpreadDetector(), first, List.of(first, second, third), List.of()).isPresent())
                .as(name + ": the row as the third segment").isEqualTo(counts);
        IncidentFacts fourth = simple(claim(AZ_MOD, "d", Party.AM, "2025-03-16T16:00", "2025-03-16T18:00",
                BorderSegment.ARARAT).build(), BorderSegment.ARARAT);
        assertThat(detect(new SpreadDetector(), third, List.of(first, second, third, fourth), List.of())
                .isPresent()).as(name + ": the row's own incident beside three hostile segments").isEqualTo(counts);

        List<OffsetDateTime> prior = Stream.of(-100, -80, -31).map(d -> BASE.plusDays(d)).toList();
        IncidentFacts breaking = incident(BorderSegment.TAVUSH, row.occurredAt(), row.occurredUntil(),
                Occurrence.UNVERIFIED, List.of(row), List.of(), prior);
        assertThat(detect(new QuietBrokenDetector(), breaking, List.of(breaking), List.of()).isPresent())
                .as(name + ": the row after 31 days of calm").isEqualTo(counts);
    }

    /**
     * An incident an observer refuted (its patrols covered the segment and the time and saw nothing) spread nothing and
     * broke no calm: it is no segment in SPREAD's count and gets neither signal itself. Layout as {@link #spread}, each
     * incident with its occurrence (SEGMENT@hour:OCCURRENCE); the first is the one assessed. A refuted incident's start
     * still counts among the segment's incidents before a calm (the quietBroken rows' history holds no verdicts).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            guard: three unrefuted segments                    | SYUNIK_EAST@0:UNVERIFIED GEGHARKUNIK@2:DISPUTED VAYOTS_DZOR_EAST@5:UNVERIFIED | true
            the third segment refuted                          | SYUNIK_EAST@0:UNVERIFIED GEGHARKUNIK@2:DISPUTED VAYOTS_DZOR_EAST@5:REFUTED    | false
            a refuted fourth segment beside three              | SYUNIK_EAST@0:UNVERIFIED GEGHARKUNIK@2:DISPUTED VAYOTS_DZOR_EAST@5:CONFIRMED TAVUSH@6:REFUTED | true
            the assessed incident refuted, beside three others | TAVUSH@1:REFUTED SYUNIK_EAST@0:UNVERIFIED GEGHARKUNIK@2:DISPUTED VAYOTS_DZOR_EAST@5:CONFIRMED | false
            guard: a confirmed third segment                   | SYUNIK_EAST@0:UNVERIFIED GEGHARKUNIK@2:DISPUTED VAYOTS_DZOR_EAST@5:CONFIRMED  | true
            refuted in a second segment, one more refuted      | SYUNIK_EAST@0:UNVERIFIED GEGHARKUNIK@2:REFUTED VAYOTS_DZOR_EAST@5:UNVERIFIED GEGHARKUNIK@3:UNVERIFIED | true
            """)
    void aRefutedIncidentCountsForNoSpread(String name, String layout, boolean fires) {
        List<IncidentFacts> open = new ArrayList<>();
        String[] parts = layout.trim().split("\\s+");
        for (int i = 0; i < parts.length; i++) {
            BorderSegment seg = BorderSegment.valueOf(parts[i].substring(0, parts[i].indexOf('@')));
            OffsetDateTime at = BASE.plusHours(Long.parseLong(parts[i].substring(parts[i].indexOf('@') + 1,
                    parts[i].indexOf(':'))));
            Occurrence occurrence = Occurrence.valueOf(parts[i].substring(parts[i].indexOf(':') + 1));
            IncidentReport c = claim(AZ_MOD, "rf" + i, Party.AM, at.toLocalDateTime().toString().substring(0, 16),
                    at.plusHours(30).toLocalDateTime().toString().substring(0, 16), seg).build();
            open.add(incident(seg, c.occurredAt(), c.occurredUntil(), occurrence, List.of(c), List.of(), List.of()));
        }
        assertThat(detect(new SpreadDetector(), open.get(0), open, List.of()).isPresent()).as(name)
                .isEqualTo(fires);
    }

    /**
     * Replay audit of batch 52: a record by a publisher that is no side (a dataset's row, a wire of no known side)
     * naming a side as acting accuses no one — ACLED's rows of Armenian units handing over posts near Voskepar, or of
     * the delimitation commissions' agreement, counted as incidents of hostile action. The act it tells of decides, as
     * for an observer's confirmation; a record framed as retaliation still counts ({@link #assertCountedAsHostile}).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            dataset: a side hands over posts (OTHER)          | DATASET | AM | OTHER            | false | false
            dataset: a side's engineering work               | DATASET | AZ | ENGINEERING_WORK | false | false
            dataset: fire by a side                          | DATASET | AZ | SMALL_ARMS_FIRE  | false | true
            dataset: a detention by a side                   | DATASET | AM | DETENTION        | false | true
            dataset: an unnamed act framed as retaliation    | DATASET | AZ | OTHER            | true  | true
            wire of no side: a side's engineering work       | MEDIA   | AZ | ENGINEERING_WORK | false | false
            wire of no side: mortar fire by a side           | MEDIA   | AM | MORTAR_ARTILLERY | false | true
            guard: a side's own accusation of engineering work | SIDE  | AM | ENGINEERING_WORK | false | true
            """)
    void aRecordOfNoSideTellsOfHostileActionByItsAct(String name, String kind, Party acting, EventType type,
                                                     boolean framed, boolean counts) {
        Source src = switch (kind) {
            case "DATASET" -> TestReports.ACLED;
            case "MEDIA" -> new Source("wire", "Wire", SourceKind.MEDIA, Party.UNKNOWN);
            default -> AZ_MOD;
        };
        IncidentReport row = claim(src, "rec", acting, "2025-03-16T14:00", "2025-03-16T18:00", BorderSegment.TAVUSH)
                .eventTypes(type).retaliation(framed).build();
        assertCountedAsHostile(name, row, counts);
    }

    /** The first incident after 31 days of calm, three incidents before it: QUIET_BROKEN unless an observer refuted it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"UNVERIFIED, true", "DISPUTED, true", "CONFIRMED, true", "REFUTED, false"})
    void aRefutedIncidentBreaksNoCalm(Occurrence occurrence, boolean fires) {
        List<OffsetDateTime> prior = Stream.of(-100, -80, -31).map(d -> BASE.plusDays(d)).toList();
        IncidentReport c = claim(AZ_MOD, "rq", Party.AM, "2025-03-16T09:00", "2025-03-16T10:00",
                BorderSegment.TAVUSH).build();
        IncidentFacts f = incident(BorderSegment.TAVUSH, c.occurredAt(), c.occurredAt(), occurrence, List.of(c),
                List.of(), prior);
        assertThat(detect(new QuietBrokenDetector(), f, List.of(f), List.of()).isPresent()).as(occurrence.name())
                .isEqualTo(fires);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            three incidents then 31 days calm  | -100 -80 -31          | true
            calm of only 20 days               | -100 -80 -20          | false
            only two incidents before the calm | -80 -31               | false
            no history at all                  |                       | false
            old activity outside lookback      | -300 -250 -200 -31    | false
            calm of exactly 30 days            | -100 -80 -30          | true
            calm an hour short of 30 days      | -100 -80 -29.9583     | false
            exactly three, the oldest 90 days before the calm | -120 -80 -30 | true
            the oldest 90 days and an hour before the calm | -120.0417 -80 -30 | false
            """)
    void quietBroken(String name, String priorDays, boolean fires) {
        List<OffsetDateTime> prior = priorDays == null ? List.of() : Arrays.stream(priorDays.trim().split("\\s+"))
                .map(d -> BASE.plusSeconds(Math.round(Double.parseDouble(d) * 86400))).toList();
        IncidentReport c = claim(AZ_MOD, "q", Party.AM, "2025-03-16T09:00", "2025-03-16T10:00",
                BorderSegment.TAVUSH).build();
        IncidentFacts f = incident(BorderSegment.TAVUSH, c.occurredAt(), c.occurredAt(), Occurrence.UNVERIFIED,
                List.of(c), List.of(), prior);
        assertThat(detect(new QuietBrokenDetector(), f, List.of(f), List.of()).isPresent()).as(name)
                .isEqualTo(fires);
    }

    @org.junit.jupiter.api.Test
    void neighboursAreSymmetricAndReadFromTheDataFile() {
        assertThat(N.of(BorderSegment.SYUNIK_EAST)).contains(BorderSegment.LACHIN_CORRIDOR,
                BorderSegment.VAYOTS_DZOR_EAST);
        assertThat(N.of(BorderSegment.LACHIN_CORRIDOR)).contains(BorderSegment.SYUNIK_EAST);
        assertThat(N.of(BorderSegment.TAVUSH)).doesNotContain(BorderSegment.ARARAT, BorderSegment.TAVUSH);
    }

    /**
     * Two accounts of one exchange are no cycle (fifth round: each side blamed the other for fire "between 21:00 and
     * 21:40" and "at 21:15" near Berd): the other side's claim must have ended before this one began.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "overlapping accounts of one exchange, 2025-11-05T21:00, 2025-11-05T21:40, 2025-11-05T21:15, false",
            "the same start,                       2025-11-05T21:00, 2025-11-05T21:00, 2025-11-05T21:00, false",
            "starting at the moment the other ends, 2025-11-05T21:00, 2025-11-05T21:40, 2025-11-05T21:40, false",
            "a minute after the other ended,        2025-11-05T21:00, 2025-11-05T21:40, 2025-11-05T21:41, true",
            "the next night,                        2025-11-05T21:00, 2025-11-05T21:40, 2025-11-06T23:00, true"})
    void retaliationNeedsTheOtherSidesClaimToHaveEnded(String name, String firstAt, String firstUntil,
                                                      String secondAt, boolean fires) {
        IncidentReport first = claim(AM_MOD, "x1", Party.AZ, firstAt, "2025-11-05T22:30", BorderSegment.TAVUSH)
                .occurredUntil(t(firstUntil)).build();
        IncidentReport second = claim(AZ_MOD, "x2", Party.AM, secondAt, "2025-11-07T09:00", BorderSegment.TAVUSH)
                .build();
        List<ClaimRecord> history = List.of(record(first, BorderSegment.TAVUSH, Occurrence.UNVERIFIED),
                record(second, BorderSegment.TAVUSH, Occurrence.UNVERIFIED));
        assertThat(detect(new RetaliationDetector(), simple(second, BorderSegment.TAVUSH), List.of(), history)
                .isPresent()).as(name).isEqualTo(fires);
    }

    /**
     * Sixth round: a denial that accuses the other side instead ("false; on the contrary, Azerbaijani units fired at
     * our positions near Sotk at 18:10") tells the same exchange as the claim of fire from Sotk at 18:00 — no cycle —
     * when both claims are in one incident and name the same place or one names none; another village can be another
     * event and still follows; a claim of another incident (the next night) follows as before.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "same place ten minutes later,          Sotk,    Sotk,    2025-11-05T18:10, true,  false",
            "same place in other letter case,       Sotk,    sotk,    2025-11-05T18:10, true,  false",
            "the counter-claim names no place,      Sotk,    '',      2025-11-05T18:10, true,  false",
            "the claim names no place,              '',      Chinari, 2025-11-05T18:10, true,  false",
            "another village 2 h 45 later,          Berd,    Chinari, 2025-11-05T20:45, true,  true",
            "same place but another incident,       Sotk,    Sotk,    2025-11-06T03:00, false, true"})
    void aCounterAccusationAboutTheSameExchangeIsNoCycle(String name, String firstPlace, String secondPlace,
                                                         String secondAt, boolean sameIncident, boolean fires) {
        IncidentReport first = claim(AZ_MOD, "y1", Party.AM, "2025-11-05T18:00", "2025-11-06T08:30",
                BorderSegment.TAVUSH).location(new org.borderwatch.common.model.Location(List.of(BorderSegment.TAVUSH),
                false, firstPlace.isEmpty() ? null : firstPlace, null, null, null)).build();
        IncidentReport second = claim(AM_MOD, "y2", Party.AZ, secondAt, "2025-11-06T10:00", BorderSegment.TAVUSH)
                .location(new org.borderwatch.common.model.Location(List.of(BorderSegment.TAVUSH), false,
                        secondPlace.isEmpty() ? null : secondPlace, null, null, null)).build();
        IncidentFacts incident = sameIncident
                ? incident(BorderSegment.TAVUSH, first.occurredAt(), second.occurredUntil(), Occurrence.CONFIRMED,
                List.of(first, second), List.of(), List.of())
                : simple(second, BorderSegment.TAVUSH);
        List<ClaimRecord> history = List.of(record(first, BorderSegment.TAVUSH, Occurrence.UNVERIFIED),
                record(second, BorderSegment.TAVUSH, Occurrence.UNVERIFIED));
        assertThat(detect(new RetaliationDetector(), incident, List.of(), history).isPresent()).as(name)
                .isEqualTo(fires);
    }

    /** A late answer to a closed incident's claim moves the claim's remembered verdict (for the surge share). */
    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
            "UNVERIFIED, DENIAL,       DISPUTED",
            "DISPUTED,   DENIAL,       DISPUTED",
            "REFUTED,    DENIAL,       REFUTED",
            "CONFIRMED,  DENIAL,       CONFIRMED",
            "UNVERIFIED, REFUTATION,   REFUTED",
            "DISPUTED,   REFUTATION,   REFUTED",
            "CONFIRMED,  REFUTATION,   CONFIRMED",
            "UNVERIFIED, CONFIRMATION, CONFIRMED",
            "REFUTED,    CONFIRMATION, CONFIRMED",
            "UNVERIFIED, CLAIM,        UNVERIFIED",
            "UNVERIFIED, UNKNOWN,      UNVERIFIED"})
    void aLateAnswerMovesAClosedClaimsRememberedVerdict(Occurrence before,
                                                        org.borderwatch.common.model.Stance stance,
                                                        Occurrence after) {
        assertThat(ClaimRecord.answeredBy(before, stance)).isEqualTo(after);
    }
}
