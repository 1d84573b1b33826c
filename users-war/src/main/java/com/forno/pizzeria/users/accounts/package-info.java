/**
 * Accounts: sign-up, profiles, deletion (personal data erased, the id kept for order history), the admin's search
 * and role changes, and the first admin from configuration.
 * <p>
 * Publishes and consumes no messages. Config keys: {@code users.admin.email}, {@code users.admin.password}
 * (environment {@code USERS_ADMIN_EMAIL}, {@code USERS_ADMIN_PASSWORD}); {@code users.password.iterations}
 * (PBKDF2, default 600,000).
 */
package com.forno.pizzeria.users.accounts;
