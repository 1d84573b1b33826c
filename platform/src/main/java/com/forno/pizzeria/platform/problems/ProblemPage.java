package com.forno.pizzeria.platform.problems;

import com.forno.pizzeria.platform.persistence.Database;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the web container (declared in the platform's web-fragment.xml): errors raised before JAX-RS
 * runs, such as the 401 of a forged or expired token, are rendered as problem+json too, not as Payara's HTML page.
 */
@WebServlet(ProblemPage.PATH)
// The one datasource of every WAR, defined once here (on a component class the container always scans).
@DataSourceDefinition(name = Database.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=pizzeria.datasource.url}",
        user = "${MPCONFIG=pizzeria.datasource.user}",
        password = "${MPCONFIG=pizzeria.datasource.password}",
        minPoolSize = 2,
        // Seven instances share one PostgreSQL (100 connections by default): at 32 each, the two orders instances
        // alone held 54 during the system tests' 200 concurrent orders. More concurrent transactions than cores
        // gain nothing; the rest wait for a connection (a transaction holds exactly one, so waiting cannot deadlock).
        maxPoolSize = 16,
        // EclipseLink binds a UUID outside an @Id as text: let PostgreSQL read it as the column's type
        properties = {"stringType=unspecified", Database.VALIDATE, Database.VALIDATION_METHOD, Database.VALIDATOR,
                Database.VALIDATE_AT_MOST_EVERY, Database.DROP_ALL_WHEN_ONE_IS_DEAD})
public class ProblemPage extends HttpServlet {

    static final String PATH = "/__problem";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 404;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Problem problem = Problem.of(status, switch (status) {
            case 401 -> "Sign in first: send a valid, unexpired bearer token.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "No resource here.";
            case 405 -> "This resource does not support the method.";
            case 413 -> "The request body is too large.";
            default -> status >= 500 ? "The service failed to answer." : null;
        }).at(uri == null ? null : uri.toString());
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problem.toJson().toString());
    }
}
