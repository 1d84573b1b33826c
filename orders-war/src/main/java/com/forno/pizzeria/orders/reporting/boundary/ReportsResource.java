package com.forno.pizzeria.orders.reporting.boundary;

import com.forno.pizzeria.orders.reporting.control.Rebuild;
import com.forno.pizzeria.orders.reporting.control.Reports;
import com.forno.pizzeria.platform.openapi.ProblemResponse;
import com.forno.pizzeria.platform.openapi.SuccessResponse;
import com.forno.pizzeria.platform.problems.QueryParameters;
import com.forno.pizzeria.platform.problems.Violations;
import com.forno.pizzeria.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.BiFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The pictures of the business (API.md "Reports"), from the read side of orders. Ranges are the pizzeria's local
 * days, both ends included.
 */
@Path("reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ReportsResource {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;
    static final int MAX_HOURLY_DAYS = 31;

    @Inject
    Reports reports;

    @Inject
    Rebuild rebuild;

    @GET
    @Path("sales")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Confirmed sales per local day (default: the last 30 days, at most 366)")
    @ProblemResponse(status = 400, description = "from, to is not a valid range of local days")
    public Reports.Sales sales(@QueryParam("from") String from, @QueryParam("to") String to) {
        return overDays(from, to, reports::sales);
    }

    @GET
    @Path("orders/in-progress")
    @RolesAllowed({Roles.KITCHEN, Roles.ADMIN})
    @Operation(summary = "Orders on their way, by status, and how long the oldest has waited")
    public Reports.InProgress inProgress() {
        return reports.inProgress();
    }

    @GET
    @Path("payments")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Payment answers per local hour (default: today, at most 31 days) or day (default: 30 days)")
    @ProblemResponse(status = 400, description = "from, to or bucket is not valid")
    public Reports.Payments payments(@QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("bucket") @DefaultValue("hour") String bucket) {
        boolean hourly = switch (bucket) {
            case "hour" -> true;
            case "day" -> false;
            default -> throw new Violations("bucket", "must be hour or day");
        };
        Range range = hourly ? range(from, to, 1, MAX_HOURLY_DAYS) : range(from, to, DEFAULT_DAYS, MAX_DAYS);
        return reports.payments(range.from(), range.to(), hourly);
    }

    @GET
    @Path("rejections")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Orders that ended without a sale, by reason, and the ingredients that were missing")
    @ProblemResponse(status = 400, description = "from, to is not a valid range of local days")
    public Reports.Rejections rejections(@QueryParam("from") String from, @QueryParam("to") String to) {
        return overDays(from, to, reports::rejections);
    }

    @GET
    @Path("products")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Best sellers: units and revenue per product (default limit 10, at most 100)")
    @ProblemResponse(status = 400, description = "from, to or limit is not valid")
    public Reports.Products products(@QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("limit") @DefaultValue("10") String limit) {
        return overDays(from, to, (start, end) -> reports.products(start, end, limit(limit)));
    }

    @POST
    @Path("rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rebuild the read model from the orders' timelines, in the background (409 while one runs)")
    @SuccessResponse(status = 202, description = "The rebuild started", body = Rebuild.Run.class)
    @ProblemResponse(status = 409, description = "A rebuild is running")
    public Response startRebuild() {
        return Response.accepted(rebuild.start()).location(URI.create("/reports/rebuild")).build();
    }

    @GET
    @Path("rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The latest rebuild: RUNNING, DONE or FAILED, and how many orders it has projected")
    @ProblemResponse(status = 404, description = "The read model was never rebuilt")
    public Rebuild.Run lastRebuild() {
        return rebuild.latest().orElseThrow(() -> new NotFoundException("The read model was never rebuilt."));
    }

    record Range(LocalDate from, LocalDate to) {
    }

    /** A report over from..to, local days (default: the last {@value #DEFAULT_DAYS}, at most {@value #MAX_DAYS}). */
    private <T> T overDays(String from, String to, BiFunction<LocalDate, LocalDate, T> report) {
        Range range = range(from, to, DEFAULT_DAYS, MAX_DAYS);
        return report.apply(range.from(), range.to());
    }

    /** from..to (local days, both included); a missing end defaults from the other, or to the last {@code days}. */
    private Range range(String from, String to, int days, int maxDays) {
        LocalDate end = QueryParameters.day("to", to);
        LocalDate start = QueryParameters.day("from", from);
        if (end == null) {
            end = start == null ? reports.today() : start.plusDays(days - 1L);
        }
        if (start == null) {
            start = end.minusDays(days - 1L);
        }
        if (start.isAfter(end)) {
            throw new Violations("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > maxDays) {
            throw new Violations("to", "a range covers at most " + maxDays + " days");
        }
        return new Range(start, end);
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= 100) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Violations("limit", "must be a whole number from 1 to 100");
    }
}
