package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.contracts.Topology;
import com.forno.pizzeria.contracts.Topology.QueueSpec;
import com.rabbitmq.jms.admin.RMQDestination;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The messages this service's queues gave up on: listed for the operator (secrets such as a card token blanked), and
 * replayed into the queue they died in once the cause is fixed. A replay moves each message in one AMQP transaction
 * (publish and acknowledge together), so a message is never lost nor doubled by the move itself; it goes through
 * the replay exchange by the queue's name, the one way the service's broker user may put a message back.
 */
@ApplicationScoped
public class DeadLetters {

    /** A dead letter as the operator sees it; {@code body} is the envelope's JSON text, its secrets blanked. */
    public record DeadLetter(String messageId, String type, String correlationId, String body) {
    }

    @Inject
    Broker broker;

    @Inject
    @Any
    Instance<MessageHandler> handlers;

    /** The queues this service consumes, whose dead letters it owns. */
    public List<QueueSpec> queues() {
        return handlers.stream().map(MessageHandler::queue).toList();
    }

    public Optional<QueueSpec> queue(String name) {
        return queues().stream().filter(q -> q.name().equals(name)).findFirst();
    }

    public List<DeadLetter> list(QueueSpec queue, int limit) throws JMSException {
        try (Session session = connection(broker.consuming()).createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(deadLetterQueue(queue))) {
            List<DeadLetter> letters = new ArrayList<>();
            for (Object element : Collections.list(browser.getEnumeration())) {
                if (letters.size() == limit) {
                    break;
                }
                Message message = (Message) element;
                String type = message.getStringProperty(Broker.MESSAGE_TYPE);
                letters.add(new DeadLetter(message.getStringProperty(Broker.MESSAGE_ID), type,
                        message.getJMSCorrelationID(), Secrets.redact(Envelopes.text(message), type)));
            }
            return letters;
        }
    }

    /**
     * Moves up to {@code limit} dead letters back to their queue; returns how many moved. Only those there when the
     * replay starts: a letter that fails again at once comes back while the replay runs, and must not go round again.
     */
    public int replay(QueueSpec queue, int limit) throws JMSException {
        double waiting = broker.queueDepth(queue.deadLetterQueue());
        if (Double.isNaN(waiting)) {
            throw new JMSException("RabbitMQ is not connected");
        }
        limit = Math.min(limit, (int) waiting);
        try (Session session = connection(broker.publishing()).createSession(Session.SESSION_TRANSACTED);
             MessageConsumer dead = session.createConsumer(deadLetterQueue(queue));
             MessageProducer back = session.createProducer(
                     new RMQDestination(queue.name(), Topology.REPLAY_EXCHANGE, queue.name(), null))) {
            int moved = 0;
            while (moved < limit) {
                Message message = dead.receive(500);
                if (message == null) {
                    break;
                }
                back.send(Envelopes.toMessage(session, Envelopes.text(message),
                        message.getStringProperty(Broker.MESSAGE_ID), message.getStringProperty(Broker.MESSAGE_TYPE),
                        message.getJMSCorrelationID()));
                session.commit();
                moved++;
            }
            return moved;
        }
    }

    private static RMQDestination deadLetterQueue(QueueSpec queue) {
        return new RMQDestination(queue.deadLetterQueue(), null, null, queue.deadLetterQueue());
    }

    private static Connection connection(Connection connection) throws JMSException {
        if (connection == null) {
            throw new JMSException("RabbitMQ is not connected");
        }
        return connection;
    }
}
