package dev.accounts.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.domain.user.EmailAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailRendererTest {

    private final MailRenderer renderer = new MailRenderer(TestMail.PUBLIC_URL);

    @Test
    void welcomeMailGreetsTheUserInTextAndHtml() {
        RenderedMail mail = renderer.render(TestMail.welcome("alice", "alice@example.com"));

        assertThat(mail.subject()).isEqualTo("Welcome to Accounts");
        assertThat(mail.text()).contains("Hi alice! You have successfully signed up to Accounts.");
        assertThat(mail.html()).contains("Hi alice! You have successfully signed up to Accounts.");
    }

    @Test
    void escapesEveryParameterInTheHtmlPart() {
        String hostile = "<script>alert('x')</script>&\"";
        OutgoingMail mail = new OutgoingMail(MailTemplate.WELCOME, new EmailAddress("alice@example.com"),
                Map.of(MailTemplate.USERNAME, hostile));

        RenderedMail rendered = renderer.render(mail);

        assertThat(rendered.html())
                .doesNotContain("<script>")
                .contains("Hi &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;! You have successfully signed up");
        assertThat(rendered.text()).contains("Hi " + hostile + "!");
    }

    @Test
    void htmlIsSelfContained() {
        String html = renderer.render(TestMail.welcome("alice", "alice@example.com")).html();

        assertThat(html).startsWith("<!DOCTYPE html>")
                .doesNotContainIgnoringCase("src=")
                .doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("url(")
                .doesNotContainIgnoringCase("@import");
    }

    @Test
    void namesTheProductAndWhereToFindIt() {
        RenderedMail mail = renderer.render(TestMail.welcome("alice", "alice@example.com"));

        assertThat(mail.text()).contains("Accounts").contains("https://accounts.example.com/");
        assertThat(mail.html()).contains("<a href=\"https://accounts.example.com/\"");
    }
}
