package com.forno.pizzeria.payments;

import com.forno.pizzeria.platform.messaging.DeadLettersResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dead letters of the queues this service consumes (list, replay): admins only. */
@Path("payments/dead-letters")
@RequestScoped
@Tag(name = "Dead letters")
public class PaymentsDeadLetters extends DeadLettersResource {
}
