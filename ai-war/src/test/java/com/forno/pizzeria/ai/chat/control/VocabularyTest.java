package com.forno.pizzeria.ai.chat.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.forno.pizzeria.ai.chat.entity.Language;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The router's words as the files give them: Portuguese first, then English, in the order they are written. */
class VocabularyTest {

    @Test
    void everyConceptHasWordsAndAKeysPortugueseWordsComeFirst() {
        assertThat(Arrays.stream(Router.Concept.values())).allSatisfy(concept ->
                assertThat(concept.patterns).as(concept.name()).isNotEmpty());
        assertThat(Vocabulary.words("status.OUT_FOR_DELIVERY")).startsWith("saiu para entrega")
                .endsWith("on delivery");
        assertThat(Vocabulary.section("status.").keySet()).startsWith("OUT_FOR_DELIVERY", "AWAITING_PAYMENT");
        assertThat(Vocabulary.words(Language.EN, "months")).hasSize(12).startsWith("january");
        assertThat(Vocabulary.byWord("category.")).containsEntry("bebidas", "DRINK").containsEntry("beverages", "DRINK");
    }

    @Test
    void aKeyNeitherFileHasIsAMistake() {
        assertThatThrownBy(() -> Vocabulary.words("concept.NO_SUCH_THING")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theNamedPeriodsAreTheOnesTheCodeKnows() {
        // PeriodFinder refuses, when it loads, a period kind in the files that it has no window for
        assertThat(PeriodFinder.NUMBERS).containsEntry("sete", 7).containsEntry("seven", 7).containsEntry("a", 1);
    }
}
