package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.contracts.LoginThrottleContract;
import dev.accounts.application.port.out.LoginThrottle;

class InMemoryLoginThrottleContractTest extends LoginThrottleContract {

    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected LoginThrottle throttle() {
        return store.throttle();
    }
}
