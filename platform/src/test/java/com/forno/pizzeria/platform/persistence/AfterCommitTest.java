package com.forno.pizzeria.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AfterCommitTest {

    final List<Synchronization> registered = new ArrayList<>();
    final TransactionSynchronizationRegistry transactions = (TransactionSynchronizationRegistry) Proxy.newProxyInstance(
            AfterCommitTest.class.getClassLoader(), new Class<?>[] {TransactionSynchronizationRegistry.class},
            (proxy, method, args) -> {
                if (!method.getName().equals("registerInterposedSynchronization")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                registered.add((Synchronization) args[0]);
                return null;
            });
    final AtomicInteger runs = new AtomicInteger();

    @Test
    void theActionRunsOnceTheTransactionCommittedAndNotBefore() {
        AfterCommit.run(transactions, runs::incrementAndGet);

        assertThat(registered).hasSize(1);
        registered.get(0).beforeCompletion();
        assertThat(runs).hasValue(0);
        registered.get(0).afterCompletion(Status.STATUS_COMMITTED);
        assertThat(runs).hasValue(1);
    }

    @Test
    void theActionNeverRunsWhenTheTransactionDidNotCommit() {
        AfterCommit.run(transactions, runs::incrementAndGet);

        for (int status : new int[] {Status.STATUS_ROLLEDBACK, Status.STATUS_UNKNOWN, Status.STATUS_MARKED_ROLLBACK}) {
            registered.get(0).afterCompletion(status);
        }
        assertThat(runs).hasValue(0);
    }
}
