package dev.accounts.bootstrap;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test class's world: a real SMTP server (GreenMail) on a free loopback port and the whole service, sending its
 * mail there, started once before the class's tests and stopped after them.
 * <pre>{@code @RegisterExtension static final ServiceWithMail ACCOUNTS = ServiceWithMail.withSettings(Map.of(...));}</pre>
 */
final class ServiceWithMail implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> settings;
    private GreenMail smtp;
    private RunningService service;
    private Mailbox mailbox;

    private ServiceWithMail(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    /** @param settings {@code ACCOUNTS_*} variables on top of the test defaults of {@link RunningService} */
    static ServiceWithMail withSettings(Map<String, String> settings) {
        return new ServiceWithMail(settings);
    }

    static ServiceWithMail withDefaults() {
        return new ServiceWithMail(Map.of());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        int port = RegistrationEndToEndTest.freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        smtp.start();
        service = RunningService.start(port, settings);
        mailbox = new Mailbox(smtp);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            service.close();
        } finally {
            smtp.stop();
        }
    }

    RunningService service() {
        return service;
    }

    Mailbox mailbox() {
        return mailbox;
    }
}
