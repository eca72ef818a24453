package org.borderwatch.alert.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Security review F7: bounded free text without control characters. */
class TextLimitsTest {

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("Tavush desk", null),
                Arguments.of("x".repeat(200), null),
                Arguments.of("Ереван · Bakı desk", null),
                Arguments.of("x".repeat(201), "name is 201 characters long; at most 200 are allowed"),
                Arguments.of("mail\r\nBcc: evil@attacker.example", "name contains the control character U+000D at "
                        + "position 5; it must be one line of text"),
                Arguments.of("two\nlines", "name contains the control character U+000A"),
                Arguments.of("tab\there", "U+0009"),
                Arguments.of("nul\u0000", "U+0000"),
                Arguments.of("del\u007f", "U+007F"),
                Arguments.of("c1\u0085", "U+0085"),
                Arguments.of("evil\u202Etxt.exe", "U+202E"),
                Arguments.of("isolate\u2066x", "U+2066"));
    }

    @ParameterizedTest
    @MethodSource("names")
    void namesAreOneBoundedLine(String value, String problem) {
        var found = TextLimits.name("name", value);
        if (problem == null) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).hasValueSatisfying(p -> assertThat(p).contains(problem));
        }
    }

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("seen\nwatching Sotk", null),
                Arguments.of("seen\r\nwatching Sotk", null),
                Arguments.of("y".repeat(2000), null),
                Arguments.of("y".repeat(2001), "comment is 2001 characters long; at most 2000 are allowed"),
                Arguments.of("lone\rreturn", "comment contains the control character U+000D at position 5; only line "
                        + "breaks are allowed"),
                Arguments.of("bell\u0007", "U+0007"),
                Arguments.of("\u001b[31mred", "U+001B"));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void textsMayBreakLinesButHoldNoOtherControl(String value, String problem) {
        var found = TextLimits.text("comment", value);
        if (problem == null) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).hasValueSatisfying(p -> assertThat(p).contains(problem));
        }
    }
}
