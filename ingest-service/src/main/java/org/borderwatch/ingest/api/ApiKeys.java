package org.borderwatch.ingest.api;

import org.borderwatch.ingest.config.IngestProperties;
import org.borderwatch.ingest.config.IngestProperties.ApiKey;
import org.borderwatch.ingest.pipeline.InputFormat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Partners' API keys and the formats each may send; keys are compared in constant time. */
public final class ApiKeys {

    private final List<ApiKey> keys;

    public ApiKeys(IngestProperties.Api api) {
        this.keys = api.keys();
    }

    public Optional<ApiKey> partner(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        byte[] p = presented.getBytes(StandardCharsets.UTF_8);
        ApiKey match = null;
        for (ApiKey k : keys) {
            if (MessageDigest.isEqual(p, k.key().getBytes(StandardCharsets.UTF_8))) {
                match = k;
            }
        }
        return Optional.ofNullable(match);
    }

    public static boolean allows(ApiKey key, InputFormat format) {
        return key.formats().stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).equals(format.id()) || f.equals("*"));
    }
}
