package com.forno.pizzeria.users.accounts.boundary;

import com.forno.pizzeria.platform.openapi.SuccessResponse;
import com.forno.pizzeria.platform.openapi.ProblemResponse;
import com.forno.pizzeria.platform.paging.Page;
import com.forno.pizzeria.platform.problems.Violations;
import com.forno.pizzeria.platform.security.Caller;
import com.forno.pizzeria.platform.security.Roles;
import com.forno.pizzeria.users.accounts.control.Accounts;
import com.forno.pizzeria.platform.addresses.Address;
import com.forno.pizzeria.users.accounts.entity.Role;
import com.forno.pizzeria.users.accounts.entity.User;
import com.forno.pizzeria.users.signin.control.Sessions;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Accounts: sign-up, the caller's own profile, and the admin's view of everyone. Others' accounts answer 404. */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UsersResource {

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    @Inject
    Sessions sessions;

    @POST
    @PermitAll
    @Transactional
    @Operation(summary = "Sign up as a customer")
    @SuccessResponse(status = 201, description = "The new customer; its URL in Location", body = UserView.class)
    @ProblemResponse(status = 409, description = "The email is already registered")
    @ProblemResponse(status = 503, description = "Too many sign-ups at once; Retry-After says when to try again")
    public Response register(@Valid @NotNull Registration registration, @Context UriInfo uri) {
        accounts.requireFree(registration.email());
        User user = accounts.register(registration.name(), registration.email(), registration.password(),
                Phones.normalize(registration.phone()),
                registration.address() == null ? null : new Address(registration.address()), Role.CUSTOMER);
        return Response.created(uri.getAbsolutePathBuilder().path(user.id().toString()).build())
                .entity(UserView.from(user)).build();
    }

    @GET
    @Path("me")
    @RolesAllowed({Roles.CUSTOMER, Roles.KITCHEN, Roles.ADMIN})
    @Operation(summary = "The signed-in user")
    public UserView me() {
        return UserView.from(accessible(caller.id()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.KITCHEN, Roles.ADMIN})
    @Operation(summary = "A user: yourself, or anyone for an admin")
    public UserView get(@PathParam("id") UUID id) {
        return UserView.from(accessible(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.KITCHEN, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Replace a profile (never its id, role or creation time)")
    @ProblemResponse(status = 409, description = "The new email is already registered")
    @ProblemResponse(status = 400, description = "The request is not valid: `violations` lists each field at fault, a new password without the right `currentPassword` too")
    public UserView update(@PathParam("id") UUID id, @Valid @NotNull ProfileUpdate update) {
        User user = accessible(id);
        if (update.password() != null) {
            boolean adminForSomeoneElse = caller.isAdmin() && !caller.id().equals(id);
            if (!adminForSomeoneElse && update.currentPassword() == null) {
                throw new Violations("currentPassword", "is needed to change the password");
            }
            accounts.changePassword(user, adminForSomeoneElse ? Optional.empty() : Optional.of(update.currentPassword()),
                    update.password(), update.email());
            sessions.endAll(user.id(), "password changed");
        }
        user = accounts.update(user, update.name(), update.email(), Phones.normalize(update.phone()),
                update.address() == null ? null : new Address(update.address()));
        return UserView.from(user);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.KITCHEN, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Delete an account: personal data erased, order history kept")
    @SuccessResponse(status = 204, description = "Deleted")
    @ProblemResponse(status = 409, description = "The last admin cannot be deleted")
    public Response delete(@PathParam("id") UUID id) {
        User user = accessible(id);
        accounts.delete(user);
        sessions.endAll(user.id(), "account deleted");
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Search users by name or email (admin)")
    public Page<UserView> list(@QueryParam("query") @Size(max = 100) String query,
                               @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                               @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return accounts.list(query, limit, offset).map(UserView::from);
    }

    @DELETE
    @Path("{id}/sessions")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "End every session of a user (admin): refresh tokens at once, access tokens in every service within seconds")
    @SuccessResponse(status = 204, description = "Every session ended")
    public Response endSessions(@PathParam("id") UUID id) {
        User user = accounts.find(id).orElseThrow(NotFoundException::new);
        sessions.endAll(user.id(), "ended by an admin");
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/role")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Make a user customer, kitchen staff or admin (admin)")
    @ProblemResponse(status = 409, description = "The last admin cannot stop being one")
    public UserView changeRole(@PathParam("id") UUID id, @Valid @NotNull RoleChange change) {
        User user = accounts.find(id).orElseThrow(NotFoundException::new);
        Role role = Role.of(change.role()).orElseThrow();
        if (role != user.role()) {
            accounts.changeRole(user, role);
            sessions.endAll(user.id(), "role changed");
        }
        return UserView.from(user);
    }

    /** The account, if the caller may see it; otherwise 404, exactly as if it did not exist. */
    private User accessible(UUID id) {
        if (!caller.mayAccess(id)) {
            throw new NotFoundException();
        }
        return accounts.find(id).orElseThrow(NotFoundException::new);
    }
}
