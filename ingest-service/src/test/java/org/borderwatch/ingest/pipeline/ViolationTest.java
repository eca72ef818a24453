package org.borderwatch.ingest.pipeline;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ViolationTest {

    @ParameterizedTest
    @CsvSource({"'',$", "/stance,$.stance", "/location/segments/0,$.location.segments[0]", "$.text,$.text",
            "/a~1b,$.a/b"})
    void jsonPointersBecomeJsonPaths(String pointer, String path) {
        assertThat(Violation.atPointer(pointer, "x").field()).isEqualTo(path);
    }
}
