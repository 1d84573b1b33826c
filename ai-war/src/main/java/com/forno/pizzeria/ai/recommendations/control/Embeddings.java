package com.forno.pizzeria.ai.recommendations.control;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The embedding model and store, chosen by configuration:
 * <ul>
 * <li>{@code ai.embeddings.model}: {@code all-minilm-l6-v2-q} (default: all-MiniLM-L6-v2 quantised, shipped in
 *     its Maven artifact, English-only) or {@code onnx}: any sentence-transformers model exported to ONNX, e.g. a
 *     multilingual one, from {@code ai.embeddings.onnx.model-path} and {@code ai.embeddings.onnx.tokenizer-path}
 *     (tokenizer.json), pooled by {@code ai.embeddings.onnx.pooling} (MEAN or CLS);</li>
 * <li>{@code ai.embeddings.store}: {@code memory}, LangChain4j's {@link InMemoryEmbeddingStore} (a menu is a few
 *     dozen products: it is rebuilt at start in well under a second). Another {@link EmbeddingStore} (pgvector,
 *     Qdrant...) plugs in in {@link #store()}: the recommender only adds, removes and searches.</li>
 * </ul>
 * Loaded once, lazily: the ONNX runtime and the DJL tokenizer are native, one per JVM.
 */
@ApplicationScoped
public class Embeddings {

    private static final System.Logger LOG = System.getLogger(Embeddings.class.getName());

    @Inject
    @ConfigProperty(name = "ai.embeddings.model", defaultValue = "all-minilm-l6-v2-q")
    String modelName;

    @Inject
    @ConfigProperty(name = "ai.embeddings.onnx.model-path", defaultValue = "none")
    String onnxModel;

    @Inject
    @ConfigProperty(name = "ai.embeddings.onnx.tokenizer-path", defaultValue = "none")
    String onnxTokenizer;

    @Inject
    @ConfigProperty(name = "ai.embeddings.onnx.pooling", defaultValue = "MEAN")
    String pooling;

    @Inject
    @ConfigProperty(name = "ai.embeddings.store", defaultValue = "memory")
    String storeKind;

    private volatile MenuEmbeddings menu;

    public MenuEmbeddings menu() {
        MenuEmbeddings loaded = menu;
        if (loaded == null) {
            synchronized (this) {
                if (menu == null) {
                    long began = System.nanoTime();
                    menu = new MenuEmbeddings(model(), store());
                    LOG.log(Level.INFO, "embedding model {0} ({1} dimensions) loaded in {2} ms", modelName,
                            menu.dimension(), (System.nanoTime() - began) / 1_000_000);
                }
                loaded = menu;
            }
        }
        return loaded;
    }

    EmbeddingModel model() {
        return switch (modelName.strip().toLowerCase()) {
            case "all-minilm-l6-v2-q" -> new AllMiniLmL6V2QuantizedEmbeddingModel();
            case "onnx" -> new OnnxEmbeddingModel(Path.of(onnxModel), Path.of(onnxTokenizer),
                    PoolingMode.valueOf(pooling.strip().toUpperCase()));
            default -> throw new IllegalStateException("ai.embeddings.model must be all-minilm-l6-v2-q or onnx, not "
                    + modelName);
        };
    }

    EmbeddingStore<TextSegment> store() {
        return switch (storeKind.strip().toLowerCase()) {
            case "memory" -> new InMemoryEmbeddingStore<>();
            default -> throw new IllegalStateException("ai.embeddings.store must be memory, not " + storeKind);
        };
    }
}
