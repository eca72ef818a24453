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
 * column order of ACLED's standard export (and, refused, lands there as the row alone, as the partner sent it). A row's line number is the line of the file where it starts (the header
 * is line 1, so the first data row is line 2), as an editor shows it.
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
        List<Row> rows = records(text);
        if (rows.isEmpty()) {
            throw new RejectedInputException(RejectReason.MALFORMED, "no CSV rows");
        }
        String header = STANDARD_HEADER;
        boolean sent = rows.get(0).text().toLowerCase(Locale.ROOT).startsWith("event_id_cnty");
        if (sent) {
            header = rows.remove(0).text();
        }
        if (rows.isEmpty()) {
            throw new RejectedInputException(RejectReason.MALFORMED, "a header line but no data rows");
        }
        List<RawRecord> out = new ArrayList<>();
        for (Row row : rows) {
            byte[] read = (header + "\n" + row.text()).getBytes(StandardCharsets.UTF_8);
            // a rejected row carries the partner's bytes: with its own header line, or alone if it came without one
            out.add(new RawRecord(row.line(), read, sent ? read : row.text().getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** One CSV record and the file line (from 1) where it starts. */
    record Row(int line, String text) {
    }

    /**
     * Records of a CSV text with the file line each starts on, where a line break inside double quotes does not end
     * a record (it still counts as a line of the file). Blank lines dropped.
     */
    static List<Row> records(String text) {
        List<Row> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            boolean lineBreak = c == '\n' || c == '\r';
            if (lineBreak && c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
                if (quoted) {
                    current.append('\r');
                    c = '\n';
                }
            }
            if (lineBreak) {
                line++;
            }
            if (!quoted && lineBreak) {
                addIfNotBlank(out, start, current);
                current.setLength(0);
                start = line;
            } else {
                current.append(c);
            }
        }
        addIfNotBlank(out, start, current);
        return out;
    }

    private static void addIfNotBlank(List<Row> out, int line, StringBuilder row) {
        if (!row.toString().isBlank()) {
            out.add(new Row(line, row.toString()));
        }
    }
}
