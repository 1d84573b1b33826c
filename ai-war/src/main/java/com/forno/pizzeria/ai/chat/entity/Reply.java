package com.forno.pizzeria.ai.chat.entity;

/**
 * The chatbot's answer: a sentence in the question's language, the tool that produced it ({@code declined} when
 * none did), that tool's structured result, and what answered: {@code offline} (the router), {@code llm} (the
 * configured model) or {@code offline-fallback} (the model failed; the router answered instead).
 */
public record Reply(String answer, String intent, Object data, String source) {
}
