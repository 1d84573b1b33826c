package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each service shows the operator the dead letters of the queues it consumes, and only the operator. */
class DeadLettersIT {

    @ParameterizedTest
    @CsvSource({"stock, stock.commands", "orders, orders.replies", "payments, payments.commands"})
    void anAdminSeesEachQueuesDeadLettersAndNobodyElseDoes(String service, String queue) {
        JsonArray queues = Gateway.get(service + "/dead-letters", Gateway.admin()).expect(200).value().asJsonArray();

        assertThat(queues.stream().map(q -> q.asJsonObject().getString("queue"))).contains(queue);
        queues.forEach(q -> assertThat(q.asJsonObject().getString("deadLetterQueue")).endsWith(".dlq"));
        Gateway.get(service + "/dead-letters", Gateway.newCustomer("Sergio").token()).problem(403);
        Gateway.post(service + "/dead-letters/no.such.queue/replay", Gateway.admin(), Json.createObjectBuilder().build())
                .problem(404);
    }
}
