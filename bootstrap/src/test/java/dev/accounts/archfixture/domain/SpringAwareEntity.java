package dev.accounts.archfixture.domain;

/** Violation: a framework annotation in the domain. */
@org.springframework.stereotype.Component
public class SpringAwareEntity {
}
