package com.forno.pizzeria.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.concurrent.TimeUnit;

/**
 * The tests' own RabbitMQ node, stopped and started from inside the container with the script Maven starts it with
 * (its path and settings come from failsafe's environment, which the Payara process inherits).
 */
final class ThrowawayBroker {

    private ThrowawayBroker() {
    }

    /** Stops the node gracefully; its quorum queues keep their messages for the next start. */
    static void stop() {
        run("stop");
    }

    static void start() {
        run("start");
    }

    private static void run(String command) {
        String script = System.getenv("IT_RABBITMQ_SCRIPT");
        assertThat(script).as("IT_RABBITMQ_SCRIPT (set by failsafe)").isNotBlank();
        try {
            Process process = new ProcessBuilder(script, command)
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(new File(System.getenv("IT_RABBITMQ_DIR"), "control.log")))
                    .start();
            boolean ended = process.waitFor(2, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly();
            }
            assertThat(ended && process.exitValue() == 0).as("throwaway-rabbitmq.sh " + command + " succeeded").isTrue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
