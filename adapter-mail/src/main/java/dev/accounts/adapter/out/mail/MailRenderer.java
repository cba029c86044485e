package dev.accounts.adapter.out.mail;

import static dev.accounts.application.port.out.MailTemplate.NEW_EMAIL;
import static dev.accounts.application.port.out.MailTemplate.OLD_USERNAME;
import static dev.accounts.application.port.out.MailTemplate.TOKEN;
import static dev.accounts.application.port.out.MailTemplate.USERNAME;

import dev.accounts.application.port.out.OutgoingMail;
import java.net.URI;
import java.util.Map;

/**
 * Turns a queued message into its subject, text and HTML. Each template is one small class that returns
 * {@link MailContent} from plain values; tokens become links here, under the public URL only. A new
 * {@code MailTemplate} constant does not compile until it has a case here.
 */
public final class MailRenderer {

    private final PublicLinks links;
    private final MailLayout layout;
    private final LinkLifetimes lifetimes;

    /**
     * @param publicUrl the address users know the service by (see {@link MailSettings#publicUrl()})
     * @throws IllegalArgumentException when it is not an absolute http(s) URL without user info, query or fragment
     */
    public MailRenderer(URI publicUrl) {
        this(publicUrl, LinkLifetimes.DEFAULTS);
    }

    /** @param lifetimes how long links work, as configured for the tokens they carry */
    public MailRenderer(URI publicUrl, LinkLifetimes lifetimes) {
        this.links = new PublicLinks(publicUrl);
        this.layout = new MailLayout(links.home());
        this.lifetimes = lifetimes;
    }

    public RenderedMail render(OutgoingMail mail) {
        Map<String, String> p = mail.parameters();
        MailContent content = switch (mail.template()) {
            case WELCOME -> WelcomeMail.content(p.get(USERNAME), links.verifyEmail(p.get(TOKEN)), lifetimes.verification());
            case EMAIL_VERIFICATION ->
                    EmailVerificationMail.content(p.get(USERNAME), links.verifyEmail(p.get(TOKEN)), lifetimes.verification());
            case EMAIL_CHANGE_CONFIRMATION -> EmailChangeConfirmationMail.content(p.get(USERNAME),
                    links.verifyEmail(p.get(TOKEN)), lifetimes.emailChange());
            case EMAIL_CHANGE_NOTICE -> EmailChangeNoticeMail.content(p.get(USERNAME), p.get(NEW_EMAIL));
            case USERNAME_CHANGED_NOTICE -> UsernameChangedNoticeMail.content(p.get(OLD_USERNAME), p.get(USERNAME));
            case PASSWORD_CHANGED_NOTICE -> PasswordChangedNoticeMail.content(p.get(USERNAME));
            case PASSWORD_RESET ->
                    PasswordResetMail.content(p.get(USERNAME), links.resetPassword(p.get(TOKEN)), lifetimes.passwordReset());
            case ACCOUNT_EXISTS_NOTICE -> AccountExistsNoticeMail.content();
            case USERNAME_TAKEN_NOTICE -> UsernameTakenNoticeMail.content(p.get(USERNAME));
        };
        return layout.render(content);
    }
}
