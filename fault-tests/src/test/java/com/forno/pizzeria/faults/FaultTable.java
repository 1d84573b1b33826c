package com.forno.pizzeria.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** One line per fault, printed as it is judged and appended to a Markdown table under target/ (printed at the end). */
final class FaultTable {

    private static final String HEADER = """
            | fault | placed | acknowledged | final | lost | duplicated | oversold units | confirmed not captured \
            | open authorisations | dead letters left | ledger balances | valid orders refused | stuck states | took |
            |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---:|---:|---:|
            """;

    private final Path file;

    FaultTable(Path file) {
        this.file = file;
    }

    /** A fresh table for this run. */
    void reset() {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, HEADER, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(Invariants.Verdict verdict, Duration took) {
        Shell.append(file, String.format("| %s | %d | %d | %d | %d | %d | %d | %d | %d | %s | %s | %d | %d | %d s |%n",
                verdict.fault(), verdict.placed(), verdict.acknowledged(), verdict.fin(), verdict.lost(), verdict.duplicated(),
                verdict.oversold(), verdict.confirmedNotCaptured(), verdict.openAuthorisations(), deadLetters(verdict),
                verdict.ledgerBalanced() ? "yes" : "**no**", verdict.refused(), verdict.stuck(), took.toSeconds()));
    }

    static String line(Invariants.Verdict verdict, Duration took) {
        return String.format("FAULT %-40s placed %4d, acknowledged %4d, final %4d, lost %d, duplicated %d, oversold %d, "
                        + "confirmed-not-captured %d, open authorisations %d, dead letters %s, ledger balanced %s, refused %d, "
                        + "stuck %d (%d s) %s",
                verdict.fault(), verdict.placed(), verdict.acknowledged(), verdict.fin(), verdict.lost(), verdict.duplicated(),
                verdict.oversold(), verdict.confirmedNotCaptured(), verdict.openAuthorisations(), deadLetters(verdict),
                verdict.ledgerBalanced() ? "yes" : "NO", verdict.refused(), verdict.stuck(), took.toSeconds(),
                verdict.holds() ? "OK" : "FAILED");
    }

    private static String deadLetters(Invariants.Verdict verdict) {
        return verdict.deadLetters() < 0 ? "?" : String.valueOf(verdict.deadLetters());
    }

    String text() {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
