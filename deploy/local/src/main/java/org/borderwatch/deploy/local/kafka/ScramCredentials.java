package org.borderwatch.deploy.local.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One SCRAM-SHA-512 user of an authenticated broker ({@code up --kafka-sasl-scram USER:PASSWORD}): the credential
 * bootstrapped into the KRaft metadata when the storage is formatted, the broker's own login on its inter-broker
 * listener, and the settings every client (the launcher's admin, the services) needs to connect.
 *
 * <p>Names and passwords are limited to letters, digits and {@code . _ - ~ + @ %}: the value goes unquoted into
 * the storage tool's {@code --add-scram} argument (where {@code , ] =} separate fields) and quoted into JAAS lines
 * (where {@code " \ ;} would end the value).
 */
public record ScramCredentials(String user, String password) {

    public static final String MECHANISM = "SCRAM-SHA-512";
    /** The client listener's protocol: SASL without TLS (TLS is a separate concern, see the README). */
    public static final String PROTOCOL = "SASL_PLAINTEXT";

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._~+@%-]+");

    public ScramCredentials {
        requireAllowed("user", user);
        requireAllowed("password", password);
    }

    /** {@code USER:PASSWORD} as given on the command line (the password may not contain a colon either). */
    public static ScramCredentials parse(String userColonPassword) {
        int colon = userColonPassword.indexOf(':');
        if (colon <= 0 || colon == userColonPassword.length() - 1) {
            throw new IllegalArgumentException("expected USER:PASSWORD (both non-empty)");
        }
        return new ScramCredentials(userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1));
    }

    /** The storage tool's argument that adds this user to the cluster metadata at format time. */
    public String storageToolArgument() {
        return MECHANISM + "=[name=" + user + ",password=" + password + "]";
    }

    /** The JAAS line of a SCRAM client logging in as this user ({@code sasl.jaas.config}). */
    public String clientJaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** The Kafka client settings that authenticate as this user. */
    public Map<String, String> clientProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("security.protocol", PROTOCOL);
        p.put("sasl.mechanism", MECHANISM);
        p.put("sasl.jaas.config", clientJaasConfig());
        return p;
    }

    /**
     * The same settings as the environment variables an operator gives the services (Spring Boot's
     * {@code spring.kafka.security.protocol} and {@code spring.kafka.properties.*}, as in deploy/k8s/README.md).
     */
    public Map<String, String> springEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_KAFKA_SECURITY_PROTOCOL", PROTOCOL);
        env.put("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", MECHANISM);
        env.put("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", clientJaasConfig());
        return env;
    }

    @Override
    public String toString() {
        return "ScramCredentials[user=" + user + ", password=***]";
    }

    private static void requireAllowed(String what, String value) {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("the SCRAM " + what + " may only contain letters, digits and . _ - ~ + @ %"
                    + ("user".equals(what) ? ", got '" + value + "'" : ""));
        }
    }
}
