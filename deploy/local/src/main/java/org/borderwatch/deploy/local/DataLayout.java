package org.borderwatch.deploy.local;

import java.nio.file.Path;

/**
 * Where the launcher keeps things under its data directory.
 *
 * <pre>
 * data/
 *   kafka/            server.properties, log4j2.properties, cluster.id (written by the launcher)
 *   kafka/data/       the broker's partitions and meta.properties
 *   tls/              with up --kafka-tls: broker.p12 (the broker's self-signed key pair), truststore.p12 (what
 *                     clients trust), tls.properties (the host it was made for, the stores' password)
 *   mongo/            borderwatch.mv.db (the store's H2 file)
 *   logs/             kafka.log and one log per service
 *   run/              launcher.lock, launcher.properties (addresses, for 'status'), watchdog class
 *   services/NAME/    a service's working directory: NAME.jar, the copy of the built jar the service runs from
 *                     (a rebuild of the checkout cannot pull classes from under a running service); tmp/ below
 *                     it is its java.io.tmpdir, so its local state (the classifier's Kafka Streams stores)
 *                     belongs to this data directory and its broker
 * </pre>
 */
public record DataLayout(Path root) {

    public DataLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path kafkaDir() {
        return root.resolve("kafka");
    }

    public Path kafkaLogDir() {
        return kafkaDir().resolve("data");
    }

    /** The broker's TLS key pair and the clients' truststore ({@code up --kafka-tls}). */
    public Path tlsDir() {
        return root.resolve("tls");
    }

    public Path mongoDir() {
        return root.resolve("mongo");
    }

    public Path logsDir() {
        return root.resolve("logs");
    }

    public Path logFile(String name) {
        return logsDir().resolve(name + ".log");
    }

    public Path runDir() {
        return root.resolve("run");
    }

    public Path watchdogDir() {
        return runDir().resolve("watchdog");
    }

    public Path lockFile() {
        return runDir().resolve("launcher.lock");
    }

    public Path stateFile() {
        return runDir().resolve("launcher.properties");
    }

    /** Where the {@code restart} command leaves requests for the running launcher and finds its answers. */
    public Path controlDir() {
        return runDir().resolve("control");
    }

    public Path serviceDir(String name) {
        return root.resolve("services").resolve(name);
    }

    /** The copy of a service's built jar that the service runs from, taken at every start. */
    public Path serviceJar(String name) {
        return serviceDir(name).resolve(name + ".jar");
    }

    public Path serviceTmpDir(String name) {
        return serviceDir(name).resolve("tmp");
    }
}
