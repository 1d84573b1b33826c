package com.forno.pizzeria.stock.menu.boundary;

import com.forno.pizzeria.platform.openapi.SuccessResponse;
import com.forno.pizzeria.platform.openapi.ProblemResponse;
import com.forno.pizzeria.platform.paging.Page;
import com.forno.pizzeria.platform.security.Roles;
import com.forno.pizzeria.stock.menu.control.Availability;
import com.forno.pizzeria.stock.menu.control.ProductNotFound;
import com.forno.pizzeria.stock.menu.control.Products;
import com.forno.pizzeria.stock.menu.entity.Category;
import com.forno.pizzeria.stock.menu.entity.Product;
import com.forno.pizzeria.stock.menu.entity.RecipeLine;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Products, their recipes and the manual 86 (admin). */
@Path("stock/products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Products")
public class ProductsResource {

    @Inject
    Products products;

    @Inject
    Availability availability;

    @POST
    @Transactional
    @Operation(summary = "Add a product with its recipe")
    @SuccessResponse(status = 201, description = "The new product; its URL in Location", body = ProductView.class)
    @ProblemResponse(status = 409, description = "The name is already in use")
    public Response create(@Valid @NotNull ProductRequest body, @Context UriInfo uri) {
        Product product = products.create(body.name(), body.description(), Category.valueOf(body.category()),
                body.priceCents(), body.active() == null || body.active(), recipe(body));
        return Response.created(uri.getAbsolutePathBuilder().path(product.id().toString()).build())
                .entity(view(product)).build();
    }

    @GET
    @Operation(summary = "List every product, active or not, a page at a time")
    public Page<ProductView> list(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                  @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        Page<Product> page = products.list(limit, offset);
        Map<UUID, Availability.Row> now = availability.of(page.items().stream().map(Product::id).toList());
        return page.map(product -> ProductView.from(product, now.get(product.id())));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A product with its recipe and what can be made now")
    public ProductView get(@PathParam("id") UUID id) {
        return view(products.find(id).orElseThrow(() -> new ProductNotFound(id)));
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(summary = "Replace a product's name, description, category, price, recipe (and active, if given)")
    @ProblemResponse(status = 409, description = "The name is already in use")
    public ProductView update(@PathParam("id") UUID id, @Valid @NotNull ProductRequest body) {
        return view(products.update(id, body.name(), body.description(), Category.valueOf(body.category()),
                body.priceCents(), body.active(), recipe(body)));
    }

    @POST
    @Path("{id}/sold-out")
    @Transactional
    @Operation(summary = "86 a product by hand: until the given time, or until lifted")
    @SuccessResponse(status = 204, description = "Sold out")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SoldOut.class)))
    public Response markSoldOut(@PathParam("id") UUID id, String body) {
        products.markSoldOut(id, SoldOut.parse(body).until());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/sold-out")
    @Transactional
    @Operation(summary = "Lift a manual 86 (whether or not one is in force)")
    @SuccessResponse(status = 204, description = "No longer sold out by hand")
    public Response liftSoldOut(@PathParam("id") UUID id) {
        products.liftSoldOut(id);
        return Response.noContent().build();
    }

    private ProductView view(Product product) {
        return ProductView.from(product, availability.of(List.of(product.id())).get(product.id()));
    }

    private static List<RecipeLine> recipe(ProductRequest body) {
        return body.recipe().stream().map(RecipeItem::toLine).toList();
    }
}
