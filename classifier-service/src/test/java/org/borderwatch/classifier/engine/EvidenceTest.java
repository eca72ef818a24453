package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.EUMA;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.denial;
import static org.borderwatch.classifier.TestReports.observer;
import static org.borderwatch.classifier.TestReports.t;
import static org.borderwatch.common.model.BorderSegment.GEGHARKUNIK;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.borderwatch.classifier.correlation.IncidentState;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Evidence;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Stance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The statements behind a verdict ({@code Assessment.evidence}): one entry per report the verdict read, in publication
 * order with ties broken by report id, the latest revision held of each, with its source, stance, time and link.
 */
class EvidenceTest {

    private final ClassifierEngine engine = ClassifierEngine.withDefaults();

    private List<Assessment> feed(IncidentReport... reports) {
        List<Assessment> out = new ArrayList<>();
        for (IncidentReport r : reports) {
            out.addAll(engine.process(r).assessments());
        }
        return out;
    }

    private static Assessment last(List<Assessment> out) {
        return out.get(out.size() - 1);
    }

    private static final IncidentReport SHOTS = claim(AZ_MOD, "ev-shots", Party.AM, "2026-11-18T06:10",
            "2026-11-18T09:30", SYUNIK_EAST).url("https://example.org/az/ev-shots").build();
    private static final IncidentReport DENIED = denial(AM_MOD, "ev-no", "2026-11-18T13:00", Party.AZ, "2026-11-18",
            "2026-11-18", SYUNIK_EAST).url("https://example.org/am/ev-no").build();
    private static final IncidentReport PATROLS = observer(EUMA, "ev-patrols", Stance.REFUTATION, "2026-11-18T11:15",
            "2026-11-18", "2026-11-18", SYUNIK_EAST).build();

    static Stream<Arguments> arrivals() {
        return Stream.of(
                Arguments.of("in publication order", List.of(SHOTS, PATROLS, DENIED)),
                Arguments.of("the observer's statement before the claim it covers", List.of(PATROLS, SHOTS, DENIED)),
                Arguments.of("the denial last published but heard first", List.of(DENIED, SHOTS, PATROLS)));
    }

    /**
     * Whatever order the statements arrive in (within the grace), the evidence lists them by publication: the claim,
     * the observer's refutation (through its coverage: no member, still behind the verdict), the denial — each with
     * its stance, and the link only where the report had one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("arrivals")
    void listsTheStatementsInPublicationOrderWithTheirStances(String name, List<IncidentReport> arrival) {
        // stream time is publication time: hear them in the order given, each published when it says
        Assessment a = last(feed(arrival.toArray(IncidentReport[]::new)));
        assertThat(a.evidence()).extracting(Evidence::reportId)
                .containsExactly(SHOTS.reportId(), PATROLS.reportId(), DENIED.reportId());
        assertThat(a.evidence()).extracting(Evidence::stance)
                .containsExactly(Stance.CLAIM, Stance.REFUTATION, Stance.DENIAL);
        assertThat(a.evidence()).extracting(e -> e.source().id()).containsExactly("az-mod", "euma", "am-mod");
        assertThat(a.evidence()).extracting(Evidence::publishedAt)
                .containsExactly(t("2026-11-18T09:30"), t("2026-11-18T11:15"), t("2026-11-18T13:00"));
        assertThat(a.evidence()).extracting(Evidence::url)
                .containsExactly("https://example.org/az/ev-shots", null, "https://example.org/am/ev-no");
        assertThat(a.evidence()).extracting(Evidence::revision).containsOnly(1);
        // the same reports as reportIds, nothing more
        assertThat(a.evidence()).extracting(Evidence::reportId).containsExactlyInAnyOrderElementsOf(
                a.reportIds().values().stream().flatMap(List::stream).toList());
        // no url key at all for the observer's statement, which came without one
        String json = Json.write(a);
        assertThat(json).contains("\"url\":\"https://example.org/az/ev-shots\"");
        assertThat(json.split("\"url\"", -1)).hasSize(3);
    }

    @Test
    void reportsPublishedAtTheSameInstantAreOrderedByReportId() {
        IncidentReport one = claim(AZ_MOD, "same-1", Party.AM, "2026-11-18T06:10", "2026-11-18T09:30", SYUNIK_EAST)
                .build();
        IncidentReport two = claim(AM_MOD, "same-2", Party.AZ, "2026-11-18T06:20", "2026-11-18T09:30", SYUNIK_EAST)
                .build();
        List<UUID> expected = Stream.of(one, two).map(IncidentReport::reportId).sorted().toList();
        assertThat(last(feed(one, two)).evidence()).extracting(Evidence::reportId).containsExactlyElementsOf(expected);
        ClassifierEngine other = ClassifierEngine.withDefaults();
        other.process(two);
        List<Assessment> reversed = other.process(one).assessments();
        assertThat(last(reversed).evidence()).extracting(Evidence::reportId).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> corrections() {
        IncidentReport first = claim(AZ_MOD, "ev-fix", Party.AM, "2026-11-19T02:00", "2026-11-19T08:00", SYUNIK_EAST)
                .build();
        return Stream.of(
                Arguments.of("a new figure, corrected in place", first,
                        claim(AZ_MOD, "ev-fix", Party.AM, "2026-11-19T02:00", "2026-11-19T10:00", SYUNIK_EAST)
                                .casualties(org.borderwatch.classifier.TestReports.killed(0, 2, Party.AZ))
                                .url("https://example.org/az/ev-fix-2").revision(2).build()),
                Arguments.of("only the link added: still a new version, showing it", first,
                        claim(AZ_MOD, "ev-fix", Party.AM, "2026-11-19T02:00", "2026-11-19T10:00", SYUNIK_EAST)
                                .url("https://example.org/az/ev-fix-2").revision(2).build()),
                Arguments.of("a time moved beyond the gap: the report placed again", first,
                        claim(AZ_MOD, "ev-fix", Party.AM, "2026-11-19T20:00", "2026-11-19T21:00", SYUNIK_EAST)
                                .url("https://example.org/az/ev-fix-2").revision(2).build()));
    }

    /** A correction replaces its report's entry: one entry, the new revision, its publication time and its link. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corrections")
    void aCorrectionReplacesTheEarlierEntry(String name, IncidentReport first, IncidentReport corrected) {
        IncidentReport other = claim(AZ_MOD, "ev-other", Party.AM, "2026-11-19T03:00", "2026-11-19T09:00",
                SYUNIK_EAST).build();
        feed(first, other);
        List<Assessment> out = feed(corrected);
        Assessment now = out.stream().filter(a -> !a.closed()).filter(a -> a.evidence().stream()
                .anyMatch(e -> e.reportId().equals(corrected.reportId()))).reduce((x, y) -> y).orElseThrow();
        assertThat(now.evidence()).filteredOn(e -> e.reportId().equals(corrected.reportId())).singleElement()
                .satisfies(e -> {
                    assertThat(e.revision()).isEqualTo(2);
                    assertThat(e.url()).isEqualTo("https://example.org/az/ev-fix-2");
                    assertThat(e.publishedAt()).isEqualTo(corrected.publishedAt());
                });
        // in publication order: the corrected revision was published after the other claim
        assertThat(now.evidence().get(now.evidence().size() - 1).reportId()).isEqualTo(corrected.reportId());
        // no open incident lists the first revision any more
        for (IncidentState inc : engine.state().incidents) {
            assertThat(inc.last.evidence()).noneMatch(e -> e.reportId().equals(corrected.reportId())
                    && e.revision() == 1);
        }
    }

    @Test
    void theFinalVersionOfAQuietIncidentAndALateReportCarryTheirEvidence() {
        feed(SHOTS, DENIED);
        // three weeks later, elsewhere: the first incident closes
        List<Assessment> out = feed(claim(AZ_MOD, "ev-later", Party.AM, "2026-12-10T06:00", "2026-12-10T08:00",
                GEGHARKUNIK).build());
        Assessment closed = out.stream().filter(Assessment::closed).findFirst().orElseThrow();
        assertThat(closed.evidence()).extracting(Evidence::reportId)
                .containsExactly(SHOTS.reportId(), DENIED.reportId());
        // a report beyond the grace is assessed alone: its own evidence
        IncidentReport late = claim(AM_MOD, "ev-late", Party.AZ, "2026-11-01T06:00", "2026-11-01T08:00",
                GEGHARKUNIK).url("https://example.org/am/ev-late").build();
        Assessment alone = last(feed(late));
        assertThat(alone.closed()).isTrue();
        assertThat(alone.evidence()).singleElement().satisfies(e -> {
            assertThat(e.reportId()).isEqualTo(late.reportId());
            assertThat(e.url()).isEqualTo("https://example.org/am/ev-late");
        });
    }

    /**
     * State written by the previous release holds last versions without evidence: the first reassessment after the
     * upgrade issues no version that differs only by evidence; the next real change or the closing version carries
     * it.
     */
    @Test
    void anIncidentFromStateWithoutEvidenceGetsNoVersionForTheEvidenceAloneButShowsItWithItsNextChange() {
        feed(SHOTS);
        IncidentState inc = engine.state().incidents.get(0);
        String legacy = Json.write(inc).replaceAll(",\"evidence\":\\[[^\\]]*\\]", "");
        assertThat(legacy).doesNotContain("\"evidence\"");
        IncidentState restored = Json.read(legacy, IncidentState.class);
        assertThat(restored.last.evidence()).isEmpty();
        engine.state().incidents.set(0, restored);
        // a claim elsewhere: the old incident is reassessed, nothing changed but evidence would
        List<Assessment> out = feed(claim(AZ_MOD, "ev-elsewhere", Party.AM, "2026-11-18T10:00", "2026-11-18T10:30",
                GEGHARKUNIK).build());
        assertThat(out).noneMatch(a -> a.incidentId().equals(restored.id));
        // the denial changes it: the new version lists both statements
        Assessment changed = feed(DENIED).stream().filter(a -> a.incidentId().equals(restored.id))
                .reduce((x, y) -> y).orElseThrow();
        assertThat(changed.evidence()).extracting(Evidence::reportId)
                .containsExactly(SHOTS.reportId(), DENIED.reportId());
    }

    @Test
    void aClosingVersionOfAnIncidentFromStateWithoutEvidenceListsItsStatements() {
        feed(SHOTS);
        IncidentState inc = engine.state().incidents.get(0);
        IncidentState restored = Json.read(Json.write(inc).replaceAll(",\"evidence\":\\[[^\\]]*\\]", ""),
                IncidentState.class);
        engine.state().incidents.set(0, restored);
        Assessment closed = engine.advance(t("2026-12-15T00:00")).stream()
                .filter(a -> a.incidentId().equals(restored.id)).findFirst().orElseThrow();
        assertThat(closed.closed()).isTrue();
        assertThat(closed.evidence()).extracting(Evidence::reportId).containsExactly(SHOTS.reportId());
    }

    static Stream<Arguments> links() {
        return Stream.of(
                Arguments.of("https", "https://example.org/az/1", "https://example.org/az/1"),
                Arguments.of("http, upper case scheme", "HTTP://example.org/az/1?x=1#p", "HTTP://example.org/az/1?x=1#p"),
                Arguments.of("a script", "javascript:alert(document.cookie)", null),
                Arguments.of("a data URL", "data:text/html;base64,PHNjcmlwdD4=", null),
                Arguments.of("another scheme", "ftp://example.org/file", null),
                Arguments.of("no host", "https:///path", null),
                Arguments.of("a space inside", "https://example.org/a b", null),
                Arguments.of("a line break inside", "https://example.org/a\nSet-Cookie: x", null),
                Arguments.of("relative", "/az/1", null));
    }

    /** Only an absolute http(s) link reaches the evidence (security review F11); anything else is left out. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("links")
    void onlyAbsoluteHttpLinksAreEvidence(String name, String url, String expected) {
        IncidentReport r = claim(AZ_MOD, "link", Party.AM, "2026-11-18T06:10", "2026-11-18T09:30", SYUNIK_EAST)
                .url(url).build();
        assertThat(last(feed(r)).evidence()).singleElement()
                .satisfies(e -> assertThat(e.url()).isEqualTo(expected));
    }
}
