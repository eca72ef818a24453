package org.borderwatch.alert.cap;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The element order of OASIS CAP 1.2 (the XML schema's sequences for alert, info and area, written down here from
 * the specification), and a check that a document's children follow it.
 */
public final class CapSchemaOrder {

    public static final List<String> ALERT = List.of("identifier", "sender", "sent", "status", "msgType", "source",
            "scope", "restriction", "addresses", "code", "note", "references", "incidents", "info");
    public static final List<String> INFO = List.of("language", "category", "event", "responseType", "urgency",
            "severity", "certainty", "audience", "eventCode", "effective", "onset", "expires", "senderName",
            "headline", "description", "instruction", "web", "contact", "parameter", "resource", "area");
    public static final List<String> AREA = List.of("areaDesc", "polygon", "circle", "geocode", "altitude",
            "ceiling");

    private CapSchemaOrder() {
    }

    public static List<String> childNames(Element parent) {
        List<String> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e.getLocalName());
            }
        }
        return out;
    }

    /** Every child of alert, each info and each area is a known element, in the schema's order. */
    public static void assertInSchemaOrder(Element alert) {
        assertOrder("alert", childNames(alert), ALERT);
        for (Node n = alert.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element info && "info".equals(info.getLocalName())) {
                assertOrder("info", childNames(info), INFO);
                for (Node m = info.getFirstChild(); m != null; m = m.getNextSibling()) {
                    if (m instanceof Element area && "area".equals(area.getLocalName())) {
                        assertOrder("area", childNames(area), AREA);
                    }
                }
            }
        }
    }

    private static void assertOrder(String block, List<String> names, List<String> order) {
        assertThat(order).as("elements of <%s> known to CAP 1.2", block).containsAll(names);
        List<Integer> positions = names.stream().map(order::indexOf).toList();
        assertThat(positions).as("<%s> children %s in CAP 1.2 order %s", block, names, order).isSorted();
    }
}
