package org.borderwatch.acceptance;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ThrowingRunnable;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.deploy.local.LocalInfrastructure;
import org.borderwatch.deploy.local.kafka.KafkaClientSecurity;
import org.borderwatch.deploy.local.kafka.KafkaTls;
import org.borderwatch.deploy.local.kafka.ScramCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The Security section of deploy/k8s/README.md, checked for real: a broker that speaks TLS on every listener and
 * asks every client for SASL/SCRAM-SHA-512 (the launcher's {@code --kafka-tls --kafka-sasl-scram}: SASL_SSL), and
 * the three service jars started once, without a Spring profile, with only the environment variables that README
 * gives an operator — the Kafka security among them as {@code SPRING_KAFKA_SECURITY_PROTOCOL=SASL_SSL},
 * {@code SPRING_KAFKA_PROPERTIES_SASL_MECHANISM}, {@code SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG} and
 * {@code SPRING_KAFKA_SSL_TRUST_STORE_LOCATION|PASSWORD|TYPE}. A statement sent to ingest over HTTP must come out
 * as a normalised report, an assessment and an alert on {@code border.alerts} (so every binder, the Kafka Streams
 * one included, and alert-service's own producer connected over TLS and authenticated), every Kafka client the
 * services configured must say {@code SASL_SSL} with the operator's truststore, and the broker must refuse a client
 * without credentials, with a wrong password or speaking plain text, and a client without the truststore must
 * refuse the broker.
 *
 * <p>Its own system rather than a part of {@link BorderWatchAcceptanceIT}: that run is the developer's setup (the
 * launcher's plain-text broker and the {@code local} profile) and must stay so; this one is the operator's. It
 * sends one statement, so nearly all of its time is the services' start.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaAuthenticationIT {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);
    /** How long a refused client may try before its call fails (the broker never answers it). */
    private static final Duration REFUSED_CLIENT_TIMEOUT = Duration.ofSeconds(6);
    private static final String NORMALIZED = Topics.NORMALIZED.name();
    private static final String ASSESSMENTS = Topics.ASSESSMENTS.name();
    private static final String ALERTS = Topics.ALERTS.name();
    /** The first line of a Kafka client's configuration in its log, e.g. {@code ProducerConfig values:}. */
    private static final Pattern CONFIG_BLOCK = Pattern.compile("\\b(\\w+Config) values:");

    /** One principal for the three services: this test proves the wiring, not per-service ACLs. */
    private static final ScramCredentials SERVICES = new ScramCredentials("borderwatch-services", randomToken());
    private static final String PARTNER_KEY = randomToken();
    private static final String STAFF_PASSWORD = randomToken();

    private static BorderWatchSystem system;
    private static Api api;
    private static TopicRecorder topics;

    @BeforeAll
    static void startBorderWatchAsAnOperatorConfiguresIt() {
        Path runs = Path.of(System.getProperty("acceptance.work.dir", "target/acceptance-run")).toAbsolutePath();
        system = BorderWatchSystem.start(runs.resolveSibling(runs.getFileName() + "-kafka-sasl"), SERVICES, true,
                KafkaAuthenticationIT::operatorEnvironment);
        api = new Api(system);
        topics = new TopicRecorder(system.bootstrapServers(), system.kafkaClientSecurity(),
                List.of(NORMALIZED, ASSESSMENTS, ALERTS));
    }

    /**
     * The variables of deploy/k8s/README.md ("Configuration (environment)" and "Security"), with the values an
     * operator would put in the ConfigMap, the Deployments and the Secrets — and nothing else but
     * {@code SERVER_ADDRESS}, which keeps this test's APIs on localhost (it has nothing to do with Kafka).
     */
    private static Map<String, String> operatorEnvironment(String service, LocalInfrastructure infra, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers());
        env.put("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
        env.put("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule"
                + " required username=\"" + SERVICES.user() + "\" password=\"" + SERVICES.password() + "\";");
        // the CA an operator's clients trust; here the truststore of the launcher's self-signed broker certificate
        KafkaTls tls = infra.tls().orElseThrow();
        env.put("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", "file:" + tls.truststore().toAbsolutePath());
        env.put("SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD", tls.password());
        env.put("SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PKCS12");
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", "localhost");
        switch (service) {
            case BorderWatchSystem.INGEST -> {
                env.put("INGEST_API_KEYS_0_PARTNER", "partner-a");
                env.put("INGEST_API_KEYS_0_KEY", PARTNER_KEY);
                env.put("INGEST_API_KEYS_0_FORMATS_0", "statement");
                env.put("INGEST_API_KEYS_0_SOURCES_0", "*");
            }
            case BorderWatchSystem.ALERT -> {
                env.put("SPRING_MONGODB_URI", infra.mongoUri());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                env.put("ALERT_SECRETS_KEY", Base64.getEncoder().encodeToString(key));
                env.put("ALERT_SECURITY_USERS_0_NAME", "staff");
                env.put("ALERT_SECURITY_USERS_0_PASSWORD", "{noop}" + STAFF_PASSWORD);
                env.put("ALERT_SECURITY_USERS_0_ROLES_0", "STAFF");
                env.put("SPRING_MAIL_HOST", "localhost");
                env.put("SPRING_MAIL_PORT", "2525");
                env.put("ALERT_MAIL_FROM", "borderwatch@localhost");
            }
            default -> {
                // the classifier needs only Kafka
            }
        }
        return env;
    }

    @AfterAll
    static void stopEverythingAndLeaveNoProcessBehind() throws Exception {
        List<Long> pids = system == null ? List.of() : system.childPids();
        try {
            if (topics != null) {
                topics.close();
                topics.dump(system.workDir().resolve("topics"));
            }
        } finally {
            if (system != null) {
                system.close();
            }
        }
        BorderWatchSystem.assertNoProcessLeft(pids);
    }

    @Test
    @Order(1)
    void aStatementBecomesAReportAnAssessmentAndAnAlertThroughAuthenticatedClients() {
        String statement = Statements.load("february-2024").get("acc-am-mod-20240213");
        Api.Answer answer = api.postReports("statement", "application/json", statement, PARTNER_KEY);
        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
        String reportId = answer.json().path("accepted").path(0).path("reportId").asString();
        assertThat(reportId).as("%s", answer).isNotBlank();

        eventually("ingest publishes the report on " + NORMALIZED, List.of(BorderWatchSystem.INGEST), () ->
                assertThat(records(NORMALIZED)).anySatisfy(r -> assertThat(r.path("reportId").asString())
                        .isEqualTo(reportId)));
        String[] incidentId = new String[1];
        eventually("the classifier assesses it on " + ASSESSMENTS, List.of(BorderWatchSystem.CLASSIFIER), () -> {
            JsonNode assessment = records(ASSESSMENTS).stream()
                    .filter(a -> a.path("reportIds").valueStream().flatMap(JsonNode::valueStream) // by stance
                            .anyMatch(id -> id.asString().equals(reportId)))
                    .findFirst().orElseThrow(() -> new AssertionError("no assessment holds " + reportId));
            incidentId[0] = assessment.path("incidentId").asString();
        });
        eventually("alert-service publishes its alert on " + ALERTS, List.of(BorderWatchSystem.ALERT), () ->
                assertThat(records(ALERTS)).anySatisfy(alert -> {
                    assertThat(alert.path("incidentId").asString()).isEqualTo(incidentId[0]);
                    assertThat(alert.path("event").asString()).isEqualTo("FIRED");
                }));
    }

    @Test
    @Order(2)
    void everyKafkaClientOfEveryServiceWasConfiguredForSaslScramOverTls() {
        KafkaTls tls = system.infrastructure().tls().orElseThrow();
        // the kinds of Kafka client each service creates by the time it is ready and has passed a statement on
        Map<String, List<String>> expectedKinds = Map.of(
                BorderWatchSystem.INGEST, List.of("ConsumerConfig", "ProducerConfig", "AdminClientConfig"),
                BorderWatchSystem.CLASSIFIER, List.of("StreamsConfig", "ConsumerConfig", "ProducerConfig",
                        "AdminClientConfig"),
                BorderWatchSystem.ALERT, List.of("ConsumerConfig", "ProducerConfig", "AdminClientConfig"));
        expectedKinds.forEach((service, kinds) -> {
            String log;
            try {
                log = Files.readString(system.logFile(service), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // every Kafka client (producer, consumer, admin, Kafka Streams and its inner clients) prints its whole
            // configuration once when it is created: "<Kind>Config values:" and then one "key = value" per line
            Map<String, Map<String, Long>> protocolsByKind = clientSettings(log, "security.protocol");
            assertThat(protocolsByKind).as("the Kafka clients %s created, by kind", service)
                    .containsKeys(kinds.toArray(String[]::new));
            protocolsByKind.forEach((kind, protocols) -> assertThat(protocols)
                    .as("security.protocol of every %s in %s's log", kind, service)
                    .containsOnlyKeys("SASL_SSL"));
            clientSettings(log, "sasl.mechanism").forEach((kind, mechanisms) -> assertThat(mechanisms)
                    .as("sasl.mechanism of every %s in %s's log", kind, service)
                    .containsOnlyKeys("SCRAM-SHA-512"));
            // every producer, consumer and admin also names the operator's truststore and checks the broker's host
            // name (StreamsConfig has no ssl.* settings of its own: Kafka Streams hands them to its inner clients,
            // which print them as ConsumerConfig, ProducerConfig and AdminClientConfig)
            String[] tlsKinds = protocolsByKind.keySet().stream().filter(kind -> !kind.equals("StreamsConfig"))
                    .toArray(String[]::new);
            assertThat(tlsKinds).contains("ConsumerConfig", "ProducerConfig", "AdminClientConfig");
            assertThat(clientSettings(log, "ssl.truststore.location"))
                    .as("ssl.truststore.location of the Kafka clients %s created, by kind", service)
                    .containsOnlyKeys(tlsKinds)
                    .allSatisfy((kind, locations) -> assertThat(locations).as("%s in %s's log", kind, service)
                            .containsOnlyKeys(tls.truststore().toAbsolutePath().toString()));
            assertThat(clientSettings(log, "ssl.endpoint.identification.algorithm"))
                    .as("ssl.endpoint.identification.algorithm of the Kafka clients %s created", service)
                    .containsOnlyKeys(tlsKinds)
                    .allSatisfy((kind, algorithms) -> assertThat(algorithms).containsOnlyKeys("https"));
            assertThat(log).as("%s's log", service)
                    .doesNotContain("Failed authentication").doesNotContain("failed authentication")
                    .doesNotContain(SERVICES.password()).doesNotContain(tls.password())
                    .doesNotContain("SSL handshake failed");
        });
    }

    @Test
    @Order(3)
    void theBrokerRefusesAClientWithoutCredentialsWithAWrongPasswordOrWithoutTls() throws IOException {
        Path brokerLog = system.logFile("kafka");
        long refusalsBefore = refusals(brokerLog);
        assertThat(refusalsBefore).as("the broker refused no service client before this test").isZero();
        KafkaTls tls = system.infrastructure().tls().orElseThrow();

        // TLS with the right truststore, but no SASL: the broker expects the SASL handshake and closes the connection
        Properties anonymous = new Properties();
        anonymous.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers());
        anonymous.putAll(new KafkaClientSecurity(null, tls).clientProperties());
        assertListsNoTopicInTime(anonymous, "an admin client without credentials");
        Properties partner = new Properties();
        partner.putAll(anonymous);
        partner.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(REFUSED_CLIENT_TIMEOUT.toMillis()));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(partner, new StringSerializer(),
                new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.RAW_STATEMENT.name(), "forged"))
                    .get(REFUSED_CLIENT_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS))
                    .as("a producer without credentials writes nothing on a raw topic")
                    .hasCauseInstanceOf(TimeoutException.class);
        }
        await("the broker logs that it closed the unauthenticated clients' connections").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(count(brokerLog, "during SASL handshake")).isPositive());

        Properties wrongPassword = new Properties();
        wrongPassword.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers());
        wrongPassword.putAll(new KafkaClientSecurity(new ScramCredentials(SERVICES.user(), "not-" + SERVICES.password()),
                tls).clientProperties());
        try (Admin admin = Admin.create(wrongPassword)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(60, TimeUnit.SECONDS))
                    .as("the services' user with a wrong password")
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
        }

        // the right user and password, but in plain text (SASL_PLAINTEXT) to the TLS listener: no TLS handshake, so
        // the broker never reads the credentials and the client gets no answer
        Properties plainText = new Properties();
        plainText.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers());
        plainText.putAll(new KafkaClientSecurity(SERVICES, null).clientProperties());
        assertThat(plainText).containsEntry("security.protocol", "SASL_PLAINTEXT");
        assertListsNoTopicInTime(plainText, "a client speaking plain text to the TLS listener");
        await("the broker logs the failed TLS handshake of the plain-text client").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(count(brokerLog, "SSL handshake failed")).isPositive());

        // SASL_SSL with the right credentials but without the truststore: the client does not trust the broker's
        // certificate, so the certificate is really checked (and the truststore variables are needed)
        Properties untrusting = new Properties();
        untrusting.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers());
        untrusting.putAll(new KafkaClientSecurity(SERVICES, null).clientProperties());
        untrusting.put("security.protocol", "SASL_SSL");
        try (Admin admin = Admin.create(untrusting)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(60, TimeUnit.SECONDS))
                    .as("a client without the truststore")
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SslAuthenticationException.class);
        }
        assertThat(refusals(brokerLog)).isGreaterThan(refusalsBefore);
    }

    /** An admin client the broker never answers: its request times out instead of listing the topics. */
    private static void assertListsNoTopicInTime(Properties client, String who) {
        try (Admin admin = Admin.create(client)) {
            assertThatThrownBy(() -> admin.listTopics(new ListTopicsOptions()
                            .timeoutMs((int) REFUSED_CLIENT_TIMEOUT.toMillis())).names()
                    .get(REFUSED_CLIENT_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS))
                    .as(who + " lists no topic")
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
        }
    }

    /**
     * The connections the broker closed for want of authentication: a client that skips the SASL handshake
     * ({@code Unexpected Kafka request of type METADATA during SASL handshake}), fails it ({@code Failed
     * authentication with …}) or does not speak TLS ({@code … (SSL handshake failed)}).
     */
    private static long refusals(Path brokerLog) throws IOException {
        return count(brokerLog, "during SASL handshake") + count(brokerLog, "Failed authentication");
    }

    private static long count(Path brokerLog, String text) throws IOException {
        try (var lines = Files.lines(brokerLog, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    /**
     * For each kind of client configuration a log printed ({@code ProducerConfig}, {@code StreamsConfig}, …), how
     * often each value of {@code key} appears in those blocks (a kind that does not print the key is left out).
     */
    private static Map<String, Map<String, Long>> clientSettings(String log, String key) {
        Pattern setting = Pattern.compile("^\\s*" + Pattern.quote(key) + " = (\\S+)\\s*$", Pattern.MULTILINE);
        Map<String, Map<String, Long>> byKind = new TreeMap<>();
        Matcher block = CONFIG_BLOCK.matcher(log);
        List<MatchResult> starts = block.results().toList();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1).start() : log.length();
            Matcher value = setting.matcher(log).region(starts.get(i).end(), end);
            if (value.find()) {
                byKind.computeIfAbsent(starts.get(i).group(1), k -> new TreeMap<>())
                        .merge(value.group(1), 1L, Long::sum);
            }
        }
        return byKind;
    }

    private static List<JsonNode> records(String topic) {
        return topics.records(topic).stream().map(r -> Optional.ofNullable(r.value()))
                .flatMap(Optional::stream)
                .map(Json::tree).toList();
    }

    private static void eventually(String what, List<String> services, ThrowingRunnable assertion) {
        system.eventually(what, FLOW_TIMEOUT, services, assertion);
    }

    private static String randomToken() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
