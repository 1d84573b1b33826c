package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** orders runs twice behind nginx: both instances serve, and losing one does not fail requests. */
class BalancingAndFailoverIT {

    private static final Pattern UPSTREAM = Pattern.compile("rid=(\\S+) upstream=127\\.0\\.0\\.1:(\\d+)");

    @Test
    void requestsReachBothOrdersInstances() throws Exception {
        var customer = Gateway.newCustomer("Fabio");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "lb-" + UUID.randomUUID();
            ids.add(id);
            Gateway.answer(Gateway.at("orders", customer.token()).header("X-Request-Id", id).get()).expect(200);
        }

        Set<Integer> ports = new HashSet<>();
        for (String line : Stack.gatewayLog()) {
            Matcher matcher = UPSTREAM.matcher(line);
            if (matcher.find() && ids.contains(matcher.group(1))) {
                ports.add(Integer.parseInt(matcher.group(2)));
            }
        }
        assertThat(ports).containsExactlyInAnyOrder(Stack.port("orders-1"), Stack.port("orders-2"));
    }

    @Test
    void aKilledOrdersInstanceDoesNotFailRequestsThroughTheGateway() throws Exception {
        var customer = Gateway.newCustomer("Gil");
        Stack.kill("orders-1");
        try {
            for (int i = 0; i < 30; i++) {
                Gateway.get("orders", customer.token()).expect(200);
                Gateway.get("pedidos?limit=5", customer.token()).expect(200);
            }
        } finally {
            Stack.up();
        }
        await().atMost(Duration.ofMinutes(3)).until(() -> Stack.ready("orders-1"));
    }
}
