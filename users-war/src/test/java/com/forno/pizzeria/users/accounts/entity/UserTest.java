package com.forno.pizzeria.users.accounts.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void deletingKeepsTheIdAndErasesEverythingPersonalFreeingTheEmail() {
        User user = new User("Ana Souza", "ana@example.com", "+5511987654321", null, "pbkdf2:hash", Role.ADMIN, NOW);

        user.erase(NOW.plusSeconds(60));

        assertThat(user.isDeleted()).isTrue();
        assertThat(user.name()).isEqualTo("Deleted user");
        assertThat(user.email()).isEqualTo("deleted+" + user.id() + "@invalid").doesNotContain("ana");
        assertThat(user.phone()).isNull();
        assertThat(user.address()).isNull();
        assertThat(user.passwordHash()).as("no password signs in to a deleted account").isNull();
        assertThat(user.createdAt()).isEqualTo(NOW);
    }

    @Test
    void aProfileUpdateReachesNeitherIdNorRoleNorCreationTime() {
        User user = new User("Ana", "ana@example.com", null, null, "pbkdf2:hash", Role.CUSTOMER, NOW);
        var id = user.id();

        user.updateProfile("Ana Souza", "ana.souza@example.com", "+5511987654321", null, NOW.plusSeconds(60));

        assertThat(user.id()).isEqualTo(id);
        assertThat(user.role()).isEqualTo(Role.CUSTOMER);
        assertThat(user.createdAt()).isEqualTo(NOW);
        assertThat(user.name()).isEqualTo("Ana Souza");
        assertThat(user.email()).isEqualTo("ana.souza@example.com");
        assertThat(user.isDeleted()).isFalse();
    }

    @Test
    void aRoleIsSpelledAsTheTokensGroupBothWaysAndAnUnknownOneIsRefused() {
        RoleConverter converter = new RoleConverter();
        for (Role role : Role.values()) {
            assertThat(Role.of(role.value())).contains(role);
            assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(role))).isEqualTo(role);
        }
        assertThat(Role.ADMIN.value()).isEqualTo("admin");
        assertThat(Role.of("ADMIN")).as("one spelling only").isEmpty();
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isNull();
        assertThatThrownBy(() -> converter.convertToEntityAttribute("owner")).isInstanceOf(IllegalStateException.class);
    }
}
