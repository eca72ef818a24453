package org.borderwatch.alert.api;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the OpenAPI document says about errors and headers, so that it matches what the server answers: every
 * operation may answer {@code 400} (e.g. an unknown query parameter) and {@code 401} (no or wrong credentials),
 * every operation with a body {@code 406} (an Accept it cannot satisfy), every operation with a request body
 * {@code 415}; the others ({@code 403}, {@code 404}, …) as an endpoint declares them with {@link ProblemResponses}.
 * All of them as {@code application/problem+json} with the {@code Problem} schema.
 */
final class ApiDocs {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_SCHEMA = "Problem";

    static final String TOTAL_COUNT_DOC = "Number of matches over all pages";
    static final String LINK_DOC = "RFC 8288 links to the other pages (first, prev, next, last), each the request's "
            + "URL with only page and size replaced; absent when one page holds everything";
    static final String LOCATION_DOC = "Path of the created resource";

    static final String SEGMENTS_DOC = "Border segments, any of them; repeatable and comma-separated, under either "
            + "name (segment or segments)";
    static final String OCCURRENCES_DOC = "Occurrence verdicts, any of them (the person's when reviewed, else the "
            + "machine's); repeatable and comma-separated, under either name (occurrence or occurrences)";
    static final String SEVERITIES_DOC = "Severities, any of them; repeatable and comma-separated, under either name "
            + "(severity or severities)";
    static final String SIGNALS_DOC = "Signals: matches when at least one of them is carried; repeatable and "
            + "comma-separated, under either name (signal or signals)";
    static final String MIN_SEVERITY_DOC = "Lowest severity (inclusive)";
    static final String FROM_DOC = "Event time: keeps the incidents whose event-time window ends at or after this "
            + "(ISO-8601 with Z or an offset; a '+' sent unencoded arrives as a space and is read as '+')";
    static final String TO_DOC = "Event time: keeps the incidents whose event-time window starts at or before this "
            + "(as from; from after to is a 400)";
    static final String ACKNOWLEDGED_DOC = "true: only alerts an acknowledgement (anybody's) covers, i.e. one that "
            + "reaches the latest material message; false: only those nobody has acknowledged yet, including the ones "
            + "a material update made unacknowledged again (exactly true or false)";
    static final String PAGE_DOC = "Page number, from 0";
    static final String SIZE_DOC = "Page size, 1 … alert.api.max-page-size (default "
            + org.borderwatch.alert.AlertProperties.Api.DEFAULT_MAX_PAGE_SIZE + ")";

    private ApiDocs() {
    }

    /** The problem statuses an operation answers besides 400, 401, 406 and 415 (which are added where they apply). */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface ProblemResponses {
        int[] value();
    }

    private static final Map<Integer, String> WHY = Map.of(
            400, "Invalid request (a parameter the endpoint does not take, a value that does not convert, a refused "
                    + "body); detail names what was wrong",
            401, "No or wrong credentials (HTTP Basic)",
            403, "Not allowed for this user (another user's subscription or silence, or an ADMIN-only operation)",
            404, "No such resource",
            409, "The resource is not in a state that allows this (e.g. a delivery that is not FAILED)",
            406, "The Accept header allows none of the types this endpoint writes",
            415, "The request body is not application/json",
            429, "Too many live streams: the user has alert.stream.max-per-user open (or the instance "
                    + "alert.stream.max-clients); close one and retry");

    /** Adds the problem responses of every API operation. */
    static OperationCustomizer problems() {
        return (Operation operation, HandlerMethod handler) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            TreeSet<Integer> statuses = new TreeSet<>();
            statuses.add(400);
            statuses.add(401);
            boolean writesBody = responses.entrySet().stream().anyMatch(e -> e.getKey().startsWith("2")
                    && e.getValue().getContent() != null && !e.getValue().getContent().isEmpty());
            if (writesBody) {
                statuses.add(406);
            }
            for (var p : handler.getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    statuses.add(415);
                }
            }
            ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
            if (declared != null) {
                for (int s : declared.value()) {
                    statuses.add(s);
                }
            }
            for (int status : statuses) {
                String key = Integer.toString(status);
                ApiResponse existing = responses.get(key);
                String description = existing != null && existing.getDescription() != null
                        && !existing.getDescription().isBlank() ? existing.getDescription()
                        : WHY.getOrDefault(status, HttpStatus.valueOf(status).getReasonPhrase());
                responses.addApiResponse(key, new ApiResponse().description(description)
                        .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)))));
            }
            return operation;
        };
    }

    static final String EVIDENCE_DOC = "The statements behind the verdict, one per report in publication order: "
            + "source (id, name, kind, party), stance, publishedAt and url (when the partner sent one), so a reader "
            + "can check the verdict against the texts. Left out when empty: a classifier that lists no statements, "
            + "or a message stored before the service carried them";
    static final String VERDICT_URL_DOC = "Where the verdict with its history can be read: "
            + "<alert.public-base-url>/api/v1/verdicts/{incidentId} (GET, HTTP Basic). Left out when the service "
            + "has no public base URL configured, and in messages stored before it had one";
}
