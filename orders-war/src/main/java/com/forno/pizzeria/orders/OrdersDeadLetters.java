package com.forno.pizzeria.orders;

import com.forno.pizzeria.platform.messaging.DeadLettersResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dead letters of the queues this service consumes (list, replay): admins only. */
@Path("orders/dead-letters")
@RequestScoped
@Tag(name = "Dead letters")
public class OrdersDeadLetters extends DeadLettersResource {
}
