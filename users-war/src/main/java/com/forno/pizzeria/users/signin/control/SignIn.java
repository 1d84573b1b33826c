package com.forno.pizzeria.users.signin.control;

import com.forno.pizzeria.users.accounts.control.Accounts;
import com.forno.pizzeria.users.accounts.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/**
 * Checks credentials on a bulkhead of its own: at most three password hashes (~0.2 s of CPU each) run at once;
 * a sign-in beyond that is refused at once (503 with Retry-After) instead of taking the request threads and the
 * CPU that every other request needs. The gateway's rate limit on sign-ins keeps honest bursts below it. Tunable
 * with MicroProfile Fault Tolerance config ({@code com.forno.pizzeria.users.signin.control.SignIn/signIn/Bulkhead/value}).
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
    Tokens tokens;

    @Bulkhead(3)
    public Tokens.AccessToken signIn(String email, String password) {
        Optional<User> user = accounts.byEmail(email).filter(u -> !u.isDeleted());
        if (!passwords.matches(password, user.map(User::passwordHash).orElse(null))) {
            throw new InvalidCredentials();
        }
        return tokens.issue(user.orElseThrow());
    }
}
