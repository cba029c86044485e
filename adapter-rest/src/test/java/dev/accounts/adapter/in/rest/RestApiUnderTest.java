package dev.accounts.adapter.in.rest;

import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox;
import dev.accounts.adapter.out.inmemory.InMemoryStore;
import dev.accounts.adapter.out.inmemory.InMemoryUserRepository;
import dev.accounts.application.fixtures.AccountServices;
import dev.accounts.application.fixtures.FastPasswordHasher;
import dev.accounts.application.fixtures.MutableClock;
import dev.accounts.application.port.in.CheckReadinessUseCase;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.service.LifecyclePolicy;
import dev.accounts.application.service.LoginThrottlePolicy;
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
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API as production wires it (same converters, validator, argument resolvers, advice, and the filters in the
 * same order: security headers, CORS, body limit), in front of the use cases a test chooses: the real registration
 * service on the in-memory store, {@link #realServices() every real service} on it, or hand-written fakes.
 */
final class RestApiUnderTest {

    private static final JsonMapper PLAIN_JSON = JsonMapper.builder().build();
    private static final ApiDocument DOCUMENT = ApiDocument.load();

    final MutableClock clock = MutableClock.startingAt("2026-11-21T10:15:30.123456789Z");
    final InMemoryStore store = new InMemoryStore(clock);
    final InMemoryUserRepository users = store.users();
    final InMemoryMailOutbox outbox = store.outbox();
    private final FastPasswordHasher hasher = new FastPasswordHasher(store.transactions()::inProgress);
    /** Every real service of the application on the in-memory store, sharing one clock. */
    final AccountServices accounts = new AccountServices(new AccountServices.Ports(users, store.profiles(),
            store.sessions(), store.tokens(), outbox, outbox, store.throttle(), store.audit(), store.transactions(),
            hasher, clock), PasswordPolicy.defaults(), LifecyclePolicy.DEFAULTS, LoginThrottlePolicy.DEFAULTS);

    /** The API over the in-memory store, ready. */
    MockMvc mockMvc(Filter... filtersBeforeTheLimit) {
        return mockMvc(registrationOver(users), () -> true, filtersBeforeTheLimit);
    }

    RegisterUserUseCase registrationOver(UserRepository repository) {
        return new RegisterUserService(repository, store.tokens(), outbox, hasher,
                PasswordPolicy.defaults(), LifecyclePolicy.DEFAULTS, store.audit(), store.transactions(), clock);
    }

    /** Every real service of the application, over this API's in-memory stores. */
    UseCases realServices() {
        UseCases real = new UseCases();
        real.registerUser = accounts.registerUser;
        real.registerUserPrivately = accounts.registerPrivately;
        real.authenticate = accounts.authenticate;
        real.logIn = accounts.logIn;
        real.logOut = accounts.logOut;
        real.getAccount = accounts.getAccount;
        real.updateAccount = accounts.updateAccount;
        real.updateProfile = accounts.updateProfile;
        real.changePassword = accounts.changePassword;
        real.verifyEmail = accounts.verifyEmail;
        real.resendVerification = accounts.resendVerification;
        real.requestPasswordReset = accounts.requestPasswordReset;
        real.resetPassword = accounts.resetPassword;
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
        return wiring(useCases).beforeTheLimit(filtersBeforeTheLimit).build();
    }

    /** The API in front of these use cases, with the defaults of production until told otherwise. */
    static Wiring wiring(UseCases useCases) {
        return new Wiring(useCases);
    }

    static final class Wiring {

        private final UseCases useCases;
        private RestSettings settings = RestSettings.DEFAULTS;
        private boolean https;
        private final List<Filter> beforeTheLimit = new ArrayList<>();
        private final List<Filter> afterTheLimit = new ArrayList<>();

        private Wiring(UseCases useCases) {
            this.useCases = useCases;
        }

        Wiring settings(RestSettings settings) {
            this.settings = settings;
            return this;
        }

        Wiring overHttps() {
            this.https = true;
            return this;
        }

        /** Test filters that must see the request before the body limit does (to make it look chunked, say). */
        Wiring beforeTheLimit(Filter... filters) {
            beforeTheLimit.addAll(List.of(filters));
            return this;
        }

        /** Test filters between the body limit and Spring MVC. */
        Wiring afterTheLimit(Filter... filters) {
            afterTheLimit.addAll(List.of(filters));
            return this;
        }

        MockMvc build() {
            RestApiConfigurer configurer = new RestApiConfigurer(useCases.authentication(), settings);
            List<Filter> filters = new ArrayList<>();
            filters.add(new SecurityHeadersFilter(https));
            filters.add(new CorsAllowlistFilter(settings.corsAllowedOrigins()));
            filters.addAll(beforeTheLimit);
            filters.add(new RequestBodyLimitFilter(RequestBodyLimitFilter.DEFAULT_MAX_BYTES));
            filters.addAll(afterTheLimit);
            return MockMvcBuilders.standaloneSetup(useCases.userController(settings), useCases.healthController(),
                            useCases.sessionController(), useCases.accountController(),
                            useCases.emailVerificationController(), useCases.passwordResetController(),
                            new LinkPagesController(), new ApiDocumentController(DOCUMENT), new DocsPageController(),
                            useCases.adminUserController(), useCases.adminMailController())
                    .setControllerAdvice(new ProblemDetailsAdvice(configurer.clientAddresses()))
                    .setMessageConverters(configurer.messageConverters().toArray(HttpMessageConverter<?>[]::new))
                    .setValidator(configurer.getValidator())
                    .setCustomArgumentResolvers(configurer.argumentResolvers().toArray(HandlerMethodArgumentResolver[]::new))
                    .addFilters(filters.toArray(Filter[]::new))
                    .build();
        }
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
