package com.forno.pizzeria.platform.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An error status a resource method answers besides those {@link PublishedDocument} derives from the method itself
 * (401/403 from its roles, 400 from a body or constrained parameters, 404 from a path parameter, 503 always): the
 * document then lists it as a problem+json response with this description.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {

    int status();

    String description();

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        ProblemResponse[] value();
    }
}
