package com.forno.pizzeria.payments.charges.control;

/**
 * A command that breaks the contract (no order, a non-positive amount, another currency, an unknown type). It is a
 * poison message: applying it fails on every delivery, so it ends in {@code payments.commands.dlq} for an operator,
 * and nothing is charged meanwhile.
 */
public class InvalidCommand extends IllegalArgumentException {

    public InvalidCommand(String message) {
        super(message);
    }
}
