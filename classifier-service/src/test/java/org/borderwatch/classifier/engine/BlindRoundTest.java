package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.borderwatch.classifier.engine.BlindRound.Row;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
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
