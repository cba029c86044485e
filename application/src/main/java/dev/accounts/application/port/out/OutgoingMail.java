package dev.accounts.application.port.out;

import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.User;
import java.util.Map;
import java.util.Objects;

/**
 * A message to send, as data: which template, to whom, with which values. Rendering is the mail adapter's
 * job, so a queued message stays small and the wording can change without touching queued rows.
 */
public record OutgoingMail(MailTemplate template, EmailAddress recipient, Map<String, String> parameters) {

    public OutgoingMail {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(recipient, "recipient");
        parameters = Map.copyOf(parameters);
        if (!parameters.keySet().equals(template.parameters())) {
            throw new IllegalArgumentException(template + " takes the parameters " + template.parameters());
        }
    }

    public static OutgoingMail welcome(User user) {
        return new OutgoingMail(MailTemplate.WELCOME, user.email(), Map.of(MailTemplate.USERNAME, user.username().value()));
    }
}
