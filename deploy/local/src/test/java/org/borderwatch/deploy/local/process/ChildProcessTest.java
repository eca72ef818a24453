package org.borderwatch.deploy.local.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ChildProcessTest {

    @TempDir
    Path tmp;

    @Test
    void readsOnlyWhatThisRunWroteAndStopsTheProcess() throws IOException {
        Path log = tmp.resolve("logs/child.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "an earlier run said READY\n");
        String java = JavaCommand.currentJava().toString();
        ChildProcess child = ChildProcess.start("version", List.of(java, "-version"), Map.of(), tmp, log);
        assertThat(child.waitFor(Duration.ofSeconds(60))).isTrue();
        assertThat(child.exitCode()).isZero();
        assertThat(child.logContains(Pattern.compile("version"))).isTrue();
        assertThat(child.logContains(Pattern.compile("READY"))).isFalse();
        assertThat(child.logTail(50)).first().asString().startsWith("==== ").contains("starting version");
        assertThat(Files.readString(log)).startsWith("an earlier run said READY");
        assertThat(child.stop(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void aLargeLogIsRotatedOnce() throws IOException {
        Path log = tmp.resolve("kafka.log");
        Files.write(log, new byte[(int) ChildProcess.ROTATE_BYTES + 1]);
        ChildProcess.rotateIfLarge(log);
        assertThat(log).doesNotExist();
        assertThat(tmp.resolve("kafka.log.1")).hasSize(ChildProcess.ROTATE_BYTES + 1);
        Files.writeString(log, "small");
        ChildProcess.rotateIfLarge(log);
        assertThat(log).hasContent("small");
    }
}
