package org.borderwatch.ingest.api;

import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.ingest.gazetteer.Gazetteer;
import org.borderwatch.ingest.gazetteer.Place;
import org.borderwatch.ingest.source.RegisteredSource;
import org.borderwatch.ingest.source.SourceRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The registry and the gazetteer, read-only, so partners can check how their names will be read. */
@RestController
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

    @GetMapping("/api/v1/sources")
    public List<RegisteredSource> sources() {
        return sources.all();
    }

    @GetMapping("/api/v1/places")
    public List<PlaceView> places(@RequestParam(name = "q", required = false) String q) {
        return gazetteer.search(q).stream().map(PlaceView::of).toList();
    }
}
