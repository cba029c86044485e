package dev.accounts.adapter.in.rest;

import dev.accounts.application.fixtures.DirectTransactions;
import dev.accounts.application.fixtures.FastPasswordHasher;
import dev.accounts.application.fixtures.InMemoryEmailTokenStore;
import dev.accounts.application.fixtures.InMemoryMailOutbox;
import dev.accounts.application.fixtures.InMemoryProfileRepository;
import dev.accounts.application.fixtures.InMemorySessionStore;
import dev.accounts.application.fixtures.InMemoryUserRepository;
import dev.accounts.application.fixtures.MutableClock;
import dev.accounts.application.port.in.CheckReadinessUseCase;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.service.AuthenticateService;
import dev.accounts.application.service.ChangePasswordService;
import dev.accounts.application.service.GetAccountService;
import dev.accounts.application.service.LifecyclePolicy;
import dev.accounts.application.service.LogInService;
import dev.accounts.application.service.LogOutService;
import dev.accounts.application.service.ReadinessService;
import dev.accounts.application.service.RegisterUserService;
import dev.accounts.application.service.RequestPasswordResetService;
import dev.accounts.application.service.ResendVerificationService;
import dev.accounts.application.service.ResetPasswordService;
import dev.accounts.application.service.UpdateAccountService;
import dev.accounts.application.service.UpdateProfileService;
import dev.accounts.application.service.VerifyEmailService;
import dev.accounts.domain.user.PasswordPolicy;
import jakarta.servlet.Filter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API as production wires it (same converters, validator, argument resolvers, advice and body limit as
 * {@link RestApiConfigurer} gives Spring MVC), in front of the use cases a test chooses: the real registration
 * service on in-memory fakes, {@link #realServices() every real service} on them, or hand-written fakes.
 */
final class RestApiUnderTest {

    final MutableClock clock = MutableClock.startingAt("2026-03-01T10:15:30.123456789Z");
    private static final JsonMapper PLAIN_JSON = JsonMapper.builder().build();

    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemoryProfileRepository profiles = new InMemoryProfileRepository();
    final InMemoryEmailTokenStore tokens = new InMemoryEmailTokenStore();
    final InMemoryMailOutbox outbox = new InMemoryMailOutbox(clock);
    final InMemorySessionStore sessions = new InMemorySessionStore();

    /** The API over the in-memory store, ready. */
    MockMvc mockMvc(Filter... filtersBeforeTheLimit) {
        return mockMvc(registrationOver(users), new ReadinessService(() -> true), filtersBeforeTheLimit);
    }

    RegisterUserUseCase registrationOver(UserRepository repository) {
        return new RegisterUserService(repository, profiles, tokens, outbox, new FastPasswordHasher(),
                PasswordPolicy.defaults(), LifecyclePolicy.DEFAULTS, new DirectTransactions(), clock);
    }

    /** Every real service of the application, over this API's in-memory stores. */
    UseCases realServices() {
        FastPasswordHasher hasher = new FastPasswordHasher();
        PasswordPolicy passwords = PasswordPolicy.defaults();
        LifecyclePolicy lifecycle = LifecyclePolicy.DEFAULTS;
        DirectTransactions transactions = new DirectTransactions();
        UseCases real = new UseCases();
        real.registerUser = registrationOver(users);
        real.authenticate = new AuthenticateService(sessions, users, lifecycle, clock);
        real.logIn = new LogInService(users, sessions, hasher, lifecycle, transactions, clock);
        real.logOut = new LogOutService(sessions);
        real.getAccount = new GetAccountService(users, profiles);
        real.updateAccount = new UpdateAccountService(users, profiles, tokens, outbox, hasher, lifecycle, transactions, clock);
        real.updateProfile = new UpdateProfileService(users, profiles, transactions);
        real.changePassword = new ChangePasswordService(users, sessions, tokens, outbox, hasher, passwords, transactions, clock);
        real.verifyEmail = new VerifyEmailService(users, profiles, tokens, transactions, clock);
        real.resendVerification = new ResendVerificationService(users, tokens, outbox, outbox, lifecycle, transactions, clock);
        real.requestPasswordReset = new RequestPasswordResetService(users, tokens, outbox, outbox, lifecycle, transactions, clock);
        real.resetPassword = new ResetPasswordService(users, sessions, tokens, outbox, hasher, passwords, transactions, clock);
        return real;
    }

    static MockMvc mockMvc(RegisterUserUseCase registerUser, CheckReadinessUseCase readiness,
                           Filter... filtersBeforeTheLimit) {
        UseCases useCases = new UseCases();
        useCases.registerUser = registerUser;
        useCases.readiness = readiness;
        return mockMvc(useCases, filtersBeforeTheLimit);
    }

    static MockMvc mockMvc(UseCases useCases, Filter... filtersBeforeTheLimit) {
        RestApiConfigurer configurer = new RestApiConfigurer(useCases.authentication());
        List<Filter> filters = new ArrayList<>(List.of(filtersBeforeTheLimit));
        filters.add(new RequestBodyLimitFilter(RequestBodyLimitFilter.DEFAULT_MAX_BYTES));
        return MockMvcBuilders.standaloneSetup(useCases.userController(), useCases.healthController(),
                        useCases.sessionController(), useCases.accountController(),
                        useCases.emailVerificationController(), useCases.passwordResetController(),
                        new LinkPagesController())
                .setControllerAdvice(new ProblemDetailsAdvice())
                .setMessageConverters(configurer.messageConverters().toArray(HttpMessageConverter<?>[]::new))
                .setValidator(configurer.getValidator())
                .setCustomArgumentResolvers(configurer.argumentResolvers().toArray(HandlerMethodArgumentResolver[]::new))
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
