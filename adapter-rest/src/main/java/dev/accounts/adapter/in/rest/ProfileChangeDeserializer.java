package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.ProfileChange;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads one field of a profile merge patch, where "left out" and "null" mean different things: Jackson asks for
 * the absent value when a field is missing and for the null value when it is {@code null}. Anything but a string
 * or {@code null} is refused as a string field would be.
 */
final class ProfileChangeDeserializer extends ValueDeserializer<ProfileChange> {

    @Override
    public ProfileChange deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (ProfileChange) context.handleUnexpectedToken(String.class, parser);
        }
        return ProfileChange.to(parser.getString());
    }

    @Override
    public ProfileChange getNullValue(DeserializationContext context) {
        return ProfileChange.to(null);
    }

    @Override
    public ProfileChange getAbsentValue(DeserializationContext context) {
        return ProfileChange.KEEP;
    }
}
