package org.borderwatch.alert.security;

import org.borderwatch.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Security review F8: failed logins are logged, once per user name and address per interval, never a password. */
class FailedLoginsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final FailedLogins logins = new FailedLogins(clock, Duration.ofMinutes(1));

    @Test
    void theFirstFailureIsLoggedThenOneLinePerIntervalCountingTheRest() {
        assertThat(logins.failed("admin", "10.0.0.5")).contains("failed login for user 'admin' from 10.0.0.5");
        for (int i = 0; i < 99; i++) {
            assertThat(logins.failed("admin", "10.0.0.5")).isEmpty();
        }
        assertThat(logins.failed("admin", "10.0.0.6")).as("another address").isPresent();
        assertThat(logins.failed("staff", "10.0.0.5")).as("another user name").isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(logins.failed("admin", "10.0.0.5"))
                .contains("failed login for user 'admin' from 10.0.0.5 (100 failures since the last line)");
        clock.advance(Duration.ofMinutes(5));
        assertThat(logins.failed("admin", "10.0.0.5")).contains("failed login for user 'admin' from 10.0.0.5");
    }

    @Test
    void aUserNameIsShownAsPrintableTextAndCut() {
        assertThat(logins.failed("evil\r\nINFO forged line", "10.0.0.7"))
                .contains("failed login for user 'evil??INFO forged line' from 10.0.0.7");
        assertThat(logins.failed("x".repeat(100), "10.0.0.7")).hasValueSatisfying(line ->
                assertThat(line).contains("'" + "x".repeat(64) + "…'"));
        assertThat(logins.failed(null, null)).contains("failed login for user '(none)' from unknown");
    }

    @ParameterizedTest
    @CsvSource({
            "'admin:guess42',   admin",
            "'admin:pa:ss',     admin",
            "':only-password',  ''",
            "'hunter2',         (malformed Basic header)"
    })
    void theUserNameOfABasicHeaderNeverThePassword(String credentials, String user) {
        String header = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        assertThat(SecurityConfiguration.basicUser(header)).isEqualTo(user);
        assertThat(SecurityConfiguration.basicUser("Basic %%%")).isEqualTo("(unreadable Basic header)");
        assertThat(SecurityConfiguration.basicUser("Bearer x")).isNull();
        assertThat(SecurityConfiguration.basicUser(null)).isNull();
    }
}
