package org.borderwatch.testkit;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class DockerProbeTest {

    private final AtomicInteger asked = new AtomicInteger();
    private final BooleanSupplier engineAnswers = () -> {
        asked.incrementAndGet();
        return true;
    };

    private DockerProbe probe(Map<String, String> env, String os, Set<Path> files) {
        return new DockerProbe(env::get, "/home/analyst", os, files::contains, engineAnswers);
    }

    @Test
    void withNoSignOfAnEngineTestcontainersIsNotAskedAndTheAnswerIsNo() {
        DockerProbe probe = probe(Map.of(), "Linux", Set.of());

        assertThat(probe.getAsBoolean()).isFalse();
        assertThat(asked).as("Testcontainers would log an ERROR when asked").hasValue(0);
    }

    @Test
    void aSocketAnEnvironmentVariableOrATestcontainersFileLetsTestcontainersDecide() {
        assertThat(probe(Map.of(), "Linux", Set.of(Path.of("/var/run/docker.sock"))).getAsBoolean()).isTrue();
        assertThat(probe(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2375"), "Linux", Set.of()).getAsBoolean()).isTrue();
        assertThat(probe(Map.of(), "Mac OS X", Set.of(Path.of("/home/analyst/.docker/run/docker.sock")))
                .getAsBoolean()).isTrue();
        assertThat(probe(Map.of(), "Linux", Set.of(Path.of("/home/analyst/.testcontainers.properties")))
                .getAsBoolean()).isTrue();
        assertThat(probe(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), "Linux",
                Set.of(Path.of("/run/user/1000/podman/podman.sock"))).getAsBoolean()).isTrue();
        assertThat(asked).hasValue(5);
    }

    @Test
    void aBlankDockerHostIsNoSignAndWindowsAlwaysAsks() {
        assertThat(probe(Map.of("DOCKER_HOST", " "), "Linux", Set.of()).mayHaveAnEngine()).isFalse();
        assertThat(probe(Map.of(), "Windows 11", Set.of()).mayHaveAnEngine()).isTrue();
    }

    @Test
    void testcontainersHasTheLastWordWhenThereIsASign() {
        DockerProbe probe = new DockerProbe(Map.<String, String>of()::get, "/home/analyst", "Linux",
                Set.of(Path.of("/var/run/docker.sock"))::contains, () -> false);

        assertThat(probe.getAsBoolean()).as("a socket file whose daemon does not answer").isFalse();
    }
}
