package org.borderwatch.deploy.local;

import org.borderwatch.deploy.local.kafka.KafkaClientSecurity;
import org.borderwatch.deploy.local.kafka.KafkaTls;
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

    @Option(names = "--kafka-tls", description = "Speak TLS, trusting the certificate of the broker started with "
            + "'up --kafka-tls' on --data (its DIR/tls/truststore.p12).")
    boolean tls;

    /**
     * The client settings for {@code --kafka-sasl-scram} and {@code --kafka-tls}, none without them; a malformed
     * value or a missing truststore is a usage error.
     */
    Map<String, String> clientSecurity() {
        return clientSecurity(scram, tls, data);
    }

    /** The client settings of a command given {@code --kafka-sasl-scram} (or {@code null}) and {@code --kafka-tls}. */
    static Map<String, String> clientSecurity(String scram, boolean tls, Path data) {
        try {
            return new KafkaClientSecurity(scram == null ? null : ScramCredentials.parse(scram),
                    tls ? KafkaTls.load(new DataLayout(data).tlsDir()) : null).clientProperties();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--kafka-sasl-scram: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("--kafka-tls: " + e.getMessage(), e);
        }
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
