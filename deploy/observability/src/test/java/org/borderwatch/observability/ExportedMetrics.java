package org.borderwatch.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checked-in list of metric names the services export ({@code exported-metrics.txt} on the test class path):
 * "# service: NAME" starts a section, then one name a line, optionally followed by "after-first-event".
 */
record ExportedMetrics(Map<String, Map<String, Boolean>> byService) {

    /** Series Prometheus makes itself for every target; dashboards and rules may use them too. */
    static final Set<String> PROMETHEUS_SERIES = Set.of("up");

    private static final Pattern SECTION = Pattern.compile("#\\s*service:\\s*(\\S+)\\s*");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    static ExportedMetrics load() {
        try (var in = ExportedMetrics.class.getResourceAsStream("/exported-metrics.txt")) {
            if (in == null) {
                throw new IllegalStateException("exported-metrics.txt is not on the test class path");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ExportedMetrics parse(String text) {
        Map<String, Map<String, Boolean>> byService = new LinkedHashMap<>();
        String service = null;
        int lineNo = 0;
        for (String raw : text.split("\n", -1)) {
            lineNo++;
            String line = raw.strip();
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                service = section.group(1);
                if (byService.putIfAbsent(service, new LinkedHashMap<>()) != null) {
                    throw new IllegalArgumentException("line " + lineNo + ": section " + service + " appears twice");
                }
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (service == null) {
                throw new IllegalArgumentException("line " + lineNo + ": " + parts[0] + " is outside any service section");
            }
            if (!NAME.matcher(parts[0]).matches() || parts.length > 2
                    || (parts.length == 2 && !parts[1].equals("after-first-event"))) {
                throw new IllegalArgumentException("line " + lineNo + ": expected 'name [after-first-event]': " + line);
            }
            if (byService.get(service).put(parts[0], parts.length == 2) != null) {
                throw new IllegalArgumentException("line " + lineNo + ": " + parts[0] + " twice in " + service);
            }
        }
        return new ExportedMetrics(byService);
    }

    Set<String> all() {
        Set<String> all = new TreeSet<>();
        byService.values().forEach(m -> all.addAll(m.keySet()));
        return all;
    }

    /** For "service metric" pairs: is the metric listed under that service? Unknown services count as wrong. */
    boolean exportedBy(String service, String metric) {
        return byService.containsKey(service) && byService.get(service).containsKey(metric);
    }

    /** Exported by some service, or made by Prometheus. */
    boolean known(String metric) {
        return PROMETHEUS_SERIES.contains(metric) || all().contains(metric);
    }
}
