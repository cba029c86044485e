package dev.accounts.application.service;

import dev.accounts.application.port.in.CheckReadinessUseCase;
import dev.accounts.application.port.out.StoreHealth;

/** Ready when the store answers. */
public final class ReadinessService implements CheckReadinessUseCase {

    private final StoreHealth store;

    public ReadinessService(StoreHealth store) {
        this.store = store;
    }

    @Override
    public boolean isReady() {
        return store.isAvailable();
    }
}
