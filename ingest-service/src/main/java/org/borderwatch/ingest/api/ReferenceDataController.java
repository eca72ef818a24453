package org.borderwatch.ingest.api;

import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.ingest.gazetteer.Gazetteer;
import org.borderwatch.ingest.gazetteer.Place;
import org.borderwatch.ingest.source.RegisteredSource;
import org.borderwatch.ingest.source.SourceRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The registry and the gazetteer, read-only, so partners can check how their names will be read. */
@RestController
@Tag(name = "reference data", description = "The source registry and the gazetteer (public, no key)")
public class ReferenceDataController {

    private final SourceRegistry sources;
    private final Gazetteer gazetteer;

    public ReferenceDataController(SourceRegistry sources, Gazetteer gazetteer) {
        this.sources = sources;
        this.gazetteer = gazetteer;
    }

    /** A gazetteer entry as the API shows it. */
    public record PlaceView(String id, String name, String country, String kind, List<BorderSegment> segments,
                            boolean ambiguous, Map<String, List<String>> aliases, Double lat, Double lon,
                            String coordinates, String note) {
        static PlaceView of(Place p) {
            return new PlaceView(p.id(), p.name(), p.country(), p.kind().name(), p.segments(), p.ambiguous(),
                    p.aliases(), p.lat(), p.lon(), p.coordinates(), p.note());
        }
    }

    @Operation(operationId = "listSources", summary = "The source registry",
            description = "Every registered publisher with its stable id, kind, party and aliases. A statement's "
                    + "source is matched against these names; unknown publishers are accepted as kind OTHER.")
    @GetMapping(path = "/api/v1/sources", produces = "application/json")
    public List<RegisteredSource> sources() {
        return sources.all();
    }

    @Operation(operationId = "searchPlaces", summary = "Gazetteer entries matching a name",
            description = "Entries whose name or an alias (any language) contains q, with the border segments they "
                    + "name and whether they are ambiguous; without q, every entry.")
    @GetMapping(path = "/api/v1/places", produces = "application/json")
    public List<PlaceView> places(@Parameter(description = "part of a place name, any side's spelling", example = "digh")
                                  @RequestParam(name = "q", required = false) String q) {
        return gazetteer.search(q).stream().map(PlaceView::of).toList();
    }
}
