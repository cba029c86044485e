package dev.accounts.application.port.out;

import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.SecretToken;
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

    public static OutgoingMail welcome(User user, SecretToken verification) {
        return withToken(MailTemplate.WELCOME, user.email(), user, verification);
    }

    public static OutgoingMail emailVerification(User user, SecretToken verification) {
        return withToken(MailTemplate.EMAIL_VERIFICATION, user.email(), user, verification);
    }

    public static OutgoingMail emailChangeConfirmation(User user, EmailAddress newEmail, SecretToken confirmation) {
        return withToken(MailTemplate.EMAIL_CHANGE_CONFIRMATION, newEmail, user, confirmation);
    }

    public static OutgoingMail emailChangeNotice(User user, EmailAddress newEmail) {
        return new OutgoingMail(MailTemplate.EMAIL_CHANGE_NOTICE, user.email(),
                Map.of(MailTemplate.USERNAME, user.username().value(), MailTemplate.NEW_EMAIL, newEmail.value()));
    }

    public static OutgoingMail usernameChangedNotice(User changed, String oldUsername) {
        return new OutgoingMail(MailTemplate.USERNAME_CHANGED_NOTICE, changed.email(),
                Map.of(MailTemplate.OLD_USERNAME, oldUsername, MailTemplate.USERNAME, changed.username().value()));
    }

    public static OutgoingMail passwordChangedNotice(User user) {
        return new OutgoingMail(MailTemplate.PASSWORD_CHANGED_NOTICE, user.email(),
                Map.of(MailTemplate.USERNAME, user.username().value()));
    }

    public static OutgoingMail passwordReset(User user, SecretToken reset) {
        return withToken(MailTemplate.PASSWORD_RESET, user.email(), user, reset);
    }

    public static OutgoingMail accountExistsNotice(EmailAddress owner) {
        return new OutgoingMail(MailTemplate.ACCOUNT_EXISTS_NOTICE, owner, Map.of());
    }

    public static OutgoingMail usernameTakenNotice(EmailAddress to, String requestedUsername) {
        return new OutgoingMail(MailTemplate.USERNAME_TAKEN_NOTICE, to, Map.of(MailTemplate.USERNAME, requestedUsername));
    }

    private static OutgoingMail withToken(MailTemplate template, EmailAddress to, User user, SecretToken token) {
        return new OutgoingMail(template, to, Map.of(MailTemplate.USERNAME, user.username().value(),
                MailTemplate.TOKEN, token.reveal()));
    }

    /** Hides token values, which must not reach logs. */
    @Override
    public String toString() {
        return "OutgoingMail[" + template + " to " + recipient + "]";
    }
}
