package com.forno.pizzeria.platform.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The success of a resource method that returns a {@code Response} (whose status and body the scanner cannot see):
 * its status and, unless it is 204, the record it carries. Methods returning their body directly answer 200.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SuccessResponse {

    int status();

    String description();

    /** The body's record; {@code Void} for none. */
    Class<?> body() default Void.class;
}
