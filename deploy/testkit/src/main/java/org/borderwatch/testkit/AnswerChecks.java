package org.borderwatch.testkit;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The expectations of a round's step, checked against one {@link ContractRound.Answer} (an HTTP answer, a request a
 * receiver recorded, a Kafka record's value): each wrong one as a line of text, none when it holds.
 */
final class AnswerChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> JSON_EXPECTATIONS = List.of("json", "jsonNot", "jsonEqual",
            "jsonEqualPointers", "jsonContains", "firstKey", "jsonPresent", "jsonAbsent", "jsonArrayContains",
            "jsonMatches", "headerEqualsJson");
    private static final List<String> XML_EXPECTATIONS = List.of("xml", "xmlContains", "xmlAbsent");
    private static final Pattern NTH = Pattern.compile("(.+)\\[(\\d+)]");

    private AnswerChecks() {
    }

    /** An HTTP step's {@code expect}: the status first, then everything about the answer. */
    static List<String> check(JsonNode expect, ContractRound.Answer answer) {
        List<String> wrong = new ArrayList<>();
        JsonNode status = expect.has("statusOneOf") ? expect.get("statusOneOf") : expect.get("status");
        List<Integer> statuses = new ArrayList<>();
        if (status.isArray()) {
            status.forEach(s -> statuses.add(s.asInt()));
        } else {
            statuses.add(status.asInt());
        }
        if (!statuses.contains(answer.status())) {
            wrong.add("status expected " + (status.isArray() ? "one of " + statuses : statuses.get(0)) + ", got "
                    + answer.status());
        }
        exactHeaders(expect, answer, wrong);
        wrong.addAll(body(expect, answer));
        return wrong;
    }

    /**
     * A receiver step's {@code last}: {@code headers} as name → regex of the whole value, {@code true} (present) or
     * {@code null} (absent), then everything about the body.
     */
    static List<String> checkLast(JsonNode last, ContractRound.Answer answer) {
        List<String> wrong = new ArrayList<>();
        last.path("headers").properties().forEach(e -> {
            String got = answer.header(e.getKey());
            JsonNode expected = e.getValue();
            if (expected.isNull()) {
                if (got != null) {
                    wrong.add("header " + e.getKey() + " expected absent, got " + got);
                }
            } else if (got == null) {
                wrong.add("header " + e.getKey() + " expected present, is absent");
            } else if (expected.isString() && !Pattern.compile(expected.asString()).matcher(got).matches()) {
                wrong.add("header " + e.getKey() + " expected to match " + expected.asString() + ", got " + got);
            }
        });
        wrong.addAll(body(last, answer));
        return wrong;
    }

    /** Content type, headers present or containing texts, the body's text, JSON and XML. */
    private static List<String> body(JsonNode expect, ContractRound.Answer answer) {
        List<String> wrong = new ArrayList<>();
        if (expect.hasNonNull("contentType")) {
            String expected = expect.get("contentType").asString();
            String got = Objects.requireNonNullElse(answer.header("Content-Type"), "(none)");
            if (!got.startsWith(expected)) {
                wrong.add("Content-Type expected " + expected + "…, got " + got);
            }
        }
        containedHeaders(expect, answer, wrong);
        for (JsonNode text : expect.path("bodyIncludes")) {
            if (!answer.body().contains(text(text))) {
                wrong.add("body expected to include '" + text(text) + "', does not");
            }
        }
        for (JsonNode text : expect.path("bodyExcludes")) {
            if (answer.body().contains(text(text))) {
                wrong.add("body expected without '" + text(text) + "', has it");
            }
        }
        if (JSON_EXPECTATIONS.stream().anyMatch(expect::has)) {
            checkJson(expect, answer, wrong);
        }
        if (XML_EXPECTATIONS.stream().anyMatch(expect::has)) {
            checkXml(expect, answer.body(), wrong);
        }
        return wrong;
    }

    private static void exactHeaders(JsonNode expect, ContractRound.Answer answer, List<String> wrong) {
        expect.path("headers").properties().forEach(e -> {
            String got = answer.header(e.getKey());
            String expected = e.getValue().isNull() ? null : e.getValue().asString();
            if (!Objects.equals(expected, got)) {
                wrong.add("header " + e.getKey() + " expected " + (expected == null ? "(absent)" : expected)
                        + ", got " + (got == null ? "(absent)" : got));
            }
        });
    }

    private static void containedHeaders(JsonNode expect, ContractRound.Answer answer, List<String> wrong) {
        for (JsonNode h : expect.path("headersPresent")) {
            if (answer.header(h.asString()) == null) {
                wrong.add("header " + h.asString() + " expected present, is absent");
            }
        }
        // every value of a repeated header counts, joined as one line would carry them
        expect.path("headersContain").properties().forEach(e -> {
            List<String> values = answer.values(e.getKey());
            String got = String.join(", ", values);
            e.getValue().forEach(text -> {
                if (values.isEmpty() || !got.contains(text(text))) {
                    wrong.add("header " + e.getKey() + " expected to contain '" + text(text) + "', got "
                            + (values.isEmpty() ? "(absent)" : got));
                }
            });
        });
        expect.path("headersNotContain").properties().forEach(e -> {
            String got = String.join(", ", answer.values(e.getKey()));
            e.getValue().forEach(text -> {
                if (got.contains(text(text))) {
                    wrong.add("header " + e.getKey() + " expected without '" + text(text) + "', got " + got);
                }
            });
        });
    }

    private static void checkJson(JsonNode expect, ContractRound.Answer answer, List<String> wrong) {
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (RuntimeException e) {
            wrong.add("body is not JSON");
            return;
        }
        expect.path("json").properties().forEach(e -> {
            JsonNode got = body.at(e.getKey());
            if (!got.equals(e.getValue())) {
                wrong.add("'" + e.getKey() + "' expected " + e.getValue() + ", got " + shown(got));
            }
        });
        expect.path("jsonNot").properties().forEach(e -> {
            if (body.at(e.getKey()).equals(e.getValue())) {
                wrong.add("'" + e.getKey() + "' expected not " + e.getValue() + ", is");
            }
        });
        for (String pairs : List.of("jsonEqual", "jsonEqualPointers")) {
            for (JsonNode pair : expect.path(pairs)) {
                JsonNode a = body.at(pair.get(0).asString());
                JsonNode b = body.at(pair.get(1).asString());
                if (a.isMissingNode() || !a.equals(b)) {
                    wrong.add("'" + pair.get(0).asString() + "' expected equal to '" + pair.get(1).asString()
                            + "', got " + shown(a) + " and " + shown(b));
                }
            }
        }
        expect.path("jsonContains").properties().forEach(e -> {
            JsonNode got = body.at(e.getKey());
            e.getValue().forEach(text -> {
                if (!got.isString() || !got.asString().contains(text(text))) {
                    wrong.add("'" + e.getKey() + "' expected to contain '" + text(text) + "', got " + shown(got));
                }
            });
        });
        expect.path("jsonMatches").properties().forEach(e -> {
            JsonNode got = body.at(e.getKey());
            if (!got.isString() || !Pattern.compile(e.getValue().asString()).matcher(got.asString()).find()) {
                wrong.add("'" + e.getKey() + "' expected to match " + e.getValue().asString() + ", got "
                        + shown(got));
            }
        });
        expect.path("headerEqualsJson").properties().forEach(e -> {
            String header = answer.header(e.getKey());
            JsonNode got = body.at(e.getValue().asString());
            if (header == null || !got.isString() || !header.equals(got.asString())) {
                wrong.add("header " + e.getKey() + " expected equal to '" + e.getValue().asString() + "', got "
                        + (header == null ? "(absent)" : header) + " and " + shown(got));
            }
        });
        // member order as the service wrote it: the tree keeps the order it was read in
        expect.path("firstKey").properties().forEach(e -> {
            JsonNode object = body.at(e.getKey());
            String first = object.isObject() && !object.isEmpty()
                    ? object.properties().iterator().next().getKey() : null;
            if (!e.getValue().asString().equals(first)) {
                wrong.add("'" + e.getKey() + "' expected to begin with member '" + e.getValue().asString()
                        + "', begins with " + (first == null ? "(none)" : "'" + first + "'"));
            }
        });
        for (JsonNode p : expect.path("jsonPresent")) {
            if (body.at(p.asString()).isMissingNode()) {
                wrong.add("'" + p.asString() + "' expected present, is absent");
            }
        }
        for (JsonNode p : expect.path("jsonAbsent")) {
            JsonNode got = body.at(p.asString());
            if (!got.isMissingNode()) {
                wrong.add("'" + p.asString() + "' expected absent, got " + got);
            }
        }
        expect.path("jsonArrayContains").properties().forEach(e -> {
            JsonNode array = body.at(e.getKey());
            for (JsonNode template : e.getValue()) {
                boolean found = array.isArray() && array.valueStream().anyMatch(el -> matches(template, el));
                if (!found) {
                    wrong.add("'" + e.getKey() + "' expected an element matching " + template + ", got "
                            + shown(array));
                }
            }
        });
    }

    /**
     * {@code jsonArrayContains}: a scalar template equals the element; an object template's members each match the
     * element's: {@code $gte} a number at least that, {@code $contains} a string with every text, {@code $absent}
     * missing or null (or present when false), any other value equal.
     */
    static boolean matches(JsonNode template, JsonNode element) {
        if (!template.isObject()) {
            return template.equals(element);
        }
        if (!element.isObject()) {
            return false;
        }
        return template.properties().stream().allMatch(m -> {
            JsonNode want = m.getValue();
            JsonNode got = element.get(m.getKey());
            if (want.isObject() && want.has("$gte")) {
                return got != null && got.isNumber() && got.asDouble() >= want.get("$gte").asDouble();
            }
            if (want.isObject() && want.has("$contains")) {
                return got != null && got.isString()
                        && want.get("$contains").valueStream().allMatch(t -> got.asString().contains(text(t)));
            }
            if (want.isObject() && want.has("$absent")) {
                return want.get("$absent").asBoolean() == (got == null || got.isNull());
            }
            return want.equals(got);
        });
    }

    /**
     * {@code xml} (path → exact trimmed text), {@code xmlContains} (path → texts) and {@code xmlAbsent} (paths): a
     * path is '/'-separated local names from the root, the first element of each name at each level, or the n-th
     * (1-based) with {@code name[n]}; namespaces and prefixes do not matter.
     */
    private static void checkXml(JsonNode expect, String body, List<String> wrong) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(body))).getDocumentElement();
        } catch (Exception e) {
            wrong.add("body is not XML: " + e.getMessage());
            return;
        }
        expect.path("xml").properties().forEach(e -> {
            Element found = element(root, e.getKey());
            String got = found == null ? null : found.getTextContent().trim();
            if (!e.getValue().asString().equals(got)) {
                wrong.add("XML " + e.getKey() + " expected '" + e.getValue().asString() + "', got "
                        + (got == null ? "(absent)" : "'" + got + "'"));
            }
        });
        expect.path("xmlContains").properties().forEach(e -> {
            Element found = element(root, e.getKey());
            String got = found == null ? null : found.getTextContent().trim();
            e.getValue().forEach(text -> {
                if (got == null || !got.contains(text(text))) {
                    wrong.add("XML " + e.getKey() + " expected to contain '" + text(text) + "', got "
                            + (got == null ? "(absent)" : "'" + got + "'"));
                }
            });
        });
        for (JsonNode p : expect.path("xmlAbsent")) {
            Element found = element(root, p.asString());
            if (found != null) {
                wrong.add("XML " + p.asString() + " expected absent, got '" + found.getTextContent().trim() + "'");
            }
        }
    }

    private static Element element(Element root, String path) {
        String[] names = path.replaceFirst("^/", "").split("/");
        if (!localName(root).equals(names[0])) {
            return null;
        }
        Element at = root;
        for (int i = 1; i < names.length && at != null; i++) {
            var nth = NTH.matcher(names[i]);
            String name = nth.matches() ? nth.group(1) : names[i];
            int wanted = nth.matches() ? Integer.parseInt(nth.group(2)) : 1;
            Element next = null;
            int seen = 0;
            for (Node n = at.getFirstChild(); n != null && next == null; n = n.getNextSibling()) {
                if (n instanceof Element child && localName(child).equals(name) && ++seen == wanted) {
                    next = child;
                }
            }
            at = next;
        }
        return at;
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }

    /** An expected text: a string as it is, a value a whole reference brought in as its JSON. */
    static String text(JsonNode node) {
        return node.isString() ? node.asString() : node.toString();
    }

    static String shown(JsonNode node) {
        return node.isMissingNode() ? "(absent)" : node.toString();
    }
}
