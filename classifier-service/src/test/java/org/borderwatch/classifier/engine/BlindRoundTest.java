package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.borderwatch.classifier.engine.BlindRound.Row;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.Stance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every round of blind rows is checked for ({@link BlindRound}; one subclass a round): the replay (publication
 * order) gives exactly each row's finals, the core run live in order of arrival the same, a row with corrections its
 * latest revisions alone the same, and the state written to JSON and read back after every report the same versions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BlindRoundTest {

    private final BlindRound round;
    private final int rows;
    private final int finals;

    /** The round with this number, which holds so many rows and expects so many final incidents in all. */
    BlindRoundTest(int number, int rows, int finals) {
        this.round = BlindRound.of(number);
        this.rows = rows;
        this.finals = finals;
    }

    /** The round under test. */
    BlindRound round() {
        return round;
    }

    /** Every version the replay of this row produces, in order (a held-out batch is one row, one stream). */
    List<Assessment> versions(String rowId) {
        return new Replayer(ClassifierEngine.withDefaults()).replay(round.row(rowId).arriving()).versions();
    }

    /** This row's report ids to their sourceRefs. */
    Map<UUID, String> refs(String rowId) {
        return BlindRound.refs(round.row(rowId).arriving());
    }

    /** The sourceRefs of the reports some version of this row's replay holds, each once. */
    List<String> heldInAnyVersion(String rowId) {
        Map<UUID, String> refs = refs(rowId);
        return versions(rowId).stream().flatMap(a -> a.reportIds().values().stream()).flatMap(List::stream)
                .map(refs::get).distinct().toList();
    }

    /** The reports of a round of one row (a held-out batch), in order of arrival. */
    List<IncidentReport> arriving() {
        assertThat(round.rows()).as("a round of one row").hasSize(1);
        return round.rows().get(0).arriving();
    }

    /** The latest revision of the report with this sourceRef (a round of one row). */
    IncidentReport report(String sourceRef) {
        return arriving().stream().filter(r -> r.sourceRef().equals(sourceRef)).reduce((a, b) -> b).orElseThrow();
    }

    /** The reports of a round of one row with every revision of one sourceRef changed as {@code change} says. */
    List<IncidentReport> with(String sourceRef, Consumer<ObjectNode> change) {
        return with(arriving(), sourceRef, change);
    }

    /** These reports with every revision of one sourceRef changed as {@code change} says. */
    static List<IncidentReport> with(List<IncidentReport> reports, String sourceRef, Consumer<ObjectNode> change) {
        List<IncidentReport> out = new ArrayList<>();
        for (IncidentReport r : reports) {
            if (r.sourceRef().equals(sourceRef)) {
                ObjectNode node = Json.mapper().valueToTree(r);
                change.accept(node);
                r = Json.convert(node, IncidentReport.class);
            }
            out.add(r);
        }
        return out;
    }

    /** The reports of a round of one row without every revision of these sourceRefs. */
    List<IncidentReport> without(String... sourceRefs) {
        Set<String> gone = Set.of(sourceRefs);
        return arriving().stream().filter(r -> !gone.contains(r.sourceRef())).toList();
    }

    /** Every version the replay of these reports produces, in order. */
    static List<Assessment> replay(List<IncidentReport> reports) {
        return new Replayer(ClassifierEngine.withDefaults()).replay(reports).versions();
    }

    /** The report's event moved to this period, its answers (if any) to the same, published and received as given. */
    static Consumer<ObjectNode> during(String from, String to, String published) {
        return n -> {
            n.put("occurredAt", from);
            n.put("occurredUntil", to);
            if (n.get("answers") != null) {
                ((ObjectNode) n.get("answers")).put("from", from).put("to", to);
            }
            n.put("publishedAt", published);
            n.put("receivedAt", published);
        };
    }

    /**
     * The final of a claim's incident in a round of one row had the claim and its answer been of a period an observer's
     * "nothing seen" covers (each moved as given): refuted by that statement alone, REFUTED and INFO.
     */
    Assessment refutedHadItBeen(String claim, Consumer<ObjectNode> claimMoved, String answer,
            Consumer<ObjectNode> answerMoved, String refutation) {
        Map<UUID, String> refs = BlindRound.refs(arriving());
        Assessment refuted = last(incidentOf(replay(with(with(claim, claimMoved), answer, answerMoved)), refs, claim));
        assertThat(refuted.occurrence()).isEqualTo(Occurrence.REFUTED);
        assertThat(refuted.severity()).isEqualTo(Severity.INFO);
        assertThat(in(refuted, Stance.REFUTATION, refs)).containsExactly(refutation);
        return refuted;
    }

    /** What an assessment says of its incident, without the stream time it was written at. */
    static String verdict(Assessment a) {
        return a.incidentId() + " " + a.segment() + " " + a.window() + " " + a.reportIds() + " " + a.occurrence()
                + "/" + a.attribution() + " " + a.severity() + " " + a.signals() + " " + a.casualties() + " "
                + a.closure() + " " + a.evidence();
    }

    /** These finals by incident id, in its order. */
    static Map<UUID, Assessment> byIncident(List<Assessment> finals) {
        Map<UUID, Assessment> out = new TreeMap<>();
        finals.forEach(a -> out.put(a.incidentId(), a));
        return out;
    }

    /**
     * The core run live over a round of one row in its order of arrival, where the report with this sourceRef arrives
     * right after {@code after} though published before it: the core accepts it (not late), the replay of the same
     * reports (in order of publication) counts nothing late, and every final says what the replay's says, only perhaps
     * at another stream time.
     */
    OutOfOrder outOfOrder(String sourceRef, String after) {
        List<IncidentReport> arriving = arriving();
        List<String> order = arriving.stream().map(IncidentReport::sourceRef).toList();
        assertThat(order.indexOf(sourceRef)).isEqualTo(order.indexOf(after) + 1);
        assertThat(report(sourceRef).publishedAt()).isBefore(report(after).publishedAt());
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        List<Assessment> live = new ArrayList<>();
        int before = -1;
        for (IncidentReport r : arriving) {
            ClassifierEngine.Result result = engine.process(r);
            if (r.sourceRef().equals(sourceRef)) {
                assertThat(result.outcome()).isEqualTo(ClassifierEngine.Outcome.ACCEPTED);
                before = live.size();
            }
            live.addAll(result.assessments());
        }
        Replayer.Outcome replayed = new Replayer(ClassifierEngine.withDefaults()).replay(arriving);
        assertThat(replayed.late()).isZero();
        OutOfOrder run = new OutOfOrder(live, before, replayed.versions(),
                byIncident(new Replayer.Outcome(live, arriving.size(), 0, 0).finals()), byIncident(replayed.finals()));
        assertThat(run.liveFinals().values().stream().map(BlindRoundTest::verdict).toList())
                .isEqualTo(run.replayedFinals().values().stream().map(BlindRoundTest::verdict).toList());
        return run;
    }

    /**
     * A run in order of arrival ({@link #outOfOrder}): its versions, how many came before the report out of order
     * arrived, the replay's versions, and both runs' finals by incident.
     */
    record OutOfOrder(List<Assessment> live, int before, List<Assessment> replayed, Map<UUID, Assessment> liveFinals,
            Map<UUID, Assessment> replayedFinals) {

        /** The live versions written before the report out of order arrived. */
        List<Assessment> beforeItArrives() {
            return live.subList(0, before);
        }

        /** The live finals written at another stream time than the replay's. */
        List<Assessment> closedAtAnotherTime() {
            return liveFinals.values().stream().filter(a -> !a.asOf().isEqual(replayedFinals.get(a.incidentId())
                    .asOf())).toList();
        }
    }

    /** The sourceRefs of the reports a signal names. */
    static List<String> named(Signal signal, Map<UUID, String> refs) {
        return signal.reportIds().stream().map(refs::get).toList();
    }

    /** The sourceRefs of the reports a version holds in this stance. */
    static List<String> in(Assessment a, Stance stance, Map<UUID, String> refs) {
        return a.reportIds().getOrDefault(stance, List.of()).stream().map(refs::get).toList();
    }

    /** The signal of this type an assessment carries (it must carry one). */
    static Signal signal(Assessment a, SignalType type) {
        return a.signals().stream().filter(s -> s.type() == type).findFirst().orElseThrow();
    }

    /** The versions, in order, of the incident whose final holds the report with this sourceRef. */
    static List<Assessment> incidentOf(List<Assessment> versions, Map<UUID, String> refs, String sourceRef) {
        UUID id = versions.stream().filter(a -> holds(a, refs, sourceRef)).reduce((a, b) -> b).orElseThrow()
                .incidentId();
        return versions.stream().filter(a -> a.incidentId().equals(id)).toList();
    }

    /** Whether this version holds the report with this sourceRef, in any stance. */
    static boolean holds(Assessment a, Map<UUID, String> refs, String sourceRef) {
        return a.reportIds().values().stream().flatMap(List::stream).map(refs::get).anyMatch(sourceRef::equals);
    }

    static Assessment last(List<Assessment> versions) {
        return versions.get(versions.size() - 1);
    }

    /**
     * The versions of the incident of a denial that answers no known claim and waits over the period it answers, having
     * checked that every version lies in this segment and holds the denial alone, UNVERIFIED/CONTESTED, LOW, with no
     * signal, that the last starts at this local time and says that the claim it answers is not known.
     */
    static List<Assessment> waitingAlone(List<Assessment> versions, Map<UUID, String> refs, String sourceRef,
            BorderSegment segment, String from) {
        List<Assessment> waiting = incidentOf(versions, refs, sourceRef);
        assertThat(waiting).allSatisfy(a -> {
            assertThat(a.segment()).isEqualTo(segment);
            assertThat(a.reportIds()).containsOnlyKeys(Stance.DENIAL);
            assertThat(in(a, Stance.DENIAL, refs)).containsExactly(sourceRef);
            assertThat(a.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
            assertThat(a.attribution()).isEqualTo(Attribution.CONTESTED);
            assertThat(a.severity()).isEqualTo(Severity.LOW);
            assertThat(a.signals()).isEmpty();
        });
        assertThat(last(waiting).window().from().toLocalDateTime().toString()).isEqualTo(from);
        assertThat(last(waiting).rationale())
                .contains("Occurrence UNVERIFIED: the claim it answers is not known (yet).");
        return waiting;
    }

    /**
     * The versions of the incident whose final holds the report with this sourceRef, having checked that the segment
     * holds so many incidents, that this one carries QUIET_BROKEN alone in every version (MEDIUM, its rationale
     * starting so) and that no other incident of the segment carries any signal.
     */
    static List<Assessment> quietBrokenBy(List<Assessment> versions, Map<UUID, String> refs, BorderSegment segment,
            int incidents, String sourceRef, String rationale) {
        List<Assessment> inSegment = versions.stream().filter(a -> a.segment() == segment).toList();
        assertThat(inSegment.stream().map(Assessment::incidentId).distinct()).hasSize(incidents);
        List<Assessment> broken = incidentOf(versions, refs, sourceRef);
        assertThat(inSegment).filteredOn(a -> a.hasSignal(SignalType.QUIET_BROKEN)).containsExactlyElementsOf(broken);
        assertThat(inSegment).filteredOn(a -> !broken.contains(a)).allSatisfy(a -> assertThat(a.signals()).isEmpty());
        assertThat(broken).allSatisfy(a -> {
            assertThat(a.signals()).extracting(Signal::type).containsExactly(SignalType.QUIET_BROKEN);
            assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(a.signals().get(0).rationale()).startsWith(rationale);
        });
        return broken;
    }

    Stream<Arguments> cases() {
        return round.rows().stream().map(r -> Arguments.of(r.id() + " " + r.title(), r));
    }

    @Test
    void theFixtureHoldsItsRowsWithTheirReasons() {
        assertThat(round.rows()).hasSize(rows);
        assertThat(round.rows()).extracting(Row::id).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("r" + round.number() + "-"));
        assertThat(round.rows()).allSatisfy(r -> {
            assertThat(r.why()).as(r.id()).isNotBlank();
            assertThat(r.arriving()).as(r.id()).isNotEmpty();
            assertThat(r.expected()).as(r.id()).isNotEmpty();
        });
        assertThat(round.rows().stream().mapToInt(r -> r.expected().size()).sum()).as("expected finals")
                .isEqualTo(finals);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void replayGivesTheFinalsTheRowRequiresAndLiveInOrderOfArrivalTheSame(String name, Row row) {
        Map<UUID, String> refs = BlindRound.refs(row.arriving());
        List<String> expected = BlindRound.sorted(row.expected());
        List<Assessment> replayed = new Replayer(ClassifierEngine.withDefaults()).replay(row.arriving()).finals();
        assertThat(BlindRound.describe(replayed, refs, row.expected())).as("replay").isEqualTo(expected);
        assertThat(BlindRound.describe(EleventhRoundTest.live(row.arriving()), refs, row.expected()))
                .as("live, in order of arrival").isEqualTo(expected);
        // a report's latest revision decides, whatever came before it
        Map<UUID, IncidentReport> latest = new LinkedHashMap<>();
        row.arriving().forEach(r -> latest.merge(r.reportId(), r, (a, b) -> b.revision() > a.revision() ? b : a));
        if (latest.size() < row.arriving().size()) {
            List<Assessment> alone = new Replayer(ClassifierEngine.withDefaults())
                    .replay(List.copyOf(latest.values())).finals();
            assertThat(BlindRound.describe(alone, refs, row.expected())).as("the latest revisions alone")
                    .isEqualTo(expected);
        }
    }

    /** The state written after every report (as the stream's store keeps it) gives the same versions on restart. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theStateSurvivesARestartAfterEveryReport(String name, Row row) {
        EleventhRoundTest.assertTheStateSurvivesARestartAfterEveryReport(row.arriving());
    }
}
