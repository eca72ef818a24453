package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.killed;
import static org.borderwatch.common.model.BorderSegment.GEGHARKUNIK;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;
import static org.borderwatch.common.model.BorderSegment.TAVUSH;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Party;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replay audit of batch 49 (c19, task 1): a report assessed alone — beyond the grace, or a retrospective claim — has
 * its own incident, whose versions are the report's revisions. alert-service keeps every version unique on (incident,
 * version) and ignores one not newer than the latest, so a correction published as version 1 again (as it was) never
 * reached staff. A redelivery is a duplicate with no output, also after the housekeeping has trimmed the histories.
 */
public class AssessedAloneCorrectionTest {

    private final ClassifierEngine engine = ClassifierEngine.withDefaults();
    private int fresh;

    enum Kind {
        /** Published 11 days behind stream time (beyond the grace of 7 days). */
        LATE,
        /** Published 31 days behind stream time: beyond grace + quiet period, where the seen history is trimmed. */
        LATE_BY_A_MONTH,
        /** The anniversary statement: a claim published a year after its event, in order. */
        RETROSPECTIVE
    }

    private void setUp(Kind kind) {
        if (kind == Kind.RETROSPECTIVE) {
            List.of(RetrospectiveClaimTest.offensive(), RetrospectiveClaimTest.mortar(), RetrospectiveClaimTest.october())
                    .forEach(engine::process);
        } else {
            engine.process(claim(AZ_MOD, "a", Party.AM, "2025-01-10T10:00", "2025-01-10T12:00", SYUNIK_EAST).build());
            engine.process(claim(AZ_MOD, "later", Party.AM, "2025-01-20T10:00", "2025-01-20T12:00", GEGHARKUNIK)
                    .build());
        }
    }

    /** Revision {@code revision} of the report assessed alone; each revision gives other casualty figures. */
    private static IncidentReport alone(Kind kind, int revision) {
        return switch (kind) {
            case LATE -> claim(AZ_MOD, "old", Party.AM, "2025-01-09T10:00", "2025-01-09T12:00", SYUNIK_EAST)
                    .revision(revision).casualties(killed(revision, 0, Party.AZ)).build();
            case LATE_BY_A_MONTH -> claim(AZ_MOD, "old", Party.AM, "2024-12-20T10:00", "2024-12-20T12:00",
                    SYUNIK_EAST).revision(revision).casualties(killed(revision, 0, Party.AZ)).build();
            case RETROSPECTIVE -> RetrospectiveClaimTest.anniversaryBuilder().revision(revision).casualties(killed(206 + revision, 0, Party.AM)).build();
        };
    }

    /** A report in order, a day after stream time, far from the others: the engine trims its histories after it. */
    private IncidentReport inOrder() {
        fresh++;
        java.time.OffsetDateTime at = engine.streamTime().orElseThrow().plusDays(1);
        return claim(AZ_MOD, "fresh-" + fresh, Party.AM, "2020-01-01T00:00", "2020-01-01T00:00", TAVUSH)
                .occurredAt(at.minusHours(2)).publishedAt(at).build();
    }

    /**
     * Deliveries: a revision number, or {@code n} for an unrelated report in order (its output is not looked at).
     * Expected: per delivery the version every assessment it gives has ({@code -}: a duplicate, no output; {@code .}:
     * not looked at).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "beyond the grace: redelivery, correction, old revision, second correction | LATE            | 1 1 2 1 2 3 | 1 - 2 - - 3",
        "beyond the grace: the correction first, then the first revision            | LATE            | 2 1 3       | 2 - 3",
        "a month behind: remembered past the trim                                   | LATE_BY_A_MONTH | 1 n 1 n 2 2 | 1 . - . 2 -",
        "retrospective: redelivery, correction, old revision, second correction     | RETROSPECTIVE   | 1 1 2 1 3   | 1 - 2 - 3",
        "retrospective: remembered past the trim                                    | RETROSPECTIVE   | 1 n 1 n 2   | 1 . - . 2",
    })
    void aCorrectionOfAReportAssessedAloneIsTheNextVersionOfTheSameIncident(String name, Kind kind,
                                                                           String deliveries, String expected) {
        setUp(kind);
        String[] given = deliveries.trim().split("\\s+");
        String[] want = expected.trim().split("\\s+");
        Set<UUID> incidents = null;
        List<Assessment> alone = new ArrayList<>();
        for (int i = 0; i < given.length; i++) {
            if (given[i].equals("n")) {
                engine.process(inOrder());
                continue;
            }
            int revision = Integer.parseInt(given[i]);
            ClassifierEngine.Result result = engine.process(alone(kind, revision));
            if (want[i].equals("-")) {
                assertThat(result.outcome()).as("delivery %d (revision %d)", i + 1, revision)
                        .isEqualTo(ClassifierEngine.Outcome.DUPLICATE);
                assertThat(result.assessments()).isEmpty();
                continue;
            }
            assertThat(result.outcome()).as("delivery %d", i + 1).isEqualTo(ClassifierEngine.Outcome.LATE);
            List<Assessment> own = result.assessments().stream()
                    .filter(a -> a.reportIds().values().stream().flatMap(List::stream)
                            .anyMatch(alone(kind, 1).reportId()::equals)).toList();
            long version = Long.parseLong(want[i]);
            assertThat(own).as("delivery %d", i + 1).isNotEmpty().allSatisfy(a -> {
                assertThat(a.version()).isEqualTo(version);
                assertThat(a.closed()).isTrue();
                // the corrected content: its revision and its figures
                assertThat(a.evidence()).singleElement().satisfies(e -> assertThat(e.revision()).isEqualTo(revision));
                assertThat(a.casualties()).singleElement().satisfies(c -> assertThat(c.killed())
                        .isEqualTo(kind == Kind.RETROSPECTIVE ? 206 + revision : revision));
            });
            Set<UUID> ids = own.stream().map(Assessment::incidentId).collect(Collectors.toSet());
            if (incidents == null) {
                incidents = ids;
            }
            assertThat(ids).as("the same incident(s) as the first delivery").isEqualTo(incidents);
            alone.addAll(own);
        }
        // what alert-service needs: per incident, every version newer than the one before
        alone.stream().collect(Collectors.groupingBy(Assessment::incidentId)).values().forEach(versions ->
                assertThat(versions).extracting(Assessment::version).isSorted().doesNotHaveDuplicates());
    }

    /**
     * c19: the verdict sentence of a claim assessed alone says what is true of it — it is closed at once and compared
     * with nothing — not "no one has answered the claim yet", which reads as an open claim waiting for answers. Guard:
     * a claim in an open incident keeps that sentence.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "beyond the grace      | LATE            | Occurrence UNVERIFIED: the claim is assessed alone and closed, so no answer to it is weighed; nothing in this assessment confirms or denies it.",
        "a month behind        | LATE_BY_A_MONTH | Occurrence UNVERIFIED: the claim is assessed alone and closed, so no answer to it is weighed; nothing in this assessment confirms or denies it.",
        "retrospective         | RETROSPECTIVE   | Occurrence UNVERIFIED: the claim is assessed alone and closed, so no answer to it is weighed; nothing in this assessment confirms or denies it.",
        "guard: in order, open |                 | Occurrence UNVERIFIED: no one has answered the claim yet.",
    })
    void aClaimAssessedAloneSaysItIsComparedWithNothing(String name, Kind kind, String sentence) {
        setUp(kind == null ? Kind.LATE : kind);
        IncidentReport claim = kind == null ? inOrder() : alone(kind, 1);
        List<Assessment> own = engine.process(claim).assessments().stream().filter(a -> a.reportIds().values()
                .stream().flatMap(List::stream).anyMatch(claim.reportId()::equals)).toList();
        assertThat(own).isNotEmpty().allSatisfy(a -> {
            assertThat(a.closed()).isEqualTo(kind != null);
            assertThat(a.rationale()).contains(sentence);
            if (kind != null) {
                assertThat(a.rationale()).noneMatch(x -> x.contains("no one has answered"));
            }
        });
    }

    /**
     * c20, task 2: a report beyond the grace naming several segments is assessed alone in each of them (the design's one
     * incident per segment, as c19 did for retrospective claims) — it stood in its first segment only. Each its own id
     * from the segment and the report id, the same verdict, casualties, signals and severity; one late report counted.
     * A report naming no segment, or an ambiguous place, stands in UNRESOLVED alone. A correction is the next version
     * in each of them.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a claim, three segments       | CLAIM  | GEGHARKUNIK SYUNIK_EAST VAYOTS_DZOR_EAST | false | GEGHARKUNIK SYUNIK_EAST VAYOTS_DZOR_EAST",
        "a claim, two segments         | CLAIM  | SYUNIK_EAST TAVUSH                        | false | SYUNIK_EAST TAVUSH",
        "a claim, one segment          | CLAIM  | TAVUSH                                    | false | TAVUSH",
        "a claim naming no segment     | CLAIM  | UNRESOLVED                                | false | UNRESOLVED",
        "a claim, ambiguous of two     | CLAIM  | GEGHARKUNIK TAVUSH                        | true  | UNRESOLVED",
        "a denial, two segments        | DENIAL | GEGHARKUNIK TAVUSH                        | false | GEGHARKUNIK TAVUSH",
    })
    void aReportBeyondTheGraceIsAssessedAloneInEachSegmentItNames(String name,
                                                                  org.borderwatch.common.model.Stance stance,
                                                                  String named, boolean ambiguous, String expected) {
        setUp(Kind.LATE);
        List<org.borderwatch.common.model.BorderSegment> segments = Arrays.stream(named.trim().split("\\s+"))
                .map(org.borderwatch.common.model.BorderSegment::valueOf).toList();
        List<org.borderwatch.common.model.BorderSegment> want = Arrays.stream(expected.trim().split("\\s+"))
                .map(org.borderwatch.common.model.BorderSegment::valueOf).toList();
        org.borderwatch.common.model.Location place = new org.borderwatch.common.model.Location(segments, ambiguous,
                null, null, null, null);
        for (int revision = 1; revision <= 2; revision++) {
            IncidentReport late = (stance == org.borderwatch.common.model.Stance.CLAIM
                    ? claim(AZ_MOD, "old", Party.AM, "2025-01-09T10:00", "2025-01-09T12:00", SYUNIK_EAST)
                    .casualties(killed(revision, 0, Party.AZ))
                    : org.borderwatch.classifier.TestReports.denial(org.borderwatch.classifier.TestReports.AM_MOD,
                    "old", "2025-01-09T12:00", Party.AZ, "2025-01-09", "2025-01-09", SYUNIK_EAST))
                    .location(place).revision(revision).build();
            ClassifierEngine.Result result = engine.process(late);
            assertThat(result.outcome()).isEqualTo(ClassifierEngine.Outcome.LATE);
            List<Assessment> own = result.assessments();
            assertThat(own).extracting(Assessment::segment).containsExactlyElementsOf(want);
            assertThat(own).extracting(Assessment::incidentId).containsExactlyElementsOf(want.stream()
                    .map(x -> org.borderwatch.common.Uuids.incidentId(x.name(), late.reportId())).toList());
            Assessment first = own.get(0);
            int version = revision;
            assertThat(own).allSatisfy(a -> {
                assertThat(a.closed()).isTrue();
                assertThat(a.version()).as("the revision, in every segment").isEqualTo(version);
                assertThat(a.occurrence()).isEqualTo(first.occurrence());
                assertThat(a.attribution()).isEqualTo(first.attribution());
                assertThat(a.casualties()).isEqualTo(first.casualties());
                assertThat(a.signals()).isEqualTo(first.signals());
                assertThat(a.severity()).isEqualTo(first.severity());
                assertThat(a.rationale()).anyMatch(x -> x.contains("assessed alone, not correlated"));
            });
            assertThat(engine.lateReports()).as("one late report per delivery, however many segments")
                    .isEqualTo(revision);
        }
    }

    enum Before {
        /** Its first revision opened an ordinary incident, still open (a re-telling kept it active) when it arrives. */
        PLACED_OPEN,
        /** Its first revision opened an ordinary incident of three versions, closed (and kept) when it arrives. */
        PLACED_CLOSED,
        /** Its first revision opened an ordinary incident a month before: evicted, and the report forgotten. */
        PLACED_FORGOTTEN,
        /** Guard: its first revision was itself beyond the grace, assessed alone under the report's own id. */
        ALONE
    }

    /**
     * c20, task 3: a correction beyond the grace of a report whose first revision opened an ordinary incident (id from
     * segment + report id, versions 1..n) shared that incident's id with version = its revision, not newer than n:
     * alert-service ignored it (or, the incident still open, a closed version would have resolved it). It is now an
     * incident apart (segment + " alone" + report id), version its revision, every further correction its next version;
     * the ordinary incident gets no version from it. Guard: a correction of a report assessed alone stays the next
     * version of that report's own incident (c19).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "placed, its incident still open      | PLACED_OPEN      | true",
        "placed, its incident closed and kept | PLACED_CLOSED    | true",
        "placed, evicted and forgotten        | PLACED_FORGOTTEN | true",
        "guard: assessed alone before         | ALONE            | false",
    })
    void aCorrectionBeyondTheGraceOfAReportPlacedInOrderIsAnIncidentApart(String name, Before before,
                                                                        boolean apart) {
        String published = before == Before.PLACED_FORGOTTEN ? "2024-12-20T12:00" : "2025-01-10T12:00";
        java.util.function.IntFunction<IncidentReport> revision = n -> claim(AZ_MOD, "first", Party.AM,
                published.substring(0, 11) + "10:00", published, SYUNIK_EAST).revision(n)
                .casualties(killed(n, 0, Party.AZ)).build();
        UUID own = org.borderwatch.common.Uuids.incidentId(SYUNIK_EAST.name(), revision.apply(1).reportId());
        long ordinaryVersions = 0;
        if (before == Before.ALONE) {
            engine.process(claim(AZ_MOD, "now", Party.AM, "2025-01-20T10:00", "2025-01-20T12:00", GEGHARKUNIK)
                    .build());
            assertThat(engine.process(revision.apply(1)).outcome()).isEqualTo(ClassifierEngine.Outcome.LATE);
        } else {
            ordinaryVersions = engine.process(revision.apply(1)).assessments().stream()
                    .filter(a -> a.incidentId().equals(own)).count();
            // a re-telling by another source two days later joins it (the ordinary incident's version 2)
            ordinaryVersions += engine.process(claim(org.borderwatch.classifier.TestReports.AZ_SBS, "again", Party.AM,
                            published.substring(0, 11) + "10:00",
                            before == Before.PLACED_OPEN ? "2025-01-17T12:00" : published.substring(0, 8) + "12T12:00",
                            SYUNIK_EAST).build())
                    .assessments().stream().filter(a -> a.incidentId().equals(own)).count();
            // stream time moves on: 2025-01-20 (the first revision 10 days behind), or two months on
            for (Assessment a : engine.process(claim(AZ_MOD, "now", Party.AM, "2025-01-20T10:00", "2025-01-20T12:00",
                    GEGHARKUNIK).build()).assessments()) {
                ordinaryVersions += a.incidentId().equals(own) ? 1 : 0;
            }
            if (before == Before.PLACED_FORGOTTEN) {
                engine.process(claim(AZ_MOD, "much-later", Party.AM, "2025-02-25T10:00", "2025-02-25T12:00",
                        GEGHARKUNIK).build());
            }
            assertThat(ordinaryVersions).as("the ordinary incident's versions").isGreaterThanOrEqualTo(2);
            assertThat(engine.heldIncidentIds().contains(own)).as("still held")
                    .isEqualTo(before != Before.PLACED_FORGOTTEN);
            assertThat(engine.state().incidents.stream().anyMatch(i -> i.id.equals(own))).as("still open")
                    .isEqualTo(before == Before.PLACED_OPEN);
        }
        UUID want = Assessor.aloneIncidentId(SYUNIK_EAST, revision.apply(1).reportId(), apart);
        assertThat(want.equals(own)).isEqualTo(!apart);
        for (int n = 2; n <= 3; n++) {
            ClassifierEngine.Result result = engine.process(revision.apply(n));
            assertThat(result.outcome()).as("revision %d", n).isEqualTo(ClassifierEngine.Outcome.LATE);
            int version = n;
            assertThat(result.assessments()).as("revision %d", n).singleElement().satisfies(a -> {
                assertThat(a.incidentId()).isEqualTo(want);
                assertThat(a.version()).isEqualTo(version);
                assertThat(a.closed()).isTrue();
                assertThat(a.casualties()).singleElement().satisfies(c -> assertThat(c.killed()).isEqualTo(version));
                assertThat(a.rationale().contains(Assessor.APART)).isEqualTo(apart);
            });
        }
        if (before == Before.PLACED_OPEN) {
            assertThat(engine.state().incidents.stream().anyMatch(i -> i.id.equals(own)))
                    .as("the ordinary incident is still open, untouched").isTrue();
        }
    }
}
