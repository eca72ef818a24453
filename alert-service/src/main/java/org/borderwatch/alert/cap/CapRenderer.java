package org.borderwatch.alert.cap;

import org.borderwatch.alert.text.PeopleText;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.Evidence;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.SignalType;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Renders an alert message as an OASIS CAP 1.2 document. */
public final class CapRenderer {

    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    public static final String MEDIA_TYPE = "application/cap+xml";

    /** How {@code info/description} begins when the message says what changed since the previous one. */
    public static final String WHAT_CHANGED = "What changed: ";
    /** How {@code info/description} introduces the statements behind the verdict. */
    public static final String STATEMENTS = "Statements behind this verdict:";
    /** The {@code mimeType} of a statement's resource: the partner's web page of the statement. */
    public static final String STATEMENT_MIME_TYPE = "text/html";
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    /** {@code alert.cap.expires-after} by default: how long a firing message's information stays current. */
    public static final Duration DEFAULT_EXPIRES_AFTER = Duration.ofHours(24);
    /** {@code alert.cap.cancel-expires-after} by default: how long a Cancel (all clear) is shown. */
    public static final Duration DEFAULT_CANCEL_EXPIRES_AFTER = Duration.ofHours(1);

    private final String sender;
    private final String senderName;
    private final Duration expiresAfter;
    private final Duration cancelExpiresAfter;
    private final SegmentAreas areas;

    public CapRenderer(String sender, String senderName) {
        this(sender, senderName, DEFAULT_EXPIRES_AFTER, DEFAULT_CANCEL_EXPIRES_AFTER, SegmentAreas.builtIn());
    }

    /**
     * @param expiresAfter       {@code expires} of an Alert/Update = {@code sent} + this
     * @param cancelExpiresAfter {@code expires} of a Cancel = {@code sent} + this
     * @param areas              geocodes and circles per segment
     */
    public CapRenderer(String sender, String senderName, Duration expiresAfter, Duration cancelExpiresAfter,
                       SegmentAreas areas) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.senderName = Objects.requireNonNull(senderName, "senderName");
        this.expiresAfter = positive(expiresAfter, "expiresAfter");
        this.cancelExpiresAfter = positive(cancelExpiresAfter, "cancelExpiresAfter");
        this.areas = Objects.requireNonNull(areas, "areas");
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        return d;
    }

    /** When the message's information stops being current: {@code sent} + the expiry of its kind. */
    public OffsetDateTime expires(Alert alert) {
        return alert.createdAt().plus(CapMapping.aboutTheResolved(alert) ? cancelExpiresAfter : expiresAfter);
    }

    public String sender() {
        return sender;
    }

    /** The CAP identifier of one message of an alert (no spaces, commas or reserved characters). */
    public static String identifier(Alert alert) {
        return "borderwatch-" + alert.alertId() + "-" + alert.sequence();
    }

    /**
     * CAP times: seconds precision with a numeric offset; UTC is written "-00:00", as CAP 1.2 requires
     * (no "Z").
     */
    public static String capTime(OffsetDateTime time) {
        String text = time.truncatedTo(ChronoUnit.SECONDS).format(CAP_TIME);
        return time.getOffset().equals(ZoneOffset.UTC) ? text.substring(0, text.length() - 6) + "-00:00" : text;
    }

    public String render(Alert alert, List<CapReference> earlier) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("alert");
            x.writeDefaultNamespace(NAMESPACE);
            element(x, "identifier", identifier(alert));
            element(x, "sender", sender);
            element(x, "sent", capTime(alert.createdAt()));
            element(x, "status", "Actual");
            element(x, "msgType", CapMapping.msgType(alert.event()));
            element(x, "scope", "Public");
            // CAP 1.2 order: ..., scope, restriction?, addresses?, code*, note?, references?, incidents?, info*
            // a withdrawn incident (merged into another, or dissolved) is a Cancel like a resolution, but says so
            java.util.Optional<org.borderwatch.alert.lifecycle.Withdrawal> withdrawal =
                    org.borderwatch.alert.lifecycle.Withdrawal.of(alert);
            element(x, "note", "BorderWatch alert " + alert.alertId() + " message " + alert.sequence()
                    + " (" + alert.event() + ")" + withdrawal.map(w -> ": " + w.words()).orElse(""));
            if (alert.event() != AlertEvent.FIRED && !earlier.isEmpty()) {
                element(x, "references", earlier.stream()
                        .map(r -> sender + "," + r.identifier() + "," + capTime(r.sent()))
                        .collect(Collectors.joining(" ")));
            }
            // a merged incident names the incident it went into too, so CAP consumers collate the two
            element(x, "incidents", alert.incidentId() + withdrawal.map(w -> w.mergedInto() == null ? ""
                    : " " + w.mergedInto()).orElse(""));

            x.writeStartElement("info");
            element(x, "language", "en-US");
            element(x, "category", "Security");
            element(x, "event", "Reported ceasefire incident");
            element(x, "responseType", CapMapping.responseType(alert, withdrawal.isPresent()));
            Occurrence occurrence = alert.review() != null ? alert.review().occurrence() : alert.occurrence();
            element(x, "urgency", CapMapping.urgency(alert));
            element(x, "severity", CapMapping.severity(alert.severity()));
            element(x, "certainty", CapMapping.certainty(occurrence));
            if (alert.window() != null) {
                element(x, "onset", capTime(alert.window().from()));
            }
            element(x, "expires", capTime(expires(alert)));
            element(x, "senderName", senderName);
            element(x, "headline", truncate(alert.summary() == null ? alert.segment().name() : alert.summary(), 160));
            StringBuilder description = new StringBuilder();
            withdrawal.ifPresent(w -> description.append(w.sentence()).append('\n'));
            // what changed since the previous message first: CAP 1.2 defines <description> as the description of
            // the event that occasioned this message, while <note> is "primarily intended for use with status
            // Exercise and msgType Error" (and here carries the message's place in its alert)
            if (!alert.changes().isEmpty()) {
                description.append(WHAT_CHANGED).append(String.join("; ", alert.changes())).append('\n');
            }
            if (alert.review() != null) {
                description.append("Reviewed by ").append(alert.review().reviewer()).append(": ")
                        .append(alert.review().occurrence());
                if (alert.review().note() != null) {
                    description.append(" — ").append(alert.review().note());
                }
                description.append('\n');
            }
            alert.rationale().forEach(r -> description.append(r).append('\n'));
            if (!alert.evidence().isEmpty()) {
                description.append(STATEMENTS).append('\n');
                for (Evidence e : alert.evidence()) {
                    description.append("- ").append(PeopleText.statement(e));
                    if (e.url() != null) {
                        description.append(" — ").append(e.url());
                    }
                    description.append('\n');
                }
            }
            element(x, "description", description.toString().strip());
            // CAP 1.2 order: description, instruction?, web?, contact?, parameter*, resource*, area*
            if (alert.verdictUrl() != null) {
                element(x, "web", alert.verdictUrl());
            }
            parameter(x, "severity", alert.severity().name());
            parameter(x, "occurrence", alert.occurrence().name());
            if (alert.attribution() != null) {
                parameter(x, "attribution", alert.attribution().name());
            }
            for (SignalType signal : alert.signals()) {
                parameter(x, "signal", signal.name());
            }
            parameter(x, "assessmentVersion", Long.toString(alert.assessmentVersion()));
            // each statement that can be read on the web is a resource: what it is in resourceDesc, its page in uri
            // (only http/https addresses; any other is in the description only)
            for (Evidence e : alert.evidence()) {
                var link = PeopleText.link(e.url());
                if (link.isPresent()) {
                    x.writeStartElement("resource");
                    element(x, "resourceDesc", "Statement: " + PeopleText.statement(e));
                    element(x, "mimeType", STATEMENT_MIME_TYPE);
                    element(x, "uri", link.get());
                    x.writeEndElement();
                }
            }
            x.writeStartElement("area");
            element(x, "areaDesc", "Armenia–Azerbaijan border, segment " + alert.segment().name());
            // CAP 1.2 order: areaDesc, polygon*, circle*, geocode*, altitude?, ceiling?
            SegmentAreas.Area area = areas.of(alert.segment());
            if (area.circle() != null) {
                element(x, "circle", area.circle().cap());
            }
            for (String code : area.geocodes()) {
                x.writeStartElement("geocode");
                element(x, "valueName", "ISO3166-2");
                element(x, "value", code);
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement(); // info
            x.writeEndElement(); // alert
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write CAP", e);
        }
        return out.toString();
    }

    private static void parameter(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement("parameter");
        element(x, "valueName", name);
        element(x, "value", value);
        x.writeEndElement();
    }

    private static void element(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
