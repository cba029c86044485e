package dev.accounts.adapter.out.mail;

import dev.accounts.application.port.out.OutgoingMail;
import java.net.URI;

/**
 * Turns a queued message into its subject, text and HTML. Each template is one small class that returns
 * {@link MailContent}; a new {@code MailTemplate} constant does not compile until it has a case here.
 */
public final class MailRenderer {

    private final MailLayout layout;

    public MailRenderer(URI publicUrl) {
        this.layout = new MailLayout(publicUrl);
    }

    public RenderedMail render(OutgoingMail mail) {
        MailContent content = switch (mail.template()) {
            case WELCOME -> WelcomeMail.content(mail.parameters());
        };
        return layout.render(content);
    }
}
