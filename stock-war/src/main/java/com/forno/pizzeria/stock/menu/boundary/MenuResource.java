package com.forno.pizzeria.stock.menu.boundary;

import com.forno.pizzeria.stock.menu.control.Availability;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The menu, live: every active product with how many can be made now. Public; one SQL statement per call. */
@Path("stock/menu")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Menu")
public class MenuResource {

    @Inject
    Availability availability;

    @GET
    @PermitAll
    @Operation(summary = "Every active product with how many units can be made now, and whether it is sold out")
    public List<MenuItem> menu() {
        return availability.menu().stream().map(MenuItem::from).toList();
    }
}
