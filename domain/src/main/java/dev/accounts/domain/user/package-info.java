/**
 * Users: the aggregate, its value objects (each refusing invalid data in its constructor) and the password policy.
 */
package dev.accounts.domain.user;
