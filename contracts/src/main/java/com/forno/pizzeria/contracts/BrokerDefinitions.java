package com.forno.pizzeria.contracts;

import com.forno.pizzeria.contracts.Topology.QueueSpec;
import com.forno.pizzeria.contracts.integrations.Partners;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The broker as a vhost needs it, in RabbitMQ's definitions format ({@code rabbitmqctl import_definitions}): the
 * exchanges, queues and bindings of {@link Topology}, and for each {@link Service} its user's least privileges:
 * <ul>
 * <li>configure nothing (the topology is declared here, by the operator, not by the services);</li>
 * <li>write only to the exchanges, and through topic permissions only the routing keys it sends
 * ({@link MessageType#publisher()}) and, on {@link Topology#REPLAY_EXCHANGE}, its own queues' names: a service
 * cannot forge another's reply (no forged PaymentAuthorized from stock);</li>
 * <li>read only its own queues and their dead-letter queues.</li>
 * </ul>
 * The users themselves (with their passwords) are created before the import. Run by bin/pizzeria:
 * {@code java -cp contracts.jar com.forno.pizzeria.contracts.BrokerDefinitions VHOST USER_PREFIX}, where a service's
 * user is {@code USER_PREFIX + service} (e.g. {@code pizzeria-orders}).
 */
public final class BrokerDefinitions {

    private BrokerDefinitions() {
    }

    public static void main(String[] args) {
        if (args.length == 4 && args[2].equals("partner")) {
            System.out.println(partner(args[0], args[1], args[3]));
            return;
        }
        if (args.length != 2) {
            System.err.println("usage: BrokerDefinitions VHOST USER_PREFIX [partner NAME]");
            System.exit(2);
        }
        System.out.println(json(args[0], args[1]));
    }

    /** Queues orders reads besides its own: every partner's inbound queue and its dead letters. */
    static final String PARTNER_INBOUND_QUEUES = "integrations\\.[a-z0-9-]+\\.orders(\\.dlq)?";

    /** What a service's user may write: the main and replay exchanges, and for orders and stock the partners'. */
    static String writable(Service service) {
        List<String> exchanges = new ArrayList<>(List.of(Topology.EXCHANGE, Topology.REPLAY_EXCHANGE));
        switch (service) {
            // replies to partners, and a partner's unreadable message to its dead letters with the reason
            case ORDERS -> exchanges.addAll(List.of(Partners.REPLIES_EXCHANGE, Topology.DEAD_LETTER_EXCHANGE));
            case STOCK -> exchanges.add(Partners.EVENTS_EXCHANGE);
            default -> { }
        }
        return anyOf(exchanges);
    }

    /**
     * One partner's resources ({@link Partners}) and its user's permissions: configure nothing, write only its own
     * exchange, read only its own two queues. The user (with its password) is created before the import.
     */
    public static String partner(String vhost, String userPrefix, String name) {
        QueueSpec orders = Partners.orders(name);
        QueueSpec replies = Partners.replies(name);
        QueueSpec events = Partners.events(name);
        List<String> exchanges = List.of(exchange(vhost, Partners.inbound(name), "fanout"),
                exchange(vhost, Partners.REPLIES_EXCHANGE, "direct"),
                exchange(vhost, Partners.EVENTS_EXCHANGE, "fanout"));
        List<String> queues = List.of(queue(vhost, orders.name(), orders.arguments()),
                queue(vhost, orders.deadLetterQueue(), orders.deadLetterArguments()),
                queue(vhost, replies.name(), replies.arguments()),
                queue(vhost, events.name(), events.arguments()));
        List<String> bindings = List.of(binding(vhost, Partners.inbound(name), orders.name(), ""),
                binding(vhost, Topology.DEAD_LETTER_EXCHANGE, orders.deadLetterQueue(), orders.name()),
                binding(vhost, Partners.REPLIES_EXCHANGE, replies.name(), name),
                binding(vhost, Partners.EVENTS_EXCHANGE, events.name(), ""));
        Map<String, String> permission = new TreeMap<>(Partners.permissions(name));
        permission.put("user", Partners.user(userPrefix, name));
        permission.put("vhost", vhost);
        return "{\n" + array("exchanges", exchanges) + ",\n" + array("queues", queues) + ",\n"
                + array("bindings", bindings) + ",\n" + array("permissions", List.of(object(permission))) + "\n}";
    }

    /** The broker user of {@code service} in a stack whose users are named {@code prefix + service}. */
    public static String user(String prefix, Service service) {
        return prefix + service.id();
    }

    /** The routing keys (a regular expression) the service's user may publish on the main exchange. */
    public static String publishable(Service service) {
        return anyOf(service.publishes());
    }

    /** The queues (a regular expression) the service's user may read: its own and their dead letters. */
    public static String readable(Service service) {
        return anyOf(service.consumes().stream()
                .flatMap(queue -> queue.deadLettered() ? Stream.of(queue.name(), queue.deadLetterQueue())
                        : Stream.of(queue.name()))
                .toList());
    }

    /** The queues (a regular expression) the service's user may replay dead letters into: its own. */
    public static String replayable(Service service) {
        return anyOf(service.consumes().stream().map(QueueSpec::name).toList());
    }

    public static String json(String vhost, String userPrefix) {
        List<String> exchanges = List.of(
                exchange(vhost, Topology.EXCHANGE, "topic"),
                exchange(vhost, Topology.DEAD_LETTER_EXCHANGE, "direct"),
                exchange(vhost, Topology.REPLAY_EXCHANGE, "topic"),
                exchange(vhost, Partners.REPLIES_EXCHANGE, "direct"),
                exchange(vhost, Partners.EVENTS_EXCHANGE, "fanout"));
        List<String> queues = new ArrayList<>();
        List<String> bindings = new ArrayList<>();
        for (QueueSpec queue : Topology.QUEUES) {
            queues.add(queue(vhost, queue.name(), queue.arguments()));
            queue.bindings().forEach(key -> bindings.add(binding(vhost, Topology.EXCHANGE, queue.name(), key)));
            if (queue.deadLettered()) {
                bindings.add(binding(vhost, Topology.REPLAY_EXCHANGE, queue.name(), queue.name()));
                queues.add(queue(vhost, queue.deadLetterQueue(), queue.deadLetterArguments()));
                bindings.add(binding(vhost, Topology.DEAD_LETTER_EXCHANGE, queue.deadLetterQueue(), queue.name()));
            }
        }
        List<String> permissions = new ArrayList<>();
        List<String> topicPermissions = new ArrayList<>();
        for (Service service : Service.values()) {
            String user = user(userPrefix, service);
            String read = readable(service);
            if (service == Service.ORDERS) {
                read = read.substring(0, read.length() - 2) + "|" + PARTNER_INBOUND_QUEUES + ")$";
            }
            permissions.add(object(Map.of("user", user, "vhost", vhost, "configure", "^$",
                    "write", writable(service), "read", read)));
            topicPermissions.add(object(Map.of("user", user, "vhost", vhost, "exchange", Topology.EXCHANGE,
                    "write", publishable(service), "read", "^$")));
            topicPermissions.add(object(Map.of("user", user, "vhost", vhost, "exchange", Topology.REPLAY_EXCHANGE,
                    "write", replayable(service), "read", "^$")));
        }
        return "{\n" + array("exchanges", exchanges) + ",\n" + array("queues", queues) + ",\n"
                + array("bindings", bindings) + ",\n" + array("permissions", permissions) + ",\n"
                + array("topic_permissions", topicPermissions) + "\n}";
    }

    /** {@code ^(a|b)$} with every name quoted; {@code ^$} (nothing) for none. */
    static String anyOf(List<String> names) {
        if (names.isEmpty()) {
            return "^$";
        }
        return names.stream().map(name -> name.replace(".", "\\."))
                .collect(Collectors.joining("|", "^(", ")$"));
    }

    private static String exchange(String vhost, String name, String type) {
        return "{\"name\": " + string(name) + ", \"vhost\": " + string(vhost) + ", \"type\": " + string(type)
                + ", \"durable\": true, \"auto_delete\": false, \"internal\": false, \"arguments\": {}}";
    }

    private static String queue(String vhost, String name, Map<String, Object> arguments) {
        return "{\"name\": " + string(name) + ", \"vhost\": " + string(vhost)
                + ", \"durable\": true, \"auto_delete\": false, \"arguments\": " + object(arguments) + "}";
    }

    private static String binding(String vhost, String exchange, String queue, String key) {
        return "{\"source\": " + string(exchange) + ", \"vhost\": " + string(vhost) + ", \"destination\": "
                + string(queue) + ", \"destination_type\": \"queue\", \"routing_key\": " + string(key)
                + ", \"arguments\": {}}";
    }

    private static String array(String name, List<String> elements) {
        return "  " + string(name) + ": [\n    " + String.join(",\n    ", elements) + "\n  ]";
    }

    /** A flat JSON object, keys sorted (stable output); values are strings or numbers. */
    private static String object(Map<String, ?> fields) {
        return new TreeMap<>(fields).entrySet().stream()
                .map(field -> string(field.getKey()) + ": " + (field.getValue() instanceof Number number
                        ? number.toString() : string(String.valueOf(field.getValue()))))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static final Pattern NEEDS_ESCAPE = Pattern.compile("[\"\\\\\\p{Cntrl}]");

    private static String string(String value) {
        if (!NEEDS_ESCAPE.matcher(value).find()) {
            return "\"" + value + "\"";
        }
        StringBuilder escaped = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.append('"').toString();
    }
}
