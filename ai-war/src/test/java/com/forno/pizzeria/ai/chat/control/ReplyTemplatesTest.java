package com.forno.pizzeria.ai.chat.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.ai.chat.entity.Intent;
import com.forno.pizzeria.ai.chat.entity.Language;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The reply files of both languages are twins: the same keys, each with the same figures to put in. */
class ReplyTemplatesTest {

    @Test
    void everyTemplateIsInBothLanguagesWithTheSameFigures() {
        assertThat(new TreeSet<>(ReplyTemplates.keys(Language.EN)))
                .isEqualTo(new TreeSet<>(ReplyTemplates.keys(Language.PT)));
        for (String key : ReplyTemplates.keys(Language.PT)) {
            assertThat(places(ReplyTemplates.text(Language.EN, key))).as(key)
                    .isEqualTo(places(ReplyTemplates.text(Language.PT, key)));
        }
        assertThat(Arrays.stream(Intent.answerable()).map(intent -> "tool." + intent.tool()))
                .allMatch(ReplyTemplates.keys(Language.PT)::contains);
    }

    @Test
    void aFigureIsPutInAsItIs() {
        assertThat(ReplyTemplates.text(Language.PT, "scope.product", "\"Pizza {1} $2\""))
                .isEqualTo("o produto \"Pizza {1} $2\"");
    }

    private static TreeSet<String> places(String template) {
        TreeSet<String> places = new TreeSet<>();
        Matcher place = Pattern.compile("\\{\\d}").matcher(template);
        while (place.find()) {
            places.add(place.group());
        }
        return places;
    }
}
