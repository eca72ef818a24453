package org.borderwatch.observability;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published contract partners read (the AsyncAPI document in common) names the same rejection reasons ingest
 * gives: a reason added to ingest without the document, or the reverse, fails here.
 */
class PartnerContractTest {

    private static final Pattern CONSTANT = Pattern.compile("^\\s{4}([A-Z][A-Z_]+)\\s*[,;(]?", Pattern.MULTILINE);

    @Test
    void theAsyncApiRejectReasonsAreExactlyTheOnesIngestGives() throws IOException {
        JsonNode doc = Repo.yaml("common/src/main/resources/schemas/asyncapi.yaml");
        List<String> published = new ArrayList<>();
        doc.at("/components/messages/Rejected/headers/properties/bw-reject-reason/enum")
                .forEach(n -> published.add(n.asString()));

        String source = Files.readString(
                Repo.file("ingest-service/src/main/java/org/borderwatch/ingest/pipeline/RejectReason.java"));
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        String body = code.substring(code.indexOf('{') + 1);
        int end = body.indexOf(';'); // the constants end at the first ';', or with the enum
        body = body.substring(0, end >= 0 ? end : body.lastIndexOf('}'));
        List<String> given = new ArrayList<>();
        Matcher m = CONSTANT.matcher(body);
        while (m.find()) {
            given.add(m.group(1));
        }

        assertThat(given).as("RejectReason's constants").contains("MALFORMED", "SCHEMA_VIOLATION");
        assertThat(published).as("bw-reject-reason values in asyncapi.yaml").containsExactlyInAnyOrderElementsOf(given);
    }

    @Test
    void theAsyncApiRejectedHeadersAreTheCataloguesHeaderNames() {
        JsonNode doc = Repo.yaml("common/src/main/resources/schemas/asyncapi.yaml");
        List<String> published = new ArrayList<>();
        doc.at("/components/messages/Rejected/headers/properties").propertyNames().forEach(published::add);
        assertThat(published).containsExactlyInAnyOrder(org.borderwatch.common.topic.Topics.HEADER_REJECT_REASON,
                org.borderwatch.common.topic.Topics.HEADER_REJECT_DETAIL, org.borderwatch.common.topic.Topics.HEADER_SOURCE,
                org.borderwatch.common.topic.Topics.HEADER_PARTNER);
    }

    @Test
    void theRawCanonicalTopicTakesReportsWithoutTheFieldsIngestComputes() {
        JsonNode doc = Repo.yaml("common/src/main/resources/schemas/asyncapi.yaml");
        assertThat(doc.at("/channels/rawCanonical/messages/canonicalReport/$ref").asString())
                .isEqualTo("#/components/messages/CanonicalInput");
        String description = doc.at("/components/messages/CanonicalInput/description").asString();
        assertThat(description).contains("reportId", "receivedAt", "revision");
    }
}
