package org.borderwatch.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;

/**
 * The incidents each of the first scenarios must give, written from the scenarios themselves (segment and the start
 * of the event window), and {@code all-scenarios.jsonl}, which is these scenarios together. Tests that replay or stream
 * a scenario check its incidents against this table instead of a count copied from the code's output: a wrong merge or
 * split fails even when it keeps the number.
 */
public final class ScenarioIncidents {

    /** One expected incident: its segment and how its window's start is written (a prefix of the ISO form). */
    public record Key(BorderSegment segment, String from) {
        boolean matches(Assessment a) {
            return a.segment() == segment && a.window().from().toString().startsWith(from);
        }

        @Override
        public String toString() {
            return segment + " from " + from;
        }
    }

    public static Key key(BorderSegment segment, String from) {
        return new Key(segment, from);
    }

    public static final String ALL = "all-scenarios.jsonl";

    /** Per scenario, its incidents, as ScenarioTest's rows name them. */
    public static final Map<String, List<Key>> FIRST = first();

    private static Map<String, List<Key>> first() {
        Map<String, List<Key>> m = new LinkedHashMap<>();
        // the March 2025 surge: five claims on five nights, split by EUMA's coverage
        m.put("march-2025-surge.jsonl", List.of(key(BorderSegment.SYUNIK_EAST, "2025-03-16"),
                key(BorderSegment.GEGHARKUNIK, "2025-03-16T23:30"), key(BorderSegment.SYUNIK_EAST, "2025-03-17"),
                key(BorderSegment.GEGHARKUNIK, "2025-03-18"), key(BorderSegment.SYUNIK_EAST, "2025-03-19")));
        // February 2024: the wounded of the 12th, the four killed at Nerkin Hand on the 13th
        m.put("february-2024-revenge.jsonl", List.of(key(BorderSegment.SYUNIK_EAST, "2024-02-12"),
                key(BorderSegment.SYUNIK_EAST, "2024-02-13")));
        // September 2022: Armenia's claim of the night of the 12th/13th in three segments, Azerbaijan's of the 12th in
        // two of them (joining Armenia's)
        m.put("september-2022-offensive.jsonl", List.of(key(BorderSegment.SYUNIK_EAST, "2022-09-1"),
                key(BorderSegment.GEGHARKUNIK, "2022-09-1"), key(BorderSegment.VAYOTS_DZOR_EAST, "2022-09-1")));
        // June 2024: two claims, each with its denial
        m.put("june-2024-nakhchivan.jsonl", List.of(key(BorderSegment.ARARAT, "2024-06-11"),
                key(BorderSegment.GEGHARKUNIK, "2024-06-21")));
        // July 2023: one self-reported detention in the corridor
        m.put("july-2023-lachin.jsonl", List.of(key(BorderSegment.LACHIN_CORRIDOR, "2023-07-29")));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The incidents of {@link #ALL}: those of every scenario in it. */
    public static List<Key> all() {
        return FIRST.values().stream().flatMap(List::stream).toList();
    }

    /** The reports of {@link #ALL} are those of the scenarios in {@link #FIRST}, no more, no fewer. */
    public static void assertAllIsTheFirstScenarios() {
        List<IncidentReport> parts = new ArrayList<>();
        FIRST.keySet().forEach(f -> parts.addAll(TestReports.fixture(f)));
        assertThat(TestReports.fixture(ALL)).containsExactlyInAnyOrderElementsOf(parts);
    }

    /**
     * The final assessments are exactly the expected incidents: each key matches one final, no two keys the same one,
     * and no final is left over.
     */
    public static void assertIncidents(Collection<Assessment> finals, Collection<Key> expected) {
        String summary = Replayer.summary(List.copyOf(finals));
        Set<UUID> matched = new HashSet<>();
        for (Key k : expected) {
            List<Assessment> hits = finals.stream().filter(k::matches).toList();
            assertThat(hits).as("incidents matching " + k + " in\n" + summary).hasSize(1);
            assertThat(matched.add(hits.get(0).incidentId())).as(k + " matches an incident another key matched")
                    .isTrue();
        }
        assertThat(finals).as("no incident beyond " + expected + " in\n" + summary).hasSameSizeAs(expected);
    }
}
