package org.borderwatch.deploy.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The file exchange between the {@code restart} command and the running launcher, in {@code run/control/} of the
 * data directory (which only this user's launcher uses): the command writes {@code restart-NAME.request} holding a
 * fresh token; the launcher picks it up, deletes it and, when the restart is over, writes
 * {@code restart-NAME.result}: the token, then {@code READY <pid>} or {@code FAILED <reason>}. Files are written
 * beside their name and moved into place, so neither side reads half a file.
 */
public final class RestartRequests {

    private static final String PREFIX = "restart-";
    private static final String REQUEST = ".request";
    private static final String RESULT = ".result";

    /** A request picked up by the launcher. */
    public record Request(String service, String token) {
    }

    /** The launcher's answer to one request. */
    public record Result(String token, boolean ready, String detail) {
    }

    private final Path dir;

    public RestartRequests(DataLayout layout) {
        this.dir = layout.controlDir();
    }

    /** Command side: asks for a restart and returns the token its result will carry. */
    public String request(String service) {
        String token = UUID.randomUUID().toString();
        write(dir.resolve(PREFIX + service + REQUEST), token);
        return token;
    }

    /** Command side: the result for this token, once the launcher has written it. */
    public Optional<Result> result(String service, String token) {
        Path file = dir.resolve(PREFIX + service + RESULT);
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 2 || !lines.get(0).equals(token)) {
                return Optional.empty(); // an older request's answer
            }
            String answer = lines.get(1);
            boolean ready = answer.startsWith("READY");
            String detail = answer.substring(Math.min(answer.length(), ready ? 6 : 7));
            return Optional.of(new Result(token, ready, detail));
        } catch (IOException e) {
            return Optional.empty(); // being replaced; the next poll reads it
        }
    }

    /** Launcher side: takes (reads and deletes) the requests waiting now. */
    public List<Request> take() {
        List<Request> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + REQUEST)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String service = name.substring(PREFIX.length(), name.length() - REQUEST.length());
                String token = Files.readString(file, StandardCharsets.UTF_8).strip();
                Files.deleteIfExists(file);
                found.add(new Request(service, token));
            }
        } catch (IOException e) {
            // a request being written is taken at the next look
        }
        return found;
    }

    /** Launcher side: answers a request. */
    public void answer(Request request, boolean ready, String detail) {
        write(dir.resolve(PREFIX + request.service() + RESULT),
                request.token() + "\n" + (ready ? "READY " : "FAILED ") + detail.replace('\n', ' ') + "\n");
    }

    private void write(Path file, String content) {
        try {
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, "partial-", ".tmp");
            Files.writeString(partial, content, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
