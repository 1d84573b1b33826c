package com.forno.pizzeria.contracts.orders;

/** Where an order goes, as the customer gave it (normalised): state as its UF, postal code as 00000-000. */
public record DeliveryAddress(String street, String number, String complement, String district, String city,
                              String state, String postalCode) {
}
