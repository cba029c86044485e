package dev.accounts.bootstrap;

import dev.accounts.adapter.in.rest.AccountController;
import dev.accounts.adapter.in.rest.AdminMailController;
import dev.accounts.adapter.in.rest.AdminUserController;
import dev.accounts.adapter.in.rest.ApiDocument;
import dev.accounts.adapter.in.rest.ApiDocumentController;
import dev.accounts.adapter.in.rest.DocsPageController;
import dev.accounts.adapter.in.rest.EmailVerificationController;
import dev.accounts.adapter.in.rest.HealthController;
import dev.accounts.adapter.in.rest.LinkPagesController;
import dev.accounts.adapter.in.rest.PasswordResetController;
import dev.accounts.adapter.in.rest.ProblemDetailsAdvice;
import dev.accounts.adapter.in.rest.RestApiConfigurer;
import dev.accounts.adapter.in.rest.RestSettings;
import dev.accounts.adapter.in.rest.SessionController;
import dev.accounts.adapter.in.rest.UserController;
import dev.accounts.application.port.in.AuthenticateUseCase;
import dev.accounts.application.port.in.ChangePasswordUseCase;
import dev.accounts.application.port.in.CheckReadinessUseCase;
import dev.accounts.application.port.in.GetAccountUseCase;
import dev.accounts.application.port.in.LogInUseCase;
import dev.accounts.application.port.in.LogOutUseCase;
import dev.accounts.application.port.in.RegisterUserPrivatelyUseCase;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.RequestPasswordResetUseCase;
import dev.accounts.application.port.in.ResendVerificationUseCase;
import dev.accounts.application.port.in.ResetPasswordUseCase;
import dev.accounts.application.port.in.UpdateAccountUseCase;
import dev.accounts.application.port.in.UpdateProfileUseCase;
import dev.accounts.application.port.in.VerifyEmailUseCase;
import dev.accounts.application.port.in.admin.DeactivateUserUseCase;
import dev.accounts.application.port.in.admin.GetUserUseCase;
import dev.accounts.application.port.in.admin.ListDeadMailUseCase;
import dev.accounts.application.port.in.admin.ListUsersUseCase;
import dev.accounts.application.port.in.admin.ReactivateUserUseCase;
import dev.accounts.application.port.in.admin.RequeueMailUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/** Spring MVC, in the web context on top of the core context: the REST adapter's controllers and its set-up. */
@Configuration(proxyBeanMethods = false)
@EnableWebMvc
class WebConfiguration {

    @Bean
    RestSettings restSettings(AccountsSettings settings) {
        AccountsSettings.Security security = settings.security();
        return new RestSettings(security.trustedProxies(), security.corsAllowedOrigins(), security.registrationPrivacy());
    }

    @Bean
    RestApiConfigurer restApiConfigurer(AuthenticateUseCase authenticate, RestSettings restSettings) {
        return new RestApiConfigurer(authenticate, restSettings);
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(RestApiConfigurer restApiConfigurer) {
        return new ProblemDetailsAdvice(restApiConfigurer.clientAddresses());
    }

    @Bean
    UserController userController(RegisterUserUseCase registerUser, RegisterUserPrivatelyUseCase registerUserPrivately,
                                  GetAccountUseCase getAccount, RestSettings restSettings) {
        return new UserController(registerUser, registerUserPrivately, getAccount, restSettings);
    }

    @Bean
    SessionController sessionController(LogInUseCase logIn, LogOutUseCase logOut) {
        return new SessionController(logIn, logOut);
    }

    @Bean
    AccountController accountController(GetAccountUseCase getAccount, UpdateAccountUseCase updateAccount,
                                        UpdateProfileUseCase updateProfile, ChangePasswordUseCase changePassword) {
        return new AccountController(getAccount, updateAccount, updateProfile, changePassword);
    }

    @Bean
    EmailVerificationController emailVerificationController(VerifyEmailUseCase verifyEmail,
                                                             ResendVerificationUseCase resendVerification) {
        return new EmailVerificationController(verifyEmail, resendVerification);
    }

    @Bean
    PasswordResetController passwordResetController(RequestPasswordResetUseCase requestPasswordReset,
                                                    ResetPasswordUseCase resetPassword) {
        return new PasswordResetController(requestPasswordReset, resetPassword);
    }

    @Bean
    LinkPagesController linkPagesController() {
        return new LinkPagesController();
    }

    @Bean
    AdminUserController adminUserController(ListUsersUseCase listUsers, GetUserUseCase getUser,
                                            DeactivateUserUseCase deactivateUser, ReactivateUserUseCase reactivateUser) {
        return new AdminUserController(listUsers, getUser, deactivateUser, reactivateUser);
    }

    @Bean
    AdminMailController adminMailController(ListDeadMailUseCase listDeadMail, RequeueMailUseCase requeueMail) {
        return new AdminMailController(listDeadMail, requeueMail);
    }

    @Bean
    HealthController healthController(CheckReadinessUseCase checkReadiness) {
        return new HealthController(checkReadiness);
    }

    @Bean
    ApiDocumentController apiDocumentController() {
        return new ApiDocumentController(ApiDocument.load());
    }

    @Bean
    DocsPageController docsPageController() {
        return new DocsPageController();
    }
}
