package com.forno.pizzeria.orders;

import com.forno.pizzeria.testing.ClientIT;
import org.junit.jupiter.api.BeforeEach;

/** A container test of orders-war with its fake neighbours (stock and payments) answering over the broker. */
abstract class AmongNeighbours extends ClientIT<Api> {

    Neighbours neighbours;

    @BeforeEach
    void meetTheNeighbours() {
        neighbours = Neighbours.get();
    }
}
