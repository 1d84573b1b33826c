package com.forno.pizzeria.users.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.forno.pizzeria.platform.problems.Violations;
import com.forno.pizzeria.users.accounts.entity.Role;
import com.forno.pizzeria.users.accounts.entity.User;
import com.forno.pizzeria.users.signin.control.Passwords;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account rules, with a stand-in for the database: it answers the email lookup and the search for other admins
 * from what each test sets, and records what the code asked (parameters, lock mode). The queries' JPQL itself, the
 * unique index on the email and the row locks are proved by the container tests (RegistrationIT, AdministrationIT).
 */
class AccountsTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00.123456789Z");

    final Map<String, User> byEmail = new HashMap<>();
    final List<User> persisted = new ArrayList<>();
    final List<String> hashed = new ArrayList<>();
    final Map<String, Object> parameters = new HashMap<>();
    List<User> otherAdmins = List.of();
    LockModeType lockMode;
    boolean uniqueIndexRefuses;
    Accounts accounts;

    @BeforeEach
    void accounts() {
        accounts = new Accounts();
        accounts.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        accounts.passwords = new Passwords() {
            @Override
            public String hash(String password) {
                hashed.add(password);
                return "pbkdf2:" + new StringBuilder(password).reverse();
            }

            @Override
            public boolean matches(String password, String hash) {
                return hash != null && hash.equals("pbkdf2:" + new StringBuilder(password).reverse());
            }
        };
        accounts.em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "persist" -> {
                        if (uniqueIndexRefuses) {
                            throw new PersistenceException("duplicate key value violates unique constraint");
                        }
                        persisted.add((User) args[0]);
                        yield null;
                    }
                    case "flush" -> {
                        if (uniqueIndexRefuses) {
                            throw new PersistenceException("duplicate key value violates unique constraint");
                        }
                        yield null;
                    }
                    case "find" -> persisted.stream().filter(user -> user.id().equals(args[1])).findFirst().orElse(null);
                    case "createQuery" -> query((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private TypedQuery<?> query(String jpql) {
        return (TypedQuery<?>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TypedQuery.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setParameter" -> {
                        parameters.put((String) args[0], args[1]);
                        yield proxy;
                    }
                    case "setLockMode" -> {
                        lockMode = (LockModeType) args[0];
                        yield proxy;
                    }
                    case "setFirstResult", "setMaxResults" -> {
                        parameters.put(method.getName(), args[0]);
                        yield proxy;
                    }
                    case "getResultStream" -> Optional.ofNullable(byEmail.get((String) parameters.get("email"))).stream();
                    case "getResultList" -> jpql.contains(":admin") ? otherAdmins : List.of();
                    case "getSingleResult" -> 0L;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    User existing(String email, Role role) {
        User user = new User("Someone", email, null, null, "pbkdf2:drowssap-tnerruc", role, NOW.minusSeconds(3600));
        byEmail.put(email, user);
        persisted.add(user);
        return user;
    }

    // --- registering ---------------------------------------------------------------------------------------

    @Test
    void aSignUpKeepsOneSpellingOfTheEmailTheNameWithoutBlanksAndOnlyTheHash() {
        User user = accounts.register("  Ana Souza ", " Ana.Souza@Example.COM ", "uma senha longa", "+5511987654321",
                null, Role.CUSTOMER);

        assertThat(user.email()).isEqualTo("ana.souza@example.com");
        assertThat(user.name()).isEqualTo("Ana Souza");
        assertThat(user.role()).isEqualTo(Role.CUSTOMER);
        assertThat(user.passwordHash()).isEqualTo("pbkdf2:agnol ahnes amu").doesNotContain("uma senha longa");
        assertThat(user.createdAt()).as("what PostgreSQL keeps: microseconds")
                .isEqualTo(Instant.parse("2026-12-07T10:00:00.123456Z"));
        assertThat(persisted).containsExactly(user);
        assertThat(parameters.get("email")).as("looked up as it is stored").isEqualTo("ana.souza@example.com");
    }

    @Test
    void aPasswordThatIsTheEmailIsRefusedBeforeAnyHash() {
        assertThatThrownBy(() -> accounts.register("Ana", "ana@example.com", "  ANA@example.com ", null, null,
                Role.CUSTOMER)).isInstanceOf(Violations.class);

        assertThat(hashed).isEmpty();
        assertThat(persisted).isEmpty();
    }

    @Test
    void anEmailWithAnAccountIsRefusedInAnySpellingBeforeAnyHash() {
        existing("ana@example.com", Role.CUSTOMER);

        assertThatThrownBy(() -> accounts.register("Ana", "ANA@example.com ", "uma senha longa", null, null,
                Role.CUSTOMER)).isInstanceOf(EmailTaken.class);
        assertThatThrownBy(() -> accounts.requireFree(" Ana@Example.com")).isInstanceOf(EmailTaken.class);
        assertThat(hashed).isEmpty();
    }

    @Test
    void aSignUpThatLosesTheRaceToTheUniqueIndexIsToldTheEmailIsTaken() {
        uniqueIndexRefuses = true;

        assertThatThrownBy(() -> accounts.register("Ana", "ana@example.com", "uma senha longa", null, null,
                Role.CUSTOMER)).isInstanceOf(EmailTaken.class);
    }

    // --- finding and editing --------------------------------------------------------------------------------

    @Test
    void aDeletedAccountIsFoundByNobody() {
        User user = existing("ana@example.com", Role.CUSTOMER);
        assertThat(accounts.find(user.id())).contains(user);

        accounts.delete(user);

        assertThat(accounts.find(user.id())).isEmpty();
        assertThat(accounts.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aProfileMayKeepItsOwnEmailInAnotherSpellingButNotTakeAnothersEmail() {
        User ana = existing("ana@example.com", Role.CUSTOMER);
        existing("bia@example.com", Role.CUSTOMER);

        accounts.update(ana, " Ana Souza ", "ANA@example.com", null, null);
        assertThat(ana.email()).isEqualTo("ana@example.com");
        assertThat(ana.name()).isEqualTo("Ana Souza");

        assertThatThrownBy(() -> accounts.update(ana, "Ana", "Bia@Example.com", null, null))
                .isInstanceOf(EmailTaken.class);
        assertThat(ana.email()).isEqualTo("ana@example.com");
    }

    @Test
    void aProfileUpdateThatLosesTheRaceToTheUniqueIndexIsToldTheEmailIsTaken() {
        User ana = existing("ana@example.com", Role.CUSTOMER);
        uniqueIndexRefuses = true;

        assertThatThrownBy(() -> accounts.update(ana, "Ana", "nova@example.com", null, null))
                .isInstanceOf(EmailTaken.class);
    }

    @Test
    void aNewPasswordNeedsTheCurrentOneUnlessAnAdminSetsIt() {
        User ana = existing("ana@example.com", Role.CUSTOMER);
        String before = ana.passwordHash();

        assertThatThrownBy(() -> accounts.changePassword(ana, Optional.of("wrong password"), "outra senha longa",
                ana.email())).isInstanceOf(Violations.class);
        assertThat(ana.passwordHash()).isEqualTo(before);

        accounts.changePassword(ana, Optional.of("current-password"), "outra senha longa", ana.email());
        assertThat(accounts.passwords.matches("outra senha longa", ana.passwordHash())).isTrue();

        accounts.changePassword(ana, Optional.empty(), "a terceira senha", ana.email());
        assertThat(accounts.passwords.matches("a terceira senha", ana.passwordHash())).isTrue();
    }

    @Test
    void aNewPasswordThatIsTheEmailIsRefused() {
        User ana = existing("ana@example.com", Role.CUSTOMER);

        assertThatThrownBy(() -> accounts.changePassword(ana, Optional.empty(), "Ana@Example.com", " ana@example.com"))
                .isInstanceOf(Violations.class);
        assertThat(hashed).isEmpty();
    }

    // --- roles and the last admin ---------------------------------------------------------------------------

    @Test
    void theLastAdminCannotBeDemotedNorDeleted() {
        User admin = existing("admin@example.com", Role.ADMIN);
        otherAdmins = List.of();

        assertThatThrownBy(() -> accounts.changeRole(admin, Role.KITCHEN)).isInstanceOf(LastAdmin.class);
        assertThatThrownBy(() -> accounts.delete(admin)).isInstanceOf(LastAdmin.class);
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.isDeleted()).isFalse();
        assertThat(parameters).containsEntry("admin", Role.ADMIN).containsEntry("id", admin.id());
        assertThat(lockMode).as("the other admins are locked: two demoting each other cannot leave none")
                .isEqualTo(LockModeType.PESSIMISTIC_WRITE);
    }

    @Test
    void anAdminGoesWhenAnotherStays() {
        User admin = existing("admin@example.com", Role.ADMIN);
        otherAdmins = List.of(existing("chefe@example.com", Role.ADMIN));

        accounts.changeRole(admin, Role.CUSTOMER);
        assertThat(admin.role()).isEqualTo(Role.CUSTOMER);

        User another = existing("outro@example.com", Role.ADMIN);
        accounts.delete(another);
        assertThat(another.isDeleted()).isTrue();
    }

    @Test
    void promotingOrMovingANonAdminNeedsNoOtherAdmin() {
        User cook = existing("cozinha@example.com", Role.KITCHEN);

        accounts.changeRole(cook, Role.ADMIN);
        assertThat(cook.role()).isEqualTo(Role.ADMIN);
        accounts.delete(existing("cliente@example.com", Role.CUSTOMER));
        assertThat(lockMode).as("no admin looked up").isNull();
    }

    // --- listing --------------------------------------------------------------------------------------------

    @Test
    void aSearchMatchesItsTextLiterallyIgnoringCaseAndBlanks() {
        accounts.list("  50%_Off\\ ", 20, 40);
        assertThat(parameters.get("q")).isEqualTo("%50\\%\\_off\\\\%");
        assertThat(parameters).containsEntry("setFirstResult", 40).containsEntry("setMaxResults", 20);

        accounts.list("  ", 20, 0);
        assertThat(parameters.get("q")).isEqualTo("%");
        accounts.list(null, 20, 0);
        assertThat(parameters.get("q")).isEqualTo("%");
    }
}
