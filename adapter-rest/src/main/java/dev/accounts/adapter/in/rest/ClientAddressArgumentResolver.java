package dev.accounts.adapter.in.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives a handler parameter of type {@link ClientAddress} the address the request comes from. */
final class ClientAddressArgumentResolver implements HandlerMethodArgumentResolver {

    private final ClientAddressResolver clientAddresses;

    ClientAddressArgumentResolver(ClientAddressResolver clientAddresses) {
        this.clientAddresses = Objects.requireNonNull(clientAddresses, "clientAddresses");
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ClientAddress.class;
    }

    @Override
    public ClientAddress resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                         NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = Objects.requireNonNull(webRequest.getNativeRequest(HttpServletRequest.class),
                "a servlet request");
        return new ClientAddress(clientAddresses.resolve(request));
    }
}
