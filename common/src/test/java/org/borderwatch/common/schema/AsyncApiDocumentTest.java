package org.borderwatch.common.schema;

import org.borderwatch.common.topic.Topic;
import org.borderwatch.common.topic.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncApiDocumentTest {

    static JsonNode doc;

    @BeforeAll
    static void parse() throws Exception {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/schemas/asyncapi.yaml")) {
            assertThat(in).as("asyncapi.yaml beside the schemas").isNotNull();
            doc = new YAMLMapper().readTree(in);
        }
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(doc.path("asyncapi").asString()).startsWith("3.");
        assertThat(doc.path("channels").isObject()).isTrue();
    }

    @Test
    void describesEveryTopicOfTheCatalogueAndThePartnerTopicsAsAParameterisedChannel() {
        Set<String> addresses = new HashSet<>();
        Set<String> parameterised = new HashSet<>();
        doc.path("channels").forEach(channel -> {
            String address = channel.path("address").asString();
            (address.contains("{") ? parameterised : addresses).add(address);
            for (String parameter : address.replaceAll("[^{}]*\\{([^}]+)}[^{}]*", "$1 ").trim().split(" ")) {
                if (address.contains("{")) {
                    assertThat(channel.path("parameters").has(parameter)).as("parameter %s of %s", parameter, address)
                            .isTrue();
                }
            }
        });

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(
                Topics.all().stream().map(Topic::name).toList());
        assertThat(parameterised).containsExactly("border.alerts.partner.{partner}");
    }

    @Test
    void everyReferencedSchemaFileExistsAndEveryInternalRefResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);

        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertThat(doc.at(ref.substring(1)).isMissingNode()).as("internal ref %s", ref).isFalse();
            } else {
                String file = ref.replaceFirst("^\\./", "");
                assertThat(getClass().getResource("/schemas/" + file)).as("schema file %s", file).isNotNull();
            }
        }
        assertThat(refs).contains("./incident-report.schema.json", "./canonical-input.schema.json", "./assessment.schema.json",
                "./alert.schema.json", "./notification.schema.json");
    }

    @Test
    void catalogueSchemasExistToo() {
        Topics.all().stream().map(Topic::schema).filter(s -> s != null)
                .forEach(s -> assertThat(getClass().getResource("/schemas/" + s)).as(s).isNotNull());
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asString());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
