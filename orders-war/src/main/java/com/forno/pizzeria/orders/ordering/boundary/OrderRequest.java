package com.forno.pizzeria.orders.ordering.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.forno.pizzeria.contracts.Json;
import com.forno.pizzeria.orders.ordering.control.Pricing;
import com.forno.pizzeria.platform.addresses.PostalAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a customer may say about an order: which products, how many, where to, and how to pay. Prices, totals,
 * status and the customer are the server's; a body that tries to set them is refused.
 */
public record OrderRequest(
        @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull Item> items,
        @Valid PostalAddress deliveryAddress,
        @NotNull @Valid Payment payment,
        @Null(message = "is assigned by the server") Object id,
        @Null(message = "is the signed-in customer") Object customerId,
        @Null(message = "is decided by the server") Object status,
        @Null(message = "is computed from the menu") Object totalCents) {

    @Schema(name = "OrderItem")
    public record Item(@NotNull UUID productId,
                       @NotNull @Min(1) @Max(20) Integer quantity,
                       @Null(message = "comes from the menu") Object unitPriceCents) {
    }

    public record Payment(@NotBlank @Size(max = 64) String cardToken) {
    }

    @AssertTrue(message = "must list each product once")
    public boolean isEachProductOnce() {
        return items == null || items.stream().filter(Objects::nonNull).map(Item::productId).distinct().count()
                == items.stream().filter(Objects::nonNull).count();
    }

    public List<Pricing.Wanted> wanted() {
        return items.stream().map(item -> new Pricing.Wanted(item.productId(), item.quantity())).toList();
    }

    /** Same body, same fingerprint: how a replay of an Idempotency-Key is told from a different request. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.toJson(this).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
