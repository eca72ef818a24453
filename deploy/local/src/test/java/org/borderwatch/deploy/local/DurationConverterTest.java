package org.borderwatch.deploy.local;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @ParameterizedTest
    @CsvSource({
            "30,      PT30S",
            "30s,     PT30S",
            "' 45 s', PT45S",
            "2m,      PT2M",
            "1h,      PT1H",
            "500ms,   PT0.5S",
            "PT90S,   PT1M30S",
            "pt2m,    PT2M",
    })
    void readsDurationsAsPeopleTypeThem(String text, String expected) {
        assertThat(converter.convert(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "30x", "-5", "PT-5S", "1.5m"})
    void refusesAnythingElseNamingTheAcceptedForms(String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining(text.trim().isEmpty() ? "not a duration" : text);
    }
}
