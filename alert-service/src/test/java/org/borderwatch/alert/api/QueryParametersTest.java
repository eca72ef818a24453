package org.borderwatch.alert.api;

import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParametersTest {

    @ParameterizedTest(name = "segment={0} segments={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-                 | -                     | ''",
            "TAVUSH            | -                     | TAVUSH",
            "-                 | TAVUSH                | TAVUSH",
            "'TAVUSH,ARARAT'   | -                     | TAVUSH ARARAT",
            "TAVUSH;ARARAT     | -                     | TAVUSH ARARAT",
            "'TAVUSH, ARARAT,' | KARABAKH;ARARAT       | TAVUSH ARARAT KARABAKH",
            "'TAVUSH,ARARAT'   | 'KARABAKH,SYUNIK_EAST'| TAVUSH ARARAT KARABAKH SYUNIK_EAST",
            "''                | -                     | ''",
    })
    void listFiltersTakeEitherNameRepeatedAndCommaSeparated(String singular, String plural, String expected) {
        Set<BorderSegment> got = QueryParameters.enums(BorderSegment.class, "segment", values(singular), "segments",
                values(plural));
        assertThat(got.stream().map(Enum::name).toList())
                .isEqualTo(expected.isEmpty() ? List.of() : List.of(expected.split(" ")));
    }

    /** {@code ;} separates repeated parameters in the table (the query string's {@code &}). */
    private static List<String> values(String s) {
        return s == null ? null : Arrays.asList(s.split(";", -1));
    }

    @Test
    void aBadValueNamesTheParameterAsSentAndTheAllowedValues() {
        assertThatThrownBy(() -> QueryParameters.enums(BorderSegment.class, "segment", List.of("TAVUSH"),
                "segments", List.of("ARARAT,SYUNIK")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("parameter 'segments'").hasMessageContaining("SYUNIK_EAST")
                .hasMessageContaining("got 'SYUNIK'");
        assertThatThrownBy(() -> QueryParameters.enums(Severity.class, "severity", List.of("high"), "severities",
                null)).hasMessageContaining("parameter 'severity'").hasMessageContaining("got 'high'");
    }

    @ParameterizedTest(name = "{0} + min {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "''            | -      | -",
            "''            | HIGH   | HIGH CRITICAL",
            "LOW HIGH      | -      | LOW HIGH",
            "LOW HIGH      | MEDIUM | HIGH",
            "LOW           | HIGH   | ''",
    })
    void namedSeveritiesAndMinSeverityMustBothHold(String named, Severity min, String expected) {
        Set<Severity> given = new TreeSet<>();
        for (String s : named.isEmpty() ? new String[0] : named.split(" ")) {
            given.add(Severity.valueOf(s));
        }
        Set<String> got = QueryParameters.severities(given, min);
        if (expected == null) {
            assertThat(got).as("no severity filter").isNull();
        } else {
            assertThat(got).containsExactlyInAnyOrderElementsOf(
                    expected.isEmpty() ? List.of() : List.of(expected.split(" ")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2026-11-21T00:00:00Z          | 2026-11-21T00:00:00Z",
            "2026-11-21T00:00:00+04:00     | 2026-11-20T20:00:00Z",
            "2026-11-21T00:00:00 04:00     | 2026-11-20T20:00:00Z",
            "2026-11-21T00:00:00.5 04:00   | 2026-11-20T20:00:00.5Z",
            "2026-11-21T00:00:00-03:30     | 2026-11-21T03:30:00Z",
            "' 2026-11-21T00:00:00 04:00 ' | 2026-11-20T20:00:00Z",
    })
    void dateTimesTakeZOrAnOffsetAndASpaceBeforeATrailingOffsetIsAPlus(String given, Instant expected) {
        assertThat(QueryParameters.instant("from", given)).isEqualTo(expected);
    }

    @Test
    void acknowledgedIsExactlyTrueOrFalseAndAbsentMeansEither() {
        assertThat(QueryParameters.bool("acknowledged", "true")).isTrue();
        assertThat(QueryParameters.bool("acknowledged", "false")).isFalse();
        assertThat(QueryParameters.bool("acknowledged", null)).isNull();
        for (String bad : List.of("maybe", "yes", "1", "TRUE", "", "true,false")) {
            assertThatThrownBy(() -> QueryParameters.bool("acknowledged", bad)).as(bad)
                    .isInstanceOf(ApiException.class)
                    .hasMessageContaining("parameter 'acknowledged' must be true or false")
                    .hasMessageContaining("got '" + bad + "'");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"yesterday", "2026-11-21", "2026-11-21T00:00:00", "2026-11-21T00:00:00 4:00",
            "2026-11-21 00:00:00 04:00", "2026-11-21T00:00:00  04:00"})
    void anythingElseIsRefusedNamingTheParameter(String given) {
        assertThatThrownBy(() -> QueryParameters.instant("to", given)).isInstanceOf(ApiException.class)
                .hasMessageContaining("parameter 'to'").hasMessageContaining("+04:00")
                .hasMessageContaining("got '" + given + "'");
    }

    /** API round 1, a-45: a range whose from is after its to matches nothing, so it is refused, as on the audit. */
    @ParameterizedTest(name = "from={0} to={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-                         | -                         | -",
            "2026-11-21T00:00:00Z      | -                         | -",
            "-                         | 2026-11-21T00:00:00Z      | -",
            "2026-11-21T00:00:00Z      | 2026-11-21T00:00:00Z      | -",
            "2026-11-21T04:00:00+04:00 | 2026-11-21T00:00:00Z      | -",
            "2026-11-21T00:00:01Z      | 2026-11-21T00:00:00Z      | parameter 'from' (2026-11-21T00:00:01Z) must not be after 'to' (2026-11-21T00:00:00Z)",
            "2026-11-21T05:00:00+04:00 | 2026-11-21T00:00:00Z      | parameter 'from' (2026-11-21T01:00:00Z) must not be after 'to' (2026-11-21T00:00:00Z)",
            "yesterday                 | today                     | parameter 'from' must be an ISO-8601 date-time with Z or an offset, such as 2025-03-16T10:40:00Z or 2025-03-16T14:40:00+04:00, got 'yesterday'; parameter 'to' must be an ISO-8601 date-time with Z or an offset, such as 2025-03-16T10:40:00Z or 2025-03-16T14:40:00+04:00, got 'today'",
    })
    void aWindowIsRefusedWhenFromIsAfterToOrEitherDoesNotParse(String from, String to, String refused) {
        if (refused == null) {
            QueryParameters.Window window = QueryParameters.window(from, to);
            assertThat(window.from()).isEqualTo(from == null ? null : QueryParameters.instant("from", from));
            assertThat(window.to()).isEqualTo(to == null ? null : QueryParameters.instant("to", to));
        } else {
            assertThatThrownBy(() -> QueryParameters.window(from, to)).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(String.join("; ", e.problems())).isEqualTo(refused));
        }
    }

    @Test
    void theQueryStringsNamesAreDecodedAndEachCountedOnce() {
        assertThat(QueryParameters.names(null)).isEmpty();
        assertThat(QueryParameters.names("segment=A&segment=B&from=2026-11-21T00:00:00+04:00&page&&sev%65rity=X"))
                .containsExactly("segment", "from", "page", "severity");
    }

    @Test
    void anUnknownNameIsNamedWithTheAllowedOnes() {
        var allowed = new TreeSet<>(List.of("segment", "segments", "page"));
        assertThat(QueryParameters.unknown(Set.of("segments", "page"), allowed)).isEmpty();
        assertThat(QueryParameters.unknown(new java.util.LinkedHashSet<>(List.of("sevrity", "page")), allowed))
                .containsExactly("parameter 'sevrity' is not known; allowed: page, segment, segments");
        assertThat(QueryParameters.unknown(Set.of("x"), new TreeSet<>()))
                .containsExactly("parameter 'x' is not known; this endpoint takes no query parameters");
    }
}
