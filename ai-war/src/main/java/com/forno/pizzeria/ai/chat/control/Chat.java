package com.forno.pizzeria.ai.chat.control;

import com.forno.pizzeria.ai.chat.entity.Intent;
import com.forno.pizzeria.ai.chat.entity.InvalidInput;
import com.forno.pizzeria.ai.chat.entity.Reply;
import com.forno.pizzeria.ai.chat.entity.Route;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers an admin's question: with the offline router by default ({@code ai.chat.provider=offline}), or with a
 * language model and the same tools ({@code ai.chat.provider=openai}); whenever the model fails or times out,
 * the router answers instead, so the chatbot never depends on a service it cannot reach.
 */
@ApplicationScoped
public class Chat {

    private static final System.Logger LOG = System.getLogger(Chat.class.getName());

    @Inject
    Router router;

    @Inject
    Insights insights;

    @Inject
    Analyst analyst;

    @Inject
    @ConfigProperty(name = "ai.chat.provider", defaultValue = "offline")
    String provider;

    public Reply ask(String question) {
        if ("openai".equalsIgnoreCase(provider.strip())) {
            try {
                return analyst.ask(question);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the language model failed ({0}: {1}); the offline router answers",
                        e.getClass().getSimpleName(), e.getMessage());
                return offline(question, "offline-fallback");
            }
        }
        return offline(question, "offline");
    }

    Reply offline(String question, String source) {
        Route route = router.route(question, insights.today());
        LOG.log(Level.DEBUG, "routed {0}", route.evidence());
        if (route.isDeclined()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("reason", route.decline().name());
            data.put("canAnswer", Arrays.stream(Intent.answerable()).map(Intent::tool).toList());
            return new Reply(Answers.declined(route.decline(), route.language()), Intent.DECLINED.tool(), data, source);
        }
        if (route.invalid() != null) {
            return invalid(route, route.invalid(), source);
        }
        try {
            Object result = insights.run(route);
            return new Reply(Answers.render(result, route.language()), route.intent().tool(), result, source);
        } catch (InvalidInput e) {
            return invalid(route, e, source);
        }
    }

    private static Reply invalid(Route route, InvalidInput problem, String source) {
        return new Reply(Answers.invalid(problem.message(route.language()), route.language()), route.intent().tool(),
                Map.of("error", problem.getMessage()), source);
    }
}
