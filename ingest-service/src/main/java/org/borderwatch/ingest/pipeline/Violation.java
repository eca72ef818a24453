package org.borderwatch.ingest.pipeline;

/** One bad field: its JSON path (or CSV column) and what is wrong with it. */
public record Violation(String field, String message) {
    /** A violation reported at a JSON pointer ({@code /location/segments/0}), named as a JSON path. */
    public static Violation atPointer(String pointer, String message) {
        return new Violation(jsonPath(pointer), message);
    }

    /** How the schema validator says a property is missing: at the object that lacks it, naming it in the message. */
    private static final java.util.regex.Pattern REQUIRED =
            java.util.regex.Pattern.compile("(?:^|: )required property '(.+)' not found$");
    /** A property name that can follow a dot in a JSON path. */
    private static final java.util.regex.Pattern PLAIN_NAME = java.util.regex.Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    /**
     * A JSON Schema violation as a partner reads it: the path of the value at fault. A missing property is named by
     * its own path ({@code $.publishedAt}, "is required"), as the statement format names its missing fields, so
     * {@code errors[].field} always names the field to fix ({@code $.source.kind}) — whether the validator reports it
     * at the object that lacks it ({@code $}, "required property 'publishedAt' not found") or, as {@code common}'s
     * {@code JsonSchemas} does since it names missing properties itself, already at the property
     * ({@code /publishedAt}).
     */
    public static Violation fromSchema(String location, String message) {
        String path = jsonPath(location);
        java.util.regex.Matcher required = message == null ? null : REQUIRED.matcher(message.strip());
        if (required != null && required.find()) {
            String name = required.group(1);
            String member = PLAIN_NAME.matcher(name).matches() ? "." + name
                    : "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
            String pointerTail = "/" + name.replace("~", "~0").replace("/", "~1");
            if (location != null && location.startsWith("/") && location.endsWith(pointerTail)) {
                return new Violation(jsonPath(location.substring(0, location.length() - pointerTail.length()))
                        + member, "is required");
            }
            return new Violation(path.endsWith(member) ? path : path + member, "is required");
        }
        return new Violation(path, message);
    }

    static String jsonPath(String pointer) {
        if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
            return "$";
        }
        if (pointer.startsWith("$")) {
            return pointer;
        }
        StringBuilder b = new StringBuilder("$");
        for (String part : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/")) {
            String p = part.replace("~1", "/").replace("~0", "~");
            if (!p.isEmpty() && p.chars().allMatch(Character::isDigit)) {
                b.append('[').append(p).append(']');
            } else {
                b.append('.').append(p);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
