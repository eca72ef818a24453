package org.borderwatch.classifier.replay;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borderwatch.classifier.replay.SettingKeys.SettingException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The {@code classifier.*} entries of a configuration file shaped like the service's application.yml (YAML, or
 * {@code .properties}), flattened to dotted names as Spring flattens them. Other entries ({@code spring.*},
 * {@code management.*}) are the service's business and left alone. YAML documents activated by a profile
 * ({@code spring.config.activate.on-profile}) are skipped with a notice: a replay has no profiles. A value
 * {@code ${NAME:default}} takes the environment variable NAME, else the default, as the service would.
 */
final class SettingsFile {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    /** What a file sets: canonical-or-relaxed names as written, with their text values, and notices. */
    record Read(Map<String, String> values, List<String> notices) {
    }

    private SettingsFile() {
    }

    static Read read(Path file, UnaryOperator<String> environment) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString()
                .toLowerCase(Locale.ROOT);
        Map<String, String> flat = new LinkedHashMap<>();
        List<String> notices = new java.util.ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                int document = 0;
                for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in)) {
                    document++;
                    if (doc == null) {
                        continue;
                    }
                    if (!(doc instanceof Map<?, ?> map)) {
                        throw new SettingException(file + ": document " + document + " is no mapping of keys");
                    }
                    Map<String, String> entries = new LinkedHashMap<>();
                    flatten("", map, entries, file);
                    String profile = entries.entrySet().stream()
                            .filter(e -> SettingKeys.relaxed(e.getKey()).equals("spring.config.activate.onprofile")
                                    || SettingKeys.relaxed(e.getKey()).equals("spring.profiles"))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                    if (profile != null) {
                        notices.add(file + ": document " + document + " (profile " + profile
                                + ") skipped: a replay has no profiles");
                        continue;
                    }
                    flat.putAll(entries);
                }
            } else if (name.endsWith(".properties")) {
                Properties p = new Properties();
                p.load(in);
                p.stringPropertyNames().stream().sorted().forEach(k -> flat.put(k, p.getProperty(k)));
            } else {
                throw new SettingException(file + ": --config takes a .yml, .yaml or .properties file");
            }
        } catch (NoSuchFileException e) {
            throw new SettingException("No such file: " + file);
        } catch (IOException e) {
            throw new SettingException("Cannot read " + file + ": " + e.getMessage());
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new SettingException(file + ": not YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Map<String, String> classifier = new LinkedHashMap<>();
        flat.forEach((k, v) -> {
            String relaxed = SettingKeys.relaxed(k);
            if (relaxed.equals(SettingKeys.PREFIX) || relaxed.startsWith(SettingKeys.PREFIX + ".")) {
                classifier.put(k, v == null ? null : resolve(v, k, file, environment));
            }
        });
        return new Read(classifier, notices);
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> into, Path file) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + String.valueOf(e.getKey());
            Object value = e.getValue();
            if (value instanceof Map<?, ?> nested) {
                flatten(key + ".", nested, into, file);
            } else if (value instanceof List<?>) {
                if (SettingKeys.relaxed(key).startsWith(SettingKeys.PREFIX + ".")) {
                    throw new SettingException(file + ": " + key + " is a list; the classifier's settings are single "
                            + "values");
                }
            } else {
                into.put(key, value == null ? null : String.valueOf(value));
            }
        }
    }

    private static String resolve(String value, String key, Path file, UnaryOperator<String> environment) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).strip();
            String found = environment.apply(name);
            if (found == null) {
                found = environment.apply(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
            }
            if (found == null) {
                found = m.group(2);
            }
            if (found == null) {
                throw new SettingException(file + ": " + key + "=" + value + ": ${" + name + "} is no environment "
                        + "variable and has no default");
            }
            m.appendReplacement(b, Matcher.quoteReplacement(found));
        }
        m.appendTail(b);
        return b.toString();
    }
}
