package org.borderwatch.ingest.api;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodiesTest {

    /** A stream that would go on for ever: the read must stop at the bound. */
    private static InputStream endless() {
        return new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
    }

    @Test
    void readsAtMostTheLimitEvenFromAnEndlessStream() throws Exception {
        assertThat(RequestBodies.readAtMost(endless(), 100_001)).hasSize(100_001);
        assertThat(RequestBodies.readAtMost(endless(), 1)).hasSize(1);
        assertThat(RequestBodies.readAtMost(new ByteArrayInputStream("abc".getBytes()), 5_000_000))
                .containsExactly('a', 'b', 'c');
        assertThat(RequestBodies.readAtMost(new ByteArrayInputStream(new byte[0]), 10)).isEmpty();
        byte[] exact = new byte[20_000];
        assertThat(RequestBodies.readAtMost(new ByteArrayInputStream(exact), 20_000)).hasSize(20_000);
    }

    @Test
    void aTooLargeRecordKeepsAtMostTheRejectedPayloadLimitOfWhatWasRead() throws Exception {
        // the defaults: min(5 MiB, 900 KiB) + 1 bytes read for a 413, the record keeps 900 KiB of them
        byte[] read = RequestBodies.readAtMost(endless(), 921_601);
        byte[] kept = RequestBodies.keptForRecord(read, 921_600);
        assertThat(kept).hasSize(921_600).isEqualTo(java.util.Arrays.copyOf(read, 921_600));
        // a smaller batch limit: limit + 1 bytes read, all kept
        byte[] small = new byte[65_537];
        assertThat(RequestBodies.keptForRecord(small, 921_600)).isSameAs(small);
        assertThat(RequestBodies.keptForRecord(new byte[0], 921_600)).isEmpty();
    }

    @Test
    void queryFlagsAreReadFromTheQueryStringAsTheFrameworkWouldReadThem() {
        assertThat(RequestBodies.queryParameter("dryRun=true", "dryRun")).isEqualTo("true");
        assertThat(RequestBodies.queryParameter("a=1&dry%52un=no%20way", "dryRun")).isEqualTo("no way");
        assertThat(RequestBodies.queryParameter("dryRun", "dryRun")).isEmpty();
        assertThat(RequestBodies.queryParameter(null, "dryRun")).isNull();
        assertThat(RequestBodies.queryParameter("x=%zz", "x")).isEqualTo("%zz");
        assertThat(RequestBodies.flag(null)).contains(false);
        assertThat(RequestBodies.flag("")).contains(false);
        assertThat(RequestBodies.flag("TRUE")).contains(true);
        assertThat(RequestBodies.flag("yes")).contains(true);
        assertThat(RequestBodies.flag("0")).contains(false);
        assertThat(RequestBodies.flag("maybe")).isEqualTo(Optional.empty());
    }
}
