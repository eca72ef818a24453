package org.borderwatch.ingest.api;

import org.borderwatch.ingest.config.IngestProperties;
import org.borderwatch.ingest.config.IngestProperties.ApiKey;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys(new IngestProperties.Api("X-Api-Key", List.of(
            new ApiKey("alpha", "key-a", Set.of("statement"), null, true),
            new ApiKey("beta", "key-b", Set.of("*"), null, true))));

    @Test
    void findsThePartnerOfAKnownKeyOnly() {
        assertThat(keys.partner("key-a")).map(ApiKey::partner).hasValue("alpha");
        assertThat(keys.partner("key-")).isEmpty();
        assertThat(keys.partner(null)).isEmpty();
        assertThat(keys.partner(" ")).isEmpty();
    }

    @Test
    void formatsAreAllowedPerPartner() {
        ApiKey alpha = keys.partner("key-a").orElseThrow();
        ApiKey beta = keys.partner("key-b").orElseThrow();
        assertThat(ApiKeys.allows(alpha, InputFormat.STATEMENT)).isTrue();
        assertThat(ApiKeys.allows(alpha, InputFormat.CANONICAL)).isFalse();
        assertThat(ApiKeys.allows(beta, InputFormat.ACLED)).isTrue();
    }

    @Test
    void theKeyIsNotPrintedInLogs() {
        assertThat(keys.partner("key-a").orElseThrow().toString()).doesNotContain("key-a");
    }
}
