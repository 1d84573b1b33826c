package com.forno.pizzeria.platform.addresses;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/**
 * A Brazilian address as the API reads and writes it (a customer's profile, an order's delivery address): state
 * as its two-letter UF, postal code (CEP) as 00000-000 once {@link #normalized()}.
 */
public record PostalAddress(
        @NotBlank @Size(max = 200) String street,
        @NotBlank @Size(max = 20) String number,
        @Size(max = 100) String complement,
        @NotBlank @Size(max = 100) String district,
        @NotBlank @Size(max = 100) String city,
        @NotBlank
        @Pattern(regexp = "(?i)AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO",
                message = "must be a Brazilian state (UF), such as SP")
        String state,
        @NotBlank @Pattern(regexp = "\\d{5}-?\\d{3}", message = "must be a CEP such as 01310-100") String postalCode) {

    /** One spelling per place: trimmed, UF in capitals, CEP with its dash, no empty complement. Call on valid input. */
    public PostalAddress normalized() {
        String digits = postalCode.replace("-", "");
        return new PostalAddress(street.strip(), number.strip(),
                complement == null || complement.isBlank() ? null : complement.strip(),
                district.strip(), city.strip(), state.toUpperCase(Locale.ROOT),
                digits.substring(0, 5) + "-" + digits.substring(5));
    }
}
