package com.forno.pizzeria.contracts;

import com.forno.pizzeria.contracts.orders.OrderCancelled;
import com.forno.pizzeria.contracts.orders.OrderConfirmed;
import com.forno.pizzeria.contracts.orders.OrderCreated;
import com.forno.pizzeria.contracts.orders.OrderRejected;
import com.forno.pizzeria.contracts.orders.OrderStatusChanged;
import com.forno.pizzeria.contracts.payments.AuthorizePayment;
import com.forno.pizzeria.contracts.payments.CapturePayment;
import com.forno.pizzeria.contracts.payments.PaymentAuthorized;
import com.forno.pizzeria.contracts.payments.PaymentDeclined;
import com.forno.pizzeria.contracts.payments.VoidPayment;
import com.forno.pizzeria.contracts.stock.CommitReservation;
import com.forno.pizzeria.contracts.stock.ProductAvailabilityChanged;
import com.forno.pizzeria.contracts.stock.ReleaseReservation;
import com.forno.pizzeria.contracts.stock.ReservationLost;
import com.forno.pizzeria.contracts.stock.ReserveStock;
import com.forno.pizzeria.contracts.stock.StockLow;
import com.forno.pizzeria.contracts.stock.StockRejected;
import com.forno.pizzeria.contracts.stock.StockReserved;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every payload type, its wire name (the record's simple name), the routing key it travels with and the service that
 * sends it.
 */
public enum MessageType {

    RESERVE_STOCK(ReserveStock.class, "stock.command.reserve", Service.ORDERS),
    COMMIT_RESERVATION(CommitReservation.class, "stock.command.commit", Service.ORDERS),
    RELEASE_RESERVATION(ReleaseReservation.class, "stock.command.release", Service.ORDERS),
    STOCK_RESERVED(StockReserved.class, "stock.reply.reserved", Service.STOCK),
    STOCK_REJECTED(StockRejected.class, "stock.reply.rejected", Service.STOCK),
    RESERVATION_LOST(ReservationLost.class, "stock.reply.lost", Service.STOCK),
    STOCK_LOW(StockLow.class, "stock.event.low", Service.STOCK),
    PRODUCT_AVAILABILITY_CHANGED(ProductAvailabilityChanged.class, "stock.event.availability", Service.STOCK),

    AUTHORIZE_PAYMENT(AuthorizePayment.class, "payments.command.authorize", Service.ORDERS),
    CAPTURE_PAYMENT(CapturePayment.class, "payments.command.capture", Service.ORDERS),
    VOID_PAYMENT(VoidPayment.class, "payments.command.void", Service.ORDERS),
    PAYMENT_AUTHORIZED(PaymentAuthorized.class, "payments.reply.authorized", Service.PAYMENTS),
    PAYMENT_DECLINED(PaymentDeclined.class, "payments.reply.declined", Service.PAYMENTS),

    ORDER_CREATED(OrderCreated.class, "orders.event.created", Service.ORDERS),
    ORDER_CONFIRMED(OrderConfirmed.class, "orders.event.confirmed", Service.ORDERS),
    ORDER_REJECTED(OrderRejected.class, "orders.event.rejected", Service.ORDERS),
    ORDER_CANCELLED(OrderCancelled.class, "orders.event.cancelled", Service.ORDERS),
    ORDER_STATUS_CHANGED(OrderStatusChanged.class, "orders.event.status", Service.ORDERS);

    private final Class<? extends Record> payloadType;
    private final String routingKey;
    private final Service publisher;

    MessageType(Class<? extends Record> payloadType, String routingKey, Service publisher) {
        this.payloadType = payloadType;
        this.routingKey = routingKey;
        this.publisher = publisher;
    }

    public String typeName() {
        return payloadType.getSimpleName();
    }

    public String routingKey() {
        return routingKey;
    }

    /** The one service that sends this message: its broker user may publish this routing key, no other may. */
    public Service publisher() {
        return publisher;
    }

    /** The payload's {@link Secret} fields, by their JSON names (the record components'). */
    public List<String> secrets() {
        return Arrays.stream(payloadType.getRecordComponents())
                .filter(component -> component.isAnnotationPresent(Secret.class))
                .map(RecordComponent::getName)
                .toList();
    }

    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    public static MessageType of(Class<?> payloadType) {
        return Arrays.stream(values()).filter(t -> t.payloadType == payloadType).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a contract message: " + payloadType.getName()));
    }

    public static Optional<MessageType> named(String typeName) {
        return Arrays.stream(values()).filter(t -> t.typeName().equals(typeName)).findFirst();
    }
}
