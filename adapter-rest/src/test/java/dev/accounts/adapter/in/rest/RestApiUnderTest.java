package dev.accounts.adapter.in.rest;

import dev.accounts.application.fixtures.DirectTransactions;
import dev.accounts.application.fixtures.FastPasswordHasher;
import dev.accounts.application.fixtures.InMemoryMailOutbox;
import dev.accounts.application.fixtures.InMemoryUserRepository;
import dev.accounts.application.fixtures.MutableClock;
import dev.accounts.application.port.in.CheckReadinessUseCase;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.service.ReadinessService;
import dev.accounts.application.service.RegisterUserService;
import dev.accounts.domain.user.PasswordPolicy;
import jakarta.servlet.Filter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API as production wires it (same converters, validator, advice and body limit as {@link RestApiConfigurer}
 * gives Spring MVC), in front of the real registration service on in-memory fakes.
 */
final class RestApiUnderTest {

    static final MutableClock CLOCK = MutableClock.startingAt("2026-03-01T10:15:30.123456789Z");
    private static final JsonMapper PLAIN_JSON = JsonMapper.builder().build();

    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemoryMailOutbox outbox = new InMemoryMailOutbox();

    /** The API over the in-memory store, ready. */
    MockMvc mockMvc(Filter... filtersBeforeTheLimit) {
        return mockMvc(registrationOver(users), new ReadinessService(() -> true), filtersBeforeTheLimit);
    }

    RegisterUserUseCase registrationOver(UserRepository repository) {
        return new RegisterUserService(repository, outbox, new FastPasswordHasher(), PasswordPolicy.defaults(),
                new DirectTransactions(), CLOCK);
    }

    static MockMvc mockMvc(RegisterUserUseCase registerUser, CheckReadinessUseCase readiness,
                           Filter... filtersBeforeTheLimit) {
        RestApiConfigurer configurer = new RestApiConfigurer();
        List<Filter> filters = new ArrayList<>(List.of(filtersBeforeTheLimit));
        filters.add(new RequestBodyLimitFilter(RequestBodyLimitFilter.DEFAULT_MAX_BYTES));
        return MockMvcBuilders.standaloneSetup(new UserController(registerUser), new HealthController(readiness))
                .setControllerAdvice(new ProblemDetailsAdvice())
                .setMessageConverters(configurer.messageConverters().toArray(HttpMessageConverter<?>[]::new))
                .setValidator(configurer.getValidator())
                .addFilters(filters.toArray(Filter[]::new))
                .build();
    }

    /** A request body with the command's values; a null value is sent as JSON null. */
    static String json(RegisterUserCommand command) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", command.username());
        body.put("email", command.email());
        body.put("password", command.password());
        return json(body);
    }

    static String json(Map<String, ?> body) {
        return PLAIN_JSON.writeValueAsString(body);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        return PLAIN_JSON.readValue(json, Map.class);
    }
}
