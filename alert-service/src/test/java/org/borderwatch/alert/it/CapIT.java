package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.cap.CapSchemaOrder;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/v1/alerts/{id}} with {@code Accept: application/cap+xml}, checked element by element against
 * the required fields and value lists of OASIS CAP 1.2 (section 3.2).
 */
class CapIT extends AlertServiceITSupport {

    private static final String NS = "urn:oasis:names:tc:emergency:cap:1.2";

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String one(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("exactly one <%s>", name).hasSize(1);
        return found.get(0).getTextContent();
    }

    private static final String CAP_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}";

    private void assertValidCap(Element alert, String expectedMsgType) {
        assertThat(alert.getNamespaceURI()).isEqualTo(NS);
        assertThat(alert.getLocalName()).isEqualTo("alert");
        // alert block: identifier, sender, sent, status, msgType, scope are required
        assertThat(one(alert, "identifier")).matches("[^\\s,<&]+");
        assertThat(one(alert, "sender")).isEqualTo("it@borderwatch.invalid").matches("[^\\s,<&]+");
        assertThat(one(alert, "sent")).matches(CAP_TIME);
        assertThat(one(alert, "status")).isIn("Actual", "Exercise", "System", "Test", "Draft");
        assertThat(one(alert, "msgType")).isEqualTo(expectedMsgType);
        assertThat(one(alert, "scope")).isIn("Public", "Restricted", "Private");
        // info block: category, event, urgency, severity, certainty are required
        List<Element> infos = children(alert, "info");
        assertThat(infos).isNotEmpty();
        Element info = infos.get(0);
        assertThat(children(info, "category")).extracting(Element::getTextContent).isNotEmpty()
                .allMatch(c -> Set.of("Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env",
                        "Transport", "Infra", "CBRNE", "Other").contains(c));
        assertThat(one(info, "event")).isNotBlank();
        assertThat(one(info, "urgency")).isIn("Immediate", "Expected", "Future", "Past", "Unknown");
        assertThat(one(info, "severity")).isIn("Extreme", "Severe", "Moderate", "Minor", "Unknown");
        assertThat(one(info, "certainty")).isIn("Observed", "Likely", "Possible", "Unlikely", "Unknown");
        for (Element area : children(info, "area")) {
            assertThat(one(area, "areaDesc")).isNotBlank();
            for (Element circle : children(area, "circle")) {
                assertThat(circle.getTextContent()).matches("-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)? \\d+(\\.\\d+)?");
            }
            for (Element geocode : children(area, "geocode")) {
                assertThat(one(geocode, "valueName")).isNotBlank();
                assertThat(one(geocode, "value")).isNotBlank();
            }
        }
        // optional elements, where present, in the order of the CAP 1.2 schema; expires after sent
        CapSchemaOrder.assertInSchemaOrder(alert);
        String expires = one(info, "expires");
        assertThat(expires).matches(CAP_TIME);
        Duration validFor = Duration.between(OffsetDateTime.parse(one(alert, "sent")), OffsetDateTime.parse(expires));
        assertThat(validFor).isEqualTo("Cancel".equals(expectedMsgType) ? Duration.ofHours(1) : Duration.ofHours(24));
        for (Element p : children(info, "parameter")) {
            assertThat(one(p, "valueName")).isNotBlank();
            assertThat(one(p, "value")).isNotBlank();
        }
    }

    @Test
    void alertsRenderAsCapAlertThenUpdateThenCancelWithReferences() throws Exception {
        UUID incident = UUID.randomUUID();
        UUID alertId = AlertLifecycle.alertIdOf(incident);
        var time = Fixtures.EVENT_TIME.plusYears(4);
        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.SYUNIK_WEST, Severity.HIGH,
                Occurrence.CONFIRMED, false, time, SignalType.HEAVY_WEAPONS));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/alerts/" + alertId, "staff1")
                .statusCode() == 200);

        var first = call("GET", "/api/v1/alerts/" + alertId, "staff1", null, "application/cap+xml");
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/cap+xml"));
        Element fired = parse(first.body());
        assertValidCap(fired, "Alert");
        assertThat(children(fired, "references")).isEmpty();
        Element info = children(fired, "info").get(0);
        assertThat(one(info, "severity")).isEqualTo("Severe");
        assertThat(one(info, "urgency")).isEqualTo("Immediate");
        assertThat(one(info, "certainty")).isEqualTo("Observed");
        Element area = children(info, "area").get(0);
        assertThat(one(area, "areaDesc")).contains("SYUNIK_WEST");
        assertThat(one(area, "circle")).isEqualTo("39.3,45.95 40.0");
        Element geocode = children(area, "geocode").get(0);
        assertThat(one(geocode, "valueName")).isEqualTo("ISO3166-2");
        assertThat(one(geocode, "value")).isEqualTo("AM-SU");
        String firedId = one(fired, "identifier");
        String firedSent = one(fired, "sent");

        sendAssessments(Fixtures.assessment(incident, 2, BorderSegment.SYUNIK_WEST, Severity.CRITICAL,
                Occurrence.CONFIRMED, false, time, SignalType.HEAVY_WEAPONS));
        await().atMost(Duration.ofSeconds(30)).until(() -> call("GET", "/api/v1/alerts/" + alertId, "staff1", null,
                "application/cap+xml").body().contains("<msgType>Update</msgType>"));
        Element update = parse(call("GET", "/api/v1/alerts/" + alertId, "staff1", null, "application/cap+xml")
                .body());
        assertValidCap(update, "Update");
        assertThat(one(update, "references")).isEqualTo("it@borderwatch.invalid," + firedId + "," + firedSent);
        assertThat(one(children(update, "info").get(0), "severity")).isEqualTo("Extreme");

        sendAssessments(Fixtures.assessment(incident, 3, BorderSegment.SYUNIK_WEST, Severity.CRITICAL,
                Occurrence.CONFIRMED, true, time, SignalType.HEAVY_WEAPONS));
        await().atMost(Duration.ofSeconds(30)).until(() -> call("GET", "/api/v1/alerts/" + alertId, "staff1", null,
                "application/cap+xml").body().contains("<msgType>Cancel</msgType>"));
        Element cancel = parse(call("GET", "/api/v1/alerts/" + alertId, "staff1", null, "application/cap+xml")
                .body());
        assertValidCap(cancel, "Cancel");
        assertThat(one(cancel, "references").split(" ")).hasSize(2)
                .allMatch(r -> r.startsWith("it@borderwatch.invalid,borderwatch-" + alertId));
        assertThat(one(children(cancel, "info").get(0), "urgency")).isEqualTo("Past");
        assertThat(one(cancel, "identifier")).isEqualTo("borderwatch-" + alertId + "-3");
    }
}
