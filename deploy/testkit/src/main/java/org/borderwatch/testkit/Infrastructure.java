package org.borderwatch.testkit;

/**
 * What a test receives: which kind of infrastructure this JVM uses, and where the shared broker and store listen.
 * Each address is asked for on first use, so a test class that only needs the store never starts a broker just by
 * taking this parameter.
 */
public final class Infrastructure {

    private final InfrastructureMode mode;

    Infrastructure(InfrastructureMode mode) {
        this.mode = mode;
    }

    public InfrastructureMode mode() {
        return mode;
    }

    /** The shared broker's bootstrap address; starts the broker if no test has yet. */
    public String kafkaBootstrapServers() {
        return TestInfrastructure.kafkaBootstrapServers();
    }

    /** The shared store's connection string (database {@code borderwatch}); starts the store if no test has yet. */
    public String mongoUri() {
        return TestInfrastructure.mongoUri();
    }

    @Override
    public String toString() {
        return "Infrastructure[" + mode + "]";
    }
}
