package dev.accounts.application.port.out;

import dev.accounts.application.contracts.LoginThrottleContract;
import dev.accounts.application.fixtures.InMemoryLoginThrottle;

class InMemoryLoginThrottleContractTest extends LoginThrottleContract {

    private final InMemoryLoginThrottle throttle = new InMemoryLoginThrottle();

    @Override
    protected LoginThrottle throttle() {
        return throttle;
    }
}
