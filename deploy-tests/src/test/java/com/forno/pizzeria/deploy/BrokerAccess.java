package com.forno.pizzeria.deploy;

import static com.forno.pizzeria.deploy.OperatorResources.RABBITMQ;
import static com.forno.pizzeria.deploy.OperatorResources.at;

import com.forno.pizzeria.contracts.BrokerDefinitions;
import com.forno.pizzeria.contracts.MessageType;
import com.forno.pizzeria.contracts.Service;
import com.forno.pizzeria.contracts.Topology;
import com.forno.pizzeria.contracts.Topology.QueueSpec;
import com.forno.pizzeria.contracts.integrations.Partners;
import com.forno.pizzeria.deploy.Manifests.Manifest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The broker as the Messaging Topology Operator will make it (Queue, Exchange, Binding, Policy, User, Permission,
 * TopicPermission objects), against what the code needs (contracts' Topology, Service, MessageType, Partners):
 * <ul>
 * <li>every queue a service consumes exists with the arguments the code declares, its bindings, and exactly one
 * policy that agrees with them;</li>
 * <li>each service's user reads its queues (and their dead letters), replays into them, publishes the routing keys
 * it sends and no other service's;</li>
 * <li>no other user reads a service's queue, and nobody but its consumer can write to a command queue: not the queue
 * itself, not through the replay exchange, and on the main exchange only the commands' publisher;</li>
 * <li>each partner's user writes only its own exchange and reads only its own two queues, whatever other partners
 * exist.</li>
 * </ul>
 * RabbitMQ matches a permission's regular expression anywhere in the name (re:run), hence {@code find()}.
 */
final class BrokerAccess {

    /** The services' users are named pizzeria-&lt;service&gt; (as bin/pizzeria names them in the vhost pizzeria). */
    static final String USER_PREFIX = "pizzeria-";
    /** Names of another partner's resources: a partner's rights must not reach them. */
    private static final String OTHER_PARTNER = "someone-else";

    private record Grant(String configure, String write, String read) {
    }

    private final List<Manifest> manifests;
    private final Map<String, Grant> grants = new LinkedHashMap<>();
    /** user -> exchange -> the routing keys (a regular expression) it may publish there */
    private final Map<String, Map<String, String>> topicWrites = new HashMap<>();
    private final Map<String, Manifest> queues = new LinkedHashMap<>();
    private final Set<String> exchanges = new TreeSet<>();
    private final List<String> violations = new ArrayList<>();

    private BrokerAccess(List<Manifest> manifests) {
        this.manifests = manifests;
        for (Manifest permission : OperatorResources.of(manifests, RABBITMQ, "Permission")) {
            grants.put(user(permission), new Grant(string(permission, "configure"), string(permission, "write"),
                    string(permission, "read")));
        }
        for (Manifest permission : OperatorResources.of(manifests, RABBITMQ, "TopicPermission")) {
            topicWrites.computeIfAbsent(user(permission), u -> new HashMap<>())
                    .put(string(permission, "exchange"), string(permission, "write"));
        }
        OperatorResources.of(manifests, RABBITMQ, "Queue").forEach(q -> queues.put((String) at(q.raw(), "spec", "name"), q));
        OperatorResources.of(manifests, RABBITMQ, "Exchange").forEach(e -> exchanges.add((String) at(e.raw(), "spec", "name")));
    }

    /** Everything wrong with the broker objects of these manifests, one line each. */
    static List<String> violations(List<Manifest> manifests) {
        BrokerAccess access = new BrokerAccess(manifests);
        access.topology();
        access.services();
        access.exclusivity();
        access.partnerAccess();
        return access.violations;
    }

    /** Every queue of the code, as the code declares it, bound as it binds it, bounded by exactly one policy. */
    private void topology() {
        for (QueueSpec queue : Topology.QUEUES) {
            queue(queue.name(), queue.arguments());
            queue.bindings().forEach(key -> binding(Topology.EXCHANGE, queue.name(), key));
            if (queue.deadLettered()) {
                queue(queue.deadLetterQueue(), queue.deadLetterArguments());
                binding(Topology.REPLAY_EXCHANGE, queue.name(), queue.name());
                binding(Topology.DEAD_LETTER_EXCHANGE, queue.deadLetterQueue(), queue.name());
            }
        }
        List<Manifest> policies = OperatorResources.of(manifests, RABBITMQ, "Policy");
        queues.forEach((name, queue) -> {
            List<Manifest> applying = policies.stream()
                    .filter(p -> Pattern.compile(String.valueOf(at(p.raw(), "spec", "pattern"))).matcher(name).find()).toList();
            if (applying.size() != 1) {
                violations.add("queue " + name + ": " + applying.size() + " policies apply (" + applying + "), not one");
                return;
            }
            Object arguments = at(queue.raw(), "spec", "arguments");
            Map<?, ?> definition = (Map<?, ?>) at(applying.get(0).raw(), "spec", "definition");
            Map.of("max-length", "x-max-length", "overflow", "x-overflow", "delivery-limit", "x-delivery-limit",
                    "dead-letter-exchange", "x-dead-letter-exchange").forEach((key, argument) -> {
                        if (!Objects.equals(definition.get(key), at(arguments, argument))) {
                            violations.add("queue " + name + ": policy " + applying.get(0).name() + " has " + key + " "
                                    + definition.get(key) + ", the queue's argument " + argument + " " + at(arguments, argument));
                        }
                    });
        });
        for (Manifest user : OperatorResources.of(manifests, RABBITMQ, "User")) {
            if (!grants.containsKey(user.name())) {
                violations.add(user + ": no Permission");
            }
        }
        grants.forEach((user, grant) -> {
            if (!"^$".equals(grant.configure())) {
                violations.add(user + ": may configure " + grant.configure() + " (the operator declares everything)");
            }
        });
    }

    /** Each service reads, replays and publishes what its code does. */
    private void services() {
        for (Service service : Service.values()) {
            String user = BrokerDefinitions.user(USER_PREFIX, service);
            Grant grant = grants.get(user);
            if (grant == null) {
                violations.add(user + ": no Permission for the service " + service.id());
                continue;
            }
            for (QueueSpec queue : service.consumes()) {
                require(user + " reads", grant.read(), queue.name(), true);
                if (queue.deadLettered()) {
                    require(user + " reads", grant.read(), queue.deadLetterQueue(), true);
                }
                require(user + " replays into", topicWrite(user, Topology.REPLAY_EXCHANGE), queue.name(), true);
            }
            if (!service.publishes().isEmpty()) {
                require(user + " writes the exchange", grant.write(), Topology.EXCHANGE, true);
            }
            for (MessageType type : MessageType.values()) {
                require(user + " publishes", topicWrite(user, Topology.EXCHANGE), type.routingKey(), type.publisher() == service);
            }
        }
    }

    /** No user but a queue's consumer reads it; nobody but the consumer writes into a command queue. */
    private void exclusivity() {
        Map<String, String> consumers = new HashMap<>();
        for (Service service : Service.values()) {
            for (QueueSpec queue : service.consumes()) {
                consumers.put(queue.name(), BrokerDefinitions.user(USER_PREFIX, service));
                consumers.put(queue.deadLetterQueue(), BrokerDefinitions.user(USER_PREFIX, service));
            }
        }
        for (String partner : partners()) {
            String orders = BrokerDefinitions.user(USER_PREFIX, Service.ORDERS);
            consumers.put(Partners.orders(partner).name(), orders);
            consumers.put(Partners.orders(partner).deadLetterQueue(), orders);
            consumers.put(Partners.replies(partner).name(), Partners.user("", partner));
            consumers.put(Partners.events(partner).name(), Partners.user("", partner));
        }
        for (String queue : queues.keySet()) {
            String consumer = consumers.get(queue);
            boolean command = queue.endsWith(".commands");
            grants.forEach((user, grant) -> {
                if (user.equals(consumer)) {
                    return;
                }
                require(user + " (not its consumer) reads", grant.read(), queue, false);
                if (command) {
                    require(user + " (not its consumer) writes the command queue", grant.write(), queue, false);
                    require(user + " (not its consumer) replays into", topicWrite(user, Topology.REPLAY_EXCHANGE), queue, false);
                }
            });
        }
        for (MessageType type : MessageType.values()) {
            grants.keySet().forEach(user -> {
                boolean publisher = user.equals(BrokerDefinitions.user(USER_PREFIX, type.publisher()));
                if (!publisher) {
                    require(user + " publishes", topicWrite(user, Topology.EXCHANGE), type.routingKey(), false);
                }
            });
        }
    }

    /** A partner's user: its own exchange and its own two queues, nothing of another partner's. */
    private void partnerAccess() {
        for (String partner : partners()) {
            String user = Partners.user("", partner);
            queue(Partners.orders(partner).name(), Partners.orders(partner).arguments());
            queue(Partners.orders(partner).deadLetterQueue(), Partners.orders(partner).deadLetterArguments());
            queue(Partners.replies(partner).name(), Partners.replies(partner).arguments());
            queue(Partners.events(partner).name(), Partners.events(partner).arguments());
            binding(Partners.inbound(partner), Partners.orders(partner).name(), "");
            binding(Topology.DEAD_LETTER_EXCHANGE, Partners.orders(partner).deadLetterQueue(), Partners.orders(partner).name());
            binding(Partners.REPLIES_EXCHANGE, Partners.replies(partner).name(), partner);
            binding(Partners.EVENTS_EXCHANGE, Partners.events(partner).name(), "");
            Grant grant = grants.get(user);
            if (grant == null) {
                violations.add(user + ": no Permission");
                continue;
            }
            Set<String> allExchanges = new TreeSet<>(exchanges);
            allExchanges.add(Partners.inbound(OTHER_PARTNER));
            for (String exchange : allExchanges) {
                require(user + " writes", grant.write(), exchange, exchange.equals(Partners.inbound(partner)));
            }
            Set<String> allQueues = new TreeSet<>(queues.keySet());
            allQueues.addAll(List.of(Partners.replies(OTHER_PARTNER).name(), Partners.events(OTHER_PARTNER).name(),
                    Partners.orders(OTHER_PARTNER).name()));
            Set<String> own = Set.of(Partners.replies(partner).name(), Partners.events(partner).name());
            for (String queue : allQueues) {
                require(user + " reads", grant.read(), queue, own.contains(queue));
            }
            if (topicWrites.containsKey(user)) {
                violations.add(user + ": topic permissions " + topicWrites.get(user) + " (a partner publishes on its exchange only)");
            }
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private List<String> partners() {
        return OperatorResources.of(manifests, RABBITMQ, "User").stream().map(Manifest::name)
                .filter(name -> name.startsWith("partner-")).map(name -> name.substring("partner-".length())).toList();
    }

    private void queue(String name, Map<String, Object> arguments) {
        Manifest queue = queues.get(name);
        if (queue == null) {
            violations.add("queue " + name + ": no Queue object");
            return;
        }
        Map<String, Object> declared = new HashMap<>();
        Optional.ofNullable((Map<?, ?>) at(queue.raw(), "spec", "arguments")).ifPresent(a -> a.forEach((k, v) -> declared.put(String.valueOf(k), v)));
        declared.put("x-queue-type", at(queue.raw(), "spec", "type"));
        if (!declared.equals(arguments) || !Boolean.TRUE.equals(at(queue.raw(), "spec", "durable"))) {
            violations.add("queue " + name + ": declared durable=" + at(queue.raw(), "spec", "durable") + " with " + declared
                    + ", the code declares it durable with " + arguments);
        }
    }

    private void binding(String source, String destination, String key) {
        boolean found = OperatorResources.of(manifests, RABBITMQ, "Binding").stream().anyMatch(b ->
                source.equals(at(b.raw(), "spec", "source")) && destination.equals(at(b.raw(), "spec", "destination"))
                        && "queue".equals(at(b.raw(), "spec", "destinationType"))
                        && key.equals(Objects.toString(at(b.raw(), "spec", "routingKey"), "")));
        if (!found) {
            violations.add("no Binding " + source + " -> " + destination + " with routing key '" + key + "'");
        }
    }

    /** Whether a permission's regular expression reaches a name; a violation when that is not what it should. */
    private void require(String what, String regex, String name, boolean allowed) {
        boolean reaches = regex != null && Pattern.compile(regex).matcher(name).find();
        if (reaches != allowed) {
            violations.add(what + " " + name + ": " + (allowed ? "not allowed by " : "allowed by ") + regex);
        }
    }

    /**
     * The routing keys a user may publish on an exchange: none when it may not write the exchange, and every one
     * when it may but has no topic permission there (RabbitMQ's rule: topic permissions only restrict).
     */
    private String topicWrite(String user, String exchange) {
        Grant grant = grants.get(user);
        if (grant == null || grant.write() == null || !Pattern.compile(grant.write()).matcher(exchange).find()) {
            return "(?!)";
        }
        return topicWrites.getOrDefault(user, Map.of()).getOrDefault(exchange, "");
    }

    private static String user(Manifest permission) {
        return String.valueOf(Optional.ofNullable(at(permission.raw(), "spec", "userReference", "name"))
                .orElse(at(permission.raw(), "spec", "user")));
    }

    private static String string(Manifest permission, String field) {
        return (String) at(permission.raw(), "spec", "permissions", field);
    }
}
