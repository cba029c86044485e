package dev.accounts.archfixture.adapter.in.rest;

import dev.accounts.archfixture.adapter.out.persistence.UserTable;
import dev.accounts.archfixture.application.service.JooqQueryingService;

/** Violations: an adapter using another adapter, and an adapter using a service instead of a port. */
public class ControllerReachingAcross {

    UserTable table;
    JooqQueryingService service;
}
