package com.forno.pizzeria.ai.chat.entity;

import java.util.List;

/**
 * Where the offline router sends a question: a tool with its parameters, or a decline with its reason. The
 * evidence (the concepts it recognised) makes each decision explainable.
 *
 * @param window   the period, for tools that take one (null otherwise)
 * @param limit    how many rows, for tools that take a limit (null: the tool's default)
 * @param filters  what the question narrows the figure to, and what it names that no tool can filter by
 * @param invalid  the question asked for a tool with a parameter out of bounds (e.g. 500 days): say so
 */
public record Route(Intent intent, Language language, Window window, Integer limit, Filters filters,
                    Decline decline, InvalidInput invalid, List<String> evidence) {

    /** Why a question is not answered with a tool. */
    public enum Decline {
        /** nothing it recognises, or two readings equally likely: better "I don't know" than a wrong tool */
        UNKNOWN,
        /** e-mails, phones, addresses, cards, passwords: never */
        PERSONAL_DATA,
        /** a request to change, delete or create something: the chatbot only reads */
        WRITE,
        /** an attempt to change the chatbot's instructions */
        INSTRUCTIONS,
        /** a question about something it has no data for (profit, delivery times, reviews...) */
        UNSUPPORTED,
        /** a forecast of sales in the future */
        FUTURE
    }

    public static Route to(Intent intent, Language language, Window window, Integer limit, Filters filters,
                           List<String> evidence) {
        return new Route(intent, language, window, limit, filters, null, null, List.copyOf(evidence));
    }

    public static Route invalid(Intent intent, Language language, InvalidInput invalid, List<String> evidence) {
        return new Route(intent, language, null, null, Filters.NONE, null, invalid, List.copyOf(evidence));
    }

    public static Route declined(Decline why, Language language, List<String> evidence) {
        return new Route(Intent.DECLINED, language, null, null, Filters.NONE, why, null, List.copyOf(evidence));
    }

    /** The menu category the figure is narrowed to, or null. */
    public String category() {
        return filters.category();
    }

    public boolean isDeclined() {
        return intent == Intent.DECLINED;
    }
}
