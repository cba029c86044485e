package dev.accounts.application.port.out;

import dev.accounts.domain.user.EmailAddress;
import java.time.Instant;
import java.util.Set;

/** How much mail of some kinds was queued for an address lately: the basis of per-recipient limits. */
public interface RecentMail {

    /** Messages of these templates queued for {@code recipient} (ignoring case) at or after {@code since}. */
    int countQueuedSince(EmailAddress recipient, Set<MailTemplate> templates, Instant since);
}
