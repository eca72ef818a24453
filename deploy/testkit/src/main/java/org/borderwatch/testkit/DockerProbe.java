package org.borderwatch.testkit;

import org.testcontainers.DockerClientFactory;

import java.util.function.BooleanSupplier;

/** Asks Testcontainers whether a Docker engine answers. A missing engine (only a client installed) means no. */
final class DockerProbe implements BooleanSupplier {

    @Override
    public boolean getAsBoolean() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
