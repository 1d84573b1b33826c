package com.forno.pizzeria.users.signin.control;

import com.forno.pizzeria.users.accounts.control.Accounts;
import com.forno.pizzeria.users.accounts.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/**
 * Checks credentials on a bulkhead of its own: at most two password hashes run at once and a short queue absorbs a
 * burst; beyond that a sign-in is refused at once (503) instead of taking the request threads and the CPU that
 * every other request needs. Tunable with MicroProfile Fault Tolerance config
 * ({@code com.forno.pizzeria.users.signin.control.SignIn/signIn/Bulkhead/value}).
 */
@ApplicationScoped
public class SignIn {

    @Inject
    Accounts accounts;

    @Inject
    Passwords passwords;

    @Inject
    Tokens tokens;

    @Asynchronous
    @Bulkhead(value = 2, waitingTaskQueue = 16)
    public CompletionStage<Tokens.AccessToken> signIn(String email, String password) {
        Optional<User> user = accounts.byEmail(email).filter(u -> !u.isDeleted());
        if (!passwords.matches(password, user.map(User::passwordHash).orElse(null))) {
            return CompletableFuture.failedFuture(new InvalidCredentials());
        }
        return CompletableFuture.completedFuture(tokens.issue(user.orElseThrow()));
    }
}
