package org.borderwatch.deploy.local;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/** {@code restart NAME}: asks the running launcher to restart one service from a fresh copy of its built jar. */
@Command(name = "restart", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Restarts one service of the launcher running on --data (started with up --with-services), "
                + "from a fresh copy of its built jar, and waits until it is ready again.", "",
                "Use it after rebuilding one service; the others keep running."})
public final class RestartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "ingest-service, classifier-service or alert-service.")
    String service;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory of the running launcher (default: ${DEFAULT-VALUE}).")
    Path data = Path.of("data");

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "How long to wait for the service to be ready again (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = 240;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DataLayout layout = new DataLayout(data);
        Optional<LauncherState> found = LauncherState.read(layout.stateFile()).filter(LauncherState::isAlive);
        if (found.isEmpty()) {
            err.println("Not running: no launcher uses " + layout.root() + " (start one with up --with-services).");
            return ExitCodes.FAILURE;
        }
        LauncherState state = found.get();
        if (!state.services().containsKey(service)) {
            err.println(service + " is not running under the launcher on " + layout.root() + "; it runs "
                    + (state.services().isEmpty() ? "no service (was it started with --with-services?)"
                    : String.join(", ", state.services().keySet())) + ".");
            return ExitCodes.FAILURE;
        }
        RestartRequests requests = new RestartRequests(layout);
        String token = requests.request(service);
        out.println("Asked the launcher (pid " + state.pid() + ") to restart " + service + " ...");
        out.flush();
        Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
        while (Instant.now().isBefore(deadline)) {
            Optional<RestartRequests.Result> result = requests.result(service, token);
            if (result.isPresent()) {
                if (result.get().ready()) {
                    out.println(service + " is ready again: http://" + state.host() + ":" + state.services().get(service)
                            + " (pid " + result.get().detail() + ")");
                    out.flush();
                    return ExitCodes.OK;
                }
                err.println(service + " was not restarted: " + result.get().detail());
                return ExitCodes.FAILURE;
            }
            if (!state.isAlive()) {
                err.println("The launcher stopped before " + service + " was ready again.");
                return ExitCodes.FAILURE;
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        err.println(service + " was not ready again within " + timeoutSeconds + " s; see "
                + layout.logFile(service) + " (the launcher goes on trying by its restart policy).");
        return ExitCodes.FAILURE;
    }
}
