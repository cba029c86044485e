package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.AuthenticateUseCase;
import jakarta.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring MVC settings of the API: JSON through {@link RestJson#strictMapper()} (problems included), Bean
 * Validation by Hibernate Validator, {@link AuthenticatedArgumentResolver} for handlers that need a session and
 * {@link ClientAddressArgumentResolver} for handlers that need the client's address, both deciding that address
 * with the trusted proxies of the {@link RestSettings}. Messages are interpolated without Expression Language,
 * which is not on the class path and not needed for fixed messages such as "must not be null".
 *
 * <p>Not a {@code @Configuration}: the composition root declares it as a bean next to {@code @EnableWebMvc},
 * and tests pass {@link #messageConverters()}, {@link #getValidator()} and {@link #argumentResolvers()} to MockMvc.
 */
public class RestApiConfigurer implements WebMvcConfigurer {

    private final JsonMapper jsonMapper = RestJson.strictMapper();
    private final Validator validator;
    private final ClientAddressResolver clientAddresses;
    private final List<HandlerMethodArgumentResolver> argumentResolvers;

    /** @throws IllegalArgumentException when a trusted proxy is not an address or a CIDR range */
    public RestApiConfigurer(AuthenticateUseCase authenticate, RestSettings settings) {
        this.clientAddresses = new ClientAddressResolver(settings.trustedProxies());
        this.argumentResolvers = List.of(new AuthenticatedArgumentResolver(authenticate, clientAddresses),
                new ClientAddressArgumentResolver(clientAddresses));
        this.validator = new SpringValidatorAdapter(Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator());
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.withJsonConverter(new JacksonJsonHttpMessageConverter(jsonMapper));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.addAll(argumentResolvers());
    }

    /** The resolvers this configuration adds, for MockMvc's {@code setCustomArgumentResolvers}. */
    public List<HandlerMethodArgumentResolver> argumentResolvers() {
        return argumentResolvers;
    }

    /** The docs page's static files; everything else is answered by the controllers. */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        DocsPageAssets.register(registry);
    }

    @Override
    public Validator getValidator() {
        return validator;
    }

    /** The converters Spring MVC ends up with under this configuration: its defaults, with our JSON converter. */
    public List<HttpMessageConverter<?>> messageConverters() {
        HttpMessageConverters.ServerBuilder builder = HttpMessageConverters.forServer().registerDefaults();
        configureMessageConverters(builder);
        List<HttpMessageConverter<?>> converters = new ArrayList<>();
        builder.build().forEach(converters::add);
        return converters;
    }

    /** How this configuration decides a request's client address; {@link ProblemDetailsAdvice} needs the same. */
    public ClientAddressResolver clientAddresses() {
        return clientAddresses;
    }

    public JsonMapper jsonMapper() {
        return jsonMapper;
    }
}
