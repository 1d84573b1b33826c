package com.forno.pizzeria.users.accounts.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The phone rule the sign-up and the profile validate with ({@code @Pattern}), and the E.164 form that is stored. */
class PhonesTest {

    static final Pattern BRAZILIAN = Pattern.compile(Phones.PATTERN);

    @Test
    void aBrazilianNumberWithAreaCodeIsAcceptedInTheUsualSpellings() {
        for (String phone : new String[] {"(11) 98765-4321", "11987654321", "+55 11 98765-4321", "55 (11) 3333-4444",
                "11 3333.4444", " (21)99876-5432 "}) {
            assertThat(BRAZILIAN.matcher(phone).matches()).as(phone).isTrue();
        }
    }

    @Test
    void aNumberWithoutAreaCodeOrFromAnotherCountryIsRefused() {
        for (String phone : new String[] {"98765-4321", "+1 415 555 0100", "(11) 8765-432", "telefone", "+44 20 7946 0958"}) {
            assertThat(BRAZILIAN.matcher(phone).matches()).as(phone).isFalse();
        }
    }

    @Test
    void aNumberIsStoredAsE164WithTheCountryCodeOnce() {
        assertThat(Phones.normalize("(11) 98765-4321")).isEqualTo("+5511987654321");
        assertThat(Phones.normalize("+55 (11) 98765-4321")).isEqualTo("+5511987654321");
        assertThat(Phones.normalize("55 11 3333-4444")).isEqualTo("+551133334444");
        assertThat(Phones.normalize("(55) 98765-4321")).as("area code 55, no country code").isEqualTo("+5555987654321");
        assertThat(Phones.normalize("  ")).isNull();
        assertThat(Phones.normalize(null)).isNull();
    }
}
