package dev.accounts.faults.harness;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What an SMTP server has accepted so far, and the questions the scenarios ask of it. */
public record Deliveries(List<ReceivedMail> mails) {

    public Deliveries {
        mails = List.copyOf(mails);
    }

    public int count() {
        return mails.size();
    }

    /** Messages accepted more than once: the count beyond the first for each Message-ID. */
    public int duplicates() {
        return count() - messageIds().size();
    }

    public Set<String> messageIds() {
        return mails.stream().map(ReceivedMail::messageId).collect(Collectors.toSet());
    }

    /** How many messages each recipient got (lower-cased address). */
    public Map<String, Long> perRecipient() {
        return mails.stream().collect(Collectors.groupingBy(ReceivedMail::recipient, Collectors.counting()));
    }

    /** How many messages to {@code recipient} have a subject containing {@code subjectPart}. */
    public long to(String recipient, String subjectPart) {
        return withSubject(subjectPart).stream().filter(mail -> mail.recipient().equalsIgnoreCase(recipient)).count();
    }

    public List<ReceivedMail> withSubject(String subjectPart) {
        return mails.stream().filter(mail -> mail.subject() != null && mail.subject().contains(subjectPart)).toList();
    }

    /** Messages with this subject part, by recipient; each recipient counted once per distinct Message-ID. */
    public Map<String, Long> distinctPerRecipient(String subjectPart) {
        return withSubject(subjectPart).stream()
                .collect(Collectors.toMap(ReceivedMail::messageId, Function.identity(), (first, again) -> first))
                .values().stream()
                .collect(Collectors.groupingBy(ReceivedMail::recipient, Collectors.counting()));
    }
}
