package com.forno.pizzeria.ai.chat.control;

import com.forno.pizzeria.ai.chat.entity.InvalidInput;
import com.forno.pizzeria.ai.chat.entity.Window;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds the period a question is about: hoje, ontem, esta semana, semana passada, este mês, últimos N dias,
 * outubro, 24/11 a 26/11... and their English twins. A week starts on Monday. The tokens it reads are marked as
 * used, so that "últimas 24 horas" is a period, not a question about busy hours, and its 24 is not a limit.
 */
final class PeriodFinder {

    /** What was found: a window (or null), whether the question is about the future, or about "now". */
    record Found(Window window, boolean future, boolean now, InvalidInput invalid, List<String> evidence) {
    }

    static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("um", 1), Map.entry("uma", 1), Map.entry("one", 1), Map.entry("a", 1),
            Map.entry("dois", 2), Map.entry("duas", 2), Map.entry("two", 2),
            Map.entry("tres", 3), Map.entry("three", 3), Map.entry("quatro", 4), Map.entry("four", 4),
            Map.entry("cinco", 5), Map.entry("five", 5), Map.entry("seis", 6), Map.entry("six", 6),
            Map.entry("sete", 7), Map.entry("seven", 7), Map.entry("oito", 8), Map.entry("eight", 8),
            Map.entry("nove", 9), Map.entry("nine", 9), Map.entry("dez", 10), Map.entry("ten", 10),
            Map.entry("onze", 11), Map.entry("eleven", 11), Map.entry("doze", 12), Map.entry("twelve", 12),
            Map.entry("quatorze", 14), Map.entry("catorze", 14), Map.entry("fourteen", 14),
            Map.entry("quinze", 15), Map.entry("fifteen", 15), Map.entry("vinte", 20), Map.entry("twenty", 20),
            Map.entry("trinta", 30), Map.entry("thirty", 30), Map.entry("sessenta", 60), Map.entry("sixty", 60),
            Map.entry("noventa", 90), Map.entry("ninety", 90), Map.entry("cem", 100), Map.entry("hundred", 100));

    private static final List<String> MONTHS_PT = List.of("janeiro", "fevereiro", "marco", "abril", "maio", "junho",
            "julho", "agosto", "setembro", "outubro", "novembro", "dezembro");
    private static final List<String> MONTHS_EN = List.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");

    private record Phrase(String pattern, Function<LocalDate, Window> window) {
    }

    private static final List<String> FUTURE = List.of("amanha", "tomorrow", "proxima semana", "semana que vem",
            "next week", "proximo mes", "mes que vem", "next month", "proximo ano", "ano que vem", "next year");
    private static final List<String> NOW = List.of("agora", "now", "atualmente", "currently", "neste momento",
            "no momento", "at the moment", "right now", "current");

    private static final List<Phrase> PHRASES = List.of(
            new Phrase("anteontem", today -> day(today.minusDays(2))),
            new Phrase("day before yesterday", today -> day(today.minusDays(2))),
            new Phrase("hoje", PeriodFinder::day),
            new Phrase("hj", PeriodFinder::day),
            new Phrase("today", PeriodFinder::day),
            new Phrase("tonight", PeriodFinder::day),
            new Phrase("ontem", today -> day(today.minusDays(1))),
            new Phrase("yesterday", today -> day(today.minusDays(1))),
            // "in the last week" is the past seven days; "last week" the calendar week before this one
            new Phrase("the last week", today -> Window.last(7, today)),
            new Phrase("semana passada", PeriodFinder::lastWeek),
            new Phrase("ultima semana", PeriodFinder::lastWeek),
            new Phrase("semana anterior", PeriodFinder::lastWeek),
            new Phrase("last week", PeriodFinder::lastWeek),
            new Phrase("previous week", PeriodFinder::lastWeek),
            new Phrase("past week", today -> Window.last(7, today)),
            new Phrase("fim de semana", PeriodFinder::weekend),
            new Phrase("final de semana", PeriodFinder::weekend),
            new Phrase("weekend", PeriodFinder::weekend),
            new Phrase("esta semana", PeriodFinder::thisWeek),
            new Phrase("essa semana", PeriodFinder::thisWeek),
            new Phrase("nesta semana", PeriodFinder::thisWeek),
            new Phrase("nessa semana", PeriodFinder::thisWeek),
            new Phrase("desta semana", PeriodFinder::thisWeek),
            new Phrase("dessa semana", PeriodFinder::thisWeek),
            new Phrase("semana atual", PeriodFinder::thisWeek),
            new Phrase("this week", PeriodFinder::thisWeek),
            new Phrase("current week", PeriodFinder::thisWeek),
            new Phrase("da semana", PeriodFinder::thisWeek),
            new Phrase("na semana", PeriodFinder::thisWeek),
            new Phrase("mes passado", PeriodFinder::lastMonth),
            new Phrase("ultimo mes", PeriodFinder::lastMonth),
            new Phrase("mes anterior", PeriodFinder::lastMonth),
            new Phrase("last month", PeriodFinder::lastMonth),
            new Phrase("previous month", PeriodFinder::lastMonth),
            new Phrase("past month", today -> Window.last(30, today)),
            new Phrase("este mes", PeriodFinder::thisMonth),
            new Phrase("esse mes", PeriodFinder::thisMonth),
            new Phrase("neste mes", PeriodFinder::thisMonth),
            new Phrase("nesse mes", PeriodFinder::thisMonth),
            new Phrase("deste mes", PeriodFinder::thisMonth),
            new Phrase("desse mes", PeriodFinder::thisMonth),
            new Phrase("mes atual", PeriodFinder::thisMonth),
            new Phrase("this month", PeriodFinder::thisMonth),
            new Phrase("current month", PeriodFinder::thisMonth),
            new Phrase("month to date", PeriodFinder::thisMonth),
            new Phrase("do mes", PeriodFinder::thisMonth),
            new Phrase("no mes", PeriodFinder::thisMonth),
            new Phrase("ano passado", PeriodFinder::lastYear),
            new Phrase("last year", PeriodFinder::lastYear),
            new Phrase("este ano", PeriodFinder::thisYear),
            new Phrase("esse ano", PeriodFinder::thisYear),
            new Phrase("neste ano", PeriodFinder::thisYear),
            new Phrase("deste ano", PeriodFinder::thisYear),
            new Phrase("this year", PeriodFinder::thisYear),
            new Phrase("year to date", PeriodFinder::thisYear),
            new Phrase("ytd", PeriodFinder::thisYear),
            new Phrase("do ano", PeriodFinder::thisYear),
            new Phrase("ultima quinzena", today -> Window.last(15, today)),
            new Phrase("quinzena", today -> Window.last(15, today)),
            new Phrase("fortnight", today -> Window.last(14, today)),
            new Phrase("ultimos dias", today -> Window.last(7, today)),
            new Phrase("recent days", today -> Window.last(7, today)),
            new Phrase("recentemente", today -> Window.last(7, today)),
            new Phrase("recently", today -> Window.last(7, today)),
            new Phrase("lately", today -> Window.last(7, today)));

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
            Long days = switch (unit) {
                case "dia", "dias", "day", "days" -> (long) n;
                case "semana", "semanas", "week", "weeks" -> 7L * n;
                case "mes", "meses", "month", "months" -> (long) java.time.temporal.ChronoUnit.DAYS.between(
                        today.minusMonths(n), today);
                case "ano", "anos", "year", "years" -> (long) java.time.temporal.ChronoUnit.DAYS.between(
                        today.minusYears(n), today);
                case "hora", "horas", "hour", "hours", "h" -> (long) Math.max(1, (n + 23) / 24);
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
            if (i > 0 && List.of("ultimos", "ultimas", "last", "past", "previous").contains(tokens.get(i - 1))) {
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
                // "may" is a verb more often than a month
                if (token.equals("may") && (i == 0 || !List.of("in", "of", "during").contains(tokens.get(i - 1)))) {
                    index = -1;
                }
            }
            if (index < 0) {
                continue;
            }
            used[i] = true;
            int year = today.getYear();
            int after = i + 1;
            if (after < tokens.size() && tokens.get(after).equals("de")) {
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
