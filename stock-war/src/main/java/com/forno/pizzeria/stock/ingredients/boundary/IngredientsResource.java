package com.forno.pizzeria.stock.ingredients.boundary;

import com.forno.pizzeria.platform.openapi.SuccessResponse;
import com.forno.pizzeria.platform.openapi.ProblemResponse;
import com.forno.pizzeria.platform.paging.Page;
import com.forno.pizzeria.platform.security.Caller;
import com.forno.pizzeria.platform.security.Roles;
import com.forno.pizzeria.stock.ingredients.control.IngredientNotFound;
import com.forno.pizzeria.stock.ingredients.control.Ingredients;
import com.forno.pizzeria.stock.ingredients.entity.Ingredient;
import com.forno.pizzeria.stock.ingredients.entity.Movement;
import com.forno.pizzeria.stock.ingredients.entity.MovementType;
import com.forno.pizzeria.stock.ingredients.entity.Unit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Ingredients, their stock movements and their ledger (admin). */
@Path("stock/ingredients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Ingredients")
public class IngredientsResource {

    @Inject
    Ingredients ingredients;

    @Inject
    Caller caller;

    @POST
    @Transactional
    @Operation(summary = "Add an ingredient with its opening stock (the ledger's first line)")
    @SuccessResponse(status = 201, description = "The new ingredient; its URL in Location", body = IngredientView.class)
    @ProblemResponse(status = 409, description = "The sku is already in use")
    public Response create(@Valid @NotNull NewIngredient body, @Context UriInfo uri) {
        Ingredient ingredient = ingredients.create(body.sku(), body.name(), Unit.of(body.unit()).orElseThrow(),
                body.onHand(), body.lowStockThreshold(), body.safetyBuffer() == null ? 0 : body.safetyBuffer(),
                caller.id().toString());
        return Response.created(uri.getAbsolutePathBuilder().path(ingredient.sku()).build())
                .entity(IngredientView.from(ingredient)).build();
    }

    @GET
    @Operation(summary = "List ingredients by sku, a page at a time")
    public Page<IngredientView> list(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                     @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return ingredients.list(limit, offset).map(IngredientView::from);
    }

    @GET
    @Path("{sku}")
    @Operation(summary = "An ingredient: on hand, reserved, available, low")
    public IngredientView get(@PathParam("sku") String sku) {
        return IngredientView.from(ingredients.find(sku).orElseThrow(() -> new IngredientNotFound(sku)));
    }

    @POST
    @Path("{sku}/movements")
    @Transactional
    @Operation(summary = "Record a restock, waste or adjustment; refused (409) if it would leave stock negative "
            + "or below what is held for orders")
    @SuccessResponse(status = 201, description = "The ledger line recorded; its URL in Location", body = MovementView.class)
    @ProblemResponse(status = 409, description = "It would leave stock negative or below what is held for orders")
    public Response move(@PathParam("sku") String sku, @Valid @NotNull NewMovement body, @Context UriInfo uri) {
        Movement movement = ingredients.record(sku, MovementType.valueOf(body.type()), body.quantity(), body.reason(),
                caller.id().toString());
        return Response.created(uri.getAbsolutePathBuilder().path(movement.id().toString()).build())
                .entity(MovementView.from(movement)).build();
    }

    @GET
    @Path("{sku}/movements")
    @Operation(summary = "The ingredient's ledger, newest first, a page at a time")
    public Page<MovementView> ledger(@PathParam("sku") String sku,
                                     @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                     @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return ingredients.ledger(sku, limit, offset).map(MovementView::from);
    }

    @GET
    @Path("{sku}/movements/{id}")
    @Operation(summary = "One line of the ledger")
    public MovementView movement(@PathParam("sku") String sku, @PathParam("id") UUID id) {
        return MovementView.from(ingredients.movement(sku, id).orElseThrow(NotFoundException::new));
    }
}
