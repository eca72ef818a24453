package org.borderwatch.alert.it;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.borderwatch.common.json.Json;
import org.borderwatch.testkit.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one blind contract round ({@code api-round-N/cases.json}) in order against a running service and collects
 * every difference (step, expected, got, body) instead of stopping at the first. The conventions are those the
 * rounds' {@code conventions} blocks describe: HTTP steps with references to earlier answers ({@code {x-NN./pointer}},
 * {@code {x-NN.header.Name}}) and {@code {now+duration}} in paths, header values, bodies and expected values; and
 * {@code kafka} steps that produce one assessment through a plain producer to the service's own assessments topic and
 * then wait, by repeating a GET, until the service shows it.
 */
final class ApiContractRound implements AutoCloseable {

    private static final Pattern REFERENCE = Pattern.compile("\\{([a-z]-\\d+)\\.([^}]*)}");
    private static final Pattern NOW = Pattern.compile("\\{now\\+([^}]+)}");
    private static final Duration POLL_EVERY = Duration.ofMillis(250);

    private final JsonNode users;
    private final List<JsonNode> cases = new ArrayList<>();
    private final int port;
    private final String topic;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, HttpResponse<String>> answers = new HashMap<>();
    private KafkaProducer<String, String> producer;

    /** The round in the test resource {@code resource}, sent to 127.0.0.1:{@code port}; assessments to {@code topic}. */
    ApiContractRound(String resource, int port, String topic) throws IOException {
        JsonNode round;
        try (InputStream in = ApiContractRound.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no round at " + resource);
            }
            round = Json.tree(in.readAllBytes());
        }
        this.users = round.get("users");
        round.get("cases").forEach(cases::add);
        this.port = port;
        this.topic = topic;
    }

    List<JsonNode> cases() {
        return cases;
    }

    /** Every step in order; the differences, one entry per differing step. */
    List<String> run() throws InterruptedException {
        List<String> differences = new ArrayList<>();
        for (JsonNode step : cases) {
            String id = step.get("id").asString();
            try {
                String difference = step.has("kafka") ? produce(step) : call(step);
                if (difference != null) {
                    differences.add(id + " " + difference);
                }
            } catch (IOException | RuntimeException | ExecutionException | TimeoutException e) {
                differences.add(id + ": no answer: " + e);
            }
        }
        return differences;
    }

    private String call(JsonNode step) throws IOException, InterruptedException {
        JsonNode poll = step.get("poll");
        Instant deadline = Instant.now().plusSeconds(poll == null ? 0 : poll.get("timeoutSeconds").asLong());
        HttpResponse<String> response;
        List<String> wrong;
        while (true) {
            response = send(step.get("user"), step.get("method").asString(), step.get("path").asString(),
                    step.get("headers"), body(step));
            wrong = check(resolved(step.get("expect")), response);
            if (wrong.isEmpty() || !Instant.now().isBefore(deadline)) {
                break;
            }
            Thread.sleep(POLL_EVERY.toMillis());
        }
        answers.put(step.get("id").asString(), response);
        return wrong.isEmpty() ? null : step.get("method").asString() + " " + response.request().uri().getRawPath()
                + ": " + String.join("; ", wrong) + "\n      body: " + response.body();
    }

    private String body(JsonNode step) {
        if (step.hasNonNull("bodyRaw")) {
            return resolve(step.get("bodyRaw").asString());
        }
        return step.hasNonNull("body") ? Json.write(resolved(step.get("body"))) : null;
    }

    private String produce(JsonNode step)
            throws InterruptedException, ExecutionException, TimeoutException, IOException {
        JsonNode kafka = step.get("kafka");
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        }
        // the round's topic is the service's alert.topics.assessments, here the round's own
        producer.send(new ProducerRecord<>(topic, kafka.get("key").asString(), Json.write(kafka.get("value"))))
                .get(30, TimeUnit.SECONDS);
        producer.flush();
        JsonNode waitFor = step.get("waitFor");
        if (waitFor == null) {
            return null;
        }
        Instant deadline = Instant.now().plusSeconds(waitFor.get("timeoutSeconds").asLong());
        long every = waitFor.has("pollMillis") ? waitFor.get("pollMillis").asLong() : POLL_EVERY.toMillis();
        JsonNode until = resolved(waitFor.get("until"));
        while (true) {
            HttpResponse<String> response = send(waitFor.get("user"), waitFor.get("method").asString(),
                    waitFor.get("path").asString(), null, null);
            List<String> wrong = new ArrayList<>();
            if (response.statusCode() != 200) {
                wrong.add("status expected 200, got " + response.statusCode());
            } else {
                JsonNode body = Json.tree(response.body().getBytes(StandardCharsets.UTF_8));
                until.properties().forEach(e -> expectEqual(body, e.getKey(), e.getValue(), wrong));
            }
            if (wrong.isEmpty()) {
                return null;
            }
            if (!Instant.now().isBefore(deadline)) {
                return "kafka " + kafka.get("key").asString() + ", then " + waitFor.get("method").asString() + " "
                        + response.request().uri().getRawPath() + " for " + waitFor.get("timeoutSeconds").asLong()
                        + " s: " + String.join("; ", wrong) + "\n      body: " + response.body();
            }
            Thread.sleep(every);
        }
    }

    private HttpResponse<String> send(JsonNode user, String method, String path, JsonNode headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + resolve(path)))
                .timeout(Duration.ofSeconds(20));
        if (user != null && !user.isNull()) {
            String name = user.asString();
            String password = users.get(name).get("password").asString();
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (headers != null) {
            headers.properties().forEach(h -> request.header(h.getKey(), resolve(h.getValue().asString())));
        } else if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** {@code node} with every string in it resolved (references and {@code {now+…}}). */
    private JsonNode resolved(JsonNode node) {
        return node == null ? null : map(node.deepCopy(), this::resolve);
    }

    private static JsonNode map(JsonNode node, UnaryOperator<String> text) {
        if (node.isString()) {
            return Json.mapper().getNodeFactory().stringNode(text.apply(node.asString()));
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(map(e.getValue(), text));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, map(array.get(i), text));
            }
        }
        return node;
    }

    /**
     * {@code {x-NN./pointer}} from an earlier body, {@code {x-NN.header.Name}} from its headers (a URL's path),
     * {@code {now+PT6H}} the current UTC time in whole seconds plus the duration.
     */
    private String resolve(String text) {
        Matcher now = NOW.matcher(text);
        String timed = now.replaceAll(m -> Matcher.quoteReplacement(Instant.now().truncatedTo(ChronoUnit.SECONDS)
                .plus(Duration.parse(m.group(1))).toString()));
        Matcher m = REFERENCE.matcher(timed);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            HttpResponse<String> earlier = answers.get(m.group(1));
            if (earlier == null) {
                throw new IllegalStateException("no answer of " + m.group(1) + " to refer to");
            }
            String value;
            if (m.group(2).startsWith("header.")) {
                String header = earlier.headers().firstValue(m.group(2).substring("header.".length()))
                        .orElseThrow(() -> new IllegalStateException(m.group(1) + " has no " + m.group(2)));
                value = URI.create(header).getRawPath();
            } else {
                JsonNode node = Json.tree(earlier.body().getBytes(StandardCharsets.UTF_8)).at(m.group(2));
                if (node.isMissingNode()) {
                    throw new IllegalStateException(m.group(1) + " has no " + m.group(2));
                }
                value = node.asString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> check(JsonNode expect, HttpResponse<String> response) {
        List<String> wrong = new ArrayList<>();
        JsonNode status = expect.get("status");
        List<Integer> statuses = new ArrayList<>();
        if (status.isArray()) {
            status.forEach(s -> statuses.add(s.asInt()));
        } else {
            statuses.add(status.asInt());
        }
        if (!statuses.contains(response.statusCode())) {
            wrong.add("status expected " + (statuses.size() == 1 ? statuses.get(0) : "one of " + statuses)
                    + ", got " + response.statusCode());
        }
        if (expect.hasNonNull("contentType")) {
            String expected = expect.get("contentType").asString();
            String got = response.headers().firstValue("Content-Type").orElse("(none)");
            if (!got.startsWith(expected)) {
                wrong.add("Content-Type expected " + expected + "…, got " + got);
            }
        }
        checkHeaders(expect, response, wrong);
        texts(expect, "bodyIncludes").forEach(text -> {
            if (!response.body().contains(text)) {
                wrong.add("body expected with '" + text + "', has it not");
            }
        });
        texts(expect, "bodyExcludes").forEach(text -> {
            if (response.body().contains(text)) {
                wrong.add("body expected without '" + text + "', has it");
            }
        });
        boolean asksJson = expect.has("json") || expect.has("jsonPresent") || expect.has("jsonAbsent")
                || expect.has("jsonContains") || expect.has("jsonEqualPointers") || expect.has("firstKey");
        if (asksJson) {
            checkJson(expect, response, wrong);
        }
        return wrong;
    }

    private static void checkHeaders(JsonNode expect, HttpResponse<String> response, List<String> wrong) {
        if (expect.has("headers")) {
            expect.get("headers").properties().forEach(e -> {
                String got = response.headers().firstValue(e.getKey()).orElse(null);
                String expected = e.getValue().isNull() ? null : e.getValue().asString();
                if (!Objects.equals(expected, got)) {
                    wrong.add("header " + e.getKey() + " expected " + (expected == null ? "(absent)" : expected)
                            + ", got " + (got == null ? "(absent)" : got));
                }
            });
        }
        texts(expect, "headersPresent").forEach(h -> {
            if (response.headers().firstValue(h).isEmpty()) {
                wrong.add("header " + h + " expected present, is absent");
            }
        });
        if (expect.has("headersContain")) {
            expect.get("headersContain").properties().forEach(e -> {
                List<String> values = response.headers().allValues(e.getKey());
                String got = String.join(", ", values);
                e.getValue().forEach(text -> {
                    if (values.isEmpty() || !got.contains(text.asString())) {
                        wrong.add("header " + e.getKey() + " expected to contain '" + text.asString() + "', got "
                                + (values.isEmpty() ? "(absent)" : got));
                    }
                });
            });
        }
        if (expect.has("headersNotContain")) {
            expect.get("headersNotContain").properties().forEach(e -> {
                String got = String.join(", ", response.headers().allValues(e.getKey()));
                e.getValue().forEach(text -> {
                    if (got.contains(text.asString())) {
                        wrong.add("header " + e.getKey() + " expected without '" + text.asString() + "', got " + got);
                    }
                });
            });
        }
    }

    private static void checkJson(JsonNode expect, HttpResponse<String> response, List<String> wrong) {
        JsonNode body;
        try {
            body = Json.tree(response.body().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            wrong.add("body is not JSON");
            return;
        }
        if (expect.has("json")) {
            expect.get("json").properties().forEach(e -> expectEqual(body, e.getKey(), e.getValue(), wrong));
        }
        texts(expect, "jsonPresent").forEach(p -> {
            if (body.at(p).isMissingNode()) {
                wrong.add("'" + p + "' expected present, is absent");
            }
        });
        texts(expect, "jsonAbsent").forEach(p -> {
            JsonNode got = body.at(p);
            if (!got.isMissingNode()) {
                wrong.add("'" + p + "' expected absent, got " + got);
            }
        });
        if (expect.has("jsonContains")) {
            expect.get("jsonContains").properties().forEach(e -> {
                JsonNode got = body.at(e.getKey());
                e.getValue().forEach(text -> {
                    if (!got.isString() || !got.asString().contains(text.asString())) {
                        wrong.add("'" + e.getKey() + "' expected to contain '" + text.asString() + "', got "
                                + shown(got));
                    }
                });
            });
        }
        if (expect.has("jsonEqualPointers")) {
            expect.get("jsonEqualPointers").forEach(pair -> {
                JsonNode one = body.at(pair.get(0).asString());
                JsonNode two = body.at(pair.get(1).asString());
                if (one.isMissingNode() || !one.equals(two)) {
                    wrong.add("'" + pair.get(0).asString() + "' and '" + pair.get(1).asString()
                            + "' expected equal, got " + shown(one) + " and " + shown(two));
                }
            });
        }
        if (expect.has("firstKey")) {
            expect.get("firstKey").properties().forEach(e -> {
                JsonNode object = body.at(e.getKey());
                String first = object.isObject() && !object.isEmpty()
                        ? object.properties().iterator().next().getKey() : null;
                if (!e.getValue().asString().equals(first)) {
                    wrong.add("'" + e.getKey() + "' expected to begin with member '" + e.getValue().asString()
                            + "', begins with " + (first == null ? "(none)" : "'" + first + "'"));
                }
            });
        }
    }

    private static void expectEqual(JsonNode body, String pointer, JsonNode expected, List<String> wrong) {
        JsonNode got = body.at(pointer);
        if (!got.equals(expected)) {
            wrong.add("'" + pointer + "' expected " + expected + ", got " + shown(got));
        }
    }

    private static String shown(JsonNode node) {
        return node.isMissingNode() ? "(absent)" : node.toString();
    }

    private static List<String> texts(JsonNode expect, String field) {
        List<String> out = new ArrayList<>();
        if (expect.has(field)) {
            expect.get(field).forEach(t -> out.add(t.asString()));
        }
        return out;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
