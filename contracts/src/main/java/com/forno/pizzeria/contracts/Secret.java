package com.forno.pizzeria.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A payload field that must not stay at rest once the message has left (a card token): the outbox blanks it when
 * the broker has confirmed the message, and dead-letter listings never show it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Secret {
}
