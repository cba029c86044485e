package dev.accounts.application.port.in;

public interface UpdateProfileUseCase {

    /** @throws InvalidInputException when a value is too long or holds control characters; nothing changes */
    AccountView updateProfile(UpdateProfileCommand command);
}
