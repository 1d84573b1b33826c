package com.forno.pizzeria.payments.charges.boundary;

import com.forno.pizzeria.platform.openapi.ProblemResponse;
import com.forno.pizzeria.payments.charges.control.Payments;
import com.forno.pizzeria.platform.problems.Violations;
import com.forno.pizzeria.platform.security.Caller;
import com.forno.pizzeria.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reading payments: the customer who placed the order, or an admin. Kitchen staff have no business with card
 * payments (403). Someone else's payment is never revealed: by id it answers 404, and in an order's list it is
 * simply absent, so the list answers the same for someone else's order and for an order without payments.
 */
@Path("payments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
@Tag(name = "Payments")
public class PaymentsResource {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Inject
    Payments payments;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The payments of an order: yours, or anyone's for an admin")
    @ProblemResponse(status = 400, description = "orderId is missing or not a UUID")
    public List<PaymentView> ofOrder(
            @Parameter(description = "The order's id (a UUID)", required = true) @QueryParam("orderId") String orderId) {
        return payments.ofOrder(uuid("orderId", orderId)).stream()
                .filter(payment -> caller.mayAccess(payment.customerId()))
                .map(PaymentView::from)
                .toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A payment: yours, or anyone's for an admin")
    @ProblemResponse(status = 404, description = "No such payment, or not yours")
    public PaymentView get(@PathParam("id") UUID id) {
        return payments.find(id)
                .filter(payment -> caller.mayAccess(payment.customerId()))
                .map(PaymentView::from)
                .orElseThrow(NotFoundException::new);
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new Violations(field, "is required");
        }
        // UUID.fromString alone would take "1-2-3-4-5"
        if (!UUID_TEXT.matcher(value).matches()) {
            throw new Violations(field, "must be a UUID");
        }
        return UUID.fromString(value);
    }
}
