package org.borderwatch.testkit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a blind API contract round ({@code cases.json}: steps written from a service's README by somebody who never
 * saw its code) in order over real HTTP against a running service, and returns every difference at once (step,
 * what was expected, what came, the body), so one run shows the whole score.
 *
 * <p>A step: {@code id}, {@code method}, {@code path}, {@code headers}, a body as {@code body} (JSON; with no
 * {@code headers} it carries {@link #defaultContentType} if one is set), {@code bodyRaw} (a string) or
 * {@code bodyRawRepeat} ({@code head + unit × times + tail}, sent over a plain socket so a service that answers early
 * — a 413 on the {@code Content-Length} — and closes is still heard), {@code poll} ({@code timeoutSeconds}: the step
 * is repeated, every {@code intervalMillis} (250), until it answers as expected or the time is up), and
 * {@code expect}: {@code status} (a number or a
 * list of them) or {@code statusOneOf}, {@code contentType} (prefix), {@code headers} (exact, {@code null} = absent),
 * {@code headersPresent}, {@code headersContain} / {@code headersNotContain} (name → texts), {@code bodyIncludes},
 * {@code bodyExcludes}, {@code json} (pointer → value), {@code jsonNot}, {@code jsonEqual} or
 * {@code jsonEqualPointers} (pairs of pointers), {@code jsonContains} (pointer → texts), {@code firstKey} (pointer →
 * the object's first member), {@code jsonPresent}, {@code jsonAbsent}.
 *
 * <p>Paths, header values, bodies and expected values may refer to earlier answers ({@code {a-07./id}} is that
 * body's value, {@code {a-34.header.Location}} that header's path) and to the clock ({@code {now+PT6H}}: now in
 * whole UTC seconds plus the duration); a string that is one whole body reference becomes that value as it is (a
 * number stays a number), any other reference is replaced as text.
 *
 * <p>A step with {@code kafka} ({@code topic}, {@code key}, {@code value}) sends no HTTP request: it produces one
 * record (the key, the value as compact JSON, as written, or {@code valueRaw}: exactly that text, for a value that is
 * not JSON) through the producer given to
 * {@link #kafka(Producer, UnaryOperator)} or {@link #kafka(String, UnaryOperator)}, to the topic the caller maps the
 * round's one to, and with
 * {@code waitFor} ({@code user}/{@code key}, {@code method}, {@code path}, {@code until} pointer → value,
 * {@code timeoutSeconds}, {@code pollMillis}) repeats that request until it answers 200 with every value.
 * Credentials come from the caller ({@link Credentials}: {@link Credentials#basic()} for the round's {@code users},
 * {@link Credentials#apiKey(String)} for its {@code keys}), since each service has its own.
 *
 * <p>A round about what the service sends watches receivers the caller starts and gives it ({@link #webhooks},
 * {@link #feed}, {@link #mail}; {@code {webhook}}, {@code {smtp}} and any {@link #variable} are replaced like
 * references): {@code receiver}, {@code expectWebhook}, {@code expectKafka} and {@code expectMail} steps
 * ({@link ReceiverSteps}) send nothing to the service; their last body can be referred to like an answer. Any step
 * may carry {@code alignTo} ({@code epochSecondsMultipleOf}, {@code plusSeconds}): it is sent just after the next such
 * UTC second. The expectations themselves are checked by {@link AnswerChecks}.
 */
public final class ContractRound implements AutoCloseable {

    /** The headers that authenticate a step ({@code user}, {@code key} …: the round's own field), or none. */
    @FunctionalInterface
    public interface Credentials {
        Map<String, String> headers(JsonNode round, JsonNode step);

        /** HTTP Basic for the step's {@code user}, its password from the round's {@code users}; none for null. */
        static Credentials basic() {
            return (round, step) -> {
                if (!step.path("user").isString()) {
                    return Map.of();
                }
                String user = step.get("user").asString();
                String password = round.get("users").get(user).get("password").asString();
                return Map.of("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            };
        }

        /** The step's {@code key} (a name in the round's {@code keys}, each with its {@code key}) in {@code header}. */
        static Credentials apiKey(String header) {
            return (round, step) -> step.path("key").isString()
                    ? Map.of(header, round.get("keys").get(step.get("key").asString()).get("key").asString())
                    : Map.of();
        }
    }

    /** What a step got back, whichever client sent it: every value of each header, by lower-case name. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {
        /** The header's first value, or null. */
        public String header(String name) {
            List<String> values = values(name);
            return values.isEmpty() ? null : values.get(0);
        }

        public List<String> values(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    private static final Pattern REFERENCE = Pattern.compile("\\{([a-z]+-\\d+)\\.([^}]*)}");
    private static final Pattern NOW = Pattern.compile("\\{now\\+([^}]+)}");
    private static final long POLL_EVERY_MILLIS = 250;
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z]+)}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode round;
    private final List<JsonNode> steps = new ArrayList<>();
    private final Map<String, Answer> answers = new HashMap<>();
    private final List<String> log = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String defaultContentType;
    private Producer<String, String> producer;
    private boolean ownProducer;
    private UnaryOperator<String> topics = UnaryOperator.identity();
    private final Map<String, String> variables = new HashMap<>();
    private WebhookReceiver webhooks;
    private RoundFeed feed;
    private UnaryOperator<String> feedTopics = UnaryOperator.identity();
    private RoundMailbox mailbox;

    private ContractRound(JsonNode round) {
        this.round = round;
        round.get("cases").forEach(steps::add);
    }

    /** The round in {@code cases} (its {@code cases} array, and whatever the credentials read: users, keys). */
    public static ContractRound load(InputStream cases) throws IOException {
        if (cases == null) {
            throw new IOException("no round to load");
        }
        try (cases) {
            return new ContractRound(JSON.readTree(cases.readAllBytes()));
        }
    }

    /** The {@code Content-Type} a step with a {@code body} and no {@code headers} sends; none unless set. */
    public ContractRound defaultContentType(String contentType) {
        this.defaultContentType = contentType;
        return this;
    }

    /** {@code kafka} steps go through {@code producer} (the caller closes it), to {@code topics.apply(round's)}. */
    public ContractRound kafka(Producer<String, String> producer, UnaryOperator<String> topics) {
        this.producer = producer;
        this.ownProducer = false;
        this.topics = topics;
        return this;
    }

    /** {@code kafka} steps go to the broker at {@code bootstrapServers} (acks=all; closed by {@link #close()}). */
    public ContractRound kafka(String bootstrapServers, UnaryOperator<String> topics) {
        kafka(new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer()), topics);
        this.ownProducer = true;
        return this;
    }

    /**
     * {@code receiver} and {@code expectWebhook} steps use {@code receiver} (its paths are the round's mailboxes),
     * and {@code {webhook}} is its base URL ({@code http://127.0.0.1:PORT}, no trailing '/').
     */
    public ContractRound webhooks(WebhookReceiver receiver) {
        this.webhooks = receiver;
        return variable("webhook", receiver.url(""));
    }

    /** {@code expectKafka} steps read {@code feed}, the round's topic mapped to the caller's by {@code topics}. */
    public ContractRound feed(RoundFeed feed, UnaryOperator<String> topics) {
        this.feed = feed;
        this.feedTopics = topics;
        return this;
    }

    /** {@code expectMail} steps read {@code mailbox}; {@code {smtp}} is {@code smtpAddress} (host:port). */
    public ContractRound mail(RoundMailbox mailbox, String smtpAddress) {
        this.mailbox = mailbox;
        return variable("smtp", smtpAddress);
    }

    /** {@code {name}} (lower-case letters) is replaced by {@code value} wherever references are resolved. */
    public ContractRound variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    public int size() {
        return steps.size();
    }

    /** Runs every step in order against {@code http://127.0.0.1:port}; the differences, one entry per step. */
    public List<String> run(int port, Credentials credentials) {
        List<String> differences = new ArrayList<>();
        for (JsonNode step : steps) {
            String id = step.get("id").asString();
            try {
                align(step.get("alignTo"));
                String difference = step.has("kafka") ? produce(port, step, credentials)
                        : ReceiverSteps.handles(step) ? watch(step) : call(port, step, credentials);
                if (difference != null) {
                    differences.add(id + " " + difference);
                }
            } catch (IOException | ExecutionException | TimeoutException | RuntimeException e) {
                differences.add(id + ": no answer: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return differences;
    }

    /** Every answer of the last run (status, headers, body), for judging differences and UNSURE steps. */
    public void writeAnswers(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, log, StandardCharsets.UTF_8);
    }

    /** The failure message: how many steps differed and each difference. */
    public String report(List<String> differences) {
        return String.format("steps that differ (%d of %d):%n  %s", differences.size(), steps.size(),
                String.join("\n  ", differences));
    }

    /** Closes the producer this round made for its {@code kafka} steps, if it made one. */
    @Override
    public void close() {
        if (ownProducer) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** An HTTP step, repeated while it differs for as long as its {@code poll} allows; the difference or null. */
    private String call(int port, JsonNode step, Credentials credentials) throws IOException, InterruptedException {
        String id = step.get("id").asString();
        Instant deadline = Instant.now().plusSeconds(step.path("poll").path("timeoutSeconds").asLong(0));
        long every = step.path("poll").path("intervalMillis").asLong(POLL_EVERY_MILLIS);
        while (true) {
            String path = resolve(step.get("path").asString());
            Answer answer = send(port, step, path, credentials.headers(round, step));
            List<String> wrong;
            try {
                wrong = AnswerChecks.check(resolved(step.get("expect")), answer);
            } catch (RuntimeException e) {
                wrong = List.of("cannot check: " + e.getMessage());
            }
            if (wrong.isEmpty() || !Instant.now().isBefore(deadline)) {
                answers.put(id, answer);
                log.add(id + " " + answer.status() + " " + answer.headers() + "\n    " + shorten(answer.body()));
                return wrong.isEmpty() ? null : step.get("method").asString() + " " + path + ": "
                        + String.join("; ", wrong) + "\n      body: " + shorten(answer.body());
            }
            Thread.sleep(every);
        }
    }

    /** {@code alignTo}: sleeps until the next UTC instant whose epoch second modulo N is {@code plusSeconds}. */
    private static void align(JsonNode alignTo) throws InterruptedException {
        if (alignTo == null) {
            return;
        }
        long every = alignTo.get("epochSecondsMultipleOf").asLong() * 1000;
        long offset = alignTo.path("plusSeconds").asLong(0) * 1000;
        long now = System.currentTimeMillis();
        long wait = Math.floorMod(offset - now, every);
        Thread.sleep(wait == 0 ? every : wait);
    }

    /** A step that watches the round's receivers; its last body is kept for references. */
    private String watch(JsonNode step) throws InterruptedException {
        String id = step.get("id").asString();
        ReceiverSteps.Outcome outcome = new ReceiverSteps(webhooks, feed, feedTopics, mailbox)
                .run(resolved(step));
        if (outcome.answer() != null) {
            answers.put(id, outcome.answer());
        }
        log.add(id + " " + outcome.watched() + ": " + outcome.seen());
        return outcome.wrong().isEmpty() ? null : outcome.watched() + ": " + String.join("; ", outcome.wrong());
    }

    /** A {@code kafka} step: one record produced, then its {@code waitFor} repeated until it holds; null if so. */
    private String produce(int port, JsonNode step, Credentials credentials)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        if (producer == null) {
            throw new IllegalStateException("a kafka step, and no producer given to the round");
        }
        JsonNode kafka = step.get("kafka");
        String topic = topics.apply(kafka.get("topic").asString());
        String key = kafka.get("key").asString();
        // valueRaw: exactly these characters as the value (a record that is not JSON); value: its compact JSON
        String value = kafka.hasNonNull("valueRaw") ? kafka.get("valueRaw").asString()
                : JSON.writeValueAsString(kafka.get("value"));
        producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        producer.flush();
        log.add(step.get("id").asString() + " kafka " + topic + " " + key);
        JsonNode waitFor = step.get("waitFor");
        if (waitFor == null) {
            return null;
        }
        Instant deadline = Instant.now().plusSeconds(waitFor.get("timeoutSeconds").asLong());
        long every = waitFor.path("pollMillis").asLong(POLL_EVERY_MILLIS);
        while (true) {
            String path = resolve(waitFor.get("path").asString());
            Answer answer = send(port, waitFor, path, credentials.headers(round, waitFor));
            List<String> wrong = AnswerChecks.check(JSON.createObjectNode().put("status", 200)
                    .set("json", resolved(waitFor.get("until"))), answer);
            if (wrong.isEmpty()) {
                return null;
            }
            if (!Instant.now().isBefore(deadline)) {
                return "kafka " + key + ", then " + waitFor.get("method").asString() + " " + path + " for "
                        + waitFor.get("timeoutSeconds").asLong() + " s: " + String.join("; ", wrong)
                        + "\n      body: " + shorten(answer.body());
            }
            Thread.sleep(every);
        }
    }

    private Answer send(int port, JsonNode step, String path, Map<String, String> credentials)
            throws IOException, InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>(credentials);
        JsonNode given = step.get("headers");
        if (given != null) {
            given.properties().forEach(h -> headers.put(h.getKey(), resolve(h.getValue().asString())));
        }
        String method = step.get("method").asString();
        if (step.hasNonNull("bodyRawRepeat")) {
            JsonNode repeat = step.get("bodyRawRepeat");
            String body = repeat.get("head").asString() + repeat.get("unit").asString().repeat(repeat.get("times")
                    .asInt()) + repeat.get("tail").asString();
            return overSocket(port, method, path, headers, body.getBytes(StandardCharsets.UTF_8));
        }
        String body = null;
        if (step.hasNonNull("bodyRaw")) {
            body = resolve(step.get("bodyRaw").asString());
        } else if (step.hasNonNull("body")) {
            body = JSON.writeValueAsString(resolved(step.get("body")));
            if (given == null && defaultContentType != null) {
                headers.put("Content-Type", defaultContentType);
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Map<String, List<String>> got = new HashMap<>();
        response.headers().map().forEach((name, values) -> got.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                n -> new ArrayList<>()).addAll(values));
        return new Answer(response.statusCode(), got, response.body());
    }

    /**
     * A large body over a plain socket: the service may answer and close the connection while the body is still
     * being written, so one thread writes and this one reads the answer.
     */
    private static Answer overSocket(int port, String method, String path, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            Thread writer = new Thread(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException closed) {
                    // the service answered and closed before taking the whole body: its answer is read below
                }
            }, "contract-round-body-writer");
            writer.start();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    read.write(buffer, 0, n);
                }
            } catch (IOException reset) {
                if (read.size() == 0) {
                    throw reset;
                }
            }
            writer.join(30_000);
            return parse(read.toByteArray());
        }
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no complete HTTP answer: " + shorten(text));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    n -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        byte[] rest = Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", List.of()).stream().anyMatch("chunked"::equalsIgnoreCase)) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int at = 0;
            while (at < rest.length) {
                int lineEnd = lineEnd(rest, at);
                int size = Integer.parseInt(new String(rest, at, lineEnd - at, StandardCharsets.ISO_8859_1)
                        .split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                body.write(rest, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
            rest = body.toByteArray();
        }
        return new Answer(status, headers, new String(rest, StandardCharsets.UTF_8));
    }

    private static int lineEnd(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("a chunk size line without its end");
    }

    /**
     * References in a text: {@code {now+PT6H}} the current UTC time in whole seconds plus the duration, an earlier
     * body's value, or an earlier header's path ({@code header.Location}).
     */
    private String resolve(String text) {
        String named = VARIABLE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                variables.getOrDefault(m.group(1), m.group())));
        String timed = NOW.matcher(named).replaceAll(m -> Matcher.quoteReplacement(Instant.now()
                .truncatedTo(ChronoUnit.SECONDS).plus(Duration.parse(m.group(1))).toString()));
        Matcher m = REFERENCE.matcher(timed);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            if (m.group(2).startsWith("header.")) {
                String name = m.group(2).substring("header.".length());
                String header = earlier(m.group(1)).header(name);
                if (header == null) {
                    throw new IllegalStateException(m.group(1) + " has no header " + name);
                }
                value = URI.create(header).getRawPath();
            } else {
                value = referred(m.group(1), m.group(2)).asString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A copy of {@code node} with every string value resolved: one that is a whole body reference becomes the
     * earlier value as it is, any other has its references replaced as text. Member names (pointers) stay.
     */
    private JsonNode resolved(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            Matcher whole = REFERENCE.matcher(node.asString());
            if (whole.matches() && !whole.group(2).startsWith("header.")) {
                return referred(whole.group(1), whole.group(2));
            }
            return JSON.getNodeFactory().stringNode(resolve(node.asString()));
        }
        JsonNode copy = node.deepCopy();
        if (copy instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(resolved(e.getValue()));
            }
        } else if (copy instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, resolved(array.get(i)));
            }
        }
        return copy;
    }

    private Answer earlier(String step) {
        Answer earlier = answers.get(step);
        if (earlier == null) {
            throw new IllegalStateException("no answer of " + step + " to refer to");
        }
        return earlier;
    }

    private JsonNode referred(String step, String pointer) {
        JsonNode node = JSON.readTree(earlier(step).body()).at(pointer);
        if (node.isMissingNode()) {
            throw new IllegalStateException(step + " has no " + pointer);
        }
        return node;
    }

    private static String shorten(String body) {
        return body.length() <= 1500 ? body : body.substring(0, 1500) + "… (" + body.length() + " characters)";
    }
}
