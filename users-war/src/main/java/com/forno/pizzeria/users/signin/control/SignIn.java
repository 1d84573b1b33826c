package com.forno.pizzeria.users.signin.control;

import com.forno.pizzeria.users.accounts.control.Accounts;
import com.forno.pizzeria.users.accounts.control.Emails;
import com.forno.pizzeria.users.accounts.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/**
 * Checks credentials on a bulkhead of its own: at most three password hashes (~0.2 s of CPU each) run at once;
 * a sign-in beyond that is refused at once (503 with Retry-After) instead of taking the request threads and the
 * CPU that every other request needs. The gateway's rate limit on sign-ins keeps honest bursts below it. Tunable
 * with MicroProfile Fault Tolerance config ({@code com.forno.pizzeria.users.signin.control.SignIn/check/Bulkhead/value}).
 * Synchronous on purpose: Payara 6.2025.10's asynchronous bulkhead with a waiting queue left some queued calls
 * unanswered once its executor had more than one thread.
 */
@ApplicationScoped
public class SignIn {

    @Inject
    Accounts accounts;

    @Inject
    Passwords passwords;

    @Inject
    FailedSignIns failedSignIns;

    /**
     * The account whose email and password these are, from a client at {@code address}; refused at once, before
     * any hash, while that account is throttled ({@link FailedSignIns}).
     */
    @Bulkhead(3)
    public User check(String email, String password, String address) {
        String account = Emails.normalize(email);
        failedSignIns.check(account, address);
        Optional<User> user = accounts.byEmail(account).filter(u -> !u.isDeleted());
        if (!passwords.matches(password, user.map(User::passwordHash).orElse(null))) {
            failedSignIns.failed(account, address);
            throw new InvalidCredentials();
        }
        failedSignIns.succeeded(account, address);
        return user.orElseThrow();
    }
}
