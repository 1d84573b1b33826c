package com.forno.pizzeria.ai.chat.control;

import com.forno.pizzeria.ai.analytics.control.AnalyticsUnavailable;
import com.forno.pizzeria.ai.chat.entity.Catalog;
import com.forno.pizzeria.ai.chat.entity.Filters;
import com.forno.pizzeria.ai.chat.entity.Intent;
import com.forno.pizzeria.ai.chat.entity.Language;
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
public class Chatbot {

    private static final System.Logger LOG = System.getLogger(Chatbot.class.getName());

    @Inject
    Router router;

    @Inject
    ShopTools shopTools;

    @Inject
    LanguageModelChat languageModel;

    @Inject
    @ConfigProperty(name = "ai.chat.provider", defaultValue = "offline")
    String provider;

    public Reply ask(String question) {
        if ("openai".equalsIgnoreCase(provider.strip())) {
            try {
                return checked(question, languageModel.ask(question));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the language model failed ({0}: {1}); the offline router answers",
                        e.getClass().getSimpleName(), e.getMessage());
                return offline(question, "offline-fallback");
            }
        }
        return offline(question, "offline");
    }

    /**
     * A language model's answer goes through the same check as the router's: it must name the filters its tool
     * call applied, and own up to what the question names that no tool filters by (read by the router).
     */
    Reply checked(String question, Reply reply) {
        Catalog catalog = catalog();
        Route route = router.route(question, shopTools.today(), catalog);
        Filters applied = LanguageModelChat.filters(reply.filters(), route.filters().without());
        Language language = route.language();
        return new Reply(ReplyComposer.ensureNamed(reply.answer(), applied, catalog, language), reply.intent(),
                reply.data(), reply.source(), reply.filters(), applied.without());
    }

    /** The catalogue, or none when the figures cannot be read (the guards still answer; the tools will say 503). */
    private Catalog catalog() {
        try {
            return shopTools.catalog();
        } catch (AnalyticsUnavailable e) {
            return Catalog.EMPTY;
        }
    }

    Reply offline(String question, String source) {
        Catalog catalog = catalog();
        Route route = router.route(question, shopTools.today(), catalog);
        LOG.log(Level.DEBUG, "routed {0}", route.evidence());
        if (route.isDeclined()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("reason", route.decline().name());
            data.put("canAnswer", Arrays.stream(Intent.answerable()).map(Intent::tool).toList());
            return new Reply(ReplyComposer.declined(route.decline(), route.language()), Intent.DECLINED.tool(), data,
                    source);
        }
        if (route.invalid() != null) {
            return invalid(route, route.invalid(), source);
        }
        try {
            Object result = shopTools.run(route);
            Language language = route.language();
            String answer = ReplyComposer.ensureNamed(ReplyComposer.render(result, route.filters(), catalog, language),
                    route.filters(), catalog, language);
            return new Reply(answer, route.intent().tool(), result, source, applied(route.filters()),
                    route.filters().without());
        } catch (InvalidInput e) {
            return invalid(route, e, source);
        }
    }

    static Map<String, String> applied(Filters f) {
        Map<String, String> applied = new LinkedHashMap<>();
        put(applied, "category", f.category());
        put(applied, "product", f.product());
        put(applied, "ingredient", f.ingredient());
        put(applied, "status", f.status());
        put(applied, "customer", f.customer());
        put(applied, "compare", f.compare() == null ? null : f.compare().from() + ".." + f.compare().to());
        return applied;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static Reply invalid(Route route, InvalidInput problem, String source) {
        Language language = route.language();
        return new Reply(ReplyComposer.invalid(problem.message(language), language), route.intent().tool(),
                Map.of("error", problem.getMessage()), source);
    }
}
