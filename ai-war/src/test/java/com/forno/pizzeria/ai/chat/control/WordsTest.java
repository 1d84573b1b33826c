package com.forno.pizzeria.ai.chat.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void normalisesAccentsCaseAndPunctuation() {
        assertThat(Words.tokens("Quantos pedidos FALHARAM, hoje? (já!)")).containsExactly("quantos", "pedidos",
                "falharam", "hoje", "ja");
        assertThat(Words.tokens("de 24/11 a 2025-11-26")).containsExactly("de", "24/11", "a", "2025-11-26");
    }

    @Test
    void longWordsTolerateATypoShortOnesDoNot() {
        assertThat(Words.matches("estoque", "estqoue")).isTrue();
        assertThat(Words.matches("faturament*", "fatruamento")).isTrue();
        assertThat(Words.matches("mais", "mes")).isFalse();
        assertThat(Words.matches("estoque", "esquema")).isFalse();
        assertThat(Words.matches("email*", "mails", false)).isFalse();
    }
}
