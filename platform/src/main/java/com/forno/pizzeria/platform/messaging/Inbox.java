package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.platform.persistence.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The ids of the messages this service has applied. Recording an id shares the transaction of the message's
 * effect, so "applied" and "recorded" commit or roll back together. The primary key makes a concurrent duplicate
 * (two instances given the same message) wait for the first and then find it.
 */
@ApplicationScoped
public class Inbox {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** Records the message; {@code false} when it was already applied (a redelivery or a duplicate publish). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(Envelope message) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into inbox (message_id, type) values (?, ?) on conflict do nothing")) {
            insert.setObject(1, message.id());
            insert.setString(2, message.type());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("recording the message in the inbox failed", e);
        }
    }
}
