package org.borderwatch.testkit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a blind API contract round ({@code cases.json}: steps written from a service's README by somebody who never
 * saw its code) in order over real HTTP against a running service, and returns every difference at once (step,
 * what was expected, what came, the body), so one run shows the whole score.
 *
 * <p>A step: {@code id}, {@code method}, {@code path} (may refer to earlier answers: {@code {a-07./id}} is that
 * body's value, {@code {a-34.header.Location}} that header's path), {@code headers}, a body as {@code body} (JSON),
 * {@code bodyRaw} (a string) or {@code bodyRawRepeat} ({@code head + unit × times + tail}, sent over a plain socket
 * so a service that answers early — a 413 on the {@code Content-Length} — and closes is still heard), and
 * {@code expect}: {@code status} or {@code statusOneOf}, {@code contentType} (prefix), {@code headers} (exact,
 * {@code null} = absent), {@code headersPresent}, {@code bodyIncludes}, {@code bodyExcludes}, {@code json}
 * (pointer → value; a value that is a whole reference is the earlier answer's value), {@code jsonNot},
 * {@code jsonEqual} (pairs of pointers), {@code jsonPresent}, {@code jsonAbsent}. Credentials come from the caller
 * ({@link Credentials}), since each service has its own.
 */
public final class ContractRound {

    /** The headers that authenticate a step ({@code user}, {@code key} …: the round's own field), or none. */
    @FunctionalInterface
    public interface Credentials {
        Map<String, String> headers(JsonNode round, JsonNode step);
    }

    /** What a step got back, whichever client sent it. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final Pattern REFERENCE = Pattern.compile("\\{([a-z]+-\\d+)\\.([^}]*)}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode round;
    private final List<JsonNode> steps = new ArrayList<>();
    private final Map<String, Answer> answers = new HashMap<>();
    private final List<String> log = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ContractRound(JsonNode round) {
        this.round = round;
        round.get("cases").forEach(steps::add);
    }

    /** The round in {@code cases} (its {@code cases} array, and whatever the credentials read: users, keys). */
    public static ContractRound load(InputStream cases) throws IOException {
        try (cases) {
            return new ContractRound(JSON.readTree(cases.readAllBytes()));
        }
    }

    public int size() {
        return steps.size();
    }

    /** Runs every step in order against {@code http://127.0.0.1:port}; the differences, one entry per step. */
    public List<String> run(int port, Credentials credentials) {
        List<String> differences = new ArrayList<>();
        for (JsonNode step : steps) {
            String id = step.get("id").asString();
            Answer answer;
            String path;
            try {
                path = resolve(step.get("path").asString());
                answer = send(port, step, path, credentials.headers(round, step));
            } catch (IOException | RuntimeException e) {
                differences.add(id + ": no answer: " + e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            answers.put(id, answer);
            log.add(id + " " + answer.status() + " " + answer.headers() + "\n    " + shorten(answer.body()));
            List<String> wrong;
            try {
                wrong = check(step.get("expect"), answer);
            } catch (RuntimeException e) {
                wrong = List.of("cannot check: " + e.getMessage());
            }
            if (!wrong.isEmpty()) {
                differences.add(id + " " + step.get("method").asString() + " " + path + ": "
                        + String.join("; ", wrong) + "\n      body: " + shorten(answer.body()));
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

    private Answer send(int port, JsonNode step, String path, Map<String, String> credentials)
            throws IOException, InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>(credentials);
        JsonNode given = step.get("headers");
        if (given != null) {
            given.properties().forEach(h -> headers.put(h.getKey(), h.getValue().asString()));
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
            body = step.get("bodyRaw").asString();
        } else if (step.hasNonNull("body")) {
            body = JSON.writeValueAsString(step.get("body"));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Map<String, String> got = new HashMap<>();
        response.headers().map().forEach((name, values) -> got.put(name.toLowerCase(Locale.ROOT), values.get(0)));
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
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        byte[] rest = Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
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

    /** References in a path: an earlier body's value, or an earlier header's path ({@code header.Location}). */
    private String resolve(String text) {
        Matcher m = REFERENCE.matcher(text);
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

    /** An expected value: a string that is one whole reference is the earlier body's value, anything else itself. */
    private JsonNode expected(JsonNode value) {
        if (value.isString()) {
            Matcher m = REFERENCE.matcher(value.asString());
            if (m.matches()) {
                return referred(m.group(1), m.group(2));
            }
        }
        return value;
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

    private List<String> check(JsonNode expect, Answer answer) {
        List<String> wrong = new ArrayList<>();
        if (expect.has("statusOneOf")) {
            List<Integer> statuses = new ArrayList<>();
            expect.get("statusOneOf").forEach(s -> statuses.add(s.asInt()));
            if (!statuses.contains(answer.status())) {
                wrong.add("status expected one of " + statuses + ", got " + answer.status());
            }
        } else if (answer.status() != expect.get("status").asInt()) {
            wrong.add("status expected " + expect.get("status").asInt() + ", got " + answer.status());
        }
        if (expect.hasNonNull("contentType")) {
            String expected = expect.get("contentType").asString();
            String got = Objects.requireNonNullElse(answer.header("Content-Type"), "(none)");
            if (!got.startsWith(expected)) {
                wrong.add("Content-Type expected " + expected + "…, got " + got);
            }
        }
        if (expect.has("headers")) {
            expect.get("headers").properties().forEach(e -> {
                String got = answer.header(e.getKey());
                String expected = e.getValue().isNull() ? null : e.getValue().asString();
                if (!Objects.equals(expected, got)) {
                    wrong.add("header " + e.getKey() + " expected " + (expected == null ? "(absent)" : expected)
                            + ", got " + (got == null ? "(absent)" : got));
                }
            });
        }
        for (JsonNode h : expect.path("headersPresent")) {
            if (answer.header(h.asString()) == null) {
                wrong.add("header " + h.asString() + " expected present, is absent");
            }
        }
        for (JsonNode text : expect.path("bodyIncludes")) {
            if (!answer.body().contains(text.asString())) {
                wrong.add("body expected to include '" + text.asString() + "', does not");
            }
        }
        for (JsonNode text : expect.path("bodyExcludes")) {
            if (answer.body().contains(text.asString())) {
                wrong.add("body expected without '" + text.asString() + "', has it");
            }
        }
        if (List.of("json", "jsonNot", "jsonEqual", "jsonPresent", "jsonAbsent").stream().noneMatch(expect::has)) {
            return wrong;
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (RuntimeException e) {
            wrong.add("body is not JSON");
            return wrong;
        }
        if (expect.has("json")) {
            expect.get("json").properties().forEach(e -> {
                JsonNode want = expected(e.getValue());
                JsonNode got = body.at(e.getKey());
                if (!got.equals(want)) {
                    wrong.add("'" + e.getKey() + "' expected " + want + ", got " + shown(got));
                }
            });
        }
        if (expect.has("jsonNot")) {
            expect.get("jsonNot").properties().forEach(e -> {
                JsonNode unwanted = expected(e.getValue());
                if (body.at(e.getKey()).equals(unwanted)) {
                    wrong.add("'" + e.getKey() + "' expected not " + unwanted + ", is");
                }
            });
        }
        for (JsonNode pair : expect.path("jsonEqual")) {
            JsonNode a = body.at(pair.get(0).asString());
            JsonNode b = body.at(pair.get(1).asString());
            if (a.isMissingNode() || !a.equals(b)) {
                wrong.add("'" + pair.get(0).asString() + "' expected equal to '" + pair.get(1).asString()
                        + "', got " + shown(a) + " and " + shown(b));
            }
        }
        for (JsonNode p : expect.path("jsonPresent")) {
            if (body.at(p.asString()).isMissingNode()) {
                wrong.add("'" + p.asString() + "' expected present, is absent");
            }
        }
        for (JsonNode p : expect.path("jsonAbsent")) {
            JsonNode got = body.at(p.asString());
            if (!got.isMissingNode()) {
                wrong.add("'" + p.asString() + "' expected absent, got " + got);
            }
        }
        return wrong;
    }

    private static String shown(JsonNode node) {
        return node.isMissingNode() ? "(absent)" : node.toString();
    }

    private static String shorten(String body) {
        return body.length() <= 1500 ? body : body.substring(0, 1500) + "… (" + body.length() + " characters)";
    }
}
