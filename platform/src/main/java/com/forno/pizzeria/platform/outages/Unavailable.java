package com.forno.pizzeria.platform.outages;

/**
 * Something the work depends on cannot be reached now (the card processor down, timing out, its circuit open): the
 * same work succeeds later, and the message that asked for it is not at fault. Thrown by a message handler, it makes
 * the consumer hold the message and try again, as through a database outage, without spending its delivery limit;
 * from a resource, it answers 503.
 */
public class Unavailable extends RuntimeException {

    public Unavailable(String what, Throwable cause) {
        super(what + " is unavailable now: " + cause, cause);
    }
}
