package com.forno.pizzeria.stock.reservations.control;

import com.forno.pizzeria.contracts.Json;
import com.forno.pizzeria.contracts.stock.CommitReservation;
import com.forno.pizzeria.contracts.stock.ReleaseReservation;
import com.forno.pizzeria.contracts.stock.ReservationLost;
import com.forno.pizzeria.contracts.stock.ReserveStock;
import com.forno.pizzeria.contracts.stock.StockRejected;
import com.forno.pizzeria.contracts.stock.StockRejected.Shortage;
import com.forno.pizzeria.contracts.stock.StockReserved;
import com.forno.pizzeria.platform.messaging.Outbox;
import com.forno.pizzeria.stock.alerts.control.Alerts;
import com.forno.pizzeria.stock.ingredients.control.Ingredients;
import com.forno.pizzeria.stock.ingredients.entity.Change;
import com.forno.pizzeria.stock.ingredients.entity.Ingredient;
import com.forno.pizzeria.stock.ingredients.entity.MovementType;
import com.forno.pizzeria.stock.menu.entity.Product;
import com.forno.pizzeria.stock.reservations.entity.Reservation;
import com.forno.pizzeria.stock.reservations.entity.ReservationLine;
import com.forno.pizzeria.stock.reservations.entity.ReservationState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holding ingredients for orders: reserve (all or nothing), commit, release, expire. Each call runs in the caller's
 * transaction (a message handler's, with its inbox and outbox rows; or the sweeper's), and answers through the
 * outbox in that same transaction.
 * <p>
 * Locks, always in this order so that no two transactions wait on each other in a circle: the order (a
 * transaction-scoped advisory lock, so that two commands about one order, on two instances, run one after the
 * other even before the order has a row), its reservation row, the ingredient rows in sku order, then the product
 * rows whose sale state may flip (see {@link Alerts}). A late commit that holds an expired reservation again takes
 * them in this order too, as a reservation does.
 * <p>
 * A stateless EJB with MANDATORY: it begins no transaction and refuses to run outside one; it joins the one its
 * caller began in an EJB invocation (the platform's {@code Deliveries} for a command, {@code Batches} for a
 * sweep). Everything it writes, its outbox rows included ({@link Outbox} writes through the caller's
 * EntityManager), goes through the EntityManager, on that transaction's one connection.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Reservations {

    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    public static final String PRODUCT_UNAVAILABLE = "PRODUCT_UNAVAILABLE";
    public static final String INVALID_REQUEST = "INVALID_REQUEST";
    public static final String CANCELLED = "CANCELLED";
    public static final String EXPIRED = "EXPIRED";
    /** ReservationLost's reason when a confirmation names an order stock has no reservation of */
    public static final String NO_RESERVATION = "NO_RESERVATION";
    /** why a reservation was held a second time (see {@link #commit}): its reason and its ledger lines' */
    static final String HELD_AGAIN = "held again for a confirmation that came after the hold expired";

    private static final System.Logger LOG = System.getLogger(Reservations.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Ingredients ingredients;

    @Inject
    Alerts alerts;

    @Inject
    Outcomes outcomes;

    @Inject
    @ConfigProperty(name = "stock.reservation.ttl-seconds", defaultValue = "600")
    long ttlSeconds;

    Clock clock = Clock.systemUTC();

    /**
     * Holds every ingredient the order needs, or nothing. Answers StockReserved or StockRejected. An order that
     * already has a reservation gets the same answer again and nothing is held twice.
     */
    public void reserve(ReserveStock command) {
        UUID orderId = requireOrderId(command.orderId());
        lockOrder(orderId);
        Reservation existing = em.find(Reservation.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (existing != null) {
            answerAgain(existing);
            return;
        }
        Instant now = now();
        Optional<Map<UUID, Long>> units = Needs.unitsPerProduct(command.lines());
        if (units.isEmpty()) {
            reject(orderId, INVALID_REQUEST, List.of(), now);
            return;
        }
        List<Product> products = em.createQuery("select p from Product p where p.id in :ids", Product.class)
                .setParameter("ids", List.copyOf(units.get().keySet()))
                .getResultList();
        if (products.size() != units.get().size() || products.stream().anyMatch(p -> !p.offeredAt(now))) {
            reject(orderId, PRODUCT_UNAVAILABLE, List.of(), now);
            return;
        }
        SortedMap<String, Long> needs;
        try {
            needs = Needs.perIngredient(units.get(),
                    products.stream().collect(Collectors.toMap(Product::id, Product::recipe)));
        } catch (ArithmeticException e) {
            LOG.log(Level.WARNING, "order {0} asks for absurd quantities: {1}", orderId, e.getMessage());
            reject(orderId, INVALID_REQUEST, List.of(), now);
            return;
        }
        SortedMap<String, Ingredient> locked = ingredients.lockAll(needs.keySet());
        List<Shortage> shortages = Needs.shortages(needs, locked.values().stream()
                .collect(Collectors.toMap(Ingredient::sku, Ingredient::available)), names(locked));
        if (!shortages.isEmpty()) {
            reject(orderId, OUT_OF_STOCK, shortages, now);
            return;
        }
        Map<String, Long> freeBefore = Alerts.freeNow(locked.values());
        Change change = Change.forOrder(orderId, now, "held for the order");
        needs.forEach((sku, quantity) -> em.persist(locked.get(sku).reserve(quantity, change)));
        Reservation reservation = Reservation.held(orderId, needs, now.plusSeconds(ttlSeconds), now);
        em.persist(reservation);
        outbox.send(new StockReserved(orderId, reservation.expiresAt()), orderId);
        outcomes.count(Outcomes.RESERVED, 1);
        alerts.ingredientsChanged(locked.values(), freeBefore);
    }

    /**
     * The order is confirmed: what is held is sold. A HELD reservation is committed even if its time ran out a moment
     * ago and the sweeper has not come by yet: the stock is still held.
     * <p>
     * Called for CommitReservation and for OrderConfirmed alike (the confirmation is bound to stock's queue).
     * Orders confirms only on a hold that has time left, but the confirmation may still arrive after the
     * sweeper expired it (stock or the broker was down longer than the hold's remaining time). The order is then
     * confirmed and paid for, so an EXPIRED reservation is held again, exactly as it was reserved (its ingredient
     * rows locked in sku order, every line within what is free, all or nothing), and committed at once (outcome
     * {@code recommitted}); if the ingredients are gone meanwhile, nothing is held, the reservation becomes LOST and
     * orders is told with ReservationLost (reason EXPIRED, the shortages), so that it cancels and refunds (outcome
     * {@code lost}). A confirmation for an order with no reservation at all cannot be honoured either: a LOST row
     * is recorded (a late ReserveStock is refused) and answered ReservationLost (NO_RESERVATION). A LOST
     * reservation answers every repeated confirmation the same way and never holds anything, even if stock came
     * back meanwhile: orders has cancelled the order by then. Commits of COMMITTED (a repeat), RELEASED (the order
     * went away first) and REJECTED reservations change nothing.
     * <p>
     * Only the reservation changes when it was HELD; its SALE reaches the ingredient rows with others in
     * {@link #settleSales}, so that an order locks its ingredient rows once (to reserve). Until then the quantities
     * stay counted in on_hand and in reserved alike, so what can be promised is already right.
     */
    public void commit(CommitReservation command) {
        UUID orderId = requireOrderId(command.orderId());
        lockOrder(orderId);
        Reservation reservation = em.find(Reservation.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = now();
        if (reservation == null) {
            LOG.log(Level.WARNING, "commit of order {0}, which has no reservation here: answering ReservationLost",
                    orderId);
            reservation = Reservation.lostWithoutHold(orderId, NO_RESERVATION, Json.toJson(List.of()), now);
            em.persist(reservation);
            lost(reservation);
            return;
        }
        switch (reservation.state()) {
            case HELD -> {
                reservation.commit(now);
                outcomes.count(Outcomes.COMMITTED, 1);
            }
            case EXPIRED -> holdAgainAndCommit(reservation, now);
            case LOST -> {
                LOG.log(Level.INFO, "commit of order {0} again: its reservation is lost, answered again", orderId);
                answerLost(reservation);
            }
            case COMMITTED, RELEASED, REJECTED -> LOG.log(Level.INFO,
                    "commit of order {0} ignored: its reservation is {1}", orderId, reservation.state());
        }
    }

    /** An expired reservation's lines, held again and sold, or nothing held and the reservation lost. */
    private void holdAgainAndCommit(Reservation reservation, Instant now) {
        UUID orderId = reservation.orderId();
        SortedMap<String, Long> needs = reservation.needs();
        SortedMap<String, Ingredient> locked = ingredients.lockAll(needs.keySet());
        Map<String, Long> freeBefore = Alerts.freeNow(locked.values());
        List<Shortage> shortages = Needs.shortages(needs, freeBefore, names(locked));
        if (!shortages.isEmpty()) {
            LOG.log(Level.WARNING, "order {0} was confirmed after its hold expired, and its stock is gone: {1}",
                    orderId, shortages);
            reservation.lost(EXPIRED, Json.toJson(shortages), now);
            lost(reservation);
            return;
        }
        Change change = Change.forOrder(orderId, now, HELD_AGAIN);
        needs.forEach((sku, quantity) -> em.persist(locked.get(sku).reserve(quantity, change)));
        reservation.heldAgainAndCommitted(HELD_AGAIN, now);
        outcomes.count(Outcomes.RECOMMITTED, 1);
        alerts.ingredientsChanged(locked.values(), freeBefore);
        LOG.log(Level.INFO, "order {0} was confirmed after its hold expired: held again and sold", orderId);
    }

    private void lost(Reservation reservation) {
        answerLost(reservation);
        outcomes.count(Outcomes.LOST, 1);
    }

    private void answerLost(Reservation reservation) {
        outbox.send(new ReservationLost(reservation.orderId(), reservation.reason(),
                shortagesFrom(reservation.shortagesJson())), reservation.orderId());
    }

    /**
     * Applies up to {@code batch} committed sales (SALE: on_hand and reserved shrink together) in the caller's
     * transaction, locking each ingredient once for the whole batch; returns how many. SKIP LOCKED: two instances
     * settle different reservations. A sale lowers on_hand and reserved alike: no low-stock or sold-out state changes.
     */
    public int settleSales(int batch) {
        List<Reservation> sold = lockDue("sale_pending", "updated_at", batch);
        if (sold.isEmpty()) {
            return 0;
        }
        Instant now = now();
        SortedMap<String, Ingredient> locked = ingredients.lockAll(skus(sold));
        for (Reservation reservation : sold) {
            Change change = Change.forOrder(reservation.orderId(), now, "order confirmed");
            reservation.lines().forEach(line -> em.persist(locked.get(line.sku()).sell(line.quantity(), change)));
            reservation.saleSettled();
        }
        return sold.size();
    }

    /**
     * The order will not go ahead: what is held goes back (RELEASE). With no reservation yet (the release overtook
     * its reservation), a RELEASED tombstone makes the late reservation be refused. A COMMITTED reservation is
     * left alone: the sale happened and the food may be in the oven; whatever can be reused is put back by an
     * admin's ADJUSTMENT, not guessed here. An EXPIRED one has nothing left to give back, but becomes RELEASED: a
     * confirmation still on its way (an admin cancelled a confirmed order whose commit has not been applied yet)
     * must not hold it again for an order that went away.
     */
    public void release(ReleaseReservation command) {
        UUID orderId = requireOrderId(command.orderId());
        lockOrder(orderId);
        Reservation reservation = em.find(Reservation.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = now();
        String reason = command.reason() == null ? "released" : command.reason();
        if (reservation == null) {
            LOG.log(Level.INFO, "release of order {0} came before its reservation: it will be refused", orderId);
            em.persist(Reservation.tombstone(orderId, reason, now));
            return;
        }
        if (reservation.state() == ReservationState.EXPIRED) {
            LOG.log(Level.INFO, "release of order {0}: its hold had expired already; a late commit is refused", orderId);
            reservation.releaseExpired(reason, now);
            return;
        }
        if (reservation.state() != ReservationState.HELD) {
            LOG.log(Level.INFO, "release of order {0} ignored: its reservation is {1}", orderId, reservation.state());
            return;
        }
        giveBack(List.of(reservation), MovementType.RELEASE, reason, now);
        reservation.release(reason, now);
        outcomes.count(Outcomes.RELEASED, 1);
    }

    /**
     * Expires up to {@code batch} holds whose time is up (EXPIRE), in the caller's transaction; returns how many.
     * SKIP LOCKED: two instances sweeping at once take different reservations, and a reservation being committed or
     * released right now is left to that command.
     */
    public int expireDue(int batch) {
        List<Reservation> reservations = lockDue("state = 'HELD' and expires_at <= now()", "expires_at", batch);
        if (reservations.isEmpty()) {
            return 0;
        }
        Instant now = now();
        giveBack(reservations, MovementType.EXPIRE, "hold expired", now);
        reservations.forEach(reservation -> reservation.expire(now));
        outcomes.count(Outcomes.EXPIRED, reservations.size());
        LOG.log(Level.INFO, "expired {0} reservation(s)", reservations.size());
        return reservations.size();
    }

    /**
     * Up to {@code batch} reservations matching {@code condition}, oldest by {@code order} first, locked until the
     * caller's transaction ends; rows another transaction holds are skipped (the sweepers' way of sharing work).
     */
    private List<Reservation> lockDue(String condition, String order, int batch) {
        @SuppressWarnings("unchecked")
        List<Reservation> due = em.createNativeQuery("select * from reservation where " + condition
                        + " order by " + order + " limit ?1 for update skip locked", Reservation.class)
                .setParameter(1, batch)
                .getResultList();
        return due;
    }

    /** Returns what these reservations hold; all their ingredients are locked at once, in sku order. */
    private void giveBack(List<Reservation> reservations, MovementType why, String reason, Instant now) {
        SortedMap<String, Ingredient> locked = ingredients.lockAll(skus(reservations));
        Map<String, Long> freeBefore = Alerts.freeNow(locked.values());
        for (Reservation reservation : reservations) {
            Change change = Change.forOrder(reservation.orderId(), now, reason);
            reservation.lines().forEach(line -> em.persist(locked.get(line.sku()).unreserve(why, line.quantity(), change)));
        }
        alerts.ingredientsChanged(locked.values(), freeBefore);
    }

    private void answerAgain(Reservation reservation) {
        UUID orderId = reservation.orderId();
        LOG.log(Level.INFO, "order {0} asked again; its reservation is {1}", orderId, reservation.state());
        switch (reservation.state()) {
            case HELD, COMMITTED -> outbox.send(new StockReserved(orderId, reservation.expiresAt()), orderId);
            case RELEASED -> outbox.send(new StockRejected(orderId, CANCELLED, List.of()), orderId);
            case EXPIRED -> outbox.send(new StockRejected(orderId, EXPIRED, List.of()), orderId);
            case REJECTED, LOST -> outbox.send(new StockRejected(orderId, reservation.reason(),
                    shortagesFrom(reservation.shortagesJson())), orderId);
        }
    }

    /** Nothing is held; the answer is kept so that the same request gets the same answer. */
    private void reject(UUID orderId, String reason, List<Shortage> shortages, Instant now) {
        em.persist(Reservation.rejected(orderId, reason, Json.toJson(shortages), now));
        outbox.send(new StockRejected(orderId, reason, shortages), orderId);
        outcomes.rejected(reason);
    }

    /**
     * Serialises every command about one order, across instances, until the transaction ends. Collisions of the
     * 64-bit key only make two unrelated orders wait for each other: harmless.
     */
    private void lockOrder(UUID orderId) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(?1)) as locked")
                .setParameter(1, orderId.getMostSignificantBits() ^ orderId.getLeastSignificantBits())
                .getSingleResult();
    }

    private static UUID requireOrderId(UUID orderId) {
        if (orderId == null) {
            // nobody to answer: let it fail, so it is redelivered and then dead-lettered for an operator to see
            throw new IllegalArgumentException("a stock command needs an orderId");
        }
        return orderId;
    }

    private static TreeSet<String> skus(List<Reservation> reservations) {
        return reservations.stream().flatMap(r -> r.lines().stream()).map(ReservationLine::sku)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, String> names(SortedMap<String, Ingredient> ingredients) {
        return ingredients.values().stream().collect(Collectors.toMap(Ingredient::sku, Ingredient::name));
    }

    private static List<Shortage> shortagesFrom(String json) {
        return json == null ? List.of() : Arrays.asList(Json.fromJson(json, Shortage[].class));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
