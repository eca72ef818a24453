package org.borderwatch.common.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Objects;

/** Who published a statement. {@code id} is the registry's stable id, e.g. {@code az-mod}. */
public record Source(String id, String name, SourceKind kind, Party party) {
    public Source {
        Objects.requireNonNull(id, "source.id");
        Objects.requireNonNull(kind, "source.kind");
        if (party == null) {
            party = Party.UNKNOWN;
        }
    }

    @JsonIgnore
    public boolean isObserver() {
        return kind == SourceKind.INDEPENDENT_OBSERVER;
    }
}
