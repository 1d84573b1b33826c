package com.forno.pizzeria.payments;

import static com.forno.pizzeria.payments.AuthorizationIT.authorized;
import static com.forno.pizzeria.payments.AuthorizationIT.declined;
import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.contracts.payments.PaymentAuthorized;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /payments?orderId= and GET /payments/{id}: the paying customer and admins; nobody else learns anything. */
class PaymentsResourceIT extends OverTheBus {

    @Test
    void theOwnerSeesTheirPaymentInTheOrdersListAndById() throws Exception {
        PaymentAuthorized authorized = authorized(bus.authorize(order, customer, 4590, "tok_approved"));

        var list = api.get("payments?orderId=" + order, Api.customer(customer)).expect(200).array();

        assertThat(list).hasSize(1);
        JsonObject payment = list.getJsonObject(0);
        assertThat(payment.keySet()).containsExactlyInAnyOrder("id", "orderId", "status", "amountCents", "createdAt");
        assertThat(payment.getString("id")).isEqualTo(authorized.paymentId().toString());
        assertThat(payment.getString("orderId")).isEqualTo(order.toString());
        assertThat(payment.getString("status")).isEqualTo("AUTHORIZED");
        assertThat(payment.getJsonNumber("amountCents").longValue()).isEqualTo(4590);
        assertThat(payment.getString("createdAt")).endsWith("Z");
        assertThat(api.get("payments/" + authorized.paymentId(), Api.customer(customer)).expect(200).json())
                .isEqualTo(payment);
    }

    @Test
    void aDeclineShowsItsReason() throws Exception {
        declined(bus.authorize(order, customer, 4590, "tok_insufficient_funds"));

        var list = api.get("payments?orderId=" + order, Api.customer(customer)).expect(200).array();

        assertThat(list.getJsonObject(0).getString("status")).isEqualTo("DECLINED");
        assertThat(list.getJsonObject(0).getString("reason")).isEqualTo("INSUFFICIENT_FUNDS");
    }

    @Test
    void anotherCustomerSeesNoPaymentsAndGets404ById() throws Exception {
        PaymentAuthorized authorized = authorized(bus.authorize(order, customer, 4590, "tok_approved"));
        String stranger = Api.customer(UUID.randomUUID());

        assertThat(api.get("payments?orderId=" + order, stranger).expect(200).array()).isEmpty();
        api.get("payments/" + authorized.paymentId(), stranger).problem(404);
    }

    @Test
    void anAdminSeesEveryonesPayments() throws Exception {
        PaymentAuthorized authorized = authorized(bus.authorize(order, customer, 4590, "tok_approved"));

        var list = api.get("payments?orderId=" + order, Api.admin()).expect(200).array();

        assertThat(list).hasSize(1);
        assertThat(list.getJsonObject(0).getString("id")).isEqualTo(authorized.paymentId().toString());
        api.get("payments/" + authorized.paymentId(), Api.admin()).expect(200);
    }

    @Test
    void anOrderWithoutPaymentsHasAnEmptyListAndAnUnknownPaymentIs404() {
        assertThat(api.get("payments?orderId=" + order, Api.customer(customer)).expect(200).array()).isEmpty();
        api.get("payments/" + UUID.randomUUID(), Api.admin()).problem(404);
    }

    @Test
    void withoutATokenEveryCallIs401() {
        api.get("payments?orderId=" + order, null).problem(401);
        api.get("payments/" + UUID.randomUUID(), null).problem(401);
    }

    @Test
    void kitchenStaffHaveNoAccessToPayments() {
        api.get("payments?orderId=" + order, Api.kitchen()).problem(403);
    }

    @Test
    void theOrderIdIsRequiredAndMustBeAUuid() {
        for (String query : new String[] {"payments", "payments?orderId=", "payments?orderId=not-a-uuid",
                "payments?orderId=1-2-3-4-5"}) {
            JsonObject problem = api.get(query, Api.customer(customer)).problem(400);

            assertThat(problem.getString("type")).as(query).endsWith("/validation");
            assertThat(problem.getJsonArray("violations").getJsonObject(0).getString("field")).isEqualTo("orderId");
        }
    }
}
