package org.borderwatch.testkit;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/** Where integration tests get their broker and store from. */
public enum InfrastructureMode {
    /** Testcontainers' Kafka and MongoDB containers: used where a Docker engine answers. */
    CONTAINERS,
    /** An in-JVM KRaft broker and an in-JVM mongo-java-server: used everywhere else. */
    IN_JVM;

    /** System property (or environment variable {@code BORDERWATCH_TEST_INFRA}) forcing a mode: containers, in-jvm. */
    public static final String OVERRIDE_PROPERTY = "borderwatch.test.infra";

    /**
     * Chooses the mode: an explicit override wins; otherwise containers when Docker is available.
     *
     * @param override        {@code containers}, {@code in-jvm}, {@code auto} or {@code null}
     * @param dockerAvailable asked only when there is no override
     */
    public static InfrastructureMode choose(String override, BooleanSupplier dockerAvailable) {
        String value = override == null ? "auto" : override.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "containers", "testcontainers", "docker" -> CONTAINERS;
            case "in-jvm", "injvm", "local" -> IN_JVM;
            case "auto", "" -> dockerAvailable.getAsBoolean() ? CONTAINERS : IN_JVM;
            default -> throw new IllegalArgumentException(
                    OVERRIDE_PROPERTY + " must be containers, in-jvm or auto, not '" + override + "'");
        };
    }
}
