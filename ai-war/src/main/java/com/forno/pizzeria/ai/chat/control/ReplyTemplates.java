package com.forno.pizzeria.ai.chat.control;

import com.forno.pizzeria.ai.chat.entity.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chatbot's sentences, per language: {@code chat/replies_pt.properties} and {@code chat/replies_en.properties}
 * (UTF-8), read once, when the class loads. {@code {0}}, {@code {1}}... are replaced by the figures as they are
 * given, already formatted: no other syntax, so that an apostrophe is just an apostrophe.
 */
final class ReplyTemplates {

    private static final Pattern PLACE = Pattern.compile("\\{(\\d)}");
    private static final Map<Language, Properties> TEMPLATES = new EnumMap<>(Language.class);

    static {
        TEMPLATES.put(Language.PT, read("/chat/replies_pt.properties"));
        TEMPLATES.put(Language.EN, read("/chat/replies_en.properties"));
    }

    private ReplyTemplates() {
    }

    /** The template {@code key} in {@code language} with its figures in place; a missing key is a mistake. */
    static String text(Language language, String key, Object... figures) {
        String text = TEMPLATES.get(language).getProperty(key);
        if (text == null) {
            throw new IllegalStateException("no reply template " + key + " in chat/replies_"
                    + language.name().toLowerCase(java.util.Locale.ROOT) + ".properties");
        }
        // one pass: a figure that holds "{1}" (a product's name is data) stays as it is
        Matcher place = PLACE.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (place.find()) {
            int i = Integer.parseInt(place.group(1));
            place.appendReplacement(filled, Matcher.quoteReplacement(i < figures.length
                    ? String.valueOf(figures[i]) : place.group()));
        }
        return place.appendTail(filled).toString();
    }

    /** The keys of one language's templates. */
    static Set<String> keys(Language language) {
        return TEMPLATES.get(language).stringPropertyNames();
    }

    /** The template {@code key}, or {@code fallback} when there is none (a code with no words of its own). */
    static String textOr(Language language, String key, String fallback) {
        return TEMPLATES.get(language).getProperty(key, fallback);
    }

    private static Properties read(String resource) {
        Properties templates = new Properties();
        try (InputStream in = ReplyTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                templates.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return templates;
    }
}
