package dev.accounts.adapter.out.inmemory;

import dev.accounts.application.contracts.UserDirectoryContract;
import dev.accounts.application.port.out.UserDirectory;
import dev.accounts.application.port.out.UserRepository;

class InMemoryUserDirectoryContractTest extends UserDirectoryContract {

    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected UserRepository users() {
        return store.users();
    }

    @Override
    protected UserDirectory directory() {
        return store.userDirectory();
    }
}
