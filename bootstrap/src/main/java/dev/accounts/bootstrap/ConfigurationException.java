package dev.accounts.bootstrap;

/** A setting has a value the service cannot run with. The message names the variable and what it expects. */
public final class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message, null, false, false);
    }
}
