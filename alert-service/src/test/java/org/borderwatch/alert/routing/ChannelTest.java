package org.borderwatch.alert.routing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelTest {

    private static Channel channel(ChannelType type, String format) {
        return new Channel(type, "https://partner.example/hook", "desk@example.org", "border.alerts.partner.osce",
                "0123456789abcdef-secret", format);
    }

    @ParameterizedTest(name = "{0} with format ''{1}'' -> {2}")
    @CsvSource(nullValues = "none", value = {
            "WEBHOOK,none,json,none",
            "WEBHOOK,CAP,cap,none",
            "WEBHOOK,json,json,none",
            "WEBHOOK,xml,xml,channel.format must be json or cap",
            "EMAIL,none,none,none",
            "EMAIL,json,json,channel.format applies to webhooks only (json or cap); leave it out for a email channel",
            "EMAIL,cap,cap,channel.format applies to webhooks only",
            "KAFKA,none,none,none",
            "KAFKA,json,json,channel.format applies to webhooks only",
            "STREAM,none,none,none"})
    void formatIsAWebhookMatter(ChannelType type, String given, String format, String problem) {
        Channel c = channel(type, given);
        assertThat(c.format()).isEqualTo(format);
        if (problem == null) {
            assertThat(c.problems()).isEmpty();
        } else {
            assertThat(c.problems()).singleElement().asString().startsWith(problem);
        }
    }
}
