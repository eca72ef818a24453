package org.borderwatch.ingest.pipeline;

/** One record to normalise: its position in the batch and its bytes. */
public record RawRecord(int line, byte[] bytes) {
}
