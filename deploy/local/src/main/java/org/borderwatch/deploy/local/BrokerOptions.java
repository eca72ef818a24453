package org.borderwatch.deploy.local;

import org.borderwatch.deploy.local.kafka.ScramCredentials;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
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

    @Option(names = "--kafka-sasl-scram", paramLabel = "USER:PASSWORD",
            description = "Authenticate with SASL/SCRAM-SHA-512 as this user (a broker started with "
                    + "'up --kafka-sasl-scram').")
    String scram;

    /** The client settings for {@code --kafka-sasl-scram}, none without it; a malformed value is a usage error. */
    Map<String, String> clientSecurity() {
        return scram == null ? Map.of() : ScramCredentials.parse(scram).clientProperties();
    }

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
