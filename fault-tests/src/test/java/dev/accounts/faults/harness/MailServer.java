package dev.accounts.faults.harness;

/** An SMTP server on loopback that the service mails to, and what it accepted. */
public interface MailServer extends AutoCloseable {

    int port();

    Deliveries deliveries();

    @Override
    void close();
}
