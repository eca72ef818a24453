package org.borderwatch.ingest.source;

import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.SourceKind;

import java.util.List;

/** A source the registry knows: a stable id, its canonical name, kind, party and the other names it goes by. */
public record RegisteredSource(String id, String name, SourceKind kind, Party party, List<String> aliases) {
    public RegisteredSource {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public Source toSource() {
        return new Source(id, name, kind, party);
    }
}
