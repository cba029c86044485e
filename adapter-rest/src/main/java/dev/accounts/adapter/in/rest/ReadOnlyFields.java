package dev.accounts.adapter.in.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names fields a client sees in a resource but may not send in this request body. They are refused like any
 * unknown field (400, nothing changes), with a detail that says why instead of calling them unknown.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface ReadOnlyFields {

    String[] value();
}
