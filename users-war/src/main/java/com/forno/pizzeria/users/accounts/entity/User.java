package com.forno.pizzeria.users.accounts.entity;

import com.forno.pizzeria.platform.addresses.Address;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * An account. Its id, role and creation time are the server's: no profile update reaches them. Deleting keeps the
 * row (orders and payments still name this id) and erases everything personal, so the email is free again.
 */
@Entity
@Table(name = "users")
public class User {

    @Id
    private UUID id;
    private String name;
    private String email;
    private String phone;
    @Embedded
    private Address address;
    private String passwordHash;
    @Convert(converter = RoleConverter.class)
    private Role role;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;
    private Instant deletedAt;
    @Version
    private long version;

    protected User() {
    }

    public User(String name, String email, String phone, Address address, String passwordHash, Role role, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.address = address;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void updateProfile(String name, String email, String phone, Address address, Instant now) {
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.address = address;
        this.updatedAt = now;
    }

    public void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.updatedAt = now;
    }

    public void changeRole(Role role, Instant now) {
        this.role = role;
        this.updatedAt = now;
    }

    public void erase(Instant now) {
        this.name = "Deleted user";
        this.email = "deleted+" + id + "@invalid";
        this.phone = null;
        this.address = null;
        this.passwordHash = null;
        this.deletedAt = now;
        this.updatedAt = now;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public Address address() {
        return address == null || address.isEmpty() ? null : address;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
