/** Plain implementations of the use cases, one per class, wired by the composition root. */
package dev.accounts.application.service;
