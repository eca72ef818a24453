package org.borderwatch.deploy.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code consume} without a broker; reading through a real one is in {@code LocalInfrastructureIT}. */
class ConsumeCommandTest {

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
    void noLauncherOnTheDataDirectoryIsSaidPlainly() {
        assertThat(run("consume", "--data", tmp.toString(), "--topic", "border.reports.rejected"))
                .isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("No broker: no launcher uses " + tmp).contains("--bootstrap");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMaximumBelowOneIsAUsageError() {
        assertThat(run("consume", "--bootstrap", "127.0.0.1:1", "--topic", "border.reports.rejected", "--max", "0"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--max must be at least 1");
    }

    @Test
    void whereToStartIsBeginningOrEnd() {
        assertThat(run("consume", "--bootstrap", "127.0.0.1:1", "--topic", "border.reports.rejected", "--from", "middle"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--from").contains("beginning").contains("end");
    }

    @Test
    void anUnreachableBrokerIsOneLineAfterTheTimeout() {
        assertThat(run("consume", "--bootstrap", "127.0.0.1:1", "--topic", "border.reports.rejected",
                "--timeout", "2s")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("did not answer within 2 s").doesNotContain("\tat ");
    }
}
