package dev.accounts.application.port.in;

/** Change the signed-in user's profile, field by field. */
public record UpdateProfileCommand(Authenticated current, ProfileChange fullName, ProfileChange bio) {
}
