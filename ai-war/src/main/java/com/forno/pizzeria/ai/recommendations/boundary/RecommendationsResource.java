package com.forno.pizzeria.ai.recommendations.boundary;

import com.forno.pizzeria.platform.openapi.ProblemResponse;
import com.forno.pizzeria.ai.recommendations.control.Recommendations;
import com.forno.pizzeria.platform.problems.Violations;
import com.forno.pizzeria.platform.security.Caller;
import com.forno.pizzeria.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a customer will like, among the products that can be made now. Someone else's answer 404. */
@Path("recommendations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations")
public class RecommendationsResource {

    static final int MAX_LIMIT = 20;

    @Inject
    Recommendations recommendations;

    @Inject
    Caller caller;

    @GET
    @Path("{userId}")
    @RolesAllowed({Roles.CUSTOMER, Roles.KITCHEN, Roles.ADMIN})
    @Operation(summary = "Products a customer will like (favourites to order again and discoveries); a new "
            + "customer gets the popular ones. Never a product that cannot be made now.")
    @ProblemResponse(status = 400, description = "limit outside 1..20")
    @ProblemResponse(status = 404, description = "Not yourself (and not an admin)")
    public List<Recommendation> recommend(@PathParam("userId") UUID userId,
                                          @Parameter(description = "1 to 20") @QueryParam("limit") @DefaultValue("5")
                                          int limit) {
        if (!caller.mayAccess(userId)) {
            throw new NotFoundException();
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new Violations("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return recommendations.forCustomer(userId, limit).stream().map(Recommendation::from).toList();
    }
}
