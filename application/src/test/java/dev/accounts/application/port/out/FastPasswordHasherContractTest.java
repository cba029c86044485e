package dev.accounts.application.port.out;

import dev.accounts.application.contracts.PasswordHasherContract;
import dev.accounts.application.fixtures.FastPasswordHasher;

class FastPasswordHasherContractTest extends PasswordHasherContract {

    private final FastPasswordHasher hasher = new FastPasswordHasher();

    @Override
    protected PasswordHasher hasher() {
        return hasher;
    }
}
