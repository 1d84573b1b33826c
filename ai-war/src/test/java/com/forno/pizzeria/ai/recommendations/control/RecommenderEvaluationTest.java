package com.forno.pizzeria.ai.recommendations.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.ai.recommendations.entity.Product;
import com.forno.pizzeria.ai.recommendations.entity.Purchase;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Offline evaluation of the recommender: a generated history (fixed seed, six customer segments), each customer's
 * last order left out, hit rate@5 and NDCG@5 of the recommender against popularity alone. Prints both; the
 * recommender must beat the baseline by at least 1.5× on hit rate.
 */
class RecommenderEvaluationTest {

    static final int K = 5;
    static MenuEmbeddings embeddings;

    record Figures(double hitRate, double ndcg, int customers) {
    }

    @BeforeAll
    static void embedTheMenu() {
        embeddings = new MenuEmbeddings(new AllMiniLmL6V2QuantizedEmbeddingModel(), new InMemoryEmbeddingStore<>());
        embeddings.sync(ShopSimulation.MENU);
    }

    @Test
    void beatsPopularityByHalfAgainOnHitRateAt5() {
        List<ShopSimulation.Customer> customers = new ShopSimulation(20251126L).customers(600);
        List<Purchase> training = new ArrayList<>();
        customers.forEach(c -> c.orders().subList(0, c.orders().size() - 1).forEach(training::addAll));
        Signals signals = Signals.from(training, ShopSimulation.NOW, 14);
        Recommender recommender = new Recommender(embeddings);

        Figures ours = evaluate(customers, c -> recommender.recommend(history(c), ShopSimulation.MENU, signals,
                ShopSimulation.NOW, K));
        Figures baseline = evaluate(customers, c -> recommender.popular(ShopSimulation.MENU, signals, K));
        Recommender withoutEmbeddings = new Recommender(null);
        Figures ablation = evaluate(customers, c -> withoutEmbeddings.recommend(history(c), ShopSimulation.MENU,
                signals, ShopSimulation.NOW, K));

        System.out.printf(Locale.ROOT, "recommender evaluation (%d customers, leave-last-order-out, K=%d)%n",
                ours.customers(), K);
        System.out.printf(Locale.ROOT, "  recommender : hit@5 %.3f  NDCG@5 %.3f%n", ours.hitRate(), ours.ndcg());
        System.out.printf(Locale.ROOT, "  popularity  : hit@5 %.3f  NDCG@5 %.3f%n", baseline.hitRate(), baseline.ndcg());
        System.out.printf(Locale.ROOT, "  (recommender without embeddings: hit@5 %.3f  NDCG@5 %.3f)%n",
                ablation.hitRate(), ablation.ndcg());
        System.out.printf(Locale.ROOT, "  lift        : hit@5 %.2fx  NDCG@5 %.2fx%n", ours.hitRate() / baseline.hitRate(),
                ours.ndcg() / baseline.ndcg());

        assertThat(ours.hitRate()).isGreaterThan(baseline.hitRate());
        assertThat(ours.ndcg()).isGreaterThan(baseline.ndcg());
        assertThat(ours.hitRate()).isGreaterThanOrEqualTo(1.5 * baseline.hitRate());
    }

    @Test
    void neverRecommendsWhatCannotBeSold() {
        List<ShopSimulation.Customer> customers = new ShopSimulation(7L).customers(50);
        List<Purchase> all = new ArrayList<>();
        customers.forEach(c -> c.orders().forEach(all::addAll));
        Signals signals = Signals.from(all, ShopSimulation.NOW, 14);
        List<Product> menu = ShopSimulation.MENU.stream()
                .map(p -> p.name().equals("Calabresa") || p.name().equals("Coca-Cola lata")
                        ? new Product(p.id(), p.name(), p.description(), p.category(), p.ingredients(), false) : p)
                .toList();
        Recommender recommender = new Recommender(embeddings);

        for (ShopSimulation.Customer customer : customers) {
            List<Purchase> history = new ArrayList<>();
            customer.orders().forEach(history::addAll);
            assertThat(recommender.recommend(history, menu, signals, ShopSimulation.NOW, 20))
                    .extracting(s -> s.product().name())
                    .doesNotContain("Calabresa", "Coca-Cola lata");
        }
        assertThat(recommender.popular(menu, signals, 20)).extracting(s -> s.product().name())
                .doesNotContain("Calabresa", "Coca-Cola lata");
    }

    private static List<Purchase> history(ShopSimulation.Customer customer) {
        List<Purchase> history = new ArrayList<>();
        customer.orders().subList(0, customer.orders().size() - 1).forEach(history::addAll);
        return history;
    }

    private static Figures evaluate(List<ShopSimulation.Customer> customers,
                                    Function<ShopSimulation.Customer, List<Recommender.Scored>> recommend) {
        double hits = 0;
        double ndcg = 0;
        for (ShopSimulation.Customer customer : customers) {
            Set<UUID> heldOut = new HashSet<>();
            customer.orders().get(customer.orders().size() - 1).forEach(p -> heldOut.add(p.product()));
            List<Recommender.Scored> top = recommend.apply(customer);
            double dcg = 0;
            boolean hit = false;
            for (int i = 0; i < Math.min(K, top.size()); i++) {
                if (heldOut.contains(top.get(i).product().id())) {
                    dcg += 1 / log2(i + 2);
                    hit = true;
                }
            }
            double ideal = 0;
            for (int i = 0; i < Math.min(K, heldOut.size()); i++) {
                ideal += 1 / log2(i + 2);
            }
            hits += hit ? 1 : 0;
            ndcg += dcg / ideal;
        }
        return new Figures(hits / customers.size(), ndcg / customers.size(), customers.size());
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
