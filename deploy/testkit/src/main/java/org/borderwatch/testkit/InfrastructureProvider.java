package org.borderwatch.testkit;

/** Starts a broker and a store on first use and stops them at JVM exit. */
interface InfrastructureProvider extends AutoCloseable {

    String kafkaBootstrapServers();

    String mongoUri();

    @Override
    void close();
}
