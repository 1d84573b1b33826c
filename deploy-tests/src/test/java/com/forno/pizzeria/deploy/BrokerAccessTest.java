package com.forno.pizzeria.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.deploy.Manifests.Manifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The prod overlay's broker users, permissions and topology against contracts ({@link BrokerAccess}), and proof,
 * on copies of it with one thing changed, that each kind of excess or gap is caught.
 */
class BrokerAccessTest {

    private static List<Manifest> prod() {
        return Manifests.overlay("prod");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"prod", "eks"})
    void prodGivesEachServiceAndPartnerExactlyWhatTheCodeNeeds(String overlay) {
        assertThat(BrokerAccess.violations(Manifests.overlay(overlay))).isEmpty();
    }

    @Test
    void eachUserIsNamedAfterTheUsernameOfItsCredentials() {
        Map<String, String> usernames = new LinkedHashMap<>();
        for (var secret : Schema.all(Manifests.madeSecrets("prod"), io.kubernetes.client.openapi.models.V1Secret.class)) {
            byte[] username = secret.getData() == null ? null : secret.getData().get("username");
            if (username != null) {
                usernames.put(secret.getMetadata().getName(), new String(username, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        List<Manifest> users = OperatorResources.of(prod(), OperatorResources.RABBITMQ, "User");
        assertThat(users).extracting(Manifest::name)
                .containsExactlyInAnyOrder("pizzeria-orders", "pizzeria-stock", "pizzeria-payments", "partner-ifood");
        for (Manifest user : users) {
            Object secret = OperatorResources.at(user.raw(), "spec", "importCredentialsSecret", "name");
            assertThat(usernames.get(String.valueOf(secret))).as(user.toString()).isEqualTo(user.name());
        }
    }

    @Test
    void aServiceThatMayReadAnotherServicesQueueIsCaught() {
        List<String> violations = BrokerAccess.violations(changed("Permission", "pizzeria-payments",
                permissions -> put(permissions, "read", "^(payments\\.commands|payments\\.commands\\.dlq|stock\\.commands)$")));
        assertThat(violations).contains("pizzeria-payments (not its consumer) reads stock.commands: allowed by "
                + "^(payments\\.commands|payments\\.commands\\.dlq|stock\\.commands)$");
    }

    @Test
    void aServiceThatMayForgeAnotherServicesMessagesIsCaught() {
        List<String> violations = BrokerAccess.violations(changed("TopicPermission", "pizzeria-stock.messages",
                permissions -> put(permissions, "write", ".*")));
        assertThat(violations).anyMatch(line -> line.startsWith("pizzeria-stock publishes payments.reply.authorized: allowed by"))
                .anyMatch(line -> line.startsWith("pizzeria-stock publishes stock.command.reserve: allowed by"));
    }

    @Test
    void aServiceWithoutTopicPermissionsMayPublishAnythingAndIsCaught() {
        List<Manifest> without = new ArrayList<>(prod());
        without.removeIf(m -> m.kind().equals("TopicPermission") && m.name().equals("pizzeria-payments.messages"));
        assertThat(BrokerAccess.violations(without)).anyMatch(line -> line.startsWith("pizzeria-payments publishes stock.command.reserve"));
    }

    @Test
    void aServiceThatCannotReadItsOwnQueueIsCaught() {
        List<String> violations = BrokerAccess.violations(changed("Permission", "pizzeria-orders",
                permissions -> put(permissions, "read", "^(orders\\.replies|orders\\.replies\\.dlq)$")));
        assertThat(violations).anyMatch(line -> line.startsWith("pizzeria-orders reads orders.reporting: not allowed by"));
    }

    @Test
    void aPartnerThatReachesAnotherPartnersQueueOrExchangeIsCaught() {
        List<String> violations = BrokerAccess.violations(changed("Permission", "partner-ifood", permissions -> {
            put(permissions, "read", "^integrations\\..*\\.(replies|events)$");
            put(permissions, "write", "^integrations\\.[a-z-]+\\.in$");
        }));
        assertThat(violations).anyMatch(line -> line.startsWith("partner-ifood reads integrations.someone-else.replies: allowed by"))
                .anyMatch(line -> line.startsWith("partner-ifood writes integrations.someone-else.in: allowed by"));
    }

    @Test
    void aUserThatMayConfigureIsCaught() {
        List<String> violations = BrokerAccess.violations(changed("Permission", "pizzeria-stock",
                permissions -> put(permissions, "configure", ".*")));
        assertThat(violations).contains("pizzeria-stock: may configure .* (the operator declares everything)");
    }

    @Test
    void aQueueDeclaredOtherwiseThanTheCodeOrWithoutItsPolicyIsCaught() {
        List<String> violations = BrokerAccess.violations(changed("Queue", "stock.commands",
                spec -> ((Map<String, Object>) spec.get("arguments")).put("x-delivery-limit", 50)));
        assertThat(violations).anyMatch(line -> line.startsWith("queue stock.commands: declared durable=true with"))
                .anyMatch(line -> line.startsWith("queue stock.commands: policy work-queues has delivery-limit 5"));

        List<Manifest> withoutPolicy = new ArrayList<>(prod());
        withoutPolicy.removeIf(m -> m.kind().equals("Policy") && m.name().equals("partner-buffers"));
        assertThat(BrokerAccess.violations(withoutPolicy)).contains("queue integrations.ifood.replies: 0 policies apply ([]), not one");
    }

    // --- a copy of prod with one object's spec (or spec.permissions) changed ---------------------------------

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> map, String key, Object value) {
        map.put(key, value);
    }

    @SuppressWarnings("unchecked")
    private static List<Manifest> changed(String kind, String name, java.util.function.Consumer<Map<String, Object>> change) {
        List<Manifest> copy = new ArrayList<>();
        for (Manifest manifest : prod()) {
            if (manifest.kind().equals(kind) && manifest.name().equals(name)) {
                Map<String, Object> raw = deepCopy(manifest.raw());
                Map<String, Object> spec = (Map<String, Object>) raw.get("spec");
                change.accept(spec.containsKey("permissions") ? (Map<String, Object>) spec.get("permissions") : spec);
                copy.add(new Manifest(manifest.source(), raw));
            } else {
                copy.add(manifest);
            }
        }
        assertThat(copy).as("the object to change").anyMatch(m -> m.kind().equals(kind) && m.name().equals(name));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            return (T) new ArrayList<>(list.stream().map(BrokerAccessTest::deepCopy).toList());
        }
        return value;
    }

}
