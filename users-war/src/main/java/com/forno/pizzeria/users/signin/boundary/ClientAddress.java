package com.forno.pizzeria.users.signin.boundary;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address as the gateway saw it: nginx (and ingress-nginx) set {@code X-Real-IP} to the address it
 * was connected from, replacing whatever a client sent; the instances are reachable only through the gateway.
 * Without the header (a direct call), the connection's own address.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        String real = request.getHeader("X-Real-IP");
        if (real != null && real.matches("[0-9A-Fa-f.:]{2,45}")) {
            return real;
        }
        return request.getRemoteAddr();
    }
}
