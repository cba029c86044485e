package dev.accounts.application.port.out;

/** Whether the store answers right now, within a short time limit. */
public interface StoreHealth {

    boolean isAvailable();
}
