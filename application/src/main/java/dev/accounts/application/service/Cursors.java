package dev.accounts.application.service;

import dev.accounts.application.port.out.DeadLetterKey;
import dev.accounts.domain.user.UserId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The cursors of the admin listings: the position of the last row shown, base64url-encoded behind a byte naming the
 * listing, so a cursor of one listing is refused by the other. Opaque to clients, but not secret: it holds nothing a
 * superuser does not see on the page anyway.
 */
final class Cursors {

    static final String INVALID = "is not a cursor this listing returned";

    private static final byte USERS = 'u';
    private static final byte DEAD_MAIL = 'm';
    private static final int UUID_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Cursors() {
    }

    static String afterUser(UserId last) {
        ByteBuffer bytes = ByteBuffer.allocate(1 + UUID_BYTES).put(USERS);
        put(bytes, last.value());
        return ENCODER.encodeToString(bytes.array());
    }

    /** The user a cursor points after; null, with an error recorded, when it is not a cursor of the user listing. */
    static UserId userAfter(String cursor, FieldErrors errors) {
        ByteBuffer bytes = decode(cursor, USERS, UUID_BYTES);
        if (bytes == null) {
            errors.add("cursor", INVALID);
            return null;
        }
        return new UserId(uuid(bytes));
    }

    /** Seconds and nanoseconds, whole: a cursor that rounded the time could show a row twice or skip one. */
    static String afterDeadLetter(DeadLetterKey last) {
        ByteBuffer bytes = ByteBuffer.allocate(1 + Long.BYTES + Integer.BYTES + UUID_BYTES).put(DEAD_MAIL)
                .putLong(last.createdAt().getEpochSecond()).putInt(last.createdAt().getNano());
        put(bytes, last.id());
        return ENCODER.encodeToString(bytes.array());
    }

    /** The dead message a cursor points after; null, with an error recorded, when it is not a cursor of that listing. */
    static DeadLetterKey deadLetterAfter(String cursor, FieldErrors errors) {
        ByteBuffer bytes = decode(cursor, DEAD_MAIL, Long.BYTES + Integer.BYTES + UUID_BYTES);
        if (bytes == null) {
            errors.add("cursor", INVALID);
            return null;
        }
        long seconds = bytes.getLong();
        int nanos = bytes.getInt();
        if (nanos < 0 || nanos > 999_999_999 || seconds < Instant.MIN.getEpochSecond()
                || seconds > Instant.MAX.getEpochSecond()) {
            errors.add("cursor", INVALID);
            return null;
        }
        return new DeadLetterKey(Instant.ofEpochSecond(seconds, nanos), uuid(bytes));
    }

    private static ByteBuffer decode(String cursor, byte listing, int payloadBytes) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(cursor);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length != 1 + payloadBytes || bytes[0] != listing) {
            return null;
        }
        return ByteBuffer.wrap(bytes, 1, payloadBytes);
    }

    private static void put(ByteBuffer bytes, UUID id) {
        bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private static UUID uuid(ByteBuffer bytes) {
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
