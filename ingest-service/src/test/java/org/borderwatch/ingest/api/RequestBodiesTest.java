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
