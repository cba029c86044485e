/**
 * Deliberately broken code, laid out like the real packages, with one planted violation per hexagon rule.
 * {@code ArchitectureRulesCatchViolationsTest} checks that every rule reports its violation here.
 */
package dev.accounts.archfixture;
