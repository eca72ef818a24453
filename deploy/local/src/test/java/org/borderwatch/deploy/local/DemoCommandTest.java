package org.borderwatch.deploy.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo command against real HTTP servers standing in for ingest-service and alert-service. */
class DemoCommandTest {

    private static final String VERDICT = "{\"incidentId\":\"%s\",\"version\":%d,\"segment\":\"SYUNIK_EAST\","
            + "\"occurrence\":\"%s\",\"attribution\":\"CONTESTED\",\"severity\":\"MEDIUM\","
            + "\"signals\":[\"CLAIM_SURGE\"],\"window\":{\"from\":\"2025-03-16T09:35:00+04:00\","
            + "\"to\":\"2025-03-16T09:35:00+04:00\"},\"closed\":false}";

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<Map<String, String>> ingestCalls = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> alertCalls = new CopyOnWriteArrayList<>();
    private final AtomicInteger verdictPolls = new AtomicInteger();
    private HttpServer server;
    private volatile int ingestStatus = 202;
    private volatile boolean verdictsAppear = true;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/reports/statement", this::ingest);
        server.createContext("/api/v1/verdicts", this::verdicts);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void ingest(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        ingestCalls.add(Map.of("body", body, "key", String.valueOf(x.getRequestHeaders().getFirst("X-Api-Key")),
                "type", String.valueOf(x.getRequestHeaders().getFirst("Content-Type"))));
        long lines = body.lines().filter(l -> !l.isBlank()).count();
        String receipt = ingestStatus == 202
                ? "{\"partner\":\"p\",\"accepted\":[" + "{\"line\":1},".repeat((int) lines - 1) + "{\"line\":1}],"
                + "\"duplicates\":[],\"rejections\":[]}"
                : "{\"title\":\"Unauthorized\"}";
        answer(x, ingestStatus, receipt);
    }

    private static final String DETAIL = "{\"rationale\":[\"Ministry of Defence of Azerbaijan claimed small-arms fire "
            + "near Tegh.\",\"REFUTED by EUMA, whose patrols observed no incident.\"],\"latest\":{\"evidence\":["
            + "{\"reportId\":\"11111111-1111-5111-8111-111111111111\",\"revision\":1,\"source\":{\"id\":\"az-mod\","
            + "\"name\":\"Ministry of Defence of Azerbaijan\",\"kind\":\"PARTY_OFFICIAL\",\"party\":\"AZ\"},"
            + "\"stance\":\"CLAIM\",\"publishedAt\":\"2025-03-16T11:00:00+04:00\","
            + "\"url\":\"https://example.org/az-mod/claim\"},"
            + "{\"reportId\":\"22222222-2222-5222-8222-222222222222\",\"revision\":1,\"source\":{\"id\":\"euma\","
            + "\"kind\":\"INDEPENDENT_OBSERVER\",\"party\":\"EU\"},\"stance\":\"REFUTATION\","
            + "\"publishedAt\":\"2025-03-18T12:00:00+04:00\"}]}}";

    private void verdicts(HttpExchange x) throws IOException {
        if (x.getRequestURI().getPath().startsWith("/api/v1/verdicts/")) {
            alertCalls.add(Map.of("query", "", "detail", x.getRequestURI().getPath(),
                    "auth", String.valueOf(x.getRequestHeaders().getFirst("Authorization"))));
            answer(x, 200, DETAIL);
            return;
        }
        alertCalls.add(Map.of("query", URLDecoder.decode(x.getRequestURI().getRawQuery(), StandardCharsets.UTF_8),
                "auth", String.valueOf(x.getRequestHeaders().getFirst("Authorization"))));
        int poll = verdictPolls.incrementAndGet();
        String body;
        if (!verdictsAppear || poll == 1) {
            body = "[]";
        } else if (poll == 2) {
            body = "[" + VERDICT.formatted("0411852d-6cf4-55e7-a171-14b06ed4c70c", 1, "UNVERIFIED") + "]";
        } else {
            body = "[" + VERDICT.formatted("0411852d-6cf4-55e7-a171-14b06ed4c70c", 3, "REFUTED") + "]";
        }
        answer(x, 200, body);
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private int run(String... args) {
        CommandLine cli = Launcher.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setOverwrittenOptionsAllowed(true);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        List<String> all = new ArrayList<>(List.of("demo", "--data=" + tmp, "--ingest=" + base, "--alert=" + base,
                "--api-key=partner-key", "--user=desk:secret", "--timeout=PT5S", "--settle=PT0.6S"));
        all.addAll(List.of(args));
        return cli.execute(all.toArray(String[]::new));
    }

    @Test
    void sendsTheTimelineAsAPartnerAndPrintsTheVerdictsOnceTheyStopChanging() {
        int code = run();

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(ingestCalls).singleElement().satisfies(call -> {
            assertThat(call.get("key")).isEqualTo("partner-key");
            assertThat(call.get("type")).isEqualTo("application/x-ndjson");
            assertThat(call.get("body").lines().filter(l -> !l.isBlank())).hasSize(9)
                    .allSatisfy(l -> assertThat(l).contains("\"publishedAt\":\"2025-03-1"));
        });
        assertThat(alertCalls).allSatisfy(call -> {
            assertThat(call.get("auth")).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString("desk:secret".getBytes(StandardCharsets.UTF_8)));
            // one day either side of the timeline's publication times
            assertThat(call.get("query")).contains("from=2025-03-15T07:00:00Z").contains("to=2025-03-20T08:45:00Z");
        });
        assertThat(out.toString()).contains("Sent 9 statements").contains("9 accepted");
        // the table shows the settled version, not the first one seen
        assertThat(out.toString()).contains("0411852d-6cf4-55e7-a171-14b06ed4c70c  SYUNIK_EAST")
                .contains("REFUTED").doesNotContain("UNVERIFIED").contains("CLAIM_SURGE");
        assertThat(verdictPolls.get()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void explainPrintsWhyAndTheStatementsBehindEachVerdict() {
        int code = run("--explain");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(alertCalls).filteredOn(c -> c.containsKey("detail")).singleElement()
                .satisfies(c -> assertThat(c.get("detail"))
                        .isEqualTo("/api/v1/verdicts/0411852d-6cf4-55e7-a171-14b06ed4c70c"));
        assertThat(out.toString())
                .contains("0411852d-6cf4-55e7-a171-14b06ed4c70c  SYUNIK_EAST · REFUTED / CONTESTED · MEDIUM")
                .contains("    - REFUTED by EUMA, whose patrols observed no incident.")
                .contains("    - 2025-03-16T11:00:00+04:00  CLAIM         Ministry of Defence of Azerbaijan (az-mod)  "
                        + "https://example.org/az-mod/claim")
                .contains("    - 2025-03-18T12:00:00+04:00  REFUTATION    euma" + System.lineSeparator());
    }

    @Test
    void withoutExplainNoVerdictIsFetchedOneByOne() {
        assertThat(run()).isEqualTo(ExitCodes.OK);
        assertThat(alertCalls).noneMatch(c -> c.containsKey("detail"));
        assertThat(out.toString()).doesNotContain("Why:").contains("or run demo again with --explain");
    }

    @Test
    void aTimelineFileReplacesTheBuiltInOne() throws IOException {
        Path file = Files.writeString(tmp.resolve("mine.jsonl"), "{\"sourceRef\":\"x\",\"source\":\"EUMA\","
                + "\"publishedAt\":\"2024-02-13T10:00:00+04:00\",\"language\":\"en\",\"text\":\"calm\"}\n");
        assertThat(run("--timeline=" + file)).isEqualTo(ExitCodes.OK);
        assertThat(ingestCalls).singleElement().satisfies(c -> assertThat(c.get("body")).contains("\"sourceRef\":\"x\""));
        assertThat(alertCalls.get(0).get("query")).contains("from=2024-02-12T06:00:00Z")
                .contains("to=2024-02-14T06:00:00Z");
    }

    @Test
    void aRefusedKeyEndsWithIngestsAnswerAndNoWaiting() {
        ingestStatus = 401;
        assertThat(run()).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("refused the timeline: HTTP 401");
        assertThat(alertCalls).isEmpty();
    }

    @Test
    void verdictsThatNeverAppearEndWithAHintInsteadOfHanging() {
        verdictsAppear = false;
        assertThat(run("--timeout=PT2S")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("No settled verdicts within PT2S").contains("classifier-service");
        assertThat(verdictPolls.get()).isGreaterThan(1);
    }

    @Test
    void aServiceThatIsNotRunningIsNamed() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        CommandLine cli = Launcher.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("demo", "--data=" + tmp, "--ingest=http://127.0.0.1:" + closedPort,
                "--alert=http://127.0.0.1:" + closedPort);
        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("ingest-service does not answer at http://127.0.0.1:" + closedPort)
                .contains("connection refused").contains("up --with-services");
    }

    @Test
    void theTimeoutTakesPlainSecondsLikeTheOtherCommands() {
        verdictsAppear = false;
        assertThat(run("--timeout=2")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("No settled verdicts within PT2S");
    }

    @Test
    void aLauncherThatWasKilledIsNamedInsteadOfItsDeadPorts() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        new LauncherState(gone.pid(), Instant.now(), "127.0.0.1", "127.0.0.1:9092",
                "mongodb://127.0.0.1:27017/borderwatch", Map.of("ingest-service", 1, "alert-service", 1))
                .write(new DataLayout(tmp).stateFile());
        CommandLine cli = Launcher.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("demo", "--data=" + tmp)).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("(pid " + gone.pid() + ") is no longer running")
                .contains("up --with-services");
        assertThat(ingestCalls).isEmpty();
    }

    @Test
    void thePortsComeFromTheRunningLaunchersState() throws IOException {
        int port = server.getAddress().getPort();
        LauncherState state = new LauncherState(ProcessHandle.current().pid(), Instant.now(), "127.0.0.1",
                "127.0.0.1:9092", "mongodb://127.0.0.1:27017/borderwatch",
                Map.of("ingest-service", port, "alert-service", port));
        state.write(new DataLayout(tmp).stateFile());
        CommandLine cli = Launcher.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("demo", "--data=" + tmp, "--timeout=PT5S", "--settle=PT0.6S"))
                .as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(ingestCalls).singleElement().satisfies(c -> assertThat(c.get("key")).isEqualTo("local-dev-key"));
    }
}
