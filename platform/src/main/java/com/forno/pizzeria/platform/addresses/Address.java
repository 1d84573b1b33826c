package com.forno.pizzeria.platform.addresses;

import jakarta.persistence.Embeddable;

/**
 * A {@link PostalAddress} as the columns of an entity (street, number, complement, district, city, state,
 * postal_code, named by {@code SnakeCaseColumns}), always stored normalised. Services that embed it list this class
 * in their persistence.xml.
 */
@Embeddable
public class Address {

    private String street;
    private String number;
    private String complement;
    private String district;
    private String city;
    private String state;
    private String postalCode;

    protected Address() {
    }

    public Address(PostalAddress given) {
        PostalAddress address = given.normalized();
        this.street = address.street();
        this.number = address.number();
        this.complement = address.complement();
        this.district = address.district();
        this.city = address.city();
        this.state = address.state();
        this.postalCode = address.postalCode();
    }

    public PostalAddress toPostalAddress() {
        return new PostalAddress(street, number, complement, district, city, state, postalCode);
    }

    /** EclipseLink builds an embeddable whose columns are all null: that is "no address". */
    public boolean isEmpty() {
        return street == null && city == null && postalCode == null;
    }
}
