package com.forno.pizzeria.ai.analytics.control;

import com.forno.pizzeria.platform.problems.Problem;
import com.forno.pizzeria.platform.problems.ProblemException;
import java.lang.System.Logger.Level;

/**
 * The analytics views could not be read (the role is missing, the database is down, a statement ran past its
 * timeout): 503, so the client retries later; the cause goes to the log, never to the client.
 */
public class AnalyticsUnavailable extends ProblemException {

    private static final System.Logger LOG = System.getLogger(AnalyticsUnavailable.class.getName());

    public AnalyticsUnavailable(Exception cause) {
        super(Problem.typed("analytics-unavailable", "Analytics unavailable", 503,
                "The figures cannot be read right now; try again in a moment."));
        // the JAX-RS exception has its cause fixed (null) at construction: the cause is logged, not chained
        LOG.log(Level.WARNING, "reading the analytics views failed: {0}", cause.getMessage());
    }
}
