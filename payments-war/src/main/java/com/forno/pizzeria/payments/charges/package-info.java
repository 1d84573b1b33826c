/**
 * Charges: card authorisations, captures, voids and refunds for the order saga, and reading them back.
 * <p>
 * <b>Consumes</b> {@code payments.commands}: {@code AuthorizePayment}, {@code CapturePayment} or the order's
 * {@code OrderConfirmed} (bound to the queue: the same capture), {@code VoidPayment}
 * ({@link com.forno.pizzeria.payments.charges.boundary.PaymentCommands}). <b>Publishes</b>, through the outbox, to
 * {@code orders.replies}: {@code PaymentAuthorized} or {@code PaymentDeclined} for every AuthorizePayment (a repeat
 * gets the first answer again); nothing for a capture or a void.
 * <p>
 * <b>States</b> (per payment): AUTHORIZED → CAPTURED | VOIDED; CAPTURED → REFUNDED; DECLINED is final. At most one
 * payment per order. A void with no payment yet leaves a tombstone on the order: the late authorisation is declined
 * CANCELLED and the processor is never asked. Every command locks its order's row first, so the commands of an
 * order apply one at a time; the inbox makes each message apply once; the order id is the processor's idempotency
 * key (its reference), so a redelivery after a crash never holds money twice.
 * <p>
 * <b>Unknown outcomes</b>: an authorisation whose answer never came (every attempt timed out, or failed with an
 * error: a 5xx may come after the processor acted) may have left money held. It is never taken for a plain decline:
 * the order's reference is voided first, then the card is declined with its reason (PROCESSOR_TIMEOUT,
 * PROCESSOR_ERROR). If that void fails as well, the saga is answered at once all the same, and the DECLINED payment
 * owes the void ({@code payments.void_pending_since}) until the resolver
 * ({@link com.forno.pizzeria.payments.charges.boundary.Resolver}) gets it through; {@code payments_unresolved}
 * counts them and the alert PaymentsUnresolved fires when one is owed for 10 minutes. An open circuit is not
 * unknown (the processor was not asked), unless it opened between the retries of an authorisation.
 * <p>
 * <b>Processor</b>: {@link com.forno.pizzeria.payments.charges.control.CardProcessor}, today the
 * {@link com.forno.pizzeria.payments.charges.control.FakeCardProcessor} (test tokens of the API; its holds in
 * {@code fake_processor_holds}, written apart from payments' transactions like an external system's), called through
 * {@link com.forno.pizzeria.payments.charges.control.Acquirer} (timeout, retry, circuit breaker, fallback to a
 * decline: PROCESSOR_ERROR, PROCESSOR_TIMEOUT, PROCESSOR_UNAVAILABLE). The call happens inside the inbox transaction's
 * time but on Fault Tolerance's own thread, bounded to ~7 s (~13 s with a void by reference); only the processor call
 * is retried, the database work is done once, after the answer.
 * <p>
 * <b>REST</b>: {@code GET /payments?orderId=}, {@code GET /payments/{id}} for the paying customer or an admin;
 * someone else's payment is absent from lists and 404 by id; kitchen 403.
 * <p>
 * <b>Config keys</b>: MicroProfile FT per method of {@code com.forno.pizzeria.payments.charges.control.Acquirer}
 * ({@code authorize}, {@code capture}, {@code voidAuthorization}, {@code voidByReference}, {@code refund}), e.g.
 * {@code …Acquirer/authorize/Timeout/value} (2000 ms), {@code …/Retry/maxRetries} (2), {@code …/Retry/delay}
 * (200 ms), {@code …/Retry/jitter} (100 ms), and for {@code authorize} only {@code …/CircuitBreaker/requestVolumeThreshold}
 * (10), {@code …/CircuitBreaker/failureRatio} (0.5), {@code …/CircuitBreaker/delay} (10000 ms); each also as an
 * environment variable ({@code COM_FORNO_PIZZERIA_PAYMENTS_CHARGES_CONTROL_ACQUIRER_AUTHORIZE_TIMEOUT_VALUE}). Keep
 * timeout × (maxRetries + 1) + delays well below 60 s (the consumer's limit per message) and below any JTA
 * transaction timeout. The resolver: {@code payments.unresolved.retry-ms} (30000) between passes,
 * {@code payments.unresolved.batch-size} (20) payments per transaction. Plus the platform's
 * {@code pizzeria.messaging.consumers} (sessions on payments.commands).
 */
package com.forno.pizzeria.payments.charges;
