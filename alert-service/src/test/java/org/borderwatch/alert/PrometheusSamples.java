package org.borderwatch.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads sample values out of a Prometheus text scrape, so a test can compare a value before and after an action. */
public final class PrometheusSamples {

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PrometheusSamples() {
    }

    /**
     * The value of the one sample named {@code name} whose labels include each {@code label, value} pair given.
     *
     * @throws AssertionError when no sample, or more than one, matches (the test's selection must be exact)
     */
    public static double sample(String scrape, String name, String... labelsAndValues) {
        if (labelsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("labels and values come in pairs");
        }
        List<Double> found = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (line.startsWith("#") || !m.matches() || !m.group(1).equals(name)) {
                continue;
            }
            Map<String, String> labels = labels(m.group(3));
            boolean all = true;
            for (int i = 0; i < labelsAndValues.length; i += 2) {
                all &= labelsAndValues[i + 1].equals(labels.get(labelsAndValues[i]));
            }
            if (all) {
                found.add(Double.parseDouble(m.group(4)));
            }
        }
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples of " + name + " with " + List.of(labelsAndValues)
                    + " on the scrape (one expected)");
        }
        return found.get(0);
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text != null) {
            Matcher m = LABEL.matcher(text);
            while (m.find()) {
                out.put(m.group(1), m.group(2));
            }
        }
        return out;
    }
}
