package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.contracts.Topology.QueueSpec;
import com.forno.pizzeria.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.jms.JMSException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operator's view of a service's dead letters: {@code GET /<service>/dead-letters} lists them per queue,
 * {@code POST /<service>/dead-letters/{queue}/replay} moves them back into the queue they died in (after the cause
 * is fixed). Every WAR serves it under its own first path segment (each runs alone on its instance); a service
 * without consumers lists none. Admins only.
 */
@Path("{service: [a-z]+}/dead-letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters")
public class DeadLettersResource {

    /** A queue's dead letters (at most {@code limit} of them listed, {@code count} in all). */
    public record QueueLetters(String queue, String deadLetterQueue, long count, List<DeadLetters.DeadLetter> letters) {
    }

    public record Replayed(String queue, int replayed) {
    }

    @Inject
    DeadLetters deadLetters;

    @Inject
    Broker broker;

    @GET
    @RolesAllowed(Roles.ADMIN)
    public List<QueueLetters> list(@QueryParam("limit") @DefaultValue("20") int limit) {
        int bounded = Math.max(1, Math.min(limit, 100));
        List<QueueLetters> queues = new ArrayList<>();
        for (QueueSpec queue : deadLetters.queues()) {
            try {
                double count = broker.queueDepth(queue.deadLetterQueue());
                queues.add(new QueueLetters(queue.name(), queue.deadLetterQueue(), Double.isNaN(count) ? -1 : (long) count,
                        deadLetters.list(queue, bounded)));
            } catch (JMSException e) {
                throw new ServiceUnavailableException("RabbitMQ cannot be read now", 5L, e);
            }
        }
        return queues;
    }

    @POST
    @Path("{queue}/replay")
    @RolesAllowed(Roles.ADMIN)
    public Replayed replay(@PathParam("queue") String queue, @QueryParam("limit") @DefaultValue("100") int limit) {
        QueueSpec spec = deadLetters.queue(queue).orElseThrow(NotFoundException::new);
        try {
            return new Replayed(spec.name(), deadLetters.replay(spec, Math.max(1, Math.min(limit, 1000))));
        } catch (JMSException e) {
            throw new ServiceUnavailableException("RabbitMQ cannot be written now", 5L, e);
        }
    }
}
