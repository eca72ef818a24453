package org.borderwatch.ingest.pipeline;

/**
 * One record to normalise: its position in the batch, the bytes the normaliser reads and the partner's original
 * bytes, which a rejection carries. They differ only where ingest adds context to read a record: an ACLED CSV row
 * sent without a header is read with the standard export header in front, but rejected as the partner sent it.
 */
public record RawRecord(int line, byte[] bytes, byte[] original) {

    public RawRecord(int line, byte[] bytes) {
        this(line, bytes, bytes);
    }
}
