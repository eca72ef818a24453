package org.borderwatch.deploy.local;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which broker a client command ({@code produce}, {@code consume}) talks to: the one named with {@code --bootstrap},
 * else the one the launcher using the data directory runs. Says plainly on stderr when there is none.
 */
final class RunningBroker {

    private RunningBroker() {
    }

    static Optional<String> resolve(String bootstrap, Path data, PrintWriter err) {
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
