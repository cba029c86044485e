package dev.accounts.adapter.in.rest;

import static dev.accounts.adapter.in.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.out.StoreUnavailableException;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.service.ReadinessService;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import dev.accounts.domain.user.Username;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

class FailureApiTest {

    private final RestApiUnderTest api = new RestApiUnderTest();
    private final Logger adviceLog = (Logger) LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureTheAdvicesLog() {
        logged.start();
        adviceLog.addAppender(logged);
    }

    @AfterEach
    void releaseTheAdvicesLog() {
        adviceLog.detachAppender(logged);
    }

    @Test
    void answers503WithRetryAfterWhenTheStoreIsUnavailable() throws Exception {
        MockMvc mvc = apiOverFailingStore(() -> new StoreUnavailableException("connection to db-7.internal:5432 refused", null));

        MvcResult result = register(mvc);

        problem(result, 503, "/problems/service-unavailable");
        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("1");
        assertThat(Problems.body(result)).doesNotContain("db-7").doesNotContain("5432");
    }

    @Test
    void answers500WithoutTellingWhatFailedAndLogsTheFailureOnceWithItsStackTrace() throws Exception {
        MockMvc mvc = apiOverFailingStore(() -> new IllegalStateException("ERROR: relation \"users\" does not exist; SELECT * FROM users"));

        MvcResult result = register(mvc);

        problem(result, 500, "/problems/internal-error");
        assertThat(Problems.body(result))
                .doesNotContain("relation").doesNotContain("SELECT").doesNotContain("IllegalStateException")
                .doesNotContain("dev.accounts").doesNotContain("at ");
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
            assertThat(event.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        });
    }

    @Test
    void escapesLineBreaksOfTheRequestInTheLog() throws Exception {
        MockMvc mvc = apiOverFailingStore(() -> new IllegalStateException("boom"));

        mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON)
                .with(request -> {
                    request.setRemoteAddr("10.0.0.1\r\nINFO forged line");
                    return request;
                })
                .content(RestApiUnderTest.json(Registrations.valid()))).andReturn();

        assertThat(logged.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .doesNotContain("\r").doesNotContain("\n").contains("10.0.0.1\\r\\nINFO forged line"));
    }

    private MockMvc apiOverFailingStore(Supplier<RuntimeException> failure) {
        UserRepository failing = new UserRepository() {
            @Override
            public void add(User user) {
                throw failure.get();
            }

            @Override
            public Optional<User> findById(UserId id) {
                throw failure.get();
            }

            @Override
            public Optional<User> findByUsername(Username username) {
                throw failure.get();
            }

            @Override
            public Optional<User> findByEmail(EmailAddress email) {
                throw failure.get();
            }

            @Override
            public void update(User user) {
                throw failure.get();
            }
        };
        return RestApiUnderTest.mockMvc(api.registrationOver(failing), new ReadinessService(() -> true));
    }

    private static MvcResult register(MockMvc mvc) throws Exception {
        return mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON)
                .content(RestApiUnderTest.json(Registrations.valid()))).andReturn();
    }
}
