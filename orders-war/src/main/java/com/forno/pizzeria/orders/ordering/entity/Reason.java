package com.forno.pizzeria.orders.ordering.entity;

/** Why an order ended without being delivered. */
public enum Reason {
    OUT_OF_STOCK, PAYMENT_DECLINED, CANCELLED_BY_CUSTOMER, CANCELLED_BY_ADMIN, EXPIRED
}
