/** Driving ports: one interface per use case, with the records and exceptions of its contract. */
package dev.accounts.application.port.in;
