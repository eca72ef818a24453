package org.borderwatch.alert.routing;

public enum DeliveryMode {
    /** Each notification (grouped per segment within the group wait) as soon as it is due. */
    IMMEDIATE,
    /** Everything that matched, collected and sent as one message at the subscription's interval. */
    DIGEST
}
