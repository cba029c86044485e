package dev.accounts.adapter.out.persistence;

import dev.accounts.application.contracts.LoginThrottleContract;
import dev.accounts.application.port.out.LoginThrottle;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDatabase.class)
class JooqLoginThrottleContractTest extends LoginThrottleContract {

    private final JooqLoginThrottle throttle;

    JooqLoginThrottleContractTest(TestDatabase database) {
        this.throttle = new JooqLoginThrottle(database.dsl());
    }

    @Override
    protected LoginThrottle throttle() {
        return throttle;
    }
}
