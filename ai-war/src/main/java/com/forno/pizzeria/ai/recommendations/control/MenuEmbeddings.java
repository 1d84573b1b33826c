package com.forno.pizzeria.ai.recommendations.control;

import com.forno.pizzeria.ai.recommendations.entity.Product;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The menu's embeddings: each product's text ({@link ProductTexts}) embedded once, kept in an
 * {@link EmbeddingStore} under the product's id, and embedded again only when its text changes. Content
 * similarity of a customer's taste to each product is a search of that store.
 * <p>
 * The model and the store are given (see {@code Embeddings}): the default all-MiniLM-L6-v2 in memory, or an
 * operator's ONNX model, or another store.
 */
public class MenuEmbeddings {

    static final String TEXT_HASH = "textHash";

    private final EmbeddingModel model;
    private final EmbeddingStore<TextSegment> store;
    private final Map<UUID, Embedding> vectors = new HashMap<>();
    private final Map<UUID, Integer> hashes = new HashMap<>();

    public MenuEmbeddings(EmbeddingModel model, EmbeddingStore<TextSegment> store) {
        this.model = model;
        this.store = store;
    }

    /** Embeds what is new or changed; returns how many products were embedded. */
    public synchronized int sync(Collection<Product> products) {
        List<Product> changed = new ArrayList<>();
        List<TextSegment> texts = new ArrayList<>();
        for (Product product : products) {
            String text = ProductTexts.of(product);
            Integer known = hashes.get(product.id());
            if (known == null || known != text.hashCode()) {
                changed.add(product);
                texts.add(TextSegment.from(text, new Metadata().put("productId", product.id().toString())
                        .put(TEXT_HASH, text.hashCode())));
            }
        }
        if (changed.isEmpty()) {
            return 0;
        }
        List<Embedding> embedded = model.embedAll(texts).content();
        List<String> ids = changed.stream().map(product -> product.id().toString()).toList();
        store.removeAll(ids);
        store.addAll(ids, embedded, texts);
        for (int i = 0; i < changed.size(); i++) {
            vectors.put(changed.get(i).id(), embedded.get(i));
            hashes.put(changed.get(i).id(), texts.get(i).text().hashCode());
        }
        return changed.size();
    }

    public synchronized Embedding vector(UUID product) {
        return vectors.get(product);
    }

    /** Cosine similarity of {@code taste} to every product in the store, by product id. */
    public Map<UUID, Double> similarity(float[] taste) {
        int size;
        synchronized (this) {
            size = Math.max(1, vectors.size());
        }
        List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(taste)).maxResults(size).minScore(0.0).build()).matches();
        Map<UUID, Double> scores = new HashMap<>();
        for (EmbeddingMatch<TextSegment> match : matches) {
            // stores report relevance in [0, 1] as (cosine + 1) / 2
            scores.put(UUID.fromString(match.embeddingId()), 2 * match.score() - 1);
        }
        return scores;
    }

    /** Cosine similarity of two products (0 when either is unknown). */
    public double similarity(UUID a, UUID b) {
        Embedding x = vector(a);
        Embedding y = vector(b);
        return x == null || y == null ? 0 : cosine(x.vector(), y.vector());
    }

    static double cosine(float[] x, float[] y) {
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            nx += x[i] * x[i];
            ny += y[i] * y[i];
        }
        return nx == 0 || ny == 0 ? 0 : dot / Math.sqrt(nx * ny);
    }

    public int dimension() {
        return model.dimension();
    }
}
