package org.borderwatch.ingest.acled;

import org.borderwatch.ingest.pipeline.RawRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AcledCsvTest {

    private static List<RawRecord> split(String csv) {
        return AcledCsv.split(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rowsAreNumberedByTheFileLineTheyStartOn() {
        String csv = "event_id_cnty,event_date,notes\r\n"
                + "A1,2024-02-13,one\r\n"
                + "\r\n"
                + "A2,2024-02-14,\"two\r\nlines\"\r\n"
                + "A3,2024-02-15,three\n";
        List<RawRecord> rows = split(csv);
        assertThat(rows).extracting(RawRecord::line).containsExactly(2, 4, 6);
        assertThat(new String(rows.get(1).bytes(), StandardCharsets.UTF_8))
                .isEqualTo("event_id_cnty,event_date,notes\nA2,2024-02-14,\"two\r\nlines\"");
    }

    @Test
    void withoutAHeaderTheFirstRowIsLineOneAndTheStandardOrderApplies() {
        List<RawRecord> rows = split("A1,2024-02-13\nA2,2024-02-14\n");
        assertThat(rows).extracting(RawRecord::line).containsExactly(1, 2);
        assertThat(new String(rows.get(0).bytes(), StandardCharsets.UTF_8)).startsWith(AcledCsv.STANDARD_HEADER);
        assertThat(AcledCsv.STANDARD_HEADER.split(",")).hasSize(31);
    }
}
