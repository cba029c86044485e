package dev.accounts.bootstrap;

import dev.accounts.adapter.in.rest.HealthController;
import dev.accounts.adapter.in.rest.ProblemDetailsAdvice;
import dev.accounts.adapter.in.rest.RestApiConfigurer;
import dev.accounts.adapter.in.rest.UserController;
import dev.accounts.application.port.in.CheckReadinessUseCase;
import dev.accounts.application.port.in.RegisterUserUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/** Spring MVC, in the web context on top of the core context: the REST adapter's controllers and its set-up. */
@Configuration(proxyBeanMethods = false)
@EnableWebMvc
class WebConfiguration {

    @Bean
    RestApiConfigurer restApiConfigurer() {
        return new RestApiConfigurer();
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    UserController userController(RegisterUserUseCase registerUser) {
        return new UserController(registerUser);
    }

    @Bean
    HealthController healthController(CheckReadinessUseCase checkReadiness) {
        return new HealthController(checkReadiness);
    }
}
