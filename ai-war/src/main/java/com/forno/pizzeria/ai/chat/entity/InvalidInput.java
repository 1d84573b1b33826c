package com.forno.pizzeria.ai.chat.entity;

/**
 * A tool's parameter out of bounds (a period over 366 days, a limit outside 1..50, a malformed date). The English
 * message goes back to a language model so it can correct its call; the Portuguese one is for the staff.
 */
public class InvalidInput extends IllegalArgumentException {

    private final String field;
    private final String portuguese;

    public InvalidInput(String field, String english, String portuguese) {
        super(field + ": " + english);
        this.field = field;
        this.portuguese = portuguese;
    }

    public String field() {
        return field;
    }

    public String message(Language language) {
        return language == Language.PT ? portuguese : getMessage();
    }
}
