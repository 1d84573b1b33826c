/**
 * The admin chatbot: {@code POST /chat {question}} (admin only) → {@code {answer, intent, data, source}}, the
 * answer in the question's language (Portuguese or English).
 * <p>
 * Twelve read-only tools ({@code control.ShopTools}, LangChain4j {@code @Tool} methods with validated parameters:
 * a period of at most 366 days, limits 1..50) over the analytics views: top products, orders rejected for lack of
 * stock and the short ingredients, orders by status, revenue, average ticket, payment failure rate, cancellations
 * by reason, low-stock ingredients, which ingredient runs out first and when, sold-out products, busiest hours,
 * best customers (name and count only); what each returns is a record of {@code entity.ToolResults}.
 * <p>
 * What they read ({@code control.AnalyticsQueries}, the chatbot's only SQL): sales, best sellers, revenue, average
 * ticket, best customers, payments, stock rejections and their short ingredients, cancellations, orders by status
 * and busiest hours come from orders' read model ({@code orders_read.analytics_*}: the rows GET /reports/* answers
 * from, so the chatbot and the console's reports agree to the cent, and are as fresh as they are); the menu, the
 * recipes, the stock, what it sold and the customers' names from the owning services' views. A sale is an order
 * confirmed and not rejected or cancelled since, on the local day of its confirmation; a payment counts in the
 * hour it was answered; a rejection or cancellation on the day the order ended; orders by status by the day they
 * were placed.
 * <p>
 * A question goes to {@code control.Chatbot}. Offline by default: a deterministic router ({@code control.Router})
 * picks the tool and its parameters from the words of the question (accents, case and typos tolerated; periods
 * such as hoje, esta semana, últimos N dias, 24/11 a 26/11, found by {@code control.PeriodFinder}; the product,
 * category, ingredient, status or customer it names, found by {@code control.FilterFinder}) and declines what it
 * cannot place, personal data, writes and new instructions. With {@code ai.chat.provider=openai} a language model
 * on any OpenAI-compatible endpoint picks the tools through LangChain4j AiServices
 * ({@code control.LanguageModelChat}); if it fails or times out, the router answers. Either way the model never
 * writes SQL, {@code control.ReplyComposer} writes or checks the answer's sentences, and every answer is stripped
 * of anything that looks like an e-mail address.
 * <p>
 * The vocabulary is data, in {@code src/main/resources/chat/}, read once at start: the words the router matches
 * ({@code vocabulary_pt.txt}, {@code vocabulary_en.txt}: each concept's synonyms, categories, statuses, what no
 * tool can filter by, ingredients' everyday names, numbers, months, named periods; {@code control.Vocabulary}) and
 * the reply templates ({@code replies_pt.properties}, {@code replies_en.properties}; {@code control.ReplyTemplates}).
 * A new synonym, status word or reply wording is a change of those files only; a new question type is its words
 * and templates there plus code: an {@code entity.Intent}, its rule in {@code Router.score} (which concepts point
 * to it), its tool method in {@code ShopTools} with its result record, and the branch that renders it.
 * <p>
 * Publishes and consumes no messages. Config keys: {@code ai.chat.provider} (offline | openai),
 * {@code ai.chat.today} (unset: the system clock's day in {@code ai.chat.zone}; a date yyyy-MM-dd fixes "today",
 * as the container evaluation does), {@code ai.chat.zone} (America/Sao_Paulo; the report rows' days are orders' {@code pizzeria.reports.time-zone}: keep
 * the two equal, or the chatbot's days are not the console's), {@code ai.chat.openai.base-url}, {@code .model}, {@code .api-key},
 * {@code .timeout-seconds} (20), {@code .max-tool-rounds} (4).
 */
package com.forno.pizzeria.ai.chat;
