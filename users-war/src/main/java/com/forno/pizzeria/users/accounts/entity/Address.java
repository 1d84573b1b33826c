package com.forno.pizzeria.users.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A Brazilian delivery address: state as its two-letter UF, postal code (CEP) as 00000-000. */
@Embeddable
public class Address {

    private String street;
    private String number;
    private String complement;
    private String district;
    private String city;
    private String state;
    @Column(name = "postal_code")
    private String postalCode;

    protected Address() {
    }

    public Address(String street, String number, String complement, String district, String city, String state,
                   String postalCode) {
        this.street = street;
        this.number = number;
        this.complement = complement;
        this.district = district;
        this.city = city;
        this.state = state;
        this.postalCode = postalCode;
    }

    public String street() {
        return street;
    }

    public String number() {
        return number;
    }

    public String complement() {
        return complement;
    }

    public String district() {
        return district;
    }

    public String city() {
        return city;
    }

    public String state() {
        return state;
    }

    public String postalCode() {
        return postalCode;
    }

    /** EclipseLink builds an embeddable whose columns are all null: that is "no address". */
    public boolean isEmpty() {
        return street == null && city == null && postalCode == null;
    }
}
