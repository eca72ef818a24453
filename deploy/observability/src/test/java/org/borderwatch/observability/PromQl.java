package org.borderwatch.observability;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the metric names a PromQL expression (or a Grafana query using one) selects. Not a parser: it removes what
 * cannot be a metric name (strings, label matchers, ranges, grouping clauses, Grafana variables), then takes every
 * identifier that is neither followed by "(" (a function or aggregation) nor a keyword.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "bool", "offset", "inf", "nan", "atan2");
    private static final Pattern LABEL_VALUES =
            Pattern.compile("label_values\\s*\\(\\s*([^,()]*?(?:\\{[^}]*\\})?)\\s*,\\s*[a-zA-Z_]\\w*\\s*\\)");
    private static final Pattern LABEL_VALUES_ONE_ARG = Pattern.compile("label_values\\s*\\(\\s*[a-zA-Z_]\\w*\\s*\\)");
    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*\\}");
    private static final Pattern RANGES = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern GRAFANA_VARIABLES = Pattern.compile("\\$\\{[^}]*\\}|\\$\\w+");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    private static final Pattern SELECTOR = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)\\}");
    private static final Pattern APPLICATION = Pattern.compile("\\bapplication\\s*=\\s*\"([^\"]+)\"");

    private PromQl() {
    }

    /** Selectors pinned to one service ({@code metric{application="x"}}) as "x metric" pairs. */
    static Set<String> metricsPinnedToApplication(String expression) {
        Set<String> pairs = new TreeSet<>();
        Matcher m = SELECTOR.matcher(expression);
        while (m.find()) {
            Matcher app = APPLICATION.matcher(m.group(2));
            if (app.find()) {
                pairs.add(app.group(1) + " " + m.group(1));
            }
        }
        return pairs;
    }

    static Set<String> metricNames(String expression) {
        String s = LABEL_VALUES.matcher(expression).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = LABEL_VALUES_ONE_ARG.matcher(s).replaceAll(" ");
        s = STRINGS.matcher(s).replaceAll(" ");
        s = MATCHERS.matcher(s).replaceAll(" ");
        s = RANGES.matcher(s).replaceAll(" ");
        s = GROUPING.matcher(s).replaceAll(" ");
        s = GRAFANA_VARIABLES.matcher(s).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String name = m.group(1);
            if (m.group(2) == null && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }
}
