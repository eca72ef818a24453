package org.borderwatch.ingest.source;

import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.ingest.text.Fold;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who publishes statements, from a data file. A name is looked up by id, by its canonical name or by an alias
 * (folded: case, diacritics and punctuation do not matter); failing that, by the longest multi-word alias it
 * contains ("Press service of the Ministry of Defence of Azerbaijan"). Unknown sources are still accepted, as kind
 * {@code OTHER} with an id derived from their name, so the same unknown source always gets the same id.
 */
public final class SourceRegistry {

    public static final String BUILT_IN = "/data/sources.json";
    /** Prefix of the ids given to sources the registry does not know. */
    public static final String UNREGISTERED_PREFIX = "unregistered/";
    private static final int MIN_CONTAINED_WORDS = 3;
    /** A registered name followed by who speaks for it ("Azerbaijan MFA spokesperson", "Armenian MoD press service"). */
    private static final Pattern ROLE_AFTER = Pattern.compile(
            "(.+?) (?:spokesperson|spokesman|spokeswoman|press service|press secretary|press office|press centre)");

    private final List<RegisteredSource> sources;
    private final Map<String, RegisteredSource> byKey = new HashMap<>();
    private final Map<String, RegisteredSource> acronyms = new HashMap<>();
    private static final int MIN_ACRONYM = 4;

    public SourceRegistry(List<RegisteredSource> sources) {
        this.sources = List.copyOf(sources);
        for (RegisteredSource s : sources) {
            register(s.id(), s);
            register(s.name(), s);
            s.aliases().forEach(a -> register(a, s));
        }
    }

    private void register(String name, RegisteredSource s) {
        String key = key(name);
        if (name.length() >= MIN_ACRONYM && name.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            acronyms.putIfAbsent(key, s);
        }
        RegisteredSource previous = byKey.putIfAbsent(key, s);
        if (previous != null && previous != s) {
            throw new IllegalArgumentException("source name '" + name + "' is used by both " + previous.id()
                    + " and " + s.id());
        }
    }

    public static SourceRegistry builtIn() {
        try (InputStream in = SourceRegistry.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("missing " + BUILT_IN);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SourceRegistry load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read source registry " + file, e);
        }
    }

    public static SourceRegistry load(InputStream in) throws IOException {
        JsonNode root = Json.tree(in.readAllBytes());
        List<RegisteredSource> out = new ArrayList<>();
        for (JsonNode s : root.path("sources")) {
            List<String> aliases = new ArrayList<>();
            s.path("aliases").forEach(a -> aliases.add(a.asString()));
            out.add(new RegisteredSource(s.path("id").asString(), s.path("name").asString(),
                    SourceKind.valueOf(s.path("kind").asString()), Party.valueOf(s.path("party").asString("UNKNOWN")),
                    aliases));
        }
        return new SourceRegistry(out);
    }

    public List<RegisteredSource> all() {
        return sources;
    }

    public Optional<RegisteredSource> byId(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The registered source with this name, id or alias, if any. */
    public Optional<RegisteredSource> lookup(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            return Optional.empty();
        }
        String key = key(nameOrId);
        RegisteredSource exact = byKey.get(key);
        if (exact == null) {
            exact = byKey.get(key(nameOrId.replace('_', '-')));
        }
        if (exact == null) { // "Azerbaijan MFA spokesperson": the body a spokesperson or press service speaks for
            Matcher role = ROLE_AFTER.matcher(key);
            exact = role.matches() ? byKey.get(role.group(1)) : null;
        }
        if (exact != null) {
            return Optional.of(exact);
        }
        RegisteredSource best = null;
        int bestLength = 0;
        String padded = " " + key + " ";
        for (Map.Entry<String, RegisteredSource> e : byKey.entrySet()) {
            String alias = e.getKey();
            if (alias.split(" ").length >= MIN_CONTAINED_WORDS && alias.length() > bestLength
                    && padded.contains(" " + alias + " ")) {
                best = e.getValue();
                bestLength = alias.length();
            }
        }
        if (best == null) { // "ICRC delegation in Baku": an acronym of four or more capitals is distinctive enough
            for (String word : key.split(" ")) {
                if (acronyms.containsKey(word) && nameOrId.contains(word.toUpperCase(Locale.ROOT))) {
                    return Optional.of(acronyms.get(word));
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Folded name; American and British spellings are one ("Defense Ministry" = "Defence Ministry"). */
    private static String key(String name) {
        return (" " + Fold.phrase(name) + " ").replace(" defense ", " defence ").strip();
    }

    /** The source for a name: the registered one, or an {@code OTHER} source with a stable derived id. */
    public Source resolve(String nameOrId) {
        return lookup(nameOrId).map(RegisteredSource::toSource).orElseGet(() -> unregistered(nameOrId));
    }

    public static boolean isRegisteredId(String id) {
        return id != null && !id.startsWith(UNREGISTERED_PREFIX);
    }

    private static Source unregistered(String name) {
        String slug = Fold.phrase(name).replace(' ', '-');
        if (slug.isEmpty()) {
            slug = "unnamed";
        }
        if (slug.length() > 80) {
            slug = slug.substring(0, 80);
        }
        return new Source(UNREGISTERED_PREFIX + slug, name.strip(), SourceKind.OTHER, Party.UNKNOWN);
    }
}
