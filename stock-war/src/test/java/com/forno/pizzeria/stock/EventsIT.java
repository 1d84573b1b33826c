package com.forno.pizzeria.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.contracts.stock.ProductAvailabilityChanged;
import com.forno.pizzeria.contracts.stock.ReleaseReservation;
import com.forno.pizzeria.contracts.stock.ReserveStock;
import com.forno.pizzeria.contracts.stock.StockLow;
import com.forno.pizzeria.contracts.stock.StockReserved;
import com.forno.pizzeria.testing.ClientIT;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What stock announces on the events queue: each crossing of a threshold and each flip of a product, once. */
class EventsIT extends ClientIT<Api> {

    Bus bus;

    @BeforeEach
    void client() throws Exception {
        bus = Bus.get();
    }

    @Test
    void stockLowIsAnnouncedOnceGoingDownAndOnceComingBack() throws Exception {
        String sku = api.ingredient("PEPPERONI", 1000, 300, 0);
        // a sentinel: a change of another ingredient made after each step, whose event proves the relay has
        // published everything committed before it
        String sentinel = api.ingredient("SENTINELA", 1000, 500, 0);

        api.move(sku, "WASTE", 600, "not yet low").expect(201);
        api.move(sku, "WASTE", 200, "now low").expect(201);
        api.move(sku, "WASTE", 50, "lower still").expect(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.events(StockLow.class, sku).size() >= 1);
        api.move(sku, "RESTOCK", 500, "delivery").expect(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.events(StockLow.class, sku).size() >= 2);
        api.move(sentinel, "WASTE", 600, "flush the relay").expect(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.events(StockLow.class, sentinel).size() >= 1);

        assertThat(bus.events(StockLow.class, sku)).containsExactly(
                new StockLow(sku, "Ingredient " + sku, 200, 300, true),
                new StockLow(sku, "Ingredient " + sku, 650, 300, false));
    }

    @Test
    void aProductsFlipsAreAnnouncedOnceEachWhateverCausedThem() throws Exception {
        String cheese = api.ingredient("MUCARELA", 300, 0, 0);
        String id = api.product("Quatro Queijos", Api.recipe(cheese, 100));
        UUID product = UUID.fromString(id);
        String name = api.menuItem(id).getString("name");
        UUID order = UUID.randomUUID();

        bus.send(new ReserveStock(order, List.of(new ReserveStock.Line(product, 3))), order);
        assertThat(bus.awaitReply(order)).isInstanceOf(StockReserved.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.events(ProductAvailabilityChanged.class, id).size() >= 1);
        bus.send(new ReleaseReservation(order, "PAYMENT_DECLINED"), order);
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.events(ProductAvailabilityChanged.class, id).size() >= 2);
        api.post("stock/products/" + id + "/sold-out", api.admin, null).expect(204);
        api.post("stock/products/" + id + "/sold-out", api.admin, null).expect(204);
        api.move(cheese, "RESTOCK", 1000, "more cheese while 86'd").expect(201);
        api.delete("stock/products/" + id + "/sold-out", api.admin).expect(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.events(ProductAvailabilityChanged.class, id).size() >= 4);
        // the sentinel: one more flip, after which every earlier announcement must have arrived
        api.move(cheese, "WASTE", 1300, "all gone").expect(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.events(ProductAvailabilityChanged.class, id).size() >= 5);

        assertThat(bus.events(ProductAvailabilityChanged.class, id)).containsExactly(
                new ProductAvailabilityChanged(product, name, 0, true),
                new ProductAvailabilityChanged(product, name, 3, false),
                new ProductAvailabilityChanged(product, name, 3, true),
                new ProductAvailabilityChanged(product, name, 13, false),
                new ProductAvailabilityChanged(product, name, 0, true));
    }

    @Test
    void onlyTheProductsWhoseRecipeTheChangeCrossedFlip() throws Exception {
        // one cheese, two sizes: a change flips a product only when its recipe's quantity lies between the free
        // quantity before and after; the other product's state is left as it is (and its row unlocked)
        String cheese = api.ingredient("MUCARELA", 500, 0, 0);
        String large = api.product("Grande de queijo", Api.recipe(cheese, 300));
        String small = api.product("Broto de queijo", Api.recipe(cheese, 100));
        String largeName = api.menuItem(large).getString("name");
        String smallName = api.menuItem(small).getString("name");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        bus.send(new ReserveStock(first, List.of(new ReserveStock.Line(UUID.fromString(small), 2))), first);
        assertThat(bus.awaitReply(first)).isInstanceOf(StockReserved.class); // free 500 -> 300: the large still fits
        bus.send(new ReserveStock(second, List.of(new ReserveStock.Line(UUID.fromString(small), 1))), second);
        assertThat(bus.awaitReply(second)).isInstanceOf(StockReserved.class); // 300 -> 200: the large is off
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.events(ProductAvailabilityChanged.class, large).size() >= 1);
        bus.send(new ReleaseReservation(first, "PAYMENT_DECLINED"), first); // 200 -> 400: the large is back
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.events(ProductAvailabilityChanged.class, large).size() >= 2);
        api.move(cheese, "WASTE", 400, "all gone").expect(201); // 400 -> 0: both are off
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.events(ProductAvailabilityChanged.class, small).size() >= 1
                && bus.events(ProductAvailabilityChanged.class, large).size() >= 3);

        assertThat(bus.events(ProductAvailabilityChanged.class, large)).containsExactly(
                new ProductAvailabilityChanged(UUID.fromString(large), largeName, 0, true),
                new ProductAvailabilityChanged(UUID.fromString(large), largeName, 1, false),
                new ProductAvailabilityChanged(UUID.fromString(large), largeName, 0, true));
        assertThat(bus.events(ProductAvailabilityChanged.class, small)).containsExactly(
                new ProductAvailabilityChanged(UUID.fromString(small), smallName, 0, true));
    }
}
