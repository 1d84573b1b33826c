/**
 * Recommendations: {@code GET /recommendations/{userId}?limit=N} (self or admin, others 404; N 1..20, default 5).
 * <p>
 * Favourites ("Peça de novo") and discoveries ("Porque você pediu Calabresa", "Combina com sua pizza ...",
 * "Mais pedida da semana"), ranked by a blend of the customer's own recency-weighted history, LangChain4j
 * in-process embeddings of each product's text with English category and ingredient tags (all-MiniLM-L6-v2
 * quantised, in an {@code EmbeddingStore}), co-purchase ("who ordered X also ordered Y", and what goes in the
 * same order) and recency-weighted popularity. Only products that can be made now are ever offered: the menu's
 * availability is read from stock's view on every request. A new customer gets the popular products.
 * The offline evaluation ({@code RecommenderEvaluationTest}) measures hit rate@5 and NDCG@5 against popularity.
 * <p>
 * Reads stock's {@code analytics_products}, {@code analytics_recipes} and orders' {@code analytics_order_lines};
 * publishes and consumes no messages.
 * <p>
 * Config keys: {@code ai.embeddings.model} ({@code all-minilm-l6-v2-q} | {@code onnx}),
 * {@code ai.embeddings.onnx.model-path}, {@code .tokenizer-path}, {@code .pooling} (MEAN | CLS),
 * {@code ai.embeddings.store} ({@code memory}), {@code ai.recommendations.history-days} (90),
 * {@code .half-life-days} (14), {@code .max-lines} (200000), {@code .cache-seconds} (60).
 */
package com.forno.pizzeria.ai.recommendations;
