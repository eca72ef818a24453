package org.borderwatch.alert;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.testkit.BorderWatchInfrastructure;
import org.borderwatch.testkit.TestInfrastructure;
import org.borderwatch.testkit.WebhookReceiver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What every integration test shares: ONE Spring Boot context (same annotations and properties everywhere, so it
 * is cached), the testkit's real Kafka broker and MongoDB-wire store, a real webhook receiver and a real SMTP
 * server. Each test uses its own incidents and subscriptions, so tests do not see each other's data. Time is the
 * system's, through a {@link ShiftableClock} that a test may shift (see there for the rules).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@BorderWatchInfrastructure
@Import({AlertServiceITSupport.ItClock.class, AlertServiceITSupport.FailingEndpoint.class,
        AlertServiceITSupport.UnreachableStoreEndpoint.class,
        AlertServiceITSupport.ItMail.class, AlertServiceITSupport.ItStoreClient.class, ItDns.class})
public abstract class AlertServiceITSupport {

    /** A test-only endpoint that fails the way a bug would, to see what callers get. */
    @org.springframework.web.bind.annotation.RestController
    static class FailingEndpoint {
        @org.springframework.web.bind.annotation.GetMapping("/api/v1/test-only/failure")
        String fail() {
            throw new IllegalStateException("a bug with internals: org.example.Secret at line 42");
        }
    }

    /**
     * A test-only endpoint that reads through a second MongoDB client pointed at a closed port (the shared store
     * other tests use stays up): {@code ?via=store} through the service's own {@link
     * org.borderwatch.alert.store.AlertStore} over a {@code MongoTemplate} (Spring Data's translated exception),
     * {@code ?via=driver} through the driver directly (its own exception). Short timeouts, so the test is quick.
     */
    @org.springframework.web.bind.annotation.RestController
    static class UnreachableStoreEndpoint implements org.springframework.beans.factory.DisposableBean {
        private final com.mongodb.client.MongoClient client;

        UnreachableStoreEndpoint() throws java.io.IOException {
            int closedPort;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                closedPort = s.getLocalPort();
            }
            client = com.mongodb.client.MongoClients.create(com.mongodb.MongoClientSettings.builder()
                    .applyConnectionString(new com.mongodb.ConnectionString("mongodb://127.0.0.1:" + closedPort))
                    .applyToClusterSettings(c -> c.serverSelectionTimeout(300, java.util.concurrent.TimeUnit.MILLISECONDS))
                    .applyToSocketSettings(c -> c.connectTimeout(300, java.util.concurrent.TimeUnit.MILLISECONDS)
                            .readTimeout(300, java.util.concurrent.TimeUnit.MILLISECONDS))
                    .build());
        }

        @org.springframework.web.bind.annotation.GetMapping("/api/v1/test-only/unreachable-store")
        String read(@org.springframework.web.bind.annotation.RequestParam String via) {
            if ("driver".equals(via)) {
                return String.valueOf(client.getDatabase("borderwatch").getCollection("alerts").find().first());
            }
            var template = new org.springframework.data.mongodb.core.MongoTemplate(client, "borderwatch");
            return String.valueOf(new org.borderwatch.alert.store.AlertStore(template).find(UUID.randomUUID()));
        }

        @Override
        public void destroy() {
            client.close();
        }
    }

    /**
     * Records the settings the service's MongoDB client is built from: Boot builds the client from a builder that
     * every {@code MongoClientSettingsBuilderCustomizer} has shaped, in their order; this one runs last, so what it
     * sees is what the client gets (the driver exposes a client's socket settings on no public type).
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class ItStoreClient {
        private static final java.util.concurrent.atomic.AtomicReference<com.mongodb.MongoClientSettings> BUILT =
                new java.util.concurrent.atomic.AtomicReference<>();

        /** The settings the service's client was built with (null before the context made the client). */
        public static com.mongodb.MongoClientSettings built() {
            return BUILT.get();
        }

        @Bean
        org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer recordStoreClientSettings() {
            return new RecordingCustomizer();
        }

        private static final class RecordingCustomizer implements
                org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer,
                org.springframework.core.Ordered {
            @Override
            public void customize(com.mongodb.MongoClientSettings.Builder builder) {
                BUILT.set(builder.build());
            }

            @Override
            public int getOrder() {
                return org.springframework.core.Ordered.LOWEST_PRECEDENCE;
            }
        }
    }

    /** The shared context's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ItClock {
        @Bean
        @Primary
        ShiftableClock shiftableClock() {
            return new ShiftableClock();
        }
    }

    /**
     * The shared context's mail sender: the real SMTP client, talking to GreenMail — except for recipients in
     * {@link #REFUSED_MAIL_DOMAIN}, whose mail goes to a real SMTP server that refuses every recipient with 550.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class ItMail {
        @Bean
        @Primary
        org.springframework.mail.javamail.JavaMailSender itMailSender() {
            return new RecipientRoutingMailSender(MAIL.getSmtp().getPort(), REJECTING_SMTP.port());
        }
    }

    /** Mail to this domain reaches {@link #REJECTING_SMTP}. */
    protected static final String REFUSED_MAIL_DOMAIN = "refused.example.org";

    static final class RecipientRoutingMailSender extends org.springframework.mail.javamail.JavaMailSenderImpl {
        private final org.springframework.mail.javamail.JavaMailSenderImpl refusing;

        RecipientRoutingMailSender(int port, int refusingPort) {
            configure(this, port);
            refusing = new org.springframework.mail.javamail.JavaMailSenderImpl();
            configure(refusing, refusingPort);
        }

        private static void configure(org.springframework.mail.javamail.JavaMailSenderImpl sender, int port) {
            sender.setHost("127.0.0.1");
            sender.setPort(port);
            sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
            sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        }

        @Override
        public void send(jakarta.mail.internet.MimeMessage... messages) {
            boolean refused = java.util.Arrays.stream(messages).anyMatch(m -> {
                try {
                    return java.util.Arrays.stream(m.getAllRecipients())
                            .anyMatch(a -> a.toString().endsWith("@" + REFUSED_MAIL_DOMAIN));
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            });
            if (refused) {
                refusing.send(messages);
            } else {
                super.send(messages);
            }
        }
    }

    protected static final WebhookReceiver RECEIVER = new WebhookReceiver();
    protected static final RejectingSmtpServer REJECTING_SMTP = new RejectingSmtpServer();
    protected static final GreenMail MAIL = startMail();
    protected static final String SECRET = "it-secret-0123456789";
    private static KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    protected int port;

    @Autowired
    protected org.borderwatch.alert.store.DeliveryStore deliveryStore;

    @Autowired
    protected ShiftableClock clock;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerSpringProperties(registry);
        TestInfrastructure.createTopics(1, Topics.ASSESSMENTS.name(), Topics.ALERTS.name());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    /** Sends assessments in one Kafka transaction, committed or aborted, as the classifier does (exactly-once). */
    protected static synchronized void sendAssessments(boolean commit, Assessment... assessments) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, "alert-it-" + UUID.randomUUID(),
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    new StringSerializer(), new ByteArraySerializer());
            producer.initTransactions();
        }
        producer.beginTransaction();
        for (Assessment a : assessments) {
            producer.send(new ProducerRecord<>(Topics.ASSESSMENTS.name(), a.incidentId().toString(),
                    Json.writeBytes(a)));
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.flush();
            producer.abortTransaction();
        }
    }

    protected static void sendAssessments(Assessment... assessments) {
        sendAssessments(true, assessments);
    }

    protected HttpResponse<String> call(String method, String path, String user, String body, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (user != null) {
            String password = user + "-pw";
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    protected HttpResponse<String> get(String path, String user) {
        return call("GET", path, user, null, "application/json");
    }

    protected HttpResponse<String> post(String path, String user, String body) {
        return call("POST", path, user, body, "application/json");
    }

    /** The webhook signature as a receiver computes it (written here independently of the service's code). */
    protected static String signatureOf(String secret, String timestamp, byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The alert messages of one webhook notification. */
    protected static List<Alert> notificationAlerts(WebhookReceiver.Request r) {
        List<Alert> out = new ArrayList<>();
        Json.tree(r.body()).get("alerts").forEach(a -> out.add(Json.convert(a, Alert.class)));
        return out;
    }

    /** Creates a webhook subscription as the user and returns its id. */
    protected String subscribeWebhook(String user, String url, String filterJson) {
        var response = post("/api/v1/subscriptions", user, """
                {"name":"it %s","channel":{"type":"webhook","url":"%s","secret":"%s"},"filter":%s}
                """.formatted(UUID.randomUUID(), url, SECRET, filterJson));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("subscription refused: " + response.body());
        }
        return Json.tree(response.body().getBytes(StandardCharsets.UTF_8)).get("id").asString();
    }
}
