/**
 * The composition root: reads the settings from the environment, wires every port to its adapter with
 * explicit {@code @Bean} methods, runs embedded Tomcat and shuts it all down in order.
 */
package dev.accounts.bootstrap;
