package org.borderwatch.alert.delivery.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookTargetPolicyTest {

    /** Host names resolve to the address written after "addr-" so no DNS is needed. */
    private static InetAddress[] fakeDns(String host) throws java.net.UnknownHostException {
        if (host.startsWith("addr-")) {
            return new InetAddress[]{InetAddress.getByName(host.substring(5))};
        }
        return new InetAddress[]{InetAddress.getByName(host)};
    }

    private final WebhookTargetPolicy strict = new WebhookTargetPolicy(List.of(), WebhookTargetPolicyTest::fakeDns);
    private final WebhookTargetPolicy allowing = new WebhookTargetPolicy(
            List.of("localhost", "10.20.0.0/16", "fd00::1"), WebhookTargetPolicyTest::fakeDns);

    @ParameterizedTest(name = "{0} -> allowed {1} / with allow-list {2}")
    @CsvSource({
            "https://203.0.113.10/hook,          true,  true",
            "http://8.8.8.8:8080/x,              true,  true",
            "ftp://8.8.8.8/x,                    false, false",
            "file:///etc/passwd,                 false, false",
            "https://user:pw@8.8.8.8/x,          false, false",
            "http://127.0.0.1:9000/hook,         false, false",
            "http://localhost:9000/hook,         false, true",
            "http://10.20.3.4/hook,              false, true",
            "http://10.21.3.4/hook,              false, false",
            "http://192.168.1.10/hook,           false, false",
            "http://172.16.0.1/hook,             false, false",
            "http://169.254.169.254/latest,      false, false",
            "http://100.64.0.1/hook,             false, false",
            "http://0.0.0.0/hook,                false, false",
            "http://[::1]/hook,                  false, false",
            "http://[fd00::1]/hook,              false, true",
            "http://[::ffff:10.0.0.1]/hook,      false, false",
            "http://addr-192.168.0.5/hook,       false, false"
    })
    void refusesInternalTargetsUnlessAllowListed(String url, boolean strictOk, boolean allowListOk) {
        assertThat(strict.problem(url).isEmpty()).isEqualTo(strictOk);
        assertThat(allowing.problem(url).isEmpty()).isEqualTo(allowListOk);
    }
}
