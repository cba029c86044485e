package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.RegisterUserCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /docs} in a real browser, used as a person would: open the page, find the registration, press
 * "Try it out", write the body, press "Execute", and read the answer, all under the page's Content-Security-Policy.
 * Leaves a screenshot in {@code target/docs-page.png}.
 */
class DocsPageBrowserTest {

    static final Path SCREENSHOT = Path.of("target", "docs-page.png");

    @RegisterExtension
    static final ServiceWithMail ACCOUNTS = ServiceWithMail.withDefaults();

    @Test
    void registersAUserThroughTheDocsPage() throws Exception {
        HeadlessChromium.assumeInstalled();
        RegisterUserCommand user = Registrations.valid();
        String body = JsonMapper.builder().build().writeValueAsString(
                Map.of("username", user.username(), "email", user.email(), "password", user.password()));

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            ChromeDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(30));
            page.get(ACCOUNTS.service().uri("/docs").toString());

            WebElement registration = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("operations-Registration-registerUser")));
            registration.findElement(By.cssSelector(".opblock-summary-control")).click();
            wait.until(ExpectedConditions.elementToBeClickable(registration.findElement(By.cssSelector(".try-out__btn"))))
                    .click();
            WebElement editor = wait.until(ExpectedConditions.visibilityOf(
                    registration.findElement(By.cssSelector("textarea.body-param__text"))));
            editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            editor.sendKeys(body);
            registration.findElement(By.cssSelector("button.execute")).click();

            WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#operations-Registration-registerUser .live-responses-table tr.response .response-col_status")));
            WebElement answer = registration.findElement(By.cssSelector(".live-responses-table tr.response .response-col_description"));
            ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'})", status);
            Files.createDirectories(SCREENSHOT.getParent());
            Files.write(SCREENSHOT, page.getScreenshotAs(OutputType.BYTES));

            assertThat(status.getText()).isEqualTo("201");
            assertThat(answer.getText()).contains(user.username(), "\"emailVerified\": false");
            assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));
        }
        assertThat(ACCOUNTS.service().call("POST", "/api/sessions", null,
                Map.of("login", user.username(), "password", user.password())).statusCode()).isEqualTo(201);
        assertThat(Files.size(SCREENSHOT)).isPositive();
    }
}
