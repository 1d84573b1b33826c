package com.forno.pizzeria.payments.charges.control;

/** The processor failed to answer (a 5xx, a broken connection): worth retrying, unlike a decline. */
public class ProcessorFailure extends RuntimeException {

    public ProcessorFailure(String message) {
        super(message);
    }

    public ProcessorFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
