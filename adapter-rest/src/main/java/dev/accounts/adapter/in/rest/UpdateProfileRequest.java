package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.ProfileChange;
import dev.accounts.application.port.in.UpdateProfileCommand;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The body of {@code PATCH /api/users/me/profile}, read as a merge patch (RFC 7396): a field left out is kept, a
 * field set to {@code null} is cleared, a string replaces it.
 */
public record UpdateProfileRequest(@JsonDeserialize(using = ProfileChangeDeserializer.class) ProfileChange fullName,
                                   @JsonDeserialize(using = ProfileChangeDeserializer.class) ProfileChange bio) {

    public UpdateProfileCommand toCommand(Authenticated current) {
        return new UpdateProfileCommand(current, fullName, bio);
    }
}
