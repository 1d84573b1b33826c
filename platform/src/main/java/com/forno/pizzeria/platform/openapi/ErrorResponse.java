package com.forno.pizzeria.platform.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An error status a resource method answers in a standard's own format instead of as a problem: the OAuth 2.0
 * token and revocation endpoints answer RFC 6749's {@code {error, error_description}}, which OAuth clients read.
 * {@link PublishedDocument} lists it as {@code application/json} with the body's record, and leaves that status
 * alone when it derives the method's problem responses.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ErrorResponse.List.class)
public @interface ErrorResponse {

    int status();

    String description();

    /** The error body's record (its {@code @Schema(name)} names it in the document). */
    Class<?> body();

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        ErrorResponse[] value();
    }
}
