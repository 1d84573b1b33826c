package com.forno.pizzeria.platform.problems;

import com.forno.pizzeria.platform.outages.Outages;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** The three ways an error leaves a service: as problem+json, never as a stack trace or an HTML page. */
public final class ProblemMappers {

    private static final System.Logger LOG = System.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    /** JAX-RS's own failures (404, 405, 406, 415...), the services' named problems, and unreadable bodies. */
    @Provider
    public static class WebApplicationErrors implements ExceptionMapper<WebApplicationException> {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            Problem problem = e instanceof ProblemException named ? named.problem() : generic(e);
            Response response = problem.at(path(uri)).toResponse();
            // keep what the status needs: Allow on 405, WWW-Authenticate on 401, Retry-After on 503
            for (String header : new String[] {"Allow", "WWW-Authenticate", "Retry-After"}) {
                String value = e.getResponse().getHeaderString(header);
                if (value != null) {
                    response.getHeaders().putSingle(header, value);
                }
            }
            return response;
        }

        private static Problem generic(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (e instanceof BadRequestException && unreadableBody(e)) {
                return Problem.typed("malformed-body", "The request body could not be read", 400,
                        "The body is not valid JSON for this request.");
            }
            return Problem.of(status, switch (status) {
                case 404 -> "No resource here.";
                case 405 -> "This resource does not support the method.";
                case 406 -> "This resource cannot answer in the requested media type.";
                case 415 -> "This resource does not accept the request's media type: the API document (/openapi) names "
                        + "the one it takes (JSON; a form for the OAuth 2.0 token and revocation endpoints).";
                case 401 -> "Sign in first: send a valid bearer token.";
                case 403 -> "You are not allowed to do this.";
                default -> status >= 500 ? "The service failed to answer." : e.getMessage();
            });
        }
    }

    /** Bean Validation on resource parameters and bodies: 400 with every violation. */
    @Provider
    public static class ValidationErrors implements ExceptionMapper<ConstraintViolationException> {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ConstraintViolationException e) {
            var violations = e.getConstraintViolations().stream()
                    .map(v -> new Problem.Violation(field(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.Violation::field))
                    .toList();
            return new Violations(violations).problem().at(path(uri)).toResponse();
        }

        /** {@code register.arg0.address.postalCode} → {@code address.postalCode}: the client's JSON path. */
        static String field(ConstraintViolation<?> violation) {
            String parameter = null;
            List<String> path = new ArrayList<>();
            for (Path.Node node : violation.getPropertyPath()) {
                switch (node.getKind()) {
                    case PARAMETER -> parameter = node.getName();
                    case PROPERTY, CONTAINER_ELEMENT -> {
                        if (node.isInIterable() && !path.isEmpty()) {
                            int last = path.size() - 1;
                            path.set(last, path.get(last) + "[" + (node.getIndex() != null ? node.getIndex() : node.getKey()) + "]");
                        }
                        if (node.getName() != null) {
                            path.add(node.getName());
                        }
                    }
                    default -> { }
                }
            }
            if (!path.isEmpty()) {
                return String.join(".", path);
            }
            return parameter == null ? "body" : parameter;
        }
    }

    /**
     * Anything else: a 500 with an id to find the stack trace in the log, or 503 when a guard refused the call or
     * the database or another dependency is away (a retry with the same request will do).
     */
    @Provider
    public static class UnexpectedErrors implements ExceptionMapper<Throwable> {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Throwable e) {
            if (e instanceof BulkheadException || e instanceof CircuitBreakerOpenException) {
                return unavailable("The service is busy; try again in a moment.");
            }
            if (e instanceof TimeoutException) {
                return unavailable("The service took too long to answer; try again in a moment.");
            }
            if (Outages.isOutage(e)) {
                // nothing was applied (the transaction rolled back): the client may send the same request again
                LOG.log(Level.WARNING, "an outage on {0}: {1}", path(uri), String.valueOf(e));
                return unavailable("The service cannot reach its database or a service it depends on right now; "
                        + "try again in a moment.");
            }
            if (e instanceof JsonbException || e instanceof JsonParsingException || e instanceof ProcessingException) {
                return Problem.typed("malformed-body", "The request body could not be read", 400,
                        "The body is not valid JSON for this request.").at(path(uri)).toResponse();
            }
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.ERROR, "incident " + incident + " on " + path(uri), e);
            return Problem.of(500, "Something went wrong on our side (incident " + incident + ").")
                    .at(path(uri)).toResponse();
        }

        private Response unavailable(String detail) {
            Response response = Problem.of(503, detail).at(path(uri)).toResponse();
            response.getHeaders().putSingle("Retry-After", "1");
            return response;
        }
    }

    static boolean unreadableBody(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonParsingException
                    || cause instanceof ProcessingException) {
                return true;
            }
        }
        return false;
    }

    static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath();
    }
}
