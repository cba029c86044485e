package dev.accounts.archfixture.application.port.in;

/** Violation: a use case that is a class, not an interface. */
public class RegisterUserUseCase {
}
