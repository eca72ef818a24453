package org.borderwatch.deploy.local.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaLibsTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingDirectoryTellsHowToBuildIt() {
        assertThatThrownBy(() -> KafkaLibs.locate(tmp.resolve("nowhere")))
                .hasMessageContaining("The Kafka jars are missing").hasMessageContaining("--kafka-libs");
    }

    @Test
    void aDirectoryWithoutTheBrokerJarIsRefused() {
        assertThatThrownBy(() -> KafkaLibs.locate(tmp)).hasMessageContaining("No kafka_2.13 jar");
    }

    @Test
    void anOverrideWithTheBrokerJarIsUsed() throws IOException {
        Files.writeString(tmp.resolve("kafka_2.13-4.1.2.jar"), "x");
        assertThat(KafkaLibs.locate(tmp)).isEqualTo(tmp);
        assertThat(KafkaLibs.classpathOf(tmp)).isEqualTo(tmp.toAbsolutePath() + "/*");
    }

    @Test
    void theDefaultIsBesideTheLaunchersClassesOrJar() {
        assertThat(KafkaLibs.besideLauncher().getFileName().toString()).isEqualTo("kafka-libs");
        assertThat(KafkaLibs.besideLauncher().getParent().getFileName().toString()).isEqualTo("target");
    }
}
