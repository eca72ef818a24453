package org.borderwatch.alert.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.borderwatch.alert.silence.Silence;
import org.borderwatch.alert.silence.SilenceRequest;
import org.borderwatch.alert.silence.Silences;
import org.borderwatch.alert.store.AuditStore;
import org.borderwatch.alert.store.SilenceStore;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping("/api/v1/silences")
@Tag(name = "silences", description = "Mute matching alerts for a while, with a reason")
public class SilenceController {

    private final Silences silences;
    private final SilenceStore store;
    private final AuditStore audit;
    private final Clock clock;

    private final org.borderwatch.alert.dispatch.AlertDispatcher dispatcher;
    private final org.borderwatch.alert.dispatch.SilenceGauge gauge;
    private final org.borderwatch.alert.dispatch.ReleaseJob releaseJob;
    private final int maxMutingIds;

    public SilenceController(Silences silences, SilenceStore store, AuditStore audit, Clock clock,
                             org.borderwatch.alert.dispatch.AlertDispatcher dispatcher,
                             org.borderwatch.alert.dispatch.SilenceGauge gauge,
                             org.borderwatch.alert.dispatch.ReleaseJob releaseJob,
                             org.borderwatch.alert.AlertProperties properties) {
        this.releaseJob = releaseJob;
        this.maxMutingIds = properties.api().mutingNowMaxIds();
        this.dispatcher = dispatcher;
        this.gauge = gauge;
        this.silences = silences;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Create a silence: matchers, endsAt and reason (both required), limited duration "
            + "(alert.silences.max-duration for an ADMIN, alert.silences.staff-max-duration for STAFF); a STAFF "
            + "member's silence never mutes CRITICAL messages (mutesCritical false); audited. The answer's mutingNow "
            + "lists the firing alerts it mutes at once")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true,
            headers = @Header(name = "Location", description = ApiDocs.LOCATION_DOC,
                    schema = @Schema(type = "string", format = "uri-reference")))
    public ResponseEntity<Views.SilenceView> create(@RequestBody SilenceRequest request, Authentication auth) {
        Silence s = silences.create(request, Callers.name(auth), Callers.isAdmin(auth));
        store.save(s);
        audit.record(Callers.name(auth), "silence", "silence:" + s.id(), describe(s), clock.instant());
        // answered as stored (the store keeps times to the millisecond), so the answer equals a later GET
        Silence stored = store.find(s.id()).orElse(s);
        refreshGauge();
        return ResponseEntity.created(URI.create("/api/v1/silences/" + s.id()))
                .body(Views.SilenceView.of(stored, clock.instant(), dispatcher.firingMutedBy(stored), maxMutingIds));
    }

    @GetMapping
    @Operation(summary = "Every silence, active or not (ended ones are kept for alert.silences.retention)")
    public List<Views.SilenceView> list() {
        var now = clock.instant();
        return store.all().stream().map(s -> Views.SilenceView.of(s, now)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One silence, with the firing alerts it mutes now (mutingNow)")
    @ApiDocs.ProblemResponses(404)
    public Views.SilenceView get(@PathVariable String id) {
        Silence s = find(id);
        return Views.SilenceView.of(s, clock.instant(), dispatcher.firingMutedBy(s), maxMutingIds);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "End a silence now (its author or an ADMIN); kept for the audit, with who ended it and when "
            + "(endedBy, endedAt). The alerts it held back are released right after the answer, from a background "
            + "job. A silence that has ended already is answered 204 and left as it is (no audit entry)")
    @ApiResponse(responseCode = "204", description = "Ended")
    @ApiDocs.ProblemResponses({403, 404})
    public ResponseEntity<Void> expire(@PathVariable String id, Authentication auth) {
        Silence s = find(id);
        silences.endRefusal(s, Callers.name(auth), Callers.isAdmin(auth)).ifPresent(refusal -> {
            throw ApiException.forbidden(refusal);
        });
        Instant now = clock.instant();
        if (!store.expire(id, now, Callers.name(auth))) {
            // it had ended already (ran out, or someone ended it a moment ago): nothing changes, nothing is audited,
            // and whoever ended it stays its endedBy
            return ResponseEntity.noContent().build();
        }
        audit.record(Callers.name(auth), "unsilence", "silence:" + id, describe(s), now);
        refreshGauge();
        // the alerts it held back go out soon, from a job thread (code review F12: the pass may read every held-back
        // alert; it does not run on the request thread), else from the periodic job
        releaseJob.wake();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "Who created and who ended the silence, and when, oldest first (actions silence and "
            + "unsilence). Any STAFF member may read it, as every silence is visible to STAFF. Still answered after "
            + "the expiry job purged the silence itself; 404 when there is neither the silence nor an entry")
    @ApiDocs.ProblemResponses(404)
    public List<Views.AuditView> audit(@PathVariable String id) {
        List<Views.AuditView> entries = audit.forTarget("silence:" + id).stream().map(Views.AuditView::of).toList();
        if (entries.isEmpty()) {
            find(id);
        }
        return entries;
    }

    private void refreshGauge() {
        try {
            gauge.refresh();
        } catch (RuntimeException e) {
            // the periodic job sets it at its next pass; the silence itself is stored
            org.slf4j.LoggerFactory.getLogger(SilenceController.class)
                    .debug("silence gauge left to the periodic job: {}", e.toString());
        }
    }

    private Silence find(String id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("silence " + id));
    }

    private static String describe(Silence s) {
        return "segments=" + s.segments() + " signals=" + s.signals() + " sources=" + s.sources() + " until "
                + s.endsAt() + ": " + s.reason();
    }
}
