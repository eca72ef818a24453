package org.borderwatch.classifier.reliability;

/** A source's track record: how many of its claims were later confirmed and refuted by an observer's word. */
public record SourceRecord(long confirmed, long refuted) {
    public static final SourceRecord NONE = new SourceRecord(0, 0);

    public SourceRecord confirm() {
        return new SourceRecord(confirmed + 1, refuted);
    }

    /** Takes back a confirmation (a closed incident's verdict corrected by a late report). */
    public SourceRecord unconfirm() {
        return new SourceRecord(Math.max(0, confirmed - 1), refuted);
    }

    /** Takes back a refutation (a closed incident's verdict corrected by a late report). */
    public SourceRecord unrefute() {
        return new SourceRecord(confirmed, Math.max(0, refuted - 1));
    }

    public SourceRecord refute() {
        return new SourceRecord(confirmed, refuted + 1);
    }
}
