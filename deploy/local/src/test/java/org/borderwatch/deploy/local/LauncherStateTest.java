package org.borderwatch.deploy.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherStateTest {

    @TempDir
    Path tmp;

    @Test
    void writesReadsAndDeletesTheRunningState() {
        DataLayout layout = new DataLayout(tmp);
        LauncherState state = new LauncherState(123, Instant.parse("2026-11-22T10:00:00Z"), "localhost",
                "localhost:9092", "mongodb://localhost:27017/borderwatch", Map.of("alert-service", 8083));
        state.write(layout.stateFile());
        assertThat(LauncherState.read(layout.stateFile())).contains(state);
        LauncherState.delete(layout.stateFile());
        assertThat(LauncherState.read(layout.stateFile())).isEmpty();
    }

    @Test
    void theDataLayoutKeepsEachPartInItsOwnFolder() {
        DataLayout layout = new DataLayout(tmp.resolve("a/../data"));
        assertThat(layout.root()).isEqualTo(tmp.resolve("data"));
        assertThat(layout.kafkaLogDir()).isEqualTo(tmp.resolve("data/kafka/data"));
        assertThat(layout.mongoDir()).isEqualTo(tmp.resolve("data/mongo"));
        assertThat(layout.logFile("kafka")).isEqualTo(tmp.resolve("data/logs/kafka.log"));
        assertThat(layout.stateFile()).isEqualTo(tmp.resolve("data/run/launcher.properties"));
    }

    @Test
    void oneLauncherPerDataDirectory() {
        DataLayout layout = new DataLayout(tmp);
        try (DataDirLock first = DataDirLock.acquire(layout)) {
            assertThatThrownBy(() -> DataDirLock.acquire(layout))
                    .isInstanceOf(DataDirLock.InUseException.class)
                    .hasMessageContaining("is in use by another launcher").hasMessageContaining("--data");
        }
        DataDirLock.acquire(layout).close(); // released
    }
}
