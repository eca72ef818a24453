package org.borderwatch.deploy.local.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a client reaches the broker's client listener: {@code PLAINTEXT}, {@code SASL_PLAINTEXT} (SCRAM),
 * {@code SSL} (TLS) or {@code SASL_SSL} (both), and the settings that go with it — as Kafka client properties (the
 * launcher's own clients) and as the environment variables an operator gives the services.
 *
 * @param scram the SCRAM user, or {@code null} for no authentication
 * @param tls   the broker's TLS material (only its truststore is used here), or {@code null} for no TLS
 */
public record KafkaClientSecurity(ScramCredentials scram, KafkaTls tls) {

    public static final KafkaClientSecurity NONE = new KafkaClientSecurity(null, null);

    public String protocol() {
        return (scram == null ? "" : "SASL_") + (tls == null ? "PLAINTEXT" : "SSL");
    }

    /** The client properties besides the bootstrap servers (none for {@code PLAINTEXT}). */
    public Map<String, String> clientProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        if (scram != null) {
            p.putAll(scram.clientProperties());
        }
        if (tls != null) {
            p.putAll(tls.clientProperties());
        }
        if (!p.isEmpty()) {
            p.put("security.protocol", protocol());
        }
        return p;
    }

    /** The same as {@code SPRING_KAFKA_*} variables (none for {@code PLAINTEXT}), as deploy/k8s/README.md lists them. */
    public Map<String, String> springEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (scram != null) {
            env.putAll(scram.springEnvironment());
        }
        if (tls != null) {
            env.putAll(tls.springEnvironment());
        }
        if (!env.isEmpty()) {
            env.put("SPRING_KAFKA_SECURITY_PROTOCOL", protocol());
        }
        return env;
    }
}
