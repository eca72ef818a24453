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

    /** The validator names the object that lacks a property; the partner needs the property's own path. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$|required property 'publishedAt' not found|$.publishedAt",
            "''|required property 'occurredAt' not found|$.occurredAt",
            "$.source|required property 'kind' not found|$.source.kind",
            "/source|required property 'kind' not found|$.source.kind",
            "$.answers|$.answers: required property 'refs' not found|$.answers.refs",
            "$|required property 'odd name' not found|$['odd name']",
            // a validator that already names the missing property's place (common's JsonSchemas, newer versions)
            "/publishedAt|required property 'publishedAt' not found|$.publishedAt",
            "/source/kind|required property 'kind' not found|$.source.kind",
            "/odd name|required property 'odd name' not found|$['odd name']"})
    void aMissingPropertyIsNamedByItsOwnPath(String location, String message, String field) {
        Violation v = Violation.fromSchema(location, message);
        assertThat(v.field()).isEqualTo(field);
        assertThat(v.message()).isEqualTo("is required");
        assertThat(v).hasToString(field + ": is required");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$.stance|does not have a value in the enumeration [CLAIM]|$.stance",
            "/location/segments/0|is not a string|$.location.segments[0]"})
    void otherViolationsKeepTheirPathAndMessage(String location, String message, String field) {
        Violation v = Violation.fromSchema(location, message);
        assertThat(v.field()).isEqualTo(field);
        assertThat(v.message()).isEqualTo(message);
    }
}
