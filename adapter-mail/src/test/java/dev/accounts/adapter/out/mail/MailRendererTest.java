package dev.accounts.adapter.out.mail;

import static dev.accounts.application.port.out.MailTemplate.ACCOUNT_EXISTS_NOTICE;
import static dev.accounts.application.port.out.MailTemplate.EMAIL_CHANGE_CONFIRMATION;
import static dev.accounts.application.port.out.MailTemplate.EMAIL_CHANGE_NOTICE;
import static dev.accounts.application.port.out.MailTemplate.EMAIL_VERIFICATION;
import static dev.accounts.application.port.out.MailTemplate.PASSWORD_CHANGED_NOTICE;
import static dev.accounts.application.port.out.MailTemplate.PASSWORD_RESET;
import static dev.accounts.application.port.out.MailTemplate.USERNAME_CHANGED_NOTICE;
import static dev.accounts.application.port.out.MailTemplate.USERNAME_TAKEN_NOTICE;
import static dev.accounts.application.port.out.MailTemplate.WELCOME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.domain.user.EmailAddress;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MailRendererTest {

    private static final String TOKEN = TestMail.token();
    private static final String VERIFY_LINK = "https://accounts.example.com/verify-email?token=" + TOKEN;
    private static final String RESET_LINK = "https://accounts.example.com/reset-password?token=" + TOKEN;
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    private final MailRenderer renderer = new MailRenderer(TestMail.PUBLIC_URL);

    private RenderedMail render(MailTemplate template) {
        return renderer.render(TestMail.of(template, TOKEN));
    }

    private static List<String> hrefs(String html) {
        Matcher matcher = HREF.matcher(html);
        return matcher.results().map(result -> result.group(1)).toList();
    }

    @Test
    void welcomeMailGreetsTheUserAndAsksToVerifyTheAddressWithinADay() {
        RenderedMail mail = render(WELCOME);

        assertThat(mail.subject()).isEqualTo("Welcome to Accounts");
        assertThat(mail.text()).contains("Hi alice! You have successfully signed up to Accounts.")
                .contains("Please verify your email address: " + VERIFY_LINK)
                .contains("valid for 24 hours");
        assertThat(mail.html()).contains("Hi alice! You have successfully signed up to Accounts.")
                .contains("Please verify your email address:")
                .contains(">Verify email address</a>")
                .contains("valid for 24 hours");
        assertThat(hrefs(mail.html())).containsExactly(VERIFY_LINK, VERIFY_LINK, "https://accounts.example.com/");
    }

    @Test
    void verificationMailSendsAFreshLinkValidForADay() {
        RenderedMail mail = render(EMAIL_VERIFICATION);

        assertThat(mail.subject()).isEqualTo("Verify your email address for Accounts");
        assertThat(mail.text()).contains("Hi alice!")
                .contains("Please verify your email address: " + VERIFY_LINK)
                .contains("valid for 24 hours")
                .contains("Links sent to you before no longer work.");
        assertThat(hrefs(mail.html())).containsExactly(VERIFY_LINK, VERIFY_LINK, "https://accounts.example.com/");
    }

    @Test
    void emailChangeConfirmationLinksToVerificationForAnHourAndKeepsTheOldLogin() {
        RenderedMail mail = render(EMAIL_CHANGE_CONFIRMATION);

        assertThat(mail.subject()).isEqualTo("Confirm your new email address for Accounts");
        assertThat(mail.text()).contains("Please confirm your new email address: " + VERIFY_LINK)
                .contains("valid for 1 hour")
                .contains("Your current address stays your login until you confirm.");
        assertThat(mail.html()).contains("Your current address stays your login until you confirm.")
                .contains(">Confirm email address</a>");
        assertThat(hrefs(mail.html())).containsExactly(VERIFY_LINK, VERIFY_LINK, "https://accounts.example.com/");
    }

    @Test
    void emailChangeNoticeNamesTheNewAddressAndAdvisesAPasswordChange() {
        RenderedMail mail = render(EMAIL_CHANGE_NOTICE);

        assertThat(mail.subject()).isEqualTo("A change of your Accounts email address was requested");
        for (String part : List.of(mail.text(), mail.html())) {
            assertThat(part).contains("A change of your Accounts email address to alice.new@example.com was requested.")
                    .contains("If this was not you, change your password now.");
        }
        assertThat(hrefs(mail.html())).containsExactly("https://accounts.example.com/");
    }

    @Test
    void usernameChangedNoticeNamesTheOldAndTheNewUsername() {
        RenderedMail mail = render(USERNAME_CHANGED_NOTICE);

        assertThat(mail.subject()).isEqualTo("Your Accounts username was changed");
        for (String part : List.of(mail.text(), mail.html())) {
            assertThat(part).contains("Your username changed from alice-old to alice.")
                    .contains("If this was not you, change your password now.");
        }
        assertThat(hrefs(mail.html())).containsExactly("https://accounts.example.com/");
    }

    @Test
    void passwordChangedNoticeAdvisesAResetIfItWasSomeoneElse() {
        RenderedMail mail = render(PASSWORD_CHANGED_NOTICE);

        assertThat(mail.subject()).isEqualTo("Your Accounts password was changed");
        for (String part : List.of(mail.text(), mail.html())) {
            assertThat(part).contains("Hi alice! Your Accounts password was changed")
                    .contains("If this was not you, reset your password now");
        }
        assertThat(hrefs(mail.html())).containsExactly("https://accounts.example.com/");
    }

    @Test
    void passwordResetLinksToTheResetPageForAnHourAndSaysToIgnoreItOtherwise() {
        RenderedMail mail = render(PASSWORD_RESET);

        assertThat(mail.subject()).isEqualTo("Reset your Accounts password");
        assertThat(mail.text()).contains("To choose a new password, open this link: " + RESET_LINK)
                .contains("valid for 1 hour")
                .contains("If you did not ask for this, ignore this message");
        assertThat(mail.html()).contains(">Choose a new password</a>")
                .contains("If you did not ask for this, ignore this message");
        assertThat(hrefs(mail.html())).containsExactly(RESET_LINK, RESET_LINK, "https://accounts.example.com/");
    }

    @Test
    void accountExistsNoticeSaysNoAccountWasMadeAndPointsToLogInOrAResetWithoutALink() {
        RenderedMail mail = render(ACCOUNT_EXISTS_NOTICE);

        assertThat(mail.subject()).isEqualTo("Someone tried to register with your email address at Accounts");
        for (String part : List.of(mail.text(), mail.html())) {
            assertThat(part).contains("Someone, maybe you, tried to create an Accounts account with this email address,"
                            + " but it already has one. No new account was created.")
                    .contains("If it was you, log in with your username or this email address.")
                    .contains("If you forgot your password, you can ask for a password reset for this address.")
                    .contains("If it was not you, you can ignore this message; nothing changed.");
        }
        assertThat(mail.text()).doesNotContain("reset-password").doesNotContain("token");
        assertThat(hrefs(mail.html())).containsExactly("https://accounts.example.com/");
    }

    @Test
    void usernameTakenNoticeNamesTheUsernameAskedForAndAsksToRegisterAgainWithAnother() {
        RenderedMail mail = render(USERNAME_TAKEN_NOTICE);

        assertThat(mail.subject()).isEqualTo("That username is taken at Accounts");
        for (String part : List.of(mail.text(), mail.html())) {
            assertThat(part).contains("Someone, maybe you, tried to create an Accounts account with this email address.")
                    .contains("The username alice is already taken, so no account was created.")
                    .contains("Please register again with another username.")
                    .contains("If it was not you, you can ignore this message.");
        }
        assertThat(hrefs(mail.html())).containsExactly("https://accounts.example.com/");
    }

    @Test
    void usernameTakenNoticeEscapesTheUsernameAskedForInHtmlOnly() {
        RenderedMail mail = renderer.render(OutgoingMail.usernameTakenNotice(new EmailAddress("bob@example.com"),
                "<a href=\"https://evil.example\">x</a>"));

        assertThat(mail.html()).contains("The username &lt;a href=&quot;https://evil.example&quot;&gt;x&lt;/a&gt; is already taken")
                .doesNotContain("<a href=\"https://evil.example");
        assertThat(hrefs(mail.html())).containsExactly("https://accounts.example.com/");
        assertThat(mail.text()).contains("The username <a href=\"https://evil.example\">x</a> is already taken");
    }

    @ParameterizedTest
    @CsvSource({
            "https://example.com/accounts,  https://example.com/accounts/verify-email?token=",
            "https://example.com/accounts/, https://example.com/accounts/verify-email?token=",
            "http://localhost:8080,         http://localhost:8080/verify-email?token="})
    void buildsTheLinkUnderThePublicUrlWhateverItsPathAndTrailingSlash(String publicUrl, String linkStart) {
        RenderedMail mail = new MailRenderer(URI.create(publicUrl)).render(TestMail.of(WELCOME, TOKEN));

        assertThat(mail.text()).contains("Please verify your email address: " + linkStart + TOKEN + "\n");
        assertThat(hrefs(mail.html())).contains(linkStart + TOKEN);
    }

    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void linksLeadOnlyUnderThePublicUrl(MailTemplate template) {
        String base = "https://example.com/accounts/";
        RenderedMail mail = new MailRenderer(URI.create("https://example.com/accounts")).render(TestMail.of(template, TOKEN));

        assertThat(hrefs(mail.html())).isNotEmpty().allSatisfy(href -> assertThat(href).startsWith(base));
        assertThat(mail.text().replace(base, "")).doesNotContainIgnoringCase("http");
        assertThat(mail.html().replace(base, "")).doesNotContainIgnoringCase("http");
    }

    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void showsTheTokenOnlyInsideItsLink(MailTemplate template) {
        RenderedMail mail = render(template);

        assertThat(mail.subject()).doesNotContain(TOKEN);
        assertThat(mail.text().replace("?token=" + TOKEN, "")).doesNotContain(TOKEN);
        assertThat(mail.html().replace("?token=" + TOKEN, "")).doesNotContain(TOKEN);
        assertThat(mail.text().contains(TOKEN)).isEqualTo(template.carriesToken());
    }

    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void escapesEveryValueInTheHtmlPart(MailTemplate template) {
        RenderedMail mail = renderer.render(TestMail.withParameters(template, name -> "<b>" + name + "</b>&\"'"));

        assertThat(mail.html()).doesNotContain("<b>");
        for (String name : template.parameters()) {
            if (!name.equals(MailTemplate.TOKEN)) {
                assertThat(mail.html()).contains("&lt;b&gt;" + name + "&lt;/b&gt;&amp;&quot;&#39;");
                assertThat(mail.text()).contains("<b>" + name + "</b>&\"'");
            }
        }
        if (template.carriesToken()) {
            assertThat(mail.text()).contains("?token=%3Cb%3Etoken%3C%2Fb%3E%26%22%27");
        }
    }

    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void namesTheProductInSubjectTextAndHtml(MailTemplate template) {
        RenderedMail mail = render(template);

        assertThat(mail.subject()).contains("Accounts");
        assertThat(mail.text()).contains("Accounts").endsWith("-- \nAccounts · https://accounts.example.com/\n");
        assertThat(mail.html()).contains("<h1 style=\"margin:0 0 24px;font-size:20px;\">Accounts</h1>")
                .contains("<title>" + MailLayout.escape(mail.subject()) + "</title>");
    }

    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void htmlIsSelfContained(MailTemplate template) {
        String html = render(template).html();

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
                .doesNotContainIgnoringCase("src=")
                .doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("url(")
                .doesNotContainIgnoringCase("@import");
    }

    @Test
    void aSubjectIsOneLine() {
        assertThatThrownBy(() -> new RenderedMail("Welcome\r\nBcc: eve@example.com", "text", "<p>html</p>"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
