package org.borderwatch.ingest.acled;

import org.borderwatch.ingest.pipeline.RawRecord;
import org.borderwatch.ingest.pipeline.RejectReason;
import org.borderwatch.ingest.pipeline.RejectedInputException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits an ACLED CSV document into one record per row, each carrying the header so it is self-describing (and
 * is what lands on the rejected topic if that row is refused). A record without a header line is read in the
 * column order of ACLED's standard export.
 */
public final class AcledCsv {

    /** Column order of ACLED's standard export, used when a record has no header line. */
    public static final String STANDARD_HEADER = String.join(",", List.of("event_id_cnty", "event_date", "year",
            "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
            "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region", "country",
            "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
            "source_scale", "notes", "fatalities", "tags", "timestamp"));

    private AcledCsv() {
    }

    public static List<RawRecord> split(byte[] document) {
        String text = new String(document, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> rows = records(text);
        if (rows.isEmpty()) {
            throw new RejectedInputException(RejectReason.MALFORMED, "no CSV rows");
        }
        String header = STANDARD_HEADER;
        if (rows.get(0).toLowerCase(Locale.ROOT).startsWith("event_id_cnty")) {
            header = rows.remove(0);
        }
        if (rows.isEmpty()) {
            throw new RejectedInputException(RejectReason.MALFORMED, "a header line but no data rows");
        }
        List<RawRecord> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            out.add(new RawRecord(i + 1, (header + "\n" + rows.get(i)).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** Lines of a CSV text, where a line break inside double quotes does not end a record. Blank lines dropped. */
    static List<String> records(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && (c == '\n' || c == '\r')) {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                addIfNotBlank(out, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        addIfNotBlank(out, current);
        return out;
    }

    private static void addIfNotBlank(List<String> out, StringBuilder row) {
        if (!row.toString().isBlank()) {
            out.add(row.toString());
        }
    }
}
