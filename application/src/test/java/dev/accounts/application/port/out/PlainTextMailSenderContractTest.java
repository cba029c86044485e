package dev.accounts.application.port.out;

import dev.accounts.application.contracts.DeliveredMail;
import dev.accounts.application.contracts.MailSenderContract;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The mail contract run against the smallest transport that keeps it: it renders a message as plain text in words
 * of its own and "delivers" it to a list. Shows how a transport with its own wording overrides the subject and key
 * sentence, and keeps the contract itself honest when no real transport is at hand.
 */
class PlainTextMailSenderContractTest extends MailSenderContract {

    private final PlainTextMailSender sender = new PlainTextMailSender();

    @Override
    protected MailSender sender() {
        return sender;
    }

    @Override
    protected List<DeliveredMail> delivered() {
        return List.copyOf(sender.delivered);
    }

    @Override
    protected String subjectOf(OutgoingMail mail) {
        return PlainTextMailSender.subject(mail);
    }

    @Override
    protected String keySentenceOf(OutgoingMail mail) {
        return PlainTextMailSender.keySentence(mail);
    }

    private static final class PlainTextMailSender implements MailSender {

        private final List<DeliveredMail> delivered = new CopyOnWriteArrayList<>();

        @Override
        public void send(QueuedMail queued, AcceptanceGate gate) {
            OutgoingMail mail = queued.mail();
            StringBuilder text = new StringBuilder(keySentence(mail)).append('\n');
            mail.parameters().forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
            gate.enter();
            delivered.add(new DeliveredMail(mail.recipient().value(), subject(mail),
                    "<" + queued.id() + "@accounts.test>", text.toString()));
        }

        static String subject(OutgoingMail mail) {
            return "Accounts: " + mail.template().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }

        static String keySentence(OutgoingMail mail) {
            return "This is a " + mail.template() + " message.";
        }
    }
}
