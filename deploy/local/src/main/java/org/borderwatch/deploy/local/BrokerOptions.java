package org.borderwatch.deploy.local;

import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The broker a client command ({@code produce}, {@code consume}) talks to, as a picocli mixin: the one named with
 * {@code --bootstrap}, else the one the launcher using {@code --data} runs. Says plainly on stderr when there is none.
 */
final class BrokerOptions {

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: the broker of the launcher using --data).")
    String bootstrap;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path data = Path.of("data");

    Optional<String> resolve(PrintWriter err) {
        if (bootstrap != null) {
            return Optional.of(bootstrap);
        }
        Optional<LauncherState> launcher = LauncherState.read(new DataLayout(data).stateFile());
        if (launcher.isPresent() && !launcher.get().isAlive()) {
            err.println("No broker: the launcher that used " + data.toAbsolutePath().normalize() + " (pid "
                    + launcher.get().pid() + ") is no longer running; start it again with 'up', or name a broker "
                    + "with --bootstrap.");
            return Optional.empty();
        }
        if (launcher.isEmpty()) {
            err.println("No broker: no launcher uses " + data.toAbsolutePath().normalize()
                    + " (start one with 'up', or name a broker with --bootstrap).");
        }
        return launcher.map(LauncherState::kafka);
    }
}
