package dev.accounts.archfixture.bootstrap;

/** The fixture's composition root. */
public class Wiring {
}
