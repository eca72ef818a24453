package org.borderwatch.alert.cap;

import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.lifecycle.LifecycleSettings;
import org.borderwatch.alert.lifecycle.Transition;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;

public class CapRendererTest {

    private final AlertLifecycle lifecycle = new AlertLifecycle(
            Clock.fixed(Instant.parse("2024-02-13T09:15:30.123Z"), ZoneOffset.UTC),
            new LifecycleSettings(Duration.ZERO, Severity.HIGH));
    private final CapRenderer renderer = new CapRenderer("alerts@borderwatch.example", "BorderWatch");
    private final UUID incident = UUID.randomUUID();

    public static Element parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return d.getDocumentElement();
    }

    public static String text(Element parent, String name) {
        var nodes = parent.getElementsByTagNameNS(CapRenderer.NAMESPACE, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    @Test
    void firedAlertHasEveryRequiredCap12Element() throws Exception {
        Alert fired = lifecycle.onAssessment(null, Fixtures.assessment(incident, 1, SYUNIK_EAST, Severity.CRITICAL,
                Occurrence.CONFIRMED, false, SignalType.FATALITIES)).message();

        Element alert = parse(renderer.render(fired, List.of()));

        assertThat(alert.getLocalName()).isEqualTo("alert");
        assertThat(alert.getNamespaceURI()).isEqualTo("urn:oasis:names:tc:emergency:cap:1.2");
        assertThat(text(alert, "identifier")).isEqualTo("borderwatch-" + fired.alertId() + "-1")
                .doesNotContain(" ", ",", "<", "&");
        assertThat(text(alert, "sender")).isEqualTo("alerts@borderwatch.example");
        assertThat(text(alert, "sent")).isEqualTo("2024-02-13T09:15:30-00:00");
        assertThat(text(alert, "status")).isEqualTo("Actual");
        assertThat(text(alert, "msgType")).isEqualTo("Alert");
        assertThat(text(alert, "scope")).isEqualTo("Public");
        assertThat(text(alert, "references")).isNull();
        Element info = (Element) alert.getElementsByTagNameNS(CapRenderer.NAMESPACE, "info").item(0);
        assertThat(text(info, "category")).isEqualTo("Security");
        assertThat(text(info, "event")).isNotBlank();
        assertThat(text(info, "urgency")).isEqualTo("Immediate");
        assertThat(text(info, "severity")).isEqualTo("Extreme");
        assertThat(text(info, "certainty")).isEqualTo("Observed");
        assertThat(text(info, "onset")).isEqualTo("2025-03-16T10:40:00+04:00");
        assertThat(text(info, "description")).contains("AZ MoD claimed");
        Element area = (Element) info.getElementsByTagNameNS(CapRenderer.NAMESPACE, "area").item(0);
        assertThat(text(area, "areaDesc")).contains("SYUNIK_EAST");
    }

    @Test
    void anUpdateSaysWhatChangedFirstInItsDescriptionAndAFirstMessageDoesNot() throws Exception {
        Transition fired = lifecycle.onAssessment(null, Fixtures.assessment(incident, 1, SYUNIK_EAST, Severity.MEDIUM,
                Occurrence.DISPUTED, false));
        Alert refuted = lifecycle.onAssessment(fired.state(), Fixtures.assessment(incident, 2, SYUNIK_EAST,
                Severity.MEDIUM, Occurrence.REFUTED, false, SignalType.UNCORROBORATED_SURGE)).message();

        Element update = parse(renderer.render(refuted, List.of(new CapReference(
                CapRenderer.identifier(fired.message()), fired.message().createdAt()))));
        Element info = (Element) update.getElementsByTagNameNS(CapRenderer.NAMESPACE, "info").item(0);
        assertThat(text(update, "msgType")).isEqualTo("Update");
        assertThat(text(info, "description")).startsWith("What changed: occurrence DISPUTED -> REFUTED; new signal "
                + "UNCORROBORATED_SURGE\nAZ MoD claimed");
        assertThat(text(update, "note")).as("the note keeps naming the message, not why it was sent")
                .doesNotContain("What changed");

        Element first = parse(renderer.render(fired.message(), List.of()));
        assertThat(text(first, "description")).startsWith("AZ MoD claimed").doesNotContain("What changed");
    }

    @Test
    void updatesAndCancellationsReferenceEarlierMessages() throws Exception {
        Transition fired = lifecycle.onAssessment(null, Fixtures.assessment(incident, 1, SYUNIK_EAST, Severity.LOW,
                Occurrence.DISPUTED, false));
        Transition resolved = lifecycle.onAssessment(fired.state(), Fixtures.assessment(incident, 2, SYUNIK_EAST,
                Severity.LOW, Occurrence.DISPUTED, true));
        var earlier = new CapReference(CapRenderer.identifier(fired.message()), fired.message().createdAt());

        Element cancel = parse(renderer.render(resolved.message(), List.of(earlier)));

        assertThat(text(cancel, "msgType")).isEqualTo("Cancel");
        assertThat(text(cancel, "references"))
                .isEqualTo("alerts@borderwatch.example,borderwatch-" + fired.message().alertId()
                        + "-1,2024-02-13T09:15:30-00:00");
        assertThat(text(cancel, "urgency")).isEqualTo("Past");
        assertThat(text(cancel, "responseType")).isEqualTo("AllClear");
    }

    @Test
    void aRefutedFiringAlertIsNotImmediateWhetherReviewedOrNot() throws Exception {
        Transition fired = lifecycle.onAssessment(null, Fixtures.assessment(incident, 1, SYUNIK_EAST,
                Severity.CRITICAL, Occurrence.CONFIRMED, false));
        Transition reviewed = lifecycle.onReview(fired.state(), new org.borderwatch.common.model.Review(
                Occurrence.REFUTED, org.borderwatch.common.model.Attribution.CONTESTED, "nothing seen", "staff1",
                java.time.OffsetDateTime.parse("2025-03-16T12:00:00Z")));
        Element update = parse(renderer.render(reviewed.message(), List.of()));
        assertThat(text(update, "urgency")).isEqualTo("Unknown");
        assertThat(text(update, "certainty")).isEqualTo("Unlikely");
        assertThat(text(update, "severity")).isEqualTo("Extreme");

        Transition machine = lifecycle.onAssessment(null, Fixtures.assessment(UUID.randomUUID(), 1, SYUNIK_EAST,
                Severity.HIGH, Occurrence.REFUTED, false));
        assertThat(text(parse(renderer.render(machine.message(), List.of())), "urgency")).isEqualTo("Unknown");
        assertThat(text(parse(renderer.render(fired.message(), List.of())), "urgency")).isEqualTo("Immediate");
    }

    @ParameterizedTest
    @CsvSource({"CRITICAL,Extreme", "HIGH,Severe", "MEDIUM,Moderate", "LOW,Minor", "INFO,Minor"})
    void severityMapping(Severity severity, String cap) {
        assertThat(CapMapping.severity(severity)).isEqualTo(cap);
    }

    @ParameterizedTest
    @CsvSource({"CONFIRMED,Observed", "UNVERIFIED,Possible", "DISPUTED,Possible", "REFUTED,Unlikely"})
    void certaintyMapping(Occurrence occurrence, String cap) {
        assertThat(CapMapping.certainty(occurrence)).isEqualTo(cap);
    }

    @ParameterizedTest
    @CsvSource({"FIRED,Alert", "UPDATED,Update", "REVIEWED,Update", "RESOLVED,Cancel"})
    void msgTypeMapping(AlertEvent event, String cap) {
        assertThat(CapMapping.msgType(event)).isEqualTo(cap);
    }

    @Test
    void capTimesUseNumericOffsets() {
        assertThat(CapRenderer.capTime(OffsetDateTime.of(2025, 3, 17, 8, 0, 0, 5, ZoneOffset.ofHours(4))))
                .isEqualTo("2025-03-17T08:00:00+04:00");
    }

    @Test
    void everyMessageKindFollowsTheSchemaOrder() throws Exception {
        Transition fired = lifecycle.onAssessment(null, Fixtures.assessment(incident, 1, SYUNIK_EAST, Severity.HIGH,
                Occurrence.CONFIRMED, false, SignalType.FATALITIES));
        Transition updated = lifecycle.onAssessment(fired.state(), Fixtures.assessment(incident, 2, SYUNIK_EAST,
                Severity.CRITICAL, Occurrence.CONFIRMED, false, SignalType.FATALITIES));
        Transition resolved = lifecycle.onAssessment(updated.state(), Fixtures.assessment(incident, 3, SYUNIK_EAST,
                Severity.CRITICAL, Occurrence.CONFIRMED, true, SignalType.FATALITIES));
        var first = new CapReference(CapRenderer.identifier(fired.message()), fired.message().createdAt());
        var second = new CapReference(CapRenderer.identifier(updated.message()), updated.message().createdAt());

        for (Element doc : List.of(parse(renderer.render(fired.message(), List.of())),
                parse(renderer.render(updated.message(), List.of(first))),
                parse(renderer.render(resolved.message(), List.of(first, second))))) {
            CapSchemaOrder.assertInSchemaOrder(doc);
        }
        Element update = parse(renderer.render(updated.message(), List.of(first)));
        assertThat(CapSchemaOrder.childNames(update)).containsSubsequence("note", "references", "incidents", "info");
        Element info = (Element) update.getElementsByTagNameNS(CapRenderer.NAMESPACE, "info").item(0);
        assertThat(CapSchemaOrder.childNames(info)).containsSubsequence("certainty", "onset", "expires",
                "senderName", "parameter", "area");
        Element area = (Element) info.getElementsByTagNameNS(CapRenderer.NAMESPACE, "area").item(0);
        assertThat(CapSchemaOrder.childNames(area)).containsExactly("areaDesc", "circle", "geocode");
    }

    @Test
    void expiresIsSentPlusTheConfiguredTimeAndShorterForACancel() throws Exception {
        Transition fired = lifecycle.onAssessment(null, Fixtures.assessment(incident, 1, SYUNIK_EAST, Severity.LOW,
                Occurrence.UNVERIFIED, false));
        Transition resolved = lifecycle.onAssessment(fired.state(), Fixtures.assessment(incident, 2, SYUNIK_EAST,
                Severity.LOW, Occurrence.UNVERIFIED, true));
        Element firedInfo = info(parse(renderer.render(fired.message(), List.of())));
        assertThat(text(firedInfo, "expires")).isEqualTo("2024-02-14T09:15:30-00:00"); // sent + 24 h
        Element cancelInfo = info(parse(renderer.render(resolved.message(), List.of())));
        assertThat(text(cancelInfo, "expires")).isEqualTo("2024-02-13T10:15:30-00:00"); // sent + 1 h

        CapRenderer configured = new CapRenderer("a@b.invalid", "BW", Duration.ofHours(6), Duration.ofMinutes(15),
                SegmentAreas.builtIn());
        assertThat(text(info(parse(configured.render(fired.message(), List.of()))), "expires"))
                .isEqualTo("2024-02-13T15:15:30-00:00");
        assertThat(text(info(parse(configured.render(resolved.message(), List.of()))), "expires"))
                .isEqualTo("2024-02-13T09:30:30-00:00");
    }

    private static Element info(Element alert) {
        return (Element) alert.getElementsByTagNameNS(CapRenderer.NAMESPACE, "info").item(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = {
            "TAVUSH,AM-TV", "GEGHARKUNIK,AM-GR", "VAYOTS_DZOR_EAST,AM-VD", "VAYOTS_DZOR_WEST,AM-VD",
            "SYUNIK_EAST,AM-SU", "SYUNIK_WEST,AM-SU", "ARARAT,AM-AR", "LACHIN_CORRIDOR,AM-SU", "KARABAKH,none"})
    void everyLocatedSegmentHasACircleNearTheBorderAndItsProvinceCode(BorderSegment segment, String province)
            throws Exception {
        Alert fired = lifecycle.onAssessment(null, Fixtures.assessment(incident, 1, segment, Severity.MEDIUM,
                Occurrence.UNVERIFIED, false)).message();
        Element area = (Element) parse(renderer.render(fired, List.of()))
                .getElementsByTagNameNS(CapRenderer.NAMESPACE, "area").item(0);

        String circle = text(area, "circle");
        assertThat(circle).as("WGS 84 'lat,lon radius-km'").matches("-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)? \\d+(\\.\\d+)?");
        double lat = Double.parseDouble(circle.substring(0, circle.indexOf(',')));
        double lon = Double.parseDouble(circle.substring(circle.indexOf(',') + 1, circle.indexOf(' ')));
        double radius = Double.parseDouble(circle.substring(circle.indexOf(' ') + 1));
        // the Armenia–Azerbaijan border region, roughly; radii of a segment, not of a country
        assertThat(lat).isBetween(38.8, 41.4);
        assertThat(lon).isBetween(44.3, 47.2);
        assertThat(radius).isBetween(5.0, 60.0);

        var geocodes = area.getElementsByTagNameNS(CapRenderer.NAMESPACE, "geocode");
        if (province == null) {
            assertThat(geocodes.getLength()).isZero();
        } else {
            assertThat(geocodes.getLength()).isEqualTo(1);
            Element geocode = (Element) geocodes.item(0);
            assertThat(text(geocode, "valueName")).isEqualTo("ISO3166-2");
            assertThat(text(geocode, "value")).isEqualTo(province);
        }
    }

    @Test
    void anUnresolvedSegmentHasOnlyItsDescription() throws Exception {
        Alert fired = lifecycle.onAssessment(null, Fixtures.assessment(incident, 1, BorderSegment.UNRESOLVED,
                Severity.MEDIUM, Occurrence.UNVERIFIED, false)).message();
        Element area = (Element) parse(renderer.render(fired, List.of()))
                .getElementsByTagNameNS(CapRenderer.NAMESPACE, "area").item(0);
        assertThat(CapSchemaOrder.childNames(area)).containsExactly("areaDesc");
    }

    @Test
    void aCorrectionAfterClosureIsAPastUpdateReferencingEveryEarlierMessage() throws Exception {
        Transition fired = lifecycle.onAssessment(null, Fixtures.assessment(incident, 1, SYUNIK_EAST,
                Severity.MEDIUM, Occurrence.UNVERIFIED, false));
        Transition resolved = lifecycle.onAssessment(fired.state(), Fixtures.assessment(incident, 2, SYUNIK_EAST,
                Severity.MEDIUM, Occurrence.UNVERIFIED, true));
        Transition corrected = lifecycle.onAssessment(resolved.state(), Fixtures.assessment(incident, 3,
                SYUNIK_EAST, Severity.HIGH, Occurrence.CONFIRMED, true, SignalType.FATALITIES));
        var first = new CapReference(CapRenderer.identifier(fired.message()), fired.message().createdAt());
        var second = new CapReference(CapRenderer.identifier(resolved.message()), resolved.message().createdAt());

        Element update = parse(renderer.render(corrected.message(), List.of(first, second)));

        CapSchemaOrder.assertInSchemaOrder(update);
        String id = "borderwatch-" + corrected.message().alertId();
        assertThat(text(update, "identifier")).isEqualTo(id + "-3");
        assertThat(text(update, "msgType")).isEqualTo("Update");
        assertThat(text(update, "references")).isEqualTo("alerts@borderwatch.example," + id
                + "-1,2024-02-13T09:15:30-00:00 alerts@borderwatch.example," + id + "-2,2024-02-13T09:15:30-00:00");
        Element info = info(update);
        assertThat(text(info, "urgency")).isEqualTo("Past");
        assertThat(text(info, "responseType")).isEqualTo("AllClear");
        assertThat(text(info, "severity")).isEqualTo("Severe");
        assertThat(text(info, "certainty")).isEqualTo("Observed");
        assertThat(text(info, "expires")).as("a message about a past incident: sent + 1 h")
                .isEqualTo("2024-02-13T10:15:30-00:00");
        assertThat(text(info, "headline")).contains("corrected after closure");
    }
}
