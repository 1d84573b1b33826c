package com.forno.pizzeria.ai.chat.control;

import com.forno.pizzeria.ai.chat.entity.InvalidInput;
import com.forno.pizzeria.ai.chat.entity.Language;
import com.forno.pizzeria.ai.chat.entity.Window;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the period a question is about: hoje, ontem, esta semana, semana passada, este mês, últimos N dias,
 * outubro, 24/11 a 26/11... and their English twins. A week starts on Monday. The tokens it reads are marked as
 * used, so that "últimas 24 horas" is a period, not a question about busy hours, and its 24 is not a limit.
 * The words (numbers, months, units, named periods) are in chat/vocabulary_*.txt; which window each named period
 * means, and which is tried first, is here.
 */
final class PeriodFinder {

    /** What was found: a window (or null), whether the question is about the future, or about "now". */
    record Found(Window window, boolean future, boolean now, InvalidInput invalid, List<String> evidence) {
    }

    /** Numbers in words ("sete", "seven"); chat/vocabulary_*.txt, {@code number.N}. */
    static final Map<String, Integer> NUMBERS = new LinkedHashMap<>();

    static {
        Vocabulary.byWord("number.").forEach((word, n) -> NUMBERS.put(word, Integer.valueOf(n)));
    }

    private static final List<String> MONTHS_PT = Vocabulary.words(Language.PT, "months");
    private static final List<String> MONTHS_EN = Vocabulary.words(Language.EN, "months");
    /** "may" is a verb more often than a month: a month only after one of these words. */
    private static final Map<String, List<String>> MONTH_ONLY_AFTER = Vocabulary.section("month-only-after.");
    /** "outubro de 2025". */
    private static final Set<String> MONTH_YEAR_JOINER = Vocabulary.set("month-year-joiner");

    /** "últimos 7 dias", "3 semanas": the unit of a count, and the word before the count that goes with it. */
    private static final Map<String, String> UNITS = Vocabulary.byWord("unit.");
    private static final Set<String> LAST = Vocabulary.set("last");

    private record Phrase(String pattern, Function<LocalDate, Window> window) {
    }

    private static final List<String> FUTURE = Vocabulary.words("future");
    private static final List<String> NOW = Vocabulary.words("now");

    /**
     * The named periods, in the order they are tried (the first that matches wins: "anteontem" before "ontem",
     * "the last week", the past seven days, before "last week", the calendar week before this one); their words
     * are in chat/vocabulary_*.txt ({@code period.KIND}).
     */
    private static final Map<String, Function<LocalDate, Window>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("day-before-yesterday", today -> day(today.minusDays(2)));
        KINDS.put("today", PeriodFinder::day);
        KINDS.put("yesterday", today -> day(today.minusDays(1)));
        KINDS.put("the-last-week", today -> Window.last(7, today));
        KINDS.put("last-week", PeriodFinder::lastWeek);
        KINDS.put("past-week", today -> Window.last(7, today));
        KINDS.put("weekend", PeriodFinder::weekend);
        KINDS.put("this-week", PeriodFinder::thisWeek);
        KINDS.put("last-month", PeriodFinder::lastMonth);
        KINDS.put("past-month", today -> Window.last(30, today));
        KINDS.put("this-month", PeriodFinder::thisMonth);
        KINDS.put("last-year", PeriodFinder::lastYear);
        KINDS.put("this-year", PeriodFinder::thisYear);
        KINDS.put("last-15-days", today -> Window.last(15, today));
        KINDS.put("fortnight", today -> Window.last(14, today));
        KINDS.put("recently", today -> Window.last(7, today));
    }

    private static final List<Phrase> PHRASES = phrases();

    private static List<Phrase> phrases() {
        Map<String, List<String>> words = Vocabulary.section("period.");
        if (!KINDS.keySet().containsAll(words.keySet())) {
            throw new IllegalStateException("chat/vocabulary_*.txt names periods the code does not know: "
                    + words.keySet() + " (known: " + KINDS.keySet() + ")");
        }
        List<Phrase> phrases = new ArrayList<>();
        KINDS.forEach((kind, window) -> words.getOrDefault(kind, List.of())
                .forEach(pattern -> phrases.add(new Phrase(pattern, window))));
        return List.copyOf(phrases);
    }

    private PeriodFinder() {
    }

    static Found find(List<String> tokens, boolean[] used, LocalDate today) {
        List<String> evidence = new ArrayList<>();
        boolean future = false;
        for (String pattern : FUTURE) {
            if (mark(pattern, tokens, used)) {
                future = true;
                evidence.add("future:" + pattern);
            }
        }
        boolean now = false;
        for (String pattern : NOW) {
            if (mark(pattern, tokens, used)) {
                now = true;
                evidence.add("now:" + pattern);
            }
        }
        Window window;
        try {
            window = dates(tokens, used, today, evidence);
            if (window == null) {
                window = counted(tokens, used, today, evidence);
            }
            if (window == null) {
                window = month(tokens, used, today, evidence);
            }
        } catch (InvalidInput invalid) {
            return new Found(null, future, now, invalid, evidence);
        }
        if (window == null) {
            for (Phrase phrase : PHRASES) {
                if (mark(phrase.pattern(), tokens, used)) {
                    window = phrase.window().apply(today);
                    evidence.add("period:" + phrase.pattern());
                    break;
                }
            }
        }
        return new Found(window, future, now, null, evidence);
    }

    /** One or two dates: 24/11, 24/11/2025, 2025-11-24. Two make a period from the earlier to the later. */
    private static Window dates(List<String> tokens, boolean[] used, LocalDate today, List<String> evidence) {
        List<LocalDate> found = new ArrayList<>();
        for (int i = 0; i < tokens.size() && found.size() < 2; i++) {
            if (used[i]) {
                continue;
            }
            LocalDate date = date(tokens.get(i), today);
            if (date != null) {
                found.add(date);
                used[i] = true;
                evidence.add("date:" + tokens.get(i));
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        LocalDate first = found.get(0);
        LocalDate last = found.get(found.size() - 1);
        return first.isAfter(last) ? Window.of(last, first) : Window.of(first, last);
    }

    static LocalDate date(String token, LocalDate today) {
        try {
            if (token.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
                String[] p = token.split("-");
                return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
            if (token.matches("\\d{1,2}[/-]\\d{1,2}([/-]\\d{2}|[/-]\\d{4})?")) {
                String[] p = token.split("[/-]");
                int day = Integer.parseInt(p[0]);
                int month = Integer.parseInt(p[1]);
                if (p.length == 3) {
                    int year = Integer.parseInt(p[2]);
                    return LocalDate.of(year < 100 ? 2000 + year : year, month, day);
                }
                LocalDate date = LocalDate.of(today.getYear(), month, day);
                return date.isAfter(today) ? date.minusYears(1) : date;
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** "últimos 7 dias", "last 3 weeks", "nas últimas 24 horas", "2 meses". */
    private static Window counted(List<String> tokens, boolean[] used, LocalDate today, List<String> evidence) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (used[i] || used[i + 1]) {
                continue;
            }
            Integer n = number(tokens.get(i));
            if (n == null || n <= 0) {
                continue;
            }
            String unit = tokens.get(i + 1);
            Long days = switch (UNITS.getOrDefault(unit, "")) {
                case "day" -> (long) n;
                case "week" -> 7L * n;
                case "month" -> (long) java.time.temporal.ChronoUnit.DAYS.between(today.minusMonths(n), today);
                case "year" -> (long) java.time.temporal.ChronoUnit.DAYS.between(today.minusYears(n), today);
                case "hour" -> (long) Math.max(1, (n + 23) / 24);
                default -> null;
            };
            if (days == null) {
                continue;
            }
            // "a" is "one" only right before a unit in English ("a week"); never a number elsewhere
            if (tokens.get(i).equals("a") && !(unit.equals("week") || unit.equals("month") || unit.equals("day"))) {
                continue;
            }
            used[i] = true;
            used[i + 1] = true;
            if (i > 0 && LAST.contains(tokens.get(i - 1))) {
                used[i - 1] = true;
            }
            evidence.add("period:" + n + " " + unit);
            return new Window(today.minusDays(Math.max(1, days) - 1), today);
        }
        return null;
    }

    /** "em outubro", "in october 2025": that month; without a year, the latest one not in the future. */
    private static Window month(List<String> tokens, boolean[] used, LocalDate today, List<String> evidence) {
        for (int i = 0; i < tokens.size(); i++) {
            if (used[i]) {
                continue;
            }
            String token = tokens.get(i);
            int index = MONTHS_PT.indexOf(token);
            if (index < 0) {
                index = MONTHS_EN.indexOf(token);
                List<String> only = MONTH_ONLY_AFTER.get(token);
                if (only != null && (i == 0 || !only.contains(tokens.get(i - 1)))) {
                    index = -1;
                }
            }
            if (index < 0) {
                continue;
            }
            used[i] = true;
            int year = today.getYear();
            int after = i + 1;
            if (after < tokens.size() && MONTH_YEAR_JOINER.contains(tokens.get(after))) {
                after++;
            }
            if (after < tokens.size() && tokens.get(after).matches("\\d{4}")) {
                year = Integer.parseInt(tokens.get(after));
                used[after] = true;
            } else if (YearMonth.of(year, index + 1).atDay(1).isAfter(today)) {
                year--;
            }
            YearMonth month = YearMonth.of(year, index + 1);
            evidence.add("period:" + month);
            LocalDate end = month.atEndOfMonth().isAfter(today) && month.equals(YearMonth.from(today))
                    ? today : month.atEndOfMonth();
            return Window.of(month.atDay(1), end);
        }
        return null;
    }

    static Integer number(String token) {
        if (token.matches("\\d{1,6}")) {
            return Integer.parseInt(token);
        }
        return NUMBERS.get(token);
    }

    private static boolean mark(String pattern, List<String> tokens, boolean[] used) {
        int[] at = Words.find(pattern, tokens, used);
        if (at == null) {
            return false;
        }
        for (int position : at) {
            used[position] = true;
        }
        return true;
    }

    /**
     * The period a comparison sets against {@code window} when the question names only one ("esta semana e a
     * passada", "last week vs the week before"): the whole previous week or month for a calendar week or month,
     * the day before for a day, otherwise as many days just before.
     */
    static Window previous(Window window, LocalDate today) {
        LocalDate monday = window.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (window.from().equals(monday) && window.days() <= 7 && !window.singleDay()) {
            return Window.of(monday.minusWeeks(1), monday.minusDays(1));
        }
        if (window.from().getDayOfMonth() == 1 && YearMonth.from(window.from()).equals(YearMonth.from(window.to()))
                && !window.singleDay()) {
            YearMonth month = YearMonth.from(window.from()).minusMonths(1);
            return Window.of(month.atDay(1), month.atEndOfMonth());
        }
        return Window.of(window.from().minusDays(window.days()), window.from().minusDays(1));
    }

    static Window day(LocalDate day) {
        return Window.of(day, day);
    }

    static Window thisWeek(LocalDate today) {
        return Window.of(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), today);
    }

    static Window lastWeek(LocalDate today) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        return Window.of(monday, monday.plusDays(6));
    }

    static Window weekend(LocalDate today) {
        LocalDate saturday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        LocalDate sunday = saturday.plusDays(1);
        return Window.of(saturday, sunday.isAfter(today) ? today : sunday);
    }

    static Window thisMonth(LocalDate today) {
        return Window.of(today.withDayOfMonth(1), today);
    }

    static Window lastMonth(LocalDate today) {
        YearMonth last = YearMonth.from(today).minusMonths(1);
        return Window.of(last.atDay(1), last.atEndOfMonth());
    }

    static Window thisYear(LocalDate today) {
        return Window.of(today.withDayOfYear(1), today);
    }

    static Window lastYear(LocalDate today) {
        LocalDate first = today.withDayOfYear(1).minusYears(1);
        return Window.of(first, first.plusYears(1).minusDays(1));
    }
}
