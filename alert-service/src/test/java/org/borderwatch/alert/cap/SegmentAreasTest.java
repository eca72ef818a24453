package org.borderwatch.alert.cap;

import org.borderwatch.common.model.BorderSegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentAreasTest {

    @Test
    void theBuiltInFileCoversEveryLocatedSegmentAndNotUnresolved() {
        SegmentAreas areas = SegmentAreas.builtIn();
        Arrays.stream(BorderSegment.values()).filter(BorderSegment::isResolved)
                .forEach(s -> assertThat(areas.of(s).circle()).as(s.name()).isNotNull());
        assertThat(areas.of(BorderSegment.UNRESOLVED)).isEqualTo(SegmentAreas.Area.NONE);
        assertThat(areas.of(BorderSegment.KARABAKH).geocodes()).isEmpty();
    }

    @Test
    void aConfiguredFileReplacesTheBuiltInOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("areas.json");
        Files.writeString(file, """
                {"segments": {"TAVUSH": {"geocodes": ["AM-TV", "AM-LO"], "circle": {"lat": 41.1, "lon": 45.0, "radiusKm": 12.5}}}}
                """, StandardCharsets.UTF_8);
        SegmentAreas areas = SegmentAreas.load(file);
        assertThat(areas.of(BorderSegment.TAVUSH).geocodes()).containsExactly("AM-TV", "AM-LO");
        assertThat(areas.of(BorderSegment.TAVUSH).circle().cap()).isEqualTo("41.1,45.0 12.5");
        assertThat(areas.of(BorderSegment.ARARAT)).as("not in the file: description only")
                .isEqualTo(SegmentAreas.Area.NONE);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"segments\": {\"SYUNIK\": {}}}|unknown segment 'SYUNIK'",
            "{\"segments\": {\"UNRESOLVED\": {}}}|UNRESOLVED has no location",
            "{\"segments\": {\"ARARAT\": {\"geocodes\": [\"Ararat\"]}}}|segment ARARAT: 'Ararat' is not an ISO 3166-2 code",
            "{\"segments\": {\"ARARAT\": {\"circle\": {\"lat\": 139.7, \"lon\": 44.8, \"radiusKm\": 20}}}}|segment ARARAT: circle needs -90<=lat<=90",
            "{\"segments\": {\"ARARAT\": {\"circle\": {\"lat\": 39.7, \"lon\": 44.8}}}}|circle needs numbers lat, lon and radiusKm",
            "{\"areas\": {}}|an object 'segments' is required",
            "not json|not valid JSON"})
    void aBadFileIsRefusedNamingTheProblem(String json, String message) {
        assertThatThrownBy(() -> SegmentAreas.parse(json.getBytes(StandardCharsets.UTF_8), "areas.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("areas.json: ")
                .hasMessageContaining(message);
    }
}
