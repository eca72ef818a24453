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
            "https://93.184.215.14/hook,         true,  true",
            "https://[2001:4860:4860::8888]/x,   true,  true",
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
            "http://addr-192.168.0.5/hook,       false, false",
            // security review F6: reserved IPv4 ranges
            "https://203.0.113.10/hook,          false, false",
            "https://198.51.100.7/hook,          false, false",
            "https://192.0.2.1/hook,             false, false",
            "https://198.18.0.1/hook,            false, false",
            "https://198.19.255.254/hook,        false, false",
            "https://192.88.99.1/hook,           false, false",
            "https://192.0.0.8/hook,             false, false",
            "https://240.0.0.1/hook,             false, false",
            "https://255.255.255.255/hook,       false, false",
            "https://224.0.0.1/hook,             false, false",
            "https://198.20.0.1/hook,            true,  true",
            // IPv6 forms that carry an IPv4 address: judged by it
            "http://[::127.0.0.1]/,              false, false",
            "http://[::a9fe:a9fe]/,              false, false",
            "http://[::808:808]/,                false, false",
            "http://[::ffff:7f00:1]/,            false, false",
            "http://[64:ff9b::a9fe:a9fe]/,       false, false",
            "http://[64:ff9b::a00:1]/,           false, false",
            "http://[64:ff9b::808:808]/,         true,  true",
            "http://[64:ff9b:1::808:808]/,       false, false",
            "http://[2002:a9fe:a9fe::]/,         false, false",
            "http://[2002:c0a8:101::1]/,         false, false",
            "http://[2002:808:808::1]/,          true,  true",
            "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/, false, false",
            "http://[2001:0:808:808::f5ff:fffe]/, false, false",
            "http://[2001:0:a00:1::fefd:fcfb]/,  false, false",
            "http://[2001:0:808:808::fefd:fcfb]/, true, true",
            // reserved IPv6 blocks
            "http://[100::1]/,                   false, false",
            "http://[2001:db8::1]/,              false, false",
            "http://[2001:2::1]/,                false, false",
            "http://[fec0::1]/,                  false, false",
            "http://[fe80::1]/,                  false, false",
            "http://[ff02::1]/,                  false, false",
            "http://[::]/,                       false, false"
    })
    void refusesInternalTargetsUnlessAllowListed(String url, boolean strictOk, boolean allowListOk) {
        assertThat(strict.problem(url).isEmpty()).as("%s: %s", url, strict.problem(url)).isEqualTo(strictOk);
        assertThat(allowing.problem(url).isEmpty()).isEqualTo(allowListOk);
    }

    /** Security review F12: with require-https, only https URLs (the allow-list does not lift it). */
    @org.junit.jupiter.api.Test
    void requireHttpsRefusesPlainHttp() {
        WebhookTargetPolicy https = new WebhookTargetPolicy(List.of("localhost"), true,
                WebhookTargetPolicyTest::fakeDns);
        assertThat(https.problem("https://93.184.215.14/hook")).isEmpty();
        assertThat(https.problem("HTTPS://93.184.215.14/hook")).isEmpty();
        assertThat(https.problem("http://93.184.215.14/hook")).hasValueSatisfying(p -> assertThat(p)
                .contains("must use https (alert.webhook.require-https)"));
        assertThat(https.problem("http://localhost/hook")).isPresent();
        assertThat(https.problem("https://localhost/hook")).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theRefusalNamesTheAddressAndTheWayOut() {
        assertThat(strict.problem("http://[64:ff9b::a9fe:a9fe]/")).hasValueSatisfying(p -> assertThat(p)
                .contains("64:ff9b:0:0:0:0:a9fe:a9fe").contains("reserved address (or an IPv6 form of one)")
                .contains("allow-list"));
    }
}
