package com.forno.pizzeria.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.persistence.descriptors.RelationalDescriptor;
import org.eclipse.persistence.mappings.AggregateObjectMapping;
import org.eclipse.persistence.mappings.DirectToFieldMapping;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Project;
import org.junit.jupiter.api.Test;

class SnakeCaseColumnsTest {

    static class Ledger {
    }

    @Test
    void spellsAnAttributeInSnakeCase() {
        assertThat(SnakeCaseColumns.snakeCase("onHandDelta")).isEqualTo("on_hand_delta");
        assertThat(SnakeCaseColumns.snakeCase("postalCode")).isEqualTo("postal_code");
        assertThat(SnakeCaseColumns.snakeCase("amountCents")).isEqualTo("amount_cents");
        assertThat(SnakeCaseColumns.snakeCase("sku")).isEqualTo("sku");
    }

    @Test
    void namesEveryDefaultedColumnAfterItsAttributeAndKeepsTheOnesTheEntityNamed() {
        RelationalDescriptor ledger = new RelationalDescriptor();
        ledger.setJavaClass(Ledger.class);
        ledger.setTableName("movement");
        // what EclipseLink's annotation processing leaves: defaults upper-cased, explicit names as written
        DirectToFieldMapping onHandDelta = direct(ledger, "onHandDelta", "ONHANDDELTA");
        DirectToFieldMapping createdAt = direct(ledger, "createdAt", "createdAt");
        DirectToFieldMapping sku = direct(ledger, "sku", "ingredient_sku");
        DirectToFieldMapping orderId = direct(ledger, "orderId", "order_ref");
        DirectToFieldMapping name = direct(ledger, "name", "NAME");
        AggregateObjectMapping address = new AggregateObjectMapping();
        address.setAttributeName("deliveryAddress");
        ledger.addMapping(address);
        Project project = new Project(new DatabaseLogin());
        project.addDescriptor(ledger);

        new SnakeCaseColumns().customize(project.createDatabaseSession());

        assertThat(onHandDelta.getField().getName()).isEqualTo("on_hand_delta");
        assertThat(createdAt.getField().getName()).isEqualTo("created_at");
        assertThat(sku.getField().getName()).isEqualTo("ingredient_sku");
        assertThat(orderId.getField().getName()).isEqualTo("order_ref");
        assertThat(name.getField().getName()).isEqualTo("NAME");
        assertThat(address.getField()).isNull();
    }

    private static DirectToFieldMapping direct(RelationalDescriptor descriptor, String attribute, String column) {
        return (DirectToFieldMapping) descriptor.addDirectMapping(attribute, column);
    }
}
