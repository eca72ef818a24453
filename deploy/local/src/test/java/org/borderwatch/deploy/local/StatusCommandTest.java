package org.borderwatch.deploy.local;

import org.borderwatch.common.topic.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** {@code status} against parts that accept connections but never answer (a paused broker, a hung service). */
class StatusCommandTest {

    @TempDir
    Path data;

    @Test
    void partsThatStopAnsweringAreReportedDownInsteadOfHoldingStatusUp() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        accepted.add(silent.accept()); // accept, then never say a word
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String address = "127.0.0.1:" + silent.getLocalPort();
            new LauncherState(ProcessHandle.current().pid(), Instant.now(), "127.0.0.1", address,
                    "mongodb://127.0.0.1:1/borderwatch", Map.of("ingest-service", silent.getLocalPort()))
                    .write(new DataLayout(data).stateFile());
            StringWriter out = new StringWriter();
            CommandLine cli = Launcher.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(new StringWriter(), true));

            // generous: what matters is that it ends on its own timeouts, not how fast
            int code = assertTimeoutPreemptively(Duration.ofSeconds(90),
                    () -> cli.execute("status", "--data", data.toString(), "--timeout", "2"));

            assertThat(code).isEqualTo(ExitCodes.FAILURE);
            assertThat(out.toString()).containsPattern("launcher\\s+UP")
                    .containsPattern("kafka\\s+DOWN\\s+" + address)
                    .containsPattern("store\\s+DOWN")
                    .containsPattern("ingest-service\\s+DOWN");
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void aBrokerWithoutEveryCatalogueTopicIsNotComplete() {
        Set<String> all = new HashSet<>();
        Topics.all().forEach(t -> all.add(t.name()));
        assertThat(StatusCommand.missingTopics(all)).isEmpty();

        Set<String> some = new HashSet<>(all);
        some.remove("border.assessments");
        some.remove("border.alerts");
        some.add("someone-elses-topic");
        Set<String> missing = StatusCommand.missingTopics(some);
        assertThat(missing).containsExactly("border.alerts", "border.assessments");

        StatusCommand.KafkaView view = new StatusCommand.KafkaView(1, some.size(), missing, List.of());
        assertThat(view.complete()).isFalse();
        assertThat(view.detail()).endsWith("missing from the catalogue: border.alerts, border.assessments");
        assertThat(new StatusCommand.KafkaView(1, all.size(), StatusCommand.missingTopics(all), List.of()).complete())
                .isTrue();
    }
}
