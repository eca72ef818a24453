package org.borderwatch.testkit;

/** What a test receives: where the shared broker and store listen, and which kind they are. */
public record Infrastructure(InfrastructureMode mode, String kafkaBootstrapServers, String mongoUri) {
}
