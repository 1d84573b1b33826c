package com.forno.pizzeria.faults;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the instances logged while a fault ran: the new part of each instance's log since a mark (also across a
 * restart, which moves the log to .log.1), its SEVERE and WARNING records counted and the most frequent ones
 * named, and the signs of known stuck states (an expunged EJB timer, a channel the broker closed).
 */
final class LogWatch {

    /** Signs of a stuck state, searched for in every record. */
    static final Map<String, String> SIGNS = Map.of(
            "EJB5119", "an EJB timer was expunged after failed deliveries (its @Timeout never runs again)",
            "PRECONDITION_FAILED", "the broker closed a channel (PRECONDITION_FAILED): its consumers may be gone",
            "Exception while loading the app", "a deployment failed");

    /** A record's header: [time] [] [LEVEL] [id] [logger] [tid: ...] [timeMillis: ...] [levelValue: ...] message or [[ */
    private static final Pattern RECORD = Pattern.compile(
            "^\\[\\d{4}-\\d\\d-\\d\\dT[^]]*] \\[[^]]*] \\[(SEVERE|WARNING)] \\[[^]]*] \\[([^]]*)].*?\\[levelValue: \\d+] ?(.*)$");
    private static final Pattern ANY_RECORD = Pattern.compile("^\\[\\d{4}-\\d\\d-\\d\\dT");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private record Position(Object fileKey, long size) {
    }

    private final Lab lab;
    private final Map<String, Position> marks = new HashMap<>();

    /** Marks the current end of every instance's log. */
    LogWatch(Lab lab) {
        this.lab = lab;
        for (String instance : Lab.INSTANCES) {
            marks.put(instance, position(lab.instanceLog(instance)));
        }
    }

    /** The text each instance logged since the mark. */
    Map<String, String> since() {
        Map<String, String> text = new LinkedHashMap<>();
        for (String instance : Lab.INSTANCES) {
            Path log = lab.instanceLog(instance);
            Position mark = marks.get(instance);
            Position now = position(log);
            StringBuilder out = new StringBuilder();
            if (mark.fileKey() != null && !Objects.equals(mark.fileKey(), now.fileKey())) {
                // restarted meanwhile: the marked file is now .log.1
                Path previous = log.resolveSibling(log.getFileName() + ".1");
                if (Objects.equals(position(previous).fileKey(), mark.fileKey())) {
                    out.append(read(previous, mark.size()));
                }
                out.append(read(log, 0));
            } else {
                out.append(read(log, mark.size()));
            }
            text.put(instance, out.toString());
        }
        return text;
    }

    /** One line per finding: per instance the SEVERE/WARNING counts with the most frequent messages, and the signs. */
    List<String> findings() {
        List<String> findings = new ArrayList<>();
        since().forEach((instance, text) -> {
            Map<String, Integer> severe = new LinkedHashMap<>();
            Map<String, Integer> warning = new LinkedHashMap<>();
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                Matcher record = RECORD.matcher(lines[i]);
                if (record.find()) {
                    String message = logger(record.group(2)) + ": " + message(record.group(3), lines, i);
                    (record.group(1).equals("SEVERE") ? severe : warning).merge(normalised(message), 1, Integer::sum);
                }
            }
            if (!severe.isEmpty() || !warning.isEmpty()) {
                findings.add(String.format("%s logged %d SEVERE, %d WARNING%s", instance, total(severe), total(warning),
                        top(severe, warning)));
            }
            SIGNS.forEach((sign, meaning) -> {
                long count = text.lines().filter(line -> line.contains(sign)).count();
                if (count > 0) {
                    findings.add(String.format("%s: %s (%s, %d line(s))", instance, meaning, sign, count));
                }
            });
        });
        return findings;
    }

    boolean logged(String instance, String sign) {
        return since().getOrDefault(instance, "").contains(sign);
    }

    /** The record's message: on the header line, or (after "[[") the first telling line of the lines that follow. */
    private static String message(String onHeader, String[] lines, int header) {
        if (!onHeader.startsWith("[[")) {
            return onHeader.trim();
        }
        for (int i = header + 1; i < lines.length && i < header + 6 && !ANY_RECORD.matcher(lines[i]).find(); i++) {
            String line = lines[i].trim();
            if (!line.isEmpty() && !line.startsWith("Local Exception Stack")) {
                return line.replace("]]", "").trim();
            }
        }
        return "";
    }

    private static String logger(String name) {
        String[] parts = name.split("/")[0].split("\\.");
        return parts.length == 0 ? name : parts[parts.length - 1];
    }

    private static String normalised(String message) {
        String text = NUMBER.matcher(UUID.matcher(message).replaceAll("<id>")).replaceAll("#");
        return text.length() > 180 ? text.substring(0, 180) + "..." : text;
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String top(Map<String, Integer> severe, Map<String, Integer> warning) {
        StringBuilder top = new StringBuilder();
        for (Map<String, Integer> counts : List.of(severe, warning)) {
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(3)
                    .forEach(entry -> top.append("\n      ").append(counts == severe ? "SEVERE " : "WARNING ")
                            .append(entry.getValue()).append("x ").append(entry.getKey()));
        }
        return top.toString();
    }

    private static Position position(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Position(attributes.fileKey(), attributes.size());
        } catch (IOException e) {
            return new Position(null, 0);
        }
    }

    private static String read(Path file, long from) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (from >= length) {
                return "";
            }
            in.seek(from);
            byte[] bytes = new byte[(int) Math.min(length - from, 64L * 1024 * 1024)];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
