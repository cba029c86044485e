package dev.accounts.application.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.CountingGate;
import dev.accounts.application.port.out.MailDeliveryException;
import dev.accounts.application.port.out.MailSender;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.application.port.out.QueuedMail;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.SecretToken;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link MailSender} promises, for each mail transport to extend: a message handed over is delivered once,
 * to its recipient, with the subject and words of its template and every value its template takes (a token as part
 * of its link), under a Message-ID made from the outbox id, so that a message sent again after a crash is recognisable
 * as the same one. The sender enters the acceptance gate once per message, before the far end has it, and delivers
 * nothing when the gate refuses.
 *
 * <p>A subclass gives the sender under test and a way to read back what reached the far end of the transport (an SMTP
 * server in-process, a pickup directory, ...). Each test addresses its messages to recipients of its own, so a
 * transport shared by several tests does no harm. The wording is the mail adapter's, not the port's: the defaults of
 * {@link #subjectOf} and {@link #keySentenceOf} are the standard wording of Accounts' mail (adapter-mail's
 * {@code MailRenderer}); a transport with wording of its own overrides both.
 */
public abstract class MailSenderContract {

    private final String run = Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);

    /** The sender under test. */
    protected abstract MailSender sender();

    /**
     * Every message the transport has delivered so far, oldest first. Called once {@link MailSender#send} has
     * returned; a transport that delivers in the background waits here until the messages sent have arrived.
     */
    protected abstract List<DeliveredMail> delivered();

    /** The subject messages of the mail's template get. */
    protected String subjectOf(OutgoingMail mail) {
        return switch (mail.template()) {
            case WELCOME -> "Welcome to Accounts";
            case EMAIL_VERIFICATION -> "Verify your email address for Accounts";
            case EMAIL_CHANGE_CONFIRMATION -> "Confirm your new email address for Accounts";
            case EMAIL_CHANGE_NOTICE -> "A change of your Accounts email address was requested";
            case USERNAME_CHANGED_NOTICE -> "Your Accounts username was changed";
            case PASSWORD_CHANGED_NOTICE -> "Your Accounts password was changed";
            case PASSWORD_RESET -> "Reset your Accounts password";
            case ACCOUNT_EXISTS_NOTICE -> "Someone tried to register with your email address at Accounts";
            case USERNAME_TAKEN_NOTICE -> "That username is taken at Accounts";
        };
    }

    /** A sentence that says what the message is about, which its text part contains. */
    protected String keySentenceOf(OutgoingMail mail) {
        Map<String, String> p = mail.parameters();
        return switch (mail.template()) {
            case WELCOME -> "You have successfully signed up to Accounts.";
            case EMAIL_VERIFICATION -> "Here is a new link to verify your email address for Accounts.";
            case EMAIL_CHANGE_CONFIRMATION -> "You asked to use this address for your Accounts account.";
            case EMAIL_CHANGE_NOTICE ->
                    "A change of your Accounts email address to " + p.get(MailTemplate.NEW_EMAIL) + " was requested.";
            case USERNAME_CHANGED_NOTICE -> "Your username changed from " + p.get(MailTemplate.OLD_USERNAME) + " to "
                    + p.get(MailTemplate.USERNAME) + ".";
            case PASSWORD_CHANGED_NOTICE -> "Your Accounts password was changed, and you were logged out everywhere else.";
            case PASSWORD_RESET -> "Someone asked to reset the password of your Accounts account.";
            case ACCOUNT_EXISTS_NOTICE -> "No new account was created.";
            case USERNAME_TAKEN_NOTICE ->
                    "The username " + p.get(MailTemplate.USERNAME) + " is already taken, so no account was created.";
        };
    }

    @Test
    void deliversAMessageOnceToItsRecipientWithTheSubjectOfItsTemplate() {
        QueuedMail queued = queued(MailTemplate.PASSWORD_CHANGED_NOTICE, "once");

        sender().send(queued, new CountingGate());

        assertThat(deliveredTo(queued)).singleElement().satisfies(mail -> {
            assertThat(new EmailAddress(mail.recipient())).isEqualTo(queued.mail().recipient());
            assertThat(mail.subject()).isEqualTo(subjectOf(queued.mail()));
        });
    }

    @Test
    void deliversEachMessageToItsOwnRecipientOnly() {
        QueuedMail first = queued(MailTemplate.WELCOME, "first");
        QueuedMail second = queued(MailTemplate.PASSWORD_RESET, "second");

        sender().send(first, new CountingGate());
        sender().send(second, new CountingGate());

        assertThat(deliveredTo(first)).singleElement().extracting(DeliveredMail::subject).isEqualTo(subjectOf(first.mail()));
        assertThat(deliveredTo(second)).singleElement().extracting(DeliveredMail::subject)
                .isEqualTo(subjectOf(second.mail()));
    }

    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void writesTheSubjectAndKeySentenceOfEveryTemplate(MailTemplate template) {
        QueuedMail queued = queued(template, "words");

        sender().send(queued, new CountingGate());

        assertThat(deliveredTo(queued)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo(subjectOf(queued.mail()));
            assertThat(mail.text()).contains(keySentenceOf(queued.mail()));
        });
    }

    /** The template's parameters are exactly what its text needs: each one shows, a token as part of a link. */
    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void putsEveryValueOfTheTemplateIntoTheText(MailTemplate template) {
        QueuedMail queued = queued(template, "values");

        sender().send(queued, new CountingGate());

        assertThat(deliveredTo(queued)).singleElement().satisfies(mail -> {
            for (String value : queued.mail().parameters().values()) {
                assertThat(mail.text()).contains(value);
            }
        });
    }

    @Test
    void givesAMessageAMessageIdMadeFromItsOutboxId() {
        QueuedMail queued = queued(MailTemplate.EMAIL_VERIFICATION, "id");

        sender().send(queued, new CountingGate());

        assertThat(deliveredTo(queued)).singleElement().extracting(DeliveredMail::messageId).asString()
                .matches("<[^<>@\\s]+@[^<>@\\s]+>")
                .contains(queued.id().toString());
    }

    @Test
    void givesAMessageSentAgainTheSameMessageId() {
        QueuedMail first = queued(MailTemplate.PASSWORD_RESET, "again");
        QueuedMail again = new QueuedMail(first.id(), first.mail(), first.attempt() + 1);

        sender().send(first, new CountingGate());
        String messageId = deliveredTo(first).getFirst().messageId();
        sender().send(again, new CountingGate());

        // SMTP delivers the resend as a second copy; a pickup directory replaces the first. Either way every copy
        // carries the one Message-ID, so a receiver can tell a resend from a new message.
        assertThat(deliveredTo(first)).hasSizeBetween(1, 2).extracting(DeliveredMail::messageId).containsOnly(messageId);
    }

    @Test
    void givesDifferentMessagesDifferentMessageIds() {
        QueuedMail first = queued(MailTemplate.EMAIL_CHANGE_NOTICE, "distinct");
        QueuedMail second = new QueuedMail(UUID.randomUUID(), first.mail(), 1);

        sender().send(first, new CountingGate());
        sender().send(second, new CountingGate());

        assertThat(deliveredTo(first)).extracting(DeliveredMail::messageId).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void entersTheAcceptanceGateOnceJustBeforeTheMessageIsDelivered() {
        QueuedMail queued = queued(MailTemplate.WELCOME, "gate");
        List<Integer> deliveredAtEntry = new ArrayList<>();

        sender().send(queued, new CountingGate(() -> deliveredAtEntry.add(deliveredTo(queued).size())));

        assertThat(deliveredAtEntry).as("copies delivered at each entry of the gate").containsExactly(0);
        assertThat(deliveredTo(queued)).hasSize(1);
    }

    @Test
    void deliversNothingWhenTheAcceptanceGateRefusesAndStillDeliversTheNextMessage() {
        QueuedMail refused = queued(MailTemplate.PASSWORD_RESET, "refused");
        QueuedMail next = queued(MailTemplate.WELCOME, "after_refusal");
        MailDeliveryException refusal = MailDeliveryException.transientFailure("refused by the test", null);

        assertThatThrownBy(() -> sender().send(refused, () -> {
            throw refusal;
        })).isSameAs(refusal);
        sender().send(next, new CountingGate());

        assertThat(deliveredTo(next)).hasSize(1);
        assertThat(deliveredTo(refused)).isEmpty();
    }

    /** What arrived for the queued mail's recipient, oldest first. */
    private List<DeliveredMail> deliveredTo(QueuedMail queued) {
        return delivered().stream()
                .filter(mail -> new EmailAddress(mail.recipient()).equals(queued.mail().recipient()))
                .toList();
    }

    /** A first attempt of a message of this template to a recipient no other test uses, with telling values. */
    private QueuedMail queued(MailTemplate template, String test) {
        String name = "u" + test + "_" + run;
        Map<String, String> values = new HashMap<>();
        for (String parameter : template.parameters()) {
            values.put(parameter, switch (parameter) {
                case MailTemplate.USERNAME -> name;
                case MailTemplate.OLD_USERNAME -> "old_" + name;
                case MailTemplate.NEW_EMAIL -> "new." + name + "@example.net";
                case MailTemplate.TOKEN -> SecretToken.generate().reveal();
                default -> throw new IllegalStateException("no sample value for the parameter " + parameter);
            });
        }
        EmailAddress recipient = new EmailAddress(name.replace('_', '.') + "@example.org");
        return new QueuedMail(UUID.randomUUID(), new OutgoingMail(template, recipient, values), 1);
    }
}
