package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.AuthenticateUseCase;
import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.UnauthenticatedException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a handler parameter of type {@link Authenticated} the user behind the request's bearer token, so a handler
 * that declares one cannot run without a live session. No token, or one the use case refuses, ends the request
 * with {@link UnauthenticatedException} (401, see {@link ProblemDetailsAdvice}).
 */
public final class AuthenticatedArgumentResolver implements HandlerMethodArgumentResolver {

    /** Where the resolved user is kept for the rest of the request, so failures can be logged with their user id. */
    static final String REQUEST_ATTRIBUTE = AuthenticatedArgumentResolver.class.getName() + ".current";

    private final AuthenticateUseCase authenticate;
    private final ClientAddressResolver clientAddresses;

    public AuthenticatedArgumentResolver(AuthenticateUseCase authenticate, ClientAddressResolver clientAddresses) {
        this.authenticate = Objects.requireNonNull(authenticate, "authenticate");
        this.clientAddresses = Objects.requireNonNull(clientAddresses, "clientAddresses");
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Authenticated.class;
    }

    @Override
    public Authenticated resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                         NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = Objects.requireNonNull(webRequest.getNativeRequest(HttpServletRequest.class),
                "a servlet request");
        String token = BearerCredentials.tokenOf(request).orElseThrow(UnauthenticatedException::new);
        Authenticated current = authenticate.authenticate(token, clientAddresses.resolve(request));
        webRequest.setAttribute(REQUEST_ATTRIBUTE, current, RequestAttributes.SCOPE_REQUEST);
        return current;
    }
}
