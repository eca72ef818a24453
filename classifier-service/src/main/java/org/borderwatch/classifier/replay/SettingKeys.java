package org.borderwatch.classifier.replay;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borderwatch.classifier.engine.ClassifierSettings;
import org.borderwatch.classifier.reliability.ReliabilitySettings;
import org.borderwatch.classifier.signal.SignalThresholds;
import org.borderwatch.classifier.stream.TopologySettings;
import org.borderwatch.classifier.verdict.SeveritySettings;
import org.borderwatch.support.ReadinessGauge;

/**
 * Every {@code classifier.*} key of the service, in plain Java: its name as written in application.yml, its default
 * (the same constants the service's {@code @DefaultValue}s use) and what it allows (the service's constraints and
 * its settings records' checks together). The replay command binds {@code --set} and {@code --config} values with it,
 * so a backtest takes the names, defaults and limits of the deployed service without starting Spring.
 * {@code SettingKeysTest} binds the service's application.yml through Spring and checks both agree.
 *
 * <p>Names are matched as Spring's relaxed binding matches them in a file: each dot-separated part compared without
 * its dashes and underscores, ignoring case ({@code surge-window}, {@code surgeWindow}, {@code surge_window}).
 * Durations are read as Spring reads them: ISO-8601 ({@code P7D}, {@code PT6H}) or a number with an optional unit
 * {@code ns us ms s m h d} (no unit: milliseconds). Numbers as Spring reads them ({@code 0x10} is 16).
 */
public final class SettingKeys {

    public static final String PREFIX = "classifier";

    /** The kinds of value, with how to read one and the words that say what is allowed. */
    enum Kind { DURATION, INTEGER, DECIMAL, TEXT }

    /**
     * One key.
     *
     * @param name         canonical name as in application.yml ({@code classifier.signals.surge-window})
     * @param kind         its kind of value
     * @param defaultValue the default as written in configuration
     * @param allowed      what it allows, in words, for usage errors and help
     * @param check        reads a text value, throwing {@link IllegalArgumentException} when it is not allowed
     * @param replayed     whether it changes what a replay computes (topics and punctuation are the service's)
     */
    public record Key(String name, Kind kind, String defaultValue, String allowed, Function<String, Object> check,
                      boolean replayed) {

        Object read(String text) {
            return check.apply(text.strip());
        }
    }

    private static final List<Key> KEYS = List.of(
            duration("classifier.session-gap", ClassifierSettings.SESSION_GAP, false, true),
            duration("classifier.grace", ClassifierSettings.GRACE, false, true),
            duration("classifier.quiet-period", ClassifierSettings.QUIET_PERIOD, true, true),
            duration("classifier.correlation.max-joining-span", ClassifierSettings.MAX_JOINING_SPAN, true, true),
            duration("classifier.punctuate-every", TopologySettings.PUNCTUATE_EVERY, true, false),
            duration("classifier.reorder-delay", TopologySettings.REORDER_DELAY, false, false),
            integer("classifier.reorder-batch", TopologySettings.REORDER_BATCH, 1, false),
            duration("classifier.idle-after", TopologySettings.IDLE_AFTER, false, false),
            duration("classifier.idle-check-every", TopologySettings.IDLE_CHECK_EVERY, true, false),
            text("classifier.application-id", TopologySettings.APPLICATION_ID),
            duration("classifier.readiness-gauge.interval", ReadinessGauge.DEFAULT_INTERVAL, true, false),
            text("classifier.topics.input", TopologySettings.INPUT_TOPIC),
            text("classifier.topics.output", TopologySettings.OUTPUT_TOPIC),
            duration("classifier.signals.surge-window", SignalThresholds.SURGE_WINDOW, true, true),
            integer("classifier.signals.surge-min-claims", SignalThresholds.SURGE_MIN_CLAIMS, 1),
            decimal("classifier.signals.surge-factor", SignalThresholds.SURGE_FACTOR, 0, Double.MAX_VALUE),
            integer("classifier.signals.surge-baseline-weeks", SignalThresholds.SURGE_BASELINE_WEEKS, 1),
            decimal("classifier.signals.uncorroborated-share", SignalThresholds.UNCORROBORATED_SHARE, 0.01, 1),
            integer("classifier.signals.fatalities-critical", SignalThresholds.FATALITIES_CRITICAL, 1),
            duration("classifier.signals.retaliation-window", SignalThresholds.RETALIATION_WINDOW, true, true),
            integer("classifier.signals.spread-segments", SignalThresholds.SPREAD_SEGMENTS, 2),
            duration("classifier.signals.spread-window", SignalThresholds.SPREAD_WINDOW, true, true),
            duration("classifier.signals.quiet-calm", SignalThresholds.QUIET_CALM, true, true),
            duration("classifier.signals.quiet-lookback", SignalThresholds.QUIET_LOOKBACK, true, true),
            integer("classifier.signals.quiet-min-incidents", SignalThresholds.QUIET_MIN_INCIDENTS, 1),
            duration("classifier.signals.milestone-lookback", SignalThresholds.MILESTONE_LOOKBACK, true, true),
            decimal("classifier.reliability.party-alpha", ReliabilitySettings.PARTY_ALPHA, 0.01, Double.MAX_VALUE),
            decimal("classifier.reliability.party-beta", ReliabilitySettings.PARTY_BETA, 0.01, Double.MAX_VALUE),
            decimal("classifier.reliability.observer-alpha", ReliabilitySettings.OBSERVER_ALPHA, 0.01,
                    Double.MAX_VALUE),
            decimal("classifier.reliability.observer-beta", ReliabilitySettings.OBSERVER_BETA, 0.01,
                    Double.MAX_VALUE),
            integer("classifier.severity.high-signals", SeveritySettings.HIGH_SIGNALS, 1),
            integer("classifier.severity.critical-heavy-signals", SeveritySettings.CRITICAL_HEAVY_SIGNALS, 2));

    private static final Map<String, Key> BY_RELAXED_NAME = new LinkedHashMap<>();

    static {
        KEYS.forEach(k -> BY_RELAXED_NAME.put(relaxed(k.name()), k));
    }

    private SettingKeys() {
    }

    public static List<Key> all() {
        return KEYS;
    }

    /** The key a name written in any of Spring's relaxed forms stands for. */
    public static Optional<Key> find(String name) {
        return Optional.ofNullable(BY_RELAXED_NAME.get(relaxed(name)));
    }

    /** A usage error: which key (or value) and what is allowed. */
    public static final class SettingException extends IllegalArgumentException {
        public SettingException(String message) {
            super(message);
        }
    }

    /**
     * Reads one value given for {@code name} (from {@code where}: "--set", a file name), returning the canonical key.
     *
     * @throws SettingException for an unknown key or a value it does not allow
     */
    static Key check(String name, String value, String where) {
        Key key = find(name).orElseThrow(() -> new SettingException(where + ": unknown key '" + name + "'; "
                + knownNear(name)));
        if (value == null) {
            throw new SettingException(where + ": " + key.name() + " has no value; allowed: " + key.allowed());
        }
        try {
            key.read(value);
        } catch (IllegalArgumentException e) {
            throw new SettingException(where + ": " + key.name() + "=" + value + " is not allowed: " + key.allowed());
        }
        return key;
    }

    /**
     * The settings of a replay: the defaults, overridden by {@code values} (canonical key → text, already checked).
     */
    public static ClassifierSettings settings(Map<String, String> values) {
        Function<String, Object> get = name -> {
            Key key = find(name).orElseThrow();
            return key.read(values.getOrDefault(key.name(), key.defaultValue()));
        };
        try {
            return new ClassifierSettings((Duration) get.apply("classifier.session-gap"),
                    (Duration) get.apply("classifier.grace"), (Duration) get.apply("classifier.quiet-period"),
                    new SignalThresholds((Duration) get.apply("classifier.signals.surge-window"),
                            (Integer) get.apply("classifier.signals.surge-min-claims"),
                            (Double) get.apply("classifier.signals.surge-factor"),
                            (Integer) get.apply("classifier.signals.surge-baseline-weeks"),
                            (Double) get.apply("classifier.signals.uncorroborated-share"),
                            (Integer) get.apply("classifier.signals.fatalities-critical"),
                            (Duration) get.apply("classifier.signals.retaliation-window"),
                            (Integer) get.apply("classifier.signals.spread-segments"),
                            (Duration) get.apply("classifier.signals.spread-window"),
                            (Duration) get.apply("classifier.signals.quiet-calm"),
                            (Duration) get.apply("classifier.signals.quiet-lookback"),
                            (Integer) get.apply("classifier.signals.quiet-min-incidents"),
                            (Duration) get.apply("classifier.signals.milestone-lookback")),
                    new ReliabilitySettings((Double) get.apply("classifier.reliability.party-alpha"),
                            (Double) get.apply("classifier.reliability.party-beta"),
                            (Double) get.apply("classifier.reliability.observer-alpha"),
                            (Double) get.apply("classifier.reliability.observer-beta")),
                    new SeveritySettings((Integer) get.apply("classifier.severity.high-signals"),
                            (Integer) get.apply("classifier.severity.critical-heavy-signals")),
                    (Duration) get.apply("classifier.correlation.max-joining-span"));
        } catch (IllegalArgumentException e) {
            throw new SettingException("the settings do not fit together: " + e.getMessage());
        }
    }

    /** The keys as a help table: name, default, what is allowed. */
    public static String table() {
        StringBuilder b = new StringBuilder();
        int width = KEYS.stream().mapToInt(k -> k.name().length()).max().orElse(0);
        for (Key k : KEYS) {
            b.append(String.format("  %-" + width + "s  %-25s  %s%s%n", k.name(), k.defaultValue(), k.allowed(),
                    k.replayed() ? "" : " (service only: no effect on a replay)"));
        }
        return b.toString();
    }

    /** A name's parts without dashes and underscores, lower case: how Spring's relaxed binding compares them. */
    static String relaxed(String name) {
        return name.strip().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static String knownNear(String name) {
        String relaxed = relaxed(name);
        String group = relaxed.contains(".") ? relaxed.substring(0, relaxed.lastIndexOf('.')) : relaxed;
        List<String> near = new ArrayList<>();
        while (near.isEmpty() && !group.isEmpty()) {
            String prefix = group + ".";
            KEYS.stream().filter(k -> relaxed(k.name()).startsWith(prefix)).forEach(k -> near.add(k.name()));
            group = group.contains(".") ? group.substring(0, group.lastIndexOf('.')) : "";
        }
        return near.isEmpty()
                ? "only classifier.* keys are settings (see replay --help)"
                : "known keys there: " + String.join(", ", near);
    }

    // --- kinds of value, read as Spring's conversion reads them ---

    private static final Pattern SIMPLE_DURATION = Pattern.compile("^([+-]?\\d+)([a-zA-Z]{0,2})$");
    private static final Pattern ISO_DURATION = Pattern.compile("^[+-]?[pP].*$");

    static Duration parseDuration(String text) {
        Matcher m = SIMPLE_DURATION.matcher(text);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "ns" -> Duration.ofNanos(amount);
                case "us" -> Duration.ofNanos(Math.multiplyExact(amount, 1000L));
                case "", "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("unknown unit " + m.group(2));
            };
        }
        if (ISO_DURATION.matcher(text).matches()) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("not a duration: " + text);
    }

    private static boolean hex(String text) {
        int i = text.startsWith("-") ? 1 : 0;
        return text.startsWith("0x", i) || text.startsWith("0X", i) || text.startsWith("#", i);
    }

    private static Key duration(String name, String defaultValue, boolean positive, boolean replayed) {
        String allowed = (positive ? "a positive duration" : "a duration of zero or more")
                + " (ISO-8601 such as P7D, PT6H, or 90m, 6h, 7d)";
        return new Key(name, Kind.DURATION, defaultValue, allowed, text -> {
            Duration d = parseDuration(text);
            if (d.isNegative() || positive && d.isZero()) {
                throw new IllegalArgumentException(allowed);
            }
            return d;
        }, replayed);
    }

    private static Key integer(String name, String defaultValue, int min) {
        return integer(name, defaultValue, min, true);
    }

    private static Key integer(String name, String defaultValue, int min, boolean replayed) {
        String allowed = "a whole number of at least " + min;
        return new Key(name, Kind.INTEGER, defaultValue, allowed, text -> {
            int v = hex(text) ? Integer.decode(text) : Integer.parseInt(text);
            if (v < min) {
                throw new IllegalArgumentException(allowed);
            }
            return v;
        }, replayed);
    }

    private static Key decimal(String name, String defaultValue, double min, double max) {
        String allowed = max == Double.MAX_VALUE ? "a number of at least " + min
                : "a number from " + min + " to " + max;
        return new Key(name, Kind.DECIMAL, defaultValue, allowed, text -> {
            double v = Double.parseDouble(text);
            if (Double.isNaN(v) || v < min || v > max) {
                throw new IllegalArgumentException(allowed);
            }
            return v;
        }, true);
    }

    private static Key text(String name, String defaultValue) {
        String allowed = "a non-blank name";
        return new Key(name, Kind.TEXT, defaultValue, allowed, text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException(allowed);
            }
            return text;
        }, false);
    }
}
