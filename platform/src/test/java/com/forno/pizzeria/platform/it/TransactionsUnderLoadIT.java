package com.forno.pizzeria.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three times more transactions at once than the pool has connections (16), each writing through the EntityManager
 * and then to the outbox, as a crowd of orders does on one instance. When the outbox took a second pooled
 * connection, every transaction held one and waited for another until the pool's wait expired: none could finish.
 */
@ExtendWith(ArquillianExtension.class)
class TransactionsUnderLoadIT {

    private static final int TRANSACTIONS = 48;

    @Inject
    Probes probes;

    @Inject
    ProbeHandler.DuplicateQueue probe;

    @Resource
    ManagedThreadFactory threads;

    @Test
    void moreTransactionsThanPooledConnectionsAllCommit() {
        ExecutorService crowd = Executors.newFixedThreadPool(TRANSACTIONS, threads);
        try {
            List<CompletableFuture<UUID>> steps = IntStream.range(0, TRANSACTIONS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> step(), crowd))
                    .toList();
            List<UUID> sent = steps.stream().map(CompletableFuture::join).toList();
            assertThat(sent).hasSize(TRANSACTIONS).doesNotHaveDuplicates();
            // committed with their messages: each is relayed and applied once
            await("every message applied").atMost(Duration.ofSeconds(60))
                    .until(() -> probes.effects(sent).values().stream().allMatch(effects -> effects == 1));
        } finally {
            crowd.shutdownNow();
        }
    }

    private UUID step() {
        try {
            return probes.writeThenSend(probe, Duration.ofMillis(500));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
