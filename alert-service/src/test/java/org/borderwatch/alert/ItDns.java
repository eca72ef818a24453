package org.borderwatch.alert;

import org.borderwatch.alert.delivery.webhook.WebhookTargetPolicy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared context's name resolution for webhook hosts: names under {@link #DOMAIN} answer what a test scripted
 * (each lookup the next answer of the list, the last one for ever after; lookups counted), every other name the
 * system's resolver. The names exist nowhere else, so a delivery that reaches a local receiver under one of them went
 * to the address given here.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ItDns {

    public static final String DOMAIN = ".rebind.test";

    private static final Map<String, List<String>> ANSWERS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> LOOKUPS = new ConcurrentHashMap<>();

    /** From now on {@code host} (ending in {@link #DOMAIN}) answers these addresses, one per lookup. */
    public static void script(String host, String... addresses) {
        if (!host.endsWith(DOMAIN)) {
            throw new IllegalArgumentException(host + " is not under " + DOMAIN);
        }
        LOOKUPS.remove(host);
        ANSWERS.put(host, List.of(addresses));
    }

    public static int lookups(String host) {
        AtomicInteger n = LOOKUPS.get(host);
        return n == null ? 0 : n.get();
    }

    @Bean
    @Primary
    WebhookTargetPolicy.Resolver scriptedWebhookResolver() {
        return host -> {
            if (!host.endsWith(DOMAIN)) {
                return InetAddress.getAllByName(host);
            }
            List<String> answers = ANSWERS.get(host);
            if (answers == null) {
                throw new UnknownHostException(host);
            }
            int n = LOOKUPS.computeIfAbsent(host, k -> new AtomicInteger()).getAndIncrement();
            return new InetAddress[] {InetAddress.getByName(answers.get(Math.min(n, answers.size() - 1)))};
        };
    }
}
