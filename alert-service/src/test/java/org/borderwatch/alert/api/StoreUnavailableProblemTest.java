package org.borderwatch.alert.api;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's timeouts and connection failures, raw from the driver or translated (or wrapped) by Spring Data, are a
 * 503 {@code store-unavailable} problem with {@code Retry-After}; anything else stays what it was.
 */
class StoreUnavailableProblemTest {

    private static final ServerAddress STORE = new ServerAddress("store.invalid", 27017);

    @Test
    void driverTimeoutsAndConnectionFailuresAndTheirTranslationsAreStoreUnavailable() {
        var selection = new MongoTimeoutException("Timed out while waiting for a server");
        var read = new MongoSocketReadTimeoutException("Timeout while receiving message", STORE,
                new java.net.SocketTimeoutException("Read timed out"));
        var refused = new MongoSocketOpenException("Exception opening socket", STORE, new IOException("refused"));
        assertThat(ApiProblems.isStoreUnavailable(selection)).isTrue();
        assertThat(ApiProblems.isStoreUnavailable(read)).isTrue();
        assertThat(ApiProblems.isStoreUnavailable(refused)).isTrue();
        assertThat(ApiProblems.isStoreUnavailable(new DataAccessResourceFailureException("x", selection))).isTrue();
        assertThat(ApiProblems.isStoreUnavailable(new UncategorizedMongoDbException("x", read)))
                .as("found wrapped").isTrue();
        assertThat(ApiProblems.isStoreUnavailable(new IllegalStateException("a bug"))).isFalse();
        assertThat(ApiProblems.isStoreUnavailable(new DuplicateKeyException("dup"))).isFalse();
    }

    @Test
    void theProblemIsA503WithRetryAfterInWholeSecondsRoundedUp() {
        ResponseEntity<ProblemDetail> r = new ApiProblems(Duration.ofMillis(7_200))
                .storeUnavailable(new MongoTimeoutException("Timed out"));
        assertThat(r.getStatusCode().value()).isEqualTo(503);
        assertThat(r.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("8");
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail p = r.getBody();
        assertThat(p.getType().toString()).isEqualTo("urn:borderwatch:problem:store-unavailable");
        assertThat(p.getTitle()).isEqualTo("Store unavailable");
        assertThat(p.getDetail()).contains("does not answer", "retry").doesNotContain("Mongo");
    }

    @Test
    void aWrappedStoreFailureReachingTheCatchAllIsAlsoA503() throws Exception {
        ApiProblems problems = new ApiProblems(Duration.ofSeconds(10));
        var wrapped = new UncategorizedMongoDbException("x", new MongoSocketReadTimeoutException("t", STORE,
                new java.net.SocketTimeoutException()));
        ResponseEntity<ProblemDetail> r = problems.unexpected(wrapped);
        assertThat(r.getStatusCode().value()).isEqualTo(503);
        assertThat(r.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
        ResponseEntity<ProblemDetail> bug = problems.unexpected(new IllegalStateException("a bug"));
        assertThat(bug.getStatusCode().value()).isEqualTo(500);
        assertThat(bug.getBody().getType().toString()).endsWith(":internal-error");
        assertThat(bug.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
    }
}
