package com.forno.pizzeria.orders.ordering.boundary;

import com.forno.pizzeria.platform.openapi.SuccessResponse;
import com.forno.pizzeria.platform.openapi.ProblemResponse;
import com.forno.pizzeria.orders.ordering.control.Menu;
import com.forno.pizzeria.orders.ordering.control.Ordering;
import com.forno.pizzeria.orders.ordering.control.Pricing;
import com.forno.pizzeria.orders.ordering.entity.Order;
import com.forno.pizzeria.orders.ordering.entity.OrderStatus;
import com.forno.pizzeria.orders.reporting.control.Reports;
import com.forno.pizzeria.orders.saga.control.Decisions;
import com.forno.pizzeria.orders.saga.control.Saga;
import com.forno.pizzeria.platform.addresses.Address;
import com.forno.pizzeria.platform.paging.Page;
import com.forno.pizzeria.platform.problems.QueryParameters;
import com.forno.pizzeria.platform.problems.Violations;
import com.forno.pizzeria.platform.security.Caller;
import com.forno.pizzeria.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Orders: a customer places one (answered PENDING, or decided with {@code Prefer: wait=N}); everyone reads what
 * they may see; the customer or an admin cancels; the kitchen moves it along. Others' orders answer 404.
 */
@Path("orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrdersResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    Menu menu;

    @Inject
    Ordering ordering;

    @Inject
    Saga saga;

    @Inject
    Decisions decisions;

    @Inject
    Reports reports;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "Place an order (Idempotency-Key required; Prefer: wait=N to get the decision)")
    @SuccessResponse(status = 201, description = "The order: PENDING, or decided when the client waited; the same order again for the same key and body", body = OrderView.class)
    @ProblemResponse(status = 422, description = "The Idempotency-Key was used for a different order, or a product is not on the menu")
    @ProblemResponse(status = 503, description = "The menu cannot be read right now (or the database is away): no order taken; safe to retry with the same key")
    public CompletionStage<Response> place(@Parameter(required = true, description = "Unique per order (1 to 128 "
                                                   + "characters): the same key and body again answer the same order")
                                           @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                                           @Parameter(description = "wait=N (N up to 10): answer once the order is "
                                                   + "decided, or after N seconds")
                                           @HeaderParam("Prefer") String prefer,
                                           @Valid @NotNull OrderRequest request) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
            throw new Violations(IDEMPOTENCY_KEY, "this header is required (1 to 128 characters), unique per order");
        }
        UUID customer = caller.id();
        String fingerprint = request.fingerprint();
        Order order = ordering.placedBefore(customer, idempotencyKey, fingerprint)
                .orElseGet(() -> placeOnce(customer, idempotencyKey, fingerprint, request));

        Duration wait = Prefer.waitOf(prefer);
        if (wait.isZero() || !order.status().undecided()) {
            return CompletableFuture.completedFuture(created(order, wait));
        }
        UUID id = order.id();
        return decisions.await(id, wait, () -> created(ordering.reread(id), wait));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.KITCHEN, Roles.ADMIN})
    @Operation(summary = "An order with its timeline")
    public OrderView get(@PathParam("id") UUID id) {
        return OrderView.from(visible(id));
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.KITCHEN, Roles.ADMIN})
    @Operation(summary = "Orders, newest first: a customer's own (as placed); everyone's for the kitchen and admins,"
            + " from the read side, also by local day, channel and id prefix (q)")
    @ProblemResponse(status = 400, description = "status, from, to, day, channel, q, limit or offset is not valid")
    public Page<OrderView> list(@QueryParam("status") String status,
                                @QueryParam("from") String from,
                                @QueryParam("to") String to,
                                @QueryParam("day") String day,
                                @QueryParam("channel") String channel,
                                @QueryParam("q") String idPrefix,
                                @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        OrderStatus wanted = status(status);
        if (caller.is(Roles.KITCHEN) || caller.isAdmin()) {
            var filter = new Reports.OrderFilter(wanted == null ? null : wanted.name(), QueryParameters.instant("from", from),
                    QueryParameters.instant("to", to), QueryParameters.day("day", day), channel(channel), idPrefix(idPrefix));
            return reports.orders(filter, limit, offset).map(OrderView::from);
        }
        // a customer reads the write side: an order placed a moment ago is there at once
        return ordering.list(caller.id(), wanted, QueryParameters.instant("from", from), QueryParameters.instant("to", to), limit, offset)
                .map(OrderView::from);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Cancel: the customer before confirmation, an admin until delivery")
    @ProblemResponse(status = 409, description = "Too late to cancel")
    public OrderView cancel(@PathParam("id") UUID id) {
        visible(id);
        return OrderView.from(saga.cancel(id, caller.isAdmin()));
    }

    @POST
    @Path("{id}/status")
    @RolesAllowed({Roles.KITCHEN, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Kitchen steps: PREPARING, OUT_FOR_DELIVERY, DELIVERED, in this order")
    @ProblemResponse(status = 409, description = "Not the order's next step")
    public OrderView advance(@PathParam("id") UUID id, @Valid @NotNull StatusChange change) {
        visible(id);
        return OrderView.from(saga.advance(id, OrderStatus.valueOf(change.status())));
    }

    private Order placeOnce(UUID customer, String idempotencyKey, String fingerprint, OrderRequest request) {
        var lines = Pricing.price(request.wanted(),
                menu.covering(request.wanted().stream().map(Pricing.Wanted::productId).toList()));
        Address address = request.deliveryAddress() == null ? null : new Address(request.deliveryAddress());
        try {
            return ordering.place(customer, idempotencyKey, fingerprint, lines, address, request.payment().cardToken());
        } catch (PersistenceException | TransactionalException raced) {
            // a concurrent request with the same key won the unique (customer, key): answer as a replay
            return ordering.placedBeforeByTheWinner(customer, idempotencyKey, fingerprint).orElseThrow(() -> raced);
        }
    }

    private static Response created(Order order, Duration wait) {
        var response = Response.created(URI.create("/orders/" + order.id())).entity(OrderView.from(order));
        if (!wait.isZero()) {
            response.header("Preference-Applied", "wait=" + wait.toSeconds());
        }
        return response.build();
    }

    /** The order, if the caller may see it: the customer's own, or anyone's for the kitchen and admins. */
    private Order visible(UUID id) {
        Order order = ordering.find(id).orElseThrow(NotFoundException::new);
        boolean staff = caller.isAdmin() || caller.is(Roles.KITCHEN);
        if (!staff && !order.customerId().equals(caller.id())) {
            throw new NotFoundException();
        }
        return order;
    }

    private static OrderStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return Arrays.stream(OrderStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> new Violations("status", "must be one of " + Arrays.toString(OrderStatus.values())));
    }

    private static String channel(String value) {
        return matching("channel", value, "[A-Za-z0-9_-]{1,40}", "must be a channel such as WEB")
                .map(channel -> channel.toUpperCase(Locale.ROOT)).orElse(null);
    }

    private static String idPrefix(String value) {
        return matching("q", value, "(?i)[0-9a-f-]{1,36}",
                "must be the start of an order id (hexadecimal digits and dashes)")
                .map(prefix -> prefix.toLowerCase(Locale.ROOT)).orElse(null);
    }

    /** An optional query parameter: empty when absent or blank; a violation when it does not match. */
    private static Optional<String> matching(String parameter, String value, String pattern, String violation) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (!value.matches(pattern)) {
            throw new Violations(parameter, violation);
        }
        return Optional.of(value);
    }
}
