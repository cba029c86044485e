package dev.accounts.application.port.out;

import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.UserId;

/** Stores each user's profile, apart from the data that authenticates them. One profile per user. */
public interface ProfileRepository {

    /** Creates or replaces the user's profile. */
    void save(UserId userId, Profile profile);

    /** The user's profile; {@link Profile#EMPTY} when none was saved. */
    Profile find(UserId userId);
}
