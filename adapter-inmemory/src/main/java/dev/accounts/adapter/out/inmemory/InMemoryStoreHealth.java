package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.port.out.StoreHealth;

/** Memory is always there: the in-memory store is available for as long as the process runs. */
public final class InMemoryStoreHealth implements StoreHealth {

    @Override
    public boolean isAvailable() {
        return true;
    }
}
