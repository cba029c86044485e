package dev.accounts.application.service;

import dev.accounts.application.port.out.MailTemplate;
import java.util.Arrays;

/**
 * Which dead messages may be sent again: those of a template this version knows that carries no token. A token is
 * erased when its message dies, so a message with a link would go out with a dead one; and a message of an unknown
 * template would only die again.
 */
final class RequeueableMail {

    private RequeueableMail() {
    }

    static boolean isRequeueable(String template) {
        return Arrays.stream(MailTemplate.values())
                .filter(known -> known.name().equals(template))
                .anyMatch(known -> !known.carriesToken());
    }
}
