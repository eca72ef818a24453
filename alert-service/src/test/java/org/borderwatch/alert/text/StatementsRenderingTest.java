package org.borderwatch.alert.text;

import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.cap.CapRenderer;
import org.borderwatch.alert.cap.CapRendererTest;
import org.borderwatch.alert.cap.CapSchemaOrder;
import org.borderwatch.alert.delivery.Notification;
import org.borderwatch.alert.delivery.email.EmailRenderer;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.lifecycle.LifecycleSettings;
import org.borderwatch.alert.routing.DeliveryMode;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.TimeWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The statements behind a verdict and the link to it, as e-mail and CAP show them (review finding C15). */
class StatementsRenderingTest {

    private static final String BASE = "https://alerts.example.org/";
    private final AlertLifecycle lifecycle = new AlertLifecycle(
            Clock.fixed(Instant.parse("2025-03-17T09:00:00Z"), ZoneOffset.UTC),
            new LifecycleSettings(Duration.ZERO, Severity.HIGH, BASE));
    private final UUID incident = UUID.randomUUID();

    private final Assessment withStatements = Fixtures.withEvidence(
            Fixtures.assessment(incident, 1, BorderSegment.TAVUSH, Severity.HIGH, Occurrence.DISPUTED, false),
            Fixtures.statement("az-mod", "AZ MoD", Party.AZ, Stance.CLAIM, 20,
                    "https://mod.example.az/news/1?lang=en&id=7"),
            Fixtures.statement("am-mod", "AM MoD <Press>", Party.AM, Stance.DENIAL, 95,
                    "javascript:alert(document.cookie)"),
            Fixtures.statement("watch", null, Party.UNKNOWN, Stance.UNKNOWN, 100,
                    "https://x.example/\"onmouseover=\"alert(1)"),
            Fixtures.statement("obs", "Observers", Party.UNKNOWN, Stance.CONFIRMATION, 130, null));

    private Alert fired(Assessment a) {
        return lifecycle.onAssessment(null, a).message();
    }

    private static Notification notification(Alert... alerts) {
        return new Notification("d1", "s", "desk", "g", DeliveryMode.IMMEDIATE,
                OffsetDateTime.of(2025, 3, 17, 9, 0, 0, 0, ZoneOffset.UTC), List.of(alerts));
    }

    @Test
    void everyMessageCarriesTheStatementsAndTheVerdictLink() {
        Alert alert = fired(withStatements);

        assertThat(alert.evidence()).isEqualTo(withStatements.evidence());
        assertThat(alert.verdictUrl()).isEqualTo("https://alerts.example.org/api/v1/verdicts/" + incident);
        Alert without = new AlertLifecycle(Clock.systemUTC(), new LifecycleSettings(Duration.ZERO, Severity.HIGH))
                .onAssessment(null, Fixtures.assessment(incident, 1, BorderSegment.TAVUSH, Severity.HIGH,
                        Occurrence.DISPUTED, false)).message();
        assertThat(without.evidence()).isEmpty();
        assertThat(without.verdictUrl()).isNull();
    }

    @Test
    void plainTextListsEachStatementWithSourceStanceTimeAndAddress() {
        String text = EmailRenderer.text(notification(fired(withStatements)));

        assertThat(text).contains("Statements behind this verdict:\n"
                + "  • AZ MoD (az-mod): CLAIM, published 2025-03-16 11:00 +04:00 — https://mod.example.az/news/1?lang=en&id=7\n"
                + "  • AM MoD <Press> (am-mod): DENIAL, published 2025-03-16 12:15 +04:00 — javascript:alert(document.cookie)\n"
                + "  • watch: UNKNOWN, published 2025-03-16 12:20 +04:00 — https://x.example/\"onmouseover=\"alert(1)\n"
                + "  • Observers (obs): CONFIRMATION, published 2025-03-16 12:50 +04:00\n");
        assertThat(text).contains("Verdict and its history: https://alerts.example.org/api/v1/verdicts/" + incident);
        // review finding C17: the event window in the border's local time, the same form as the statements
        assertThat(text).contains("Event time 2025-03-16 10:40 to 11:10 +04:00\n");
        assertThat(EmailRenderer.html(notification(fired(withStatements))))
                .contains("<p>Event time 2025-03-16 10:40 to 11:10 +04:00</p>");
    }

    @Test
    void htmlLinksOnlyHttpAddressesAndEscapesEverything() {
        String html = EmailRenderer.html(notification(fired(withStatements)));

        assertThat(html).contains("<li>AZ MoD (az-mod): CLAIM, published 2025-03-16 11:00 +04:00 — "
                + "<a href=\"https://mod.example.az/news/1?lang=en&amp;id=7\">"
                + "https://mod.example.az/news/1?lang=en&amp;id=7</a></li>");
        assertThat(html).contains("<li>AM MoD &lt;Press&gt; (am-mod): DENIAL, published 2025-03-16 12:15 +04:00 — "
                + "javascript:alert(document.cookie)</li>");
        assertThat(html).contains("— https://x.example/&quot;onmouseover=&quot;alert(1)</li>");
        assertThat(html).doesNotContain("href=\"javascript").doesNotContain("<Press>")
                .doesNotContain("\"onmouseover");
        assertThat(links(html)).containsExactly("https://mod.example.az/news/1?lang=en&amp;id=7",
                "https://alerts.example.org/api/v1/verdicts/" + incident);
    }

    private static List<String> links(String html) {
        List<String> out = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("<a href=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void capLinksTheVerdictInWebAndEachReadableStatementAsAResource() throws Exception {
        Alert alert = fired(withStatements);
        Element cap = CapRendererTest.parse(new CapRenderer("it@borderwatch.example", "BorderWatch")
                .render(alert, List.of()));

        CapSchemaOrder.assertInSchemaOrder(cap);
        Element info = (Element) cap.getElementsByTagNameNS(CapRenderer.NAMESPACE, "info").item(0);
        assertThat(CapRendererTest.text(info, "web"))
                .isEqualTo("https://alerts.example.org/api/v1/verdicts/" + incident);
        assertThat(CapRendererTest.text(info, "description")).contains("Statements behind this verdict:\n"
                + "- AZ MoD (az-mod): CLAIM, published 2025-03-16 11:00 +04:00 — https://mod.example.az/news/1?lang=en&id=7\n"
                + "- AM MoD <Press> (am-mod): DENIAL, published 2025-03-16 12:15 +04:00 — javascript:alert(document.cookie)");
        var resources = info.getElementsByTagNameNS(CapRenderer.NAMESPACE, "resource");
        assertThat(resources.getLength()).as("only the http(s) statement is a resource").isEqualTo(1);
        Element resource = (Element) resources.item(0);
        assertThat(CapRendererTest.text(resource, "resourceDesc"))
                .isEqualTo("Statement: AZ MoD (az-mod): CLAIM, published 2025-03-16 11:00 +04:00");
        assertThat(CapRendererTest.text(resource, "mimeType")).isEqualTo("text/html");
        assertThat(CapRendererTest.text(resource, "uri")).isEqualTo("https://mod.example.az/news/1?lang=en&id=7");
    }

    @Test
    void capWithoutLinkOrStatementsHasNoWebAndNoResource() throws Exception {
        Alert alert = new AlertLifecycle(Clock.systemUTC(), new LifecycleSettings(Duration.ZERO, Severity.HIGH))
                .onAssessment(null, Fixtures.assessment(incident, 1, BorderSegment.TAVUSH, Severity.HIGH,
                        Occurrence.DISPUTED, false)).message();
        Element cap = CapRendererTest.parse(new CapRenderer("it@borderwatch.example", "BorderWatch")
                .render(alert, List.of()));

        assertThat(cap.getElementsByTagNameNS(CapRenderer.NAMESPACE, "web").getLength()).isZero();
        assertThat(cap.getElementsByTagNameNS(CapRenderer.NAMESPACE, "resource").getLength()).isZero();
        assertThat(CapRendererTest.text(cap, "description")).doesNotContain("Statements");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<b>x</b>",
            "https://x.example/\"><script>", "https://x.example/'onclick='x'", "//x.example/path", "mailto:a@b.example",
            "https://x.example/a b", "http:/no-host", "  ", "vbscript:msgbox"})
    void onlyAbsoluteHttpAddressesBecomeLinks(String url) {
        assertThat(PeopleText.link(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://mod.example.az/news/1?lang=en&id=7", "HTTP://Example.org/", "http://127.0.0.1:8083/x"})
    void httpAddressesAreLinks(String url) {
        assertThat(PeopleText.link(url)).contains(url);
    }

    @Test
    void oneInstantIsWrittenOnceAndEveryTimeInTheBordersZone() {
        OffsetDateTime utc = OffsetDateTime.of(2026, 11, 19, 2, 40, 0, 0, ZoneOffset.UTC);
        assertThat(PeopleText.window(new TimeWindow(utc, utc))).isEqualTo("2026-11-19 06:40 +04:00");
        assertThat(PeopleText.window(new TimeWindow(utc, utc.plusMinutes(30)))).isEqualTo("2026-11-19 06:40 to 07:10 +04:00");
        assertThat(PeopleText.window(new TimeWindow(utc, utc.plusHours(20))))
                .isEqualTo("2026-11-19 06:40 to 2026-11-20 02:40 +04:00");
        assertThat(PeopleText.time(utc.withOffsetSameInstant(ZoneOffset.ofHours(-5)))).isEqualTo("2026-11-19 06:40 +04:00");
    }

    @Test
    void publicBaseUrlMustBeAnAbsoluteHttpAddress() {
        assertThat(LifecycleSettings.normalizedBaseUrl("http://localhost:8083//")).isEqualTo("http://localhost:8083");
        assertThat(LifecycleSettings.normalizedBaseUrl("")).isNull();
        assertThatThrownBy(() -> LifecycleSettings.normalizedBaseUrl("javascript:alert(1)"))
                .hasMessageContaining("absolute http(s) URL");
        assertThatThrownBy(() -> LifecycleSettings.normalizedBaseUrl("alerts.example.org"))
                .hasMessageContaining("absolute http(s) URL");
        assertThatThrownBy(() -> LifecycleSettings.normalizedBaseUrl("https://alerts.example.org/?x=1"))
                .hasMessageContaining("absolute http(s) URL");
    }
}
