package dev.accounts.application.service;

/**
 * When a registration finds out that its username or address is taken. The unique indexes of the user store decide
 * in every case, races included; a read before hashing only spares the hash for an obvious duplicate.
 */
public enum TakenNameCheck {

    /**
     * Only the store's unique index finds a taken name, at insert, after the password was hashed: every answer costs
     * one hash, so timing cannot tell a taken name from a free one. Registration privacy needs this.
     */
    AT_INSERT,

    /**
     * A read before hashing answers an obvious duplicate at once (a 409 then costs two indexed reads instead of a
     * 19 MiB Argon2id hash); a name taken between that read and the insert is still refused by the index.
     */
    BEFORE_HASHING
}
