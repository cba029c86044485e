package dev.accounts.adapter.out.mail;

import dev.accounts.application.port.out.MailDeliveryException;
import jakarta.mail.AuthenticationFailedException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Decides whether a failed send may succeed later. An SMTP 5xx reply to this message is final; a 4xx reply,
 * a network error or a time-out is not. The reason becomes the outbox row's last error, so it holds the reply
 * code and the server's one-line answer, never the message.
 *
 * <p>A transport that knows better decides for itself: it throws a {@link MailDeliveryException}, which this class
 * finds among the causes and hands back unchanged (so does an acceptance gate that refuses a message).
 */
final class MailFailureClassifier {

    private static final int MAX_CAUSE_DEPTH = 20;

    private MailFailureClassifier() {
    }

    /** @param failure what Jakarta Mail threw, building the message or sending it */
    static MailDeliveryException classify(Exception failure) {
        List<Throwable> causes = causes(failure);
        Optional<MailDeliveryException> decided = causes.stream()
                .flatMap(t -> t instanceof MailDeliveryException e ? Stream.of(e) : Stream.empty()).findFirst();
        if (decided.isPresent()) {
            return decided.get();
        }
        Optional<SmtpReply> reply = causes.stream().flatMap(t -> SmtpReply.of(t).stream()).findFirst();
        if (reply.isPresent()) {
            SmtpReply smtp = reply.get();
            return smtp.permanent()
                    ? MailDeliveryException.permanentFailure(smtp.summary(), failure)
                    : MailDeliveryException.transientFailure(smtp.summary(), failure);
        }
        return MailDeliveryException.transientFailure(describeTransportProblem(causes), failure);
    }

    private static String describeTransportProblem(List<Throwable> causes) {
        for (Throwable t : causes) {
            if (t instanceof AuthenticationFailedException) {
                // Bad credentials are a setting to fix, not a property of this message: keep it for a retry.
                return "SMTP authentication failed: " + SingleLine.of(t.getMessage());
            }
            if (t instanceof MailConnectException e) {
                return "could not connect to SMTP server " + e.getHost() + ":" + e.getPort() + ": " + describe(causes.getLast());
            }
            if (t instanceof SocketTimeoutException) {
                return "SMTP server did not answer in time: " + SingleLine.of(t.getMessage());
            }
        }
        return "SMTP delivery failed: " + describe(causes.getLast());
    }

    /** The failure and its causes, outermost first. Jakarta Mail chains nested exceptions as causes. */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < MAX_CAUSE_DEPTH && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + SingleLine.of(failure.getMessage());
    }

    /** One SMTP reply: its code, the command it answered and the server's text. */
    private record SmtpReply(int code, String command, String text) {

        static Optional<SmtpReply> of(Throwable failure) {
            return switch (failure) {
                case SMTPAddressFailedException e -> Optional.of(new SmtpReply(e.getReturnCode(), e.getCommand(), e.getMessage()));
                case SMTPSenderFailedException e -> Optional.of(new SmtpReply(e.getReturnCode(), e.getCommand(), e.getMessage()));
                case SMTPSendFailedException e -> Optional.of(new SmtpReply(e.getReturnCode(), e.getCommand(), e.getMessage()));
                default -> Optional.empty();
            };
        }

        boolean permanent() {
            return code >= 500 && code <= 599;
        }

        String summary() {
            String answer = SingleLine.of(text);
            String codeText = Integer.toString(code);
            if (answer.startsWith(codeText)) {
                answer = answer.substring(codeText.length()).stripLeading();
            }
            return "SMTP " + code + " after " + verb() + ": " + answer;
        }

        /** "RCPT TO" rather than "RCPT TO:<bob@example.com>": the address is already in the outbox row. */
        private String verb() {
            if (command == null || command.isBlank()) {
                return "(unknown command)";
            }
            if (command.equals(".")) {
                return "DATA";
            }
            int colon = command.indexOf(':');
            return SingleLine.of(colon < 0 ? command : command.substring(0, colon));
        }
    }
}
