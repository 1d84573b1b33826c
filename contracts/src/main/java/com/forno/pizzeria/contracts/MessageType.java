package com.forno.pizzeria.contracts;

import com.forno.pizzeria.contracts.orders.OrderCancelled;
import com.forno.pizzeria.contracts.orders.OrderConfirmed;
import com.forno.pizzeria.contracts.orders.OrderCreated;
import com.forno.pizzeria.contracts.orders.OrderRejected;
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
import java.util.Arrays;
import java.util.Optional;

/** Every payload type, its wire name (the record's simple name) and the routing key it travels with. */
public enum MessageType {

    RESERVE_STOCK(ReserveStock.class, "stock.command.reserve"),
    COMMIT_RESERVATION(CommitReservation.class, "stock.command.commit"),
    RELEASE_RESERVATION(ReleaseReservation.class, "stock.command.release"),
    STOCK_RESERVED(StockReserved.class, "stock.reply.reserved"),
    STOCK_REJECTED(StockRejected.class, "stock.reply.rejected"),
    RESERVATION_LOST(ReservationLost.class, "stock.reply.lost"),
    STOCK_LOW(StockLow.class, "stock.event.low"),
    PRODUCT_AVAILABILITY_CHANGED(ProductAvailabilityChanged.class, "stock.event.availability"),

    AUTHORIZE_PAYMENT(AuthorizePayment.class, "payments.command.authorize"),
    CAPTURE_PAYMENT(CapturePayment.class, "payments.command.capture"),
    VOID_PAYMENT(VoidPayment.class, "payments.command.void"),
    PAYMENT_AUTHORIZED(PaymentAuthorized.class, "payments.reply.authorized"),
    PAYMENT_DECLINED(PaymentDeclined.class, "payments.reply.declined"),

    ORDER_CREATED(OrderCreated.class, "orders.event.created"),
    ORDER_CONFIRMED(OrderConfirmed.class, "orders.event.confirmed"),
    ORDER_REJECTED(OrderRejected.class, "orders.event.rejected"),
    ORDER_CANCELLED(OrderCancelled.class, "orders.event.cancelled");

    private final Class<? extends Record> payloadType;
    private final String routingKey;

    MessageType(Class<? extends Record> payloadType, String routingKey) {
        this.payloadType = payloadType;
        this.routingKey = routingKey;
    }

    public String typeName() {
        return payloadType.getSimpleName();
    }

    public String routingKey() {
        return routingKey;
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
