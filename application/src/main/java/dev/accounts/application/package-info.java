/** The use cases of Accounts: in-ports, out-ports and the plain services between them. */
package dev.accounts.application;
