package org.borderwatch.alert.delivery.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shell check of a webhook signature that README shows, run as written (bash and openssl) against bodies whose
 * last bytes are newlines — which a {@code $(cat body)} would drop. Skipped where either tool is missing, except on
 * CI (environment variable {@code CI} set) or with {@code -Dborderwatch.require-tools=true}: there it fails.
 */
class ReadmeSignatureRecipeTest {

    private static final String SECRET = "s3cret-s3cret-s3cret";
    private static final long TS = 1_700_000_000L;

    /** The fenced {@code sh} block of README that follows the marker comment. */
    static String recipe() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("<!-- signature-check -->\\s*```sh\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README has the marked shell recipe").isTrue();
        return m.group(1);
    }

    @Test
    void theReadmeRecipeAcceptsTheServicesSignatureOverTheExactBytesAndRefusesAnotherBody(@TempDir Path dir)
            throws Exception {
        boolean tools = available("bash") && available("openssl");
        // a CI run (CI set, as CI systems do) or -Dborderwatch.require-tools=true fails instead of skipping silently
        if (toolsRequired()) {
            assertThat(tools).as("bash and openssl are needed to check README's signature recipe (CI or "
                    + "borderwatch.require-tools is set, so this test may not be skipped)").isTrue();
        }
        assumeTrue(tools, "bash and openssl are needed");
        String recipe = recipe();
        assertThat(recipe).doesNotContain("$(cat").contains("body.bin");

        for (String body : List.of("{\"alerts\":[]}", "{\"alerts\":[]}\n", "{\"alerts\":[]}\n\n\n",
                "{\"note\":\"ünïcödé – ok\"}\r\n")) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve("body.bin"), bytes);
            String signature = WebhookSignature.sign(SECRET, TS, bytes);
            assertThat(run(recipe, dir, signature)).as("body %s", body.replace("\n", "\\n")).isEqualTo("valid");
            // a body that differs by its trailing newline alone is refused
            Files.write(dir.resolve("body.bin"), (body + "\n").getBytes(StandardCharsets.UTF_8));
            assertThat(run(recipe, dir, signature)).isEqualTo("INVALID");
        }
    }

    private static String run(String recipe, Path dir, String signature) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", recipe).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("TS", Long.toString(TS));
        pb.environment().put("SECRET", SECRET);
        pb.environment().put("SIG", signature);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    static boolean toolsRequired() {
        String ci = System.getenv("CI");
        return (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false"))
                || Boolean.getBoolean("borderwatch.require-tools");
    }

    private static boolean available(String command) {
        try {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + command).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
