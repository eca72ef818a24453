package org.borderwatch.deploy.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code produce} without a broker; sending through a real one is in {@code LocalInfrastructureIT}. */
class ProduceCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Launcher.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void noLauncherOnTheDataDirectoryIsSaidPlainly() throws IOException {
        Path input = Files.writeString(tmp.resolve("lines.jsonl"), "{}\n");
        assertThat(run("produce", "--data", tmp.toString(), "--topic", "border.reports.raw.statement",
                "--input", input.toString())).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("No broker: no launcher uses " + tmp);
    }

    @Test
    void skippingTheHeaderAndSendingItWithEveryRowExcludeEachOther() throws IOException {
        Path input = Files.writeString(tmp.resolve("rows.csv"), "event_id_cnty\nARM1\n");
        assertThat(run("produce", "--bootstrap", "127.0.0.1:1", "--topic", "border.reports.raw.acled",
                "--skip-header", "--header-per-record", "--input", input.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("exclude each other");
    }

    @Test
    void aKilledLaunchersLeftOverStateIsRecognisedByItsDeadPid() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        new LauncherState(gone.pid(), Instant.now(), "127.0.0.1", "127.0.0.1:1",
                "mongodb://127.0.0.1:1/borderwatch", Map.of()).write(new DataLayout(tmp).stateFile());
        Path input = Files.writeString(tmp.resolve("lines.jsonl"), "{}\n");

        int code = run("produce", "--data", tmp.toString(), "--topic", "border.reports.raw.statement",
                "--input", input.toString(), "--timeout", "2");

        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("(pid " + gone.pid() + ") is no longer running")
                .contains("start it again with 'up'").doesNotContain("refused a record");
        assertThat(out.toString()).doesNotContain("Sent");
    }
}
