package dev.accounts.application.port.in;

/** Whether the service can do its work now, i.e. its store answers. */
public interface CheckReadinessUseCase {

    boolean isReady();
}
