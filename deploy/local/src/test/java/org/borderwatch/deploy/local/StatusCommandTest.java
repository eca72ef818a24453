package org.borderwatch.deploy.local;

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
import java.util.List;
import java.util.Map;

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
}
