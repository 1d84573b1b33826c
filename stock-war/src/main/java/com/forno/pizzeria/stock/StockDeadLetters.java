package com.forno.pizzeria.stock;

import com.forno.pizzeria.platform.messaging.DeadLettersResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dead letters of the queues this service consumes (list, replay): admins only. */
@Path("stock/dead-letters")
@RequestScoped
@Tag(name = "Dead letters")
public class StockDeadLetters extends DeadLettersResource {
}
