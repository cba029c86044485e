package dev.accounts.adapter.out.persistence;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Client addresses no other test uses: the audit trail is never emptied between tests, so each test finds its own
 * rows (and log lines) by its address.
 */
final class ClientAddresses {

    private ClientAddresses() {
    }

    /** A random address of the documentation prefix 2001:db8::/32. */
    static String unique() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "2001:db8:%x:%x:%x:%x::1".formatted(random.nextInt(0x10000), random.nextInt(0x10000),
                random.nextInt(0x10000), random.nextInt(0x10000));
    }
}
