package com.forno.pizzeria.ai.chat.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text handling of the offline router: accent- and case-insensitive tokens, and tolerant matching of words
 * and short phrases (a typo or two in a long word, a swapped pair of letters).
 * <p>
 * A pattern is one or more words separated by spaces; a word ending in {@code *} matches any word that starts with
 * it ({@code vend*}: vendido, vendas, vendeu). Words of five letters or more tolerate one edit (insertion,
 * deletion, substitution or transposition of neighbours), of eight or more two. Short words must match exactly:
 * "mes" and "mais" are too close to each other to be guessed.
 */
final class Words {

    private static final Pattern TOKEN = Pattern.compile(
            "\\d{1,4}[/-]\\d{1,2}(?:[/-]\\d{2,4})?|\\d+(?:[.,]\\d+)?|[a-z]+|%|\\$");

    private Words() {
    }

    /** Lower case, no accents, no punctuation but what dates need. */
    static String normalize(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT);
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(normalize(text));
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /** Does {@code token} match the single-word {@code pattern}, tolerating typos? */
    static boolean matches(String pattern, String token) {
        return matches(pattern, token, true);
    }

    /** Does {@code token} match the single-word {@code pattern}; typos tolerated only when {@code fuzzy}? */
    static boolean matches(String pattern, String token, boolean fuzzy) {
        if (pattern.endsWith("*")) {
            String stem = pattern.substring(0, pattern.length() - 1);
            if (token.startsWith(stem)) {
                return true;
            }
            if (!fuzzy) {
                return false;
            }
            // a typo inside the stem: compare the stem with the token's start, one edit allowed on long stems
            if (stem.length() >= 5 && token.length() >= stem.length() - 1) {
                for (int cut = stem.length() - 1; cut <= Math.min(token.length(), stem.length() + 1); cut++) {
                    if (distance(stem, token.substring(0, cut)) <= 1) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (pattern.equals(token)) {
            return true;
        }
        if (!fuzzy) {
            return false;
        }
        int allowed = pattern.length() >= 8 ? 2 : pattern.length() >= 5 ? 1 : 0;
        return allowed > 0 && Math.abs(pattern.length() - token.length()) <= allowed
                && distance(pattern, token) <= allowed;
    }

    /**
     * Where the words of the phrase {@code pattern} are in {@code tokens} (the first place it occurs), allowing one
     * extra word between two of its words ("tempo de entrega" also matches "tempo medio de entrega"); null if
     * nowhere. {@code used} tokens are skipped.
     */
    static int[] find(String pattern, List<String> tokens, boolean[] used) {
        return find(pattern, tokens, used, true);
    }

    static int[] find(String pattern, List<String> tokens, boolean[] used, boolean fuzzy) {
        boolean[] tolerant = new boolean[tokens.size()];
        java.util.Arrays.fill(tolerant, fuzzy);
        return find(pattern, tokens, used, tolerant);
    }

    /** As above; typos are tolerated only on the tokens marked {@code tolerant}. */
    static int[] find(String pattern, List<String> tokens, boolean[] used, boolean[] tolerant) {
        String[] words = pattern.split(" ");
        for (int start = 0; start < tokens.size(); start++) {
            if (used[start] || !matches(words[0], tokens.get(start), tolerant[start])) {
                continue;
            }
            int[] positions = new int[words.length];
            positions[0] = start;
            int at = start;
            boolean whole = true;
            for (int w = 1; w < words.length && whole; w++) {
                whole = false;
                for (int next = at + 1; next <= at + 2 && next < tokens.size(); next++) {
                    if (!used[next] && matches(words[w], tokens.get(next), tolerant[next])) {
                        positions[w] = next;
                        at = next;
                        whole = true;
                        break;
                    }
                }
            }
            if (whole) {
                return positions;
            }
        }
        return null;
    }

    /** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
