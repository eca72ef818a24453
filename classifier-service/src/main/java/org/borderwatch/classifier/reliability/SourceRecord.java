package org.borderwatch.classifier.reliability;

/** A source's track record: how many of its claims were later confirmed and refuted by an observer's word. */
public record SourceRecord(long confirmed, long refuted) {
    public static final SourceRecord NONE = new SourceRecord(0, 0);

    public SourceRecord confirm() {
        return new SourceRecord(confirmed + 1, refuted);
    }

    public SourceRecord refute() {
        return new SourceRecord(confirmed, refuted + 1);
    }
}
