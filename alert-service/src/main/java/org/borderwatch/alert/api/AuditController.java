package org.borderwatch.alert.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.borderwatch.alert.AlertProperties;
import org.borderwatch.alert.store.AuditStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole audit, for ADMIN (see {@code SecurityConfiguration}): who acknowledged, re-queued, reviewed, silenced,
 * ended a silence, subscribed or unsubscribed what, and when; newest first, paged like the other lists. STAFF read
 * the parts that concern what they see anyway: an alert's ({@code /api/v1/alerts/{alertId}/audit}) and a silence's
 * ({@code /api/v1/silences/{id}/audit}).
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "Who did what, and when (ADMIN)")
public class AuditController {

    private final AuditStore audit;
    private final int maxPageSize;

    public AuditController(AuditStore audit, AlertProperties properties) {
        this.audit = audit;
        this.maxPageSize = properties.api().maxPageSize();
    }

    @GetMapping
    @Operation(summary = "Audit entries, newest first (ADMIN): acknowledgements, re-queued and abandoned deliveries, "
            + "reviews, silences created and ended, subscriptions created and deleted. Every filter given must hold; a "
            + "query parameter this endpoint does not take is a 400 naming the allowed ones")
    @ApiResponse(responseCode = "200", description = "The page's entries", useReturnTypeSchema = true, headers = {
            @Header(name = PageLinks.TOTAL_COUNT, description = ApiDocs.TOTAL_COUNT_DOC,
                    schema = @Schema(type = "integer", format = "int64")),
            @Header(name = "Link", description = ApiDocs.LINK_DOC, schema = @Schema(type = "string"))})
    @ApiDocs.ProblemResponses(403)
    public ResponseEntity<List<Views.AuditView>> list(
            @Parameter(description = "What the entry is about, exactly: alert:<alertId>, incident:<incidentId> "
                    + "(reviews), silence:<id> or subscription:<id>")
            @RequestParam(required = false) String target,
            @Parameter(description = "Who did it (a user name), exactly")
            @RequestParam(required = false) String actor,
            @Parameter(description = "Actions, any of them; repeatable and comma-separated",
                    array = @ArraySchema(schema = @Schema(allowableValues = {"ack", "requeue-delivery",
                            "abandon-delivery", "review",
                            "silence", "unsilence", "subscribe", "unsubscribe"})))
            @RequestParam(required = false) List<String> action,
            @Parameter(description = "Entries at or after this time (when it was done)",
                    schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(required = false) String from,
            @Parameter(description = "Entries at or before this time (when it was done)",
                    schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(required = false) String to,
            @Parameter(description = ApiDocs.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = ApiDocs.SIZE_DOC) @RequestParam(defaultValue = "50") int size,
            @Parameter(hidden = true) jakarta.servlet.http.HttpServletRequest request) {
        PageLinks.checkPaging(page, size, maxPageSize);
        AuditStore.Query query = query(target, actor, action, from, to);
        List<Views.AuditView> found = audit.find(query, page, size).stream().map(Views.AuditView::of).toList();
        return PageLinks.ok(request, page, size, audit.count(query)).body(found);
    }

    /** The search the parameters ask for; a 400 naming every parameter that is wrong. */
    static AuditStore.Query query(String target, String actor, Collection<String> actions, String from, String to) {
        List<String> problems = new ArrayList<>();
        String t = blank(target);
        if (t != null) {
            int colon = t.indexOf(':');
            if (colon <= 0 || colon == t.length() - 1 || !AuditStore.TARGET_KINDS.contains(t.substring(0, colon))) {
                problems.add("parameter 'target' must be <kind>:<id> with kind one of "
                        + String.join(", ", new TreeSet<>(AuditStore.TARGET_KINDS)) + ", got '" + cut(t) + "'");
            }
        }
        Set<String> wanted = new LinkedHashSet<>();
        if (actions != null) {
            for (String value : actions) {
                for (String part : value == null ? new String[0] : value.split(",")) {
                    String a = part.trim();
                    if (a.isEmpty()) {
                        continue;
                    }
                    if (AuditStore.ACTIONS.contains(a)) {
                        wanted.add(a);
                    } else {
                        problems.add("parameter 'action' must be one of "
                                + String.join(", ", new TreeSet<>(AuditStore.ACTIONS)) + ", got '" + cut(a) + "'");
                    }
                }
            }
        }
        QueryParameters.Window window = new QueryParameters.Window(null, null);
        try {
            window = QueryParameters.window(from, to);
        } catch (ApiException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Invalid parameter", problems);
        }
        return new AuditStore.Query(t, blank(actor), wanted.isEmpty() ? null : Set.copyOf(wanted), window.from(),
                window.to());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String cut(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
