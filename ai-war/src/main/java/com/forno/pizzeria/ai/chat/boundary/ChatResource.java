package com.forno.pizzeria.ai.chat.boundary;

import com.forno.pizzeria.platform.openapi.ProblemResponse;
import com.forno.pizzeria.ai.chat.control.Chatbot;
import com.forno.pizzeria.ai.chat.entity.Reply;
import com.forno.pizzeria.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The admin chatbot: read-only questions about sales, stock, payments and customers. */
@Path("chat")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Chat")
public class ChatResource {

    @Inject
    Chatbot chat;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Ask a question in Portuguese or English; the answer comes in the same language, with the "
            + "tool that produced it (intent, 'declined' when none fits) and its figures (data)")
    @ProblemResponse(status = 400, description = "No question, or longer than 500 characters")
    @ProblemResponse(status = 503, description = "The figures cannot be read right now")
    public Reply ask(@Valid @NotNull Question question) {
        return chat.ask(question.question());
    }
}
