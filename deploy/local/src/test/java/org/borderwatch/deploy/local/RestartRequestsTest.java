package org.borderwatch.deploy.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RestartRequestsTest {

    @TempDir
    Path tmp;

    @Test
    void aRequestIsTakenOnceAndItsAnswerFoundByItsToken() {
        DataLayout layout = new DataLayout(tmp);
        RestartRequests command = new RestartRequests(layout);
        RestartRequests launcher = new RestartRequests(layout);

        String token = command.request("classifier-service");
        assertThat(command.result("classifier-service", token)).isEmpty();

        var taken = launcher.take();
        assertThat(taken).containsExactly(new RestartRequests.Request("classifier-service", token));
        assertThat(launcher.take()).as("taken means gone").isEmpty();

        launcher.answer(taken.get(0), true, "4242");
        assertThat(command.result("classifier-service", token))
                .contains(new RestartRequests.Result(token, true, "4242"));
        assertThat(command.result("classifier-service", "another-token")).as("an older request's answer").isEmpty();
        assertThat(command.result("alert-service", token)).isEmpty();
    }

    @Test
    void aFailureCarriesItsReasonOnOneLine() {
        DataLayout layout = new DataLayout(tmp);
        RestartRequests requests = new RestartRequests(layout);
        String token = requests.request("alert-service");
        RestartRequests.Request request = requests.take().get(0);

        requests.answer(request, false, "alert-service exited during start-up (exit 1); last lines:\n    boom");

        assertThat(requests.result("alert-service", token)).hasValueSatisfying(r -> {
            assertThat(r.ready()).isFalse();
            assertThat(r.detail()).isEqualTo("alert-service exited during start-up (exit 1); last lines:     boom");
        });
        try (var files = Files.list(layout.controlDir())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no partial file is left behind")
                    .containsExactly("restart-alert-service.result");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void withoutARunningLauncherTheCommandSaysSoAndFails() {
        StringWriter err = new StringWriter();
        var cli = Launcher.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));

        assertThat(cli.execute("restart", "classifier-service", "--data", tmp.toString())).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("Not running: no launcher uses");

        // a state file left by a launcher that was killed (its pid is gone) is not a running launcher
        new LauncherState(Long.MAX_VALUE - 1, Instant.now(), "localhost", "localhost:9092",
                "mongodb://localhost:27017/borderwatch", Map.of("classifier-service", 8082))
                .write(new DataLayout(tmp).stateFile());
        assertThat(cli.execute("restart", "classifier-service", "--data", tmp.toString())).isEqualTo(ExitCodes.FAILURE);
        assertThat(new RestartRequests(new DataLayout(tmp)).take()).as("no request left for nobody").isEmpty();
    }

    @Test
    void aServiceTheLauncherDoesNotRunIsNamedWithTheOnesItDoes() {
        new LauncherState(ProcessHandle.current().pid(), Instant.now(), "localhost", "localhost:9092",
                "mongodb://localhost:27017/borderwatch", Map.of("alert-service", 8083))
                .write(new DataLayout(tmp).stateFile());
        StringWriter err = new StringWriter();
        var cli = Launcher.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));

        assertThat(cli.execute("restart", "ingest-service", "--data", tmp.toString())).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("ingest-service is not running under the launcher").contains("it runs alert-service");
    }
}
