package org.borderwatch.common.json;

import tools.jackson.core.JacksonException;

/** Input that is not the JSON a type expects; the message is meant for the partner who sent it. */
public class JsonReadException extends RuntimeException {

    public JsonReadException(Class<?> type, Throwable cause) {
        super(describe(type, cause), cause);
    }

    private static String describe(Class<?> type, Throwable cause) {
        if (cause instanceof JacksonException je) {
            String path = je.getPathReference();
            String message = je.getOriginalMessage();
            return "not a valid " + type.getSimpleName() + (path == null || path.isBlank() ? "" : " at " + path)
                    + ": " + message;
        }
        // constructor checks in the records (missing required field, negative counts, ...)
        return "not a valid " + type.getSimpleName() + ": " + cause.getMessage();
    }
}
