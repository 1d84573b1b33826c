package com.forno.pizzeria.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionCutoffsTest {

    static final String ANA = "0b8c3f4e-8f4a-4d8e-9a53-6c0f2a7f1e11";
    static final String BIA = "5d1e2c7a-1b2c-4d3e-8f90-a1b2c3d4e5f6";

    @Test
    void aTokenIssuedBeforeItsUsersCutoffHasEndedOneIssuedFromItOnHasNot() {
        SessionCutoffs cutoffs = new SessionCutoffs();
        cutoffs.set(SessionCutoffs.parse("[{\"userId\":\"" + ANA + "\",\"notBefore\":1765100000}]"));

        assertThat(cutoffs.ended(ANA, 1765099999)).isTrue();
        assertThat(cutoffs.ended(ANA, 1765100000)).isFalse();
        assertThat(cutoffs.ended(BIA, 1765099999)).as("another user").isFalse();
        assertThat(cutoffs.ended(null, 1765099999)).isFalse();
    }

    @Test
    void eachPollReplacesTheWholeTable() {
        SessionCutoffs cutoffs = new SessionCutoffs();
        cutoffs.set(Map.of(ANA, 1765100000L));

        cutoffs.set(SessionCutoffs.parse("[{\"userId\":\"" + BIA + "\",\"notBefore\":1765100500}]"));

        assertThat(cutoffs.table()).containsOnlyKeys(BIA);
        assertThat(SessionCutoffs.parse("[]")).isEmpty();
    }
}
