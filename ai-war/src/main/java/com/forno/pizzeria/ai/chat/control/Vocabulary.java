package com.forno.pizzeria.ai.chat.control;

import com.forno.pizzeria.ai.chat.entity.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words the offline router matches, per language: {@code chat/vocabulary_pt.txt} and
 * {@code chat/vocabulary_en.txt}, read once, when the class loads. The code keeps the mechanism (how words are
 * matched, which rule wins), the files keep the words, so that a synonym is a change of data.
 * <p>
 * A line is {@code key = word, word, ...}; a line that starts with spaces continues the one above; a key may come
 * again, and its words then follow the earlier ones; {@code #} starts a comment line. Where both languages have a
 * key, the Portuguese words come first (the shop's language), then the English ones.
 */
final class Vocabulary {

    private static final Map<Language, Map<String, List<String>>> WORDS = new EnumMap<>(Language.class);

    static {
        WORDS.put(Language.PT, read("/chat/vocabulary_pt.txt"));
        WORDS.put(Language.EN, read("/chat/vocabulary_en.txt"));
    }

    private Vocabulary() {
    }

    /** The words of {@code key} in one language (none if that language has no such key). */
    static List<String> words(Language language, String key) {
        return WORDS.get(language).getOrDefault(key, List.of());
    }

    /** The words of {@code key}, Portuguese then English; a key neither file has is a mistake in the code. */
    static List<String> words(String key) {
        if (!WORDS.get(Language.PT).containsKey(key) && !WORDS.get(Language.EN).containsKey(key)) {
            throw new IllegalStateException("no words for " + key + " in chat/vocabulary_*.txt");
        }
        List<String> words = new ArrayList<>(words(Language.PT, key));
        words.addAll(words(Language.EN, key));
        return List.copyOf(words);
    }

    static Set<String> set(String key) {
        return Set.copyOf(words(key));
    }

    static Set<String> set(Language language, String key) {
        return Set.copyOf(words(language, key));
    }

    /**
     * Every key that starts with {@code prefix}, without it, with its words (Portuguese then English), in the order
     * the keys first appear: "status." gives OUT_FOR_DELIVERY → [saiu para entrega, ..., out for delivery, ...].
     */
    static Map<String, List<String>> section(String prefix) {
        Map<String, List<String>> section = new LinkedHashMap<>();
        for (Language language : List.of(Language.PT, Language.EN)) {
            WORDS.get(language).forEach((key, words) -> {
                if (key.startsWith(prefix)) {
                    section.computeIfAbsent(key.substring(prefix.length()), k -> new ArrayList<>()).addAll(words);
                }
            });
        }
        section.replaceAll((key, words) -> List.copyOf(words));
        return section;
    }

    /** A section turned round: each word to its key ("bebidas" → DRINK). */
    static Map<String, String> byWord(String prefix) {
        Map<String, String> byWord = new LinkedHashMap<>();
        section(prefix).forEach((key, words) -> words.forEach(word -> byWord.putIfAbsent(word, key)));
        return byWord;
    }

    private static Map<String, List<String>> read(String resource) {
        Map<String, List<String>> words = new LinkedHashMap<>();
        List<String> current = null;
        try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (Character.isWhitespace(line.charAt(0))) {
                    if (current == null) {
                        throw new IllegalStateException(resource + ": a continuation with no key above: " + line);
                    }
                    current.addAll(split(line));
                    continue;
                }
                int equals = line.indexOf('=');
                if (equals < 0) {
                    throw new IllegalStateException(resource + ": not \"key = words\": " + line);
                }
                current = words.computeIfAbsent(line.substring(0, equals).strip(), key -> new ArrayList<>());
                current.addAll(split(line.substring(equals + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static List<String> split(String words) {
        Set<String> split = new LinkedHashSet<>();
        for (String word : words.split(",")) {
            if (!word.isBlank()) {
                split.add(word.strip());
            }
        }
        return List.copyOf(split);
    }
}
