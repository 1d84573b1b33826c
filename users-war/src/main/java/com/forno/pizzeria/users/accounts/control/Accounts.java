package com.forno.pizzeria.users.accounts.control;

import com.forno.pizzeria.platform.paging.Page;
import com.forno.pizzeria.platform.problems.Violations;
import com.forno.pizzeria.platform.addresses.Address;
import com.forno.pizzeria.users.accounts.entity.Role;
import com.forno.pizzeria.users.accounts.entity.User;
import com.forno.pizzeria.users.signin.control.Passwords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/** Registering, finding, editing and deleting accounts. Callers provide the transaction. */
@ApplicationScoped
public class Accounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    Clock clock = Clock.systemUTC();

    /** Refuses an email that has an account (409): before any hash, and outside the sign-up bulkhead. */
    public void requireFree(String email) {
        if (byEmail(email).isPresent()) {
            throw new EmailTaken();
        }
    }

    /**
     * On a bulkhead of its own (two at once, the rest 503 with Retry-After): a sign-up hashes a password, ~0.2 s of
     * CPU, and a flood of them must not take the CPU and threads the menu and the orders need. The email is checked
     * before the hash (callers check it before the bulkhead too), so a taken one costs no hash.
     */
    @Bulkhead(2)
    public User register(String name, String email, String password, String phone, Address address, Role role) {
        String normalized = Emails.normalize(email);
        checkPassword(password, normalized);
        requireFree(normalized);
        String hash = passwords.hash(password);
        User user = new User(name.strip(), normalized, phone, address, hash, role, now());
        try {
            em.persist(user);
            em.flush();
        } catch (PersistenceException e) {
            // a concurrent registration won the unique index between our check and our insert
            throw new EmailTaken();
        }
        return user;
    }

    /** The live account with this id; deleted accounts are gone for everyone. */
    public Optional<User> find(UUID id) {
        return Optional.ofNullable(em.find(User.class, id)).filter(user -> !user.isDeleted());
    }

    public Optional<User> byEmail(String email) {
        return em.createQuery("select u from User u where u.email = :email", User.class)
                .setParameter("email", Emails.normalize(email))
                .getResultStream().findFirst();
    }

    public User update(User user, String name, String email, String phone, Address address) {
        String normalized = Emails.normalize(email);
        if (!normalized.equals(user.email()) && byEmail(normalized).isPresent()) {
            throw new EmailTaken();
        }
        user.updateProfile(name.strip(), normalized, phone, address, now());
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new EmailTaken();
        }
        return user;
    }

    /**
     * A new password, on a bulkhead of its own like a sign-up (up to two hashes, ~0.4 s of CPU). The current
     * password is asked for unless {@code current} is empty, which only an admin changing someone else's may do.
     */
    @Bulkhead(2)
    public void changePassword(User user, Optional<String> current, String password, String email) {
        checkPassword(password, Emails.normalize(email));
        if (current.isPresent() && !passwords.matches(current.get(), user.passwordHash())) {
            throw new Violations("currentPassword", "is not the current password");
        }
        user.changePassword(passwords.hash(password), now());
    }

    public User changeRole(User user, Role role) {
        if (user.role() == Role.ADMIN && role != Role.ADMIN) {
            requireAnotherAdmin(user);
        }
        user.changeRole(role, now());
        return user;
    }

    public void delete(User user) {
        if (user.role() == Role.ADMIN) {
            requireAnotherAdmin(user);
        }
        user.erase(now());
    }

    public Page<User> list(String query, int limit, int offset) {
        String pattern = query == null || query.isBlank() ? "%" : "%" + escapeLike(query.strip().toLowerCase()) + "%";
        var where = " from User u where u.deletedAt is null and (lower(u.name) like :q escape '\\' or u.email like :q escape '\\')";
        return Page.of(em.createQuery("select count(u)" + where, Long.class).setParameter("q", pattern),
                em.createQuery("select u" + where + " order by u.createdAt, u.id", User.class).setParameter("q", pattern),
                limit, offset);
    }

    private void requireAnotherAdmin(User leaving) {
        // lock the admins so that two admins demoting each other at once cannot leave none
        long others = em.createQuery("select u from User u where u.role = :admin and u.deletedAt is null and u.id <> :id",
                        User.class)
                .setParameter("admin", Role.ADMIN)
                .setParameter("id", leaving.id())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().size();
        if (others == 0) {
            throw new LastAdmin();
        }
    }

    private static void checkPassword(String password, String email) {
        if (password.strip().equalsIgnoreCase(email)) {
            throw new Violations("password", "must not be the email");
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Microseconds: what PostgreSQL keeps, so a value reads back exactly as it was answered. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
