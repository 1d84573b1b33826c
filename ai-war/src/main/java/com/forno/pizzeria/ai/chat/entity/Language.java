package com.forno.pizzeria.ai.chat.entity;

/** The language of a question, and so of its answer. The staff write in Portuguese: a tie is Portuguese. */
public enum Language {
    PT, EN
}
