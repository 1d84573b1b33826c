package com.forno.pizzeria.ai.chat.entity;

import java.util.List;
import java.util.Map;

/**
 * The chatbot's answer: a sentence in the question's language, the tool that produced it ({@code declined} when
 * none did), that tool's structured result (for a comparison, {@code {current, previous}}), what answered:
 * {@code offline} (the router), {@code llm} (the configured model) or {@code offline-fallback} (the model failed;
 * the router answered instead); and what the figure is narrowed to ({@code filters}: category, product,
 * ingredient, status, customer, compare) and what the question named that it could not filter by
 * ({@code notFiltered}), which the answer also says in words.
 */
public record Reply(String answer, String intent, Object data, String source, Map<String, String> filters,
                    List<String> notFiltered) {

    public Reply(String answer, String intent, Object data, String source) {
        this(answer, intent, data, source, Map.of(), List.of());
    }
}
