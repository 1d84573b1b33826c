package com.forno.pizzeria.orders.channels.control;

import com.forno.pizzeria.contracts.integrations.OrderRejected.Violation;
import com.forno.pizzeria.contracts.integrations.Partners;
import com.forno.pizzeria.contracts.orders.DeliveryAddress;
import com.forno.pizzeria.orders.ordering.control.Pricing;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A partner's message as read off its inbound queue, checked field by field, so that a bad one is refused with every
 * violation named rather than failing somewhere later. Which message it is: the {@code type} the partner set, as far
 * as it reaches us. The RabbitMQ JMS client that orders consumes with keeps the {@code JMSType} header (what a JMS
 * partner sets) but drops the AMQP {@code type} property; without a JMSType, a body with nothing but a
 * {@code partnerOrderId} is a CancelOrder and any other a PlaceOrder.
 *
 * @param type           PlaceOrder, CancelOrder, or null when not even that is known
 * @param partnerOrderId the order it is about, when the message names one (or, failing that, its correlation id)
 * @param violations     empty when the message is valid
 */
public record PartnerMessage(String type, String partnerOrderId, Order order, List<Violation> violations) {

    /** What a valid PlaceOrder asks for. */
    public record Order(List<Pricing.Wanted> wanted, String customerName, String customerPhone,
                        DeliveryAddress deliveryAddress, boolean prepaid, long amountCents, String cardToken) {
    }

    static final int MAX_ITEMS = 20;
    static final int MAX_QUANTITY = 20;
    static final int MAX_ID_LENGTH = 100;

    public boolean valid() {
        return violations.isEmpty();
    }

    /** A message that cannot be answered: no partnerOrderId to answer about. */
    public boolean untied() {
        return partnerOrderId == null;
    }

    public static PartnerMessage read(String declaredType, String correlationId, String body) {
        String fallbackId = correlationId == null || correlationId.isBlank() || correlationId.length() > MAX_ID_LENGTH
                ? null : correlationId;
        JsonObject json;
        try (var reader = com.forno.pizzeria.contracts.Json.JSONP.createReader(new StringReader(body == null ? "" : body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return refused(known(declaredType), fallbackId, "", "must be a JSON object");
            }
            json = value.asJsonObject();
        } catch (RuntimeException e) { // JsonParsingException, or any other way the text is not JSON
            return refused(known(declaredType), fallbackId, "", "is not valid JSON");
        }
        List<Violation> violations = new ArrayList<>();
        String type = known(declaredType);
        if (type == null && declaredType != null && !declaredType.isBlank() && !jmsDefault(declaredType)) {
            violations.add(new Violation("type", "must be PlaceOrder or CancelOrder, not " + declaredType));
        }
        if (type == null) {
            type = json.keySet().equals(Set.of("partnerOrderId")) ? Partners.CANCEL_ORDER : Partners.PLACE_ORDER;
        }
        String partnerOrderId = text(json, "partnerOrderId", "partnerOrderId", MAX_ID_LENGTH, true, violations);
        String tiedTo = partnerOrderId != null ? partnerOrderId : fallbackId;
        if (type.equals(Partners.CANCEL_ORDER)) {
            return new PartnerMessage(type, tiedTo, null, List.copyOf(violations));
        }
        Order order = placeOrder(json, violations);
        return new PartnerMessage(type, tiedTo, violations.isEmpty() ? order : null, List.copyOf(violations));
    }

    private static Order placeOrder(JsonObject json, List<Violation> violations) {
        List<Pricing.Wanted> wanted = new ArrayList<>();
        JsonArray items = array(json, "items", violations);
        if (items != null) {
            if (items.isEmpty() || items.size() > MAX_ITEMS) {
                violations.add(new Violation("items", "must list 1 to " + MAX_ITEMS + " items"));
            }
            Set<UUID> seen = new HashSet<>();
            for (int i = 0; i < items.size() && i < MAX_ITEMS; i++) {
                String field = "items[" + i + "]";
                if (items.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                    violations.add(new Violation(field, "must be an object {productId, quantity}"));
                    continue;
                }
                JsonObject item = items.getJsonObject(i);
                UUID product = uuid(item, "productId", field + ".productId", violations);
                Long quantity = integer(item, "quantity", field + ".quantity", violations);
                if (quantity != null && (quantity < 1 || quantity > MAX_QUANTITY)) {
                    violations.add(new Violation(field + ".quantity", "must be between 1 and " + MAX_QUANTITY));
                    quantity = null;
                }
                if (product != null && !seen.add(product)) {
                    violations.add(new Violation(field + ".productId", "must list each product once"));
                }
                if (product != null && quantity != null) {
                    wanted.add(new Pricing.Wanted(product, quantity.intValue()));
                }
            }
        }
        String name = null;
        String phone = null;
        JsonObject customer = object(json, "customer", "customer", violations);
        if (customer != null) {
            name = text(customer, "name", "customer.name", 120, true, violations);
            phone = text(customer, "phone", "customer.phone", 40, true, violations);
        }
        DeliveryAddress address = null;
        JsonObject given = object(json, "deliveryAddress", "deliveryAddress", violations);
        if (given != null) {
            address = new DeliveryAddress(
                    text(given, "street", "deliveryAddress.street", 200, true, violations),
                    text(given, "number", "deliveryAddress.number", 20, true, violations),
                    text(given, "complement", "deliveryAddress.complement", 100, false, violations),
                    text(given, "district", "deliveryAddress.district", 100, true, violations),
                    text(given, "city", "deliveryAddress.city", 100, true, violations),
                    text(given, "state", "deliveryAddress.state", 2, true, violations),
                    text(given, "postalCode", "deliveryAddress.postalCode", 9, true, violations));
        }
        boolean prepaid = false;
        long amount = 0;
        String cardToken = null;
        JsonObject payment = object(json, "payment", "payment", violations);
        if (payment != null) {
            String method = text(payment, "method", "payment.method", 16, true, violations);
            if ("PREPAID".equals(method)) {
                prepaid = true;
                Long cents = integer(payment, "amountCents", "payment.amountCents", violations);
                if (cents != null && cents <= 0) {
                    violations.add(new Violation("payment.amountCents", "must be a positive number of cents"));
                }
                amount = cents == null ? 0 : cents;
            } else if ("CARD".equals(method)) {
                cardToken = text(payment, "cardToken", "payment.cardToken", 64, true, violations);
            } else if (method != null) {
                violations.add(new Violation("payment.method", "must be PREPAID or CARD"));
            }
        }
        return new Order(List.copyOf(wanted), name, phone, address, prepaid, amount, cardToken);
    }

    private static PartnerMessage refused(String type, String partnerOrderId, String field, String message) {
        return new PartnerMessage(type, partnerOrderId, null, List.of(new Violation(field, message)));
    }

    private static String known(String type) {
        return Partners.PLACE_ORDER.equals(type) || Partners.CANCEL_ORDER.equals(type) ? type : null;
    }

    /** What the JMS client reports as the type of a message whose sender set none. */
    private static boolean jmsDefault(String type) {
        return type.equals("TextMessage") || type.equals("BytesMessage");
    }

    private static String text(JsonObject json, String key, String field, int maxLength, boolean required,
                               List<Violation> violations) {
        JsonValue value = json.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                violations.add(new Violation(field, "is required"));
            }
            return null;
        }
        if (!(value instanceof JsonString string)) {
            violations.add(new Violation(field, "must be a string"));
            return null;
        }
        String text = string.getString().strip();
        if (required && text.isEmpty()) {
            violations.add(new Violation(field, "must not be blank"));
            return null;
        }
        if (text.length() > maxLength) {
            violations.add(new Violation(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    private static UUID uuid(JsonObject json, String key, String field, List<Violation> violations) {
        String text = text(json, key, field, 36, true, violations);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "must be a product id (a UUID) from the menu"));
            return null;
        }
    }

    private static Long integer(JsonObject json, String key, String field, List<Violation> violations) {
        String wholeNumber = "must be a whole number";
        JsonValue value = present(json, key, field, JsonValue.ValueType.NUMBER, wholeNumber, violations);
        if (value == null) {
            return null;
        }
        JsonNumber number = (JsonNumber) value;
        if (!number.isIntegral()) {
            violations.add(new Violation(field, wholeNumber));
            return null;
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            violations.add(new Violation(field, "is out of range"));
            return null;
        }
    }

    private static JsonObject object(JsonObject json, String key, String field, List<Violation> violations) {
        JsonValue value = present(json, key, field, JsonValue.ValueType.OBJECT, "must be an object", violations);
        return value == null ? null : value.asJsonObject();
    }

    private static JsonArray array(JsonObject json, String key, List<Violation> violations) {
        JsonValue value = present(json, key, key, JsonValue.ValueType.ARRAY, "must be an array", violations);
        return value == null ? null : value.asJsonArray();
    }

    /** The value at {@code key} when it is there and of this type; else null, with the violation recorded. */
    private static JsonValue present(JsonObject json, String key, String field, JsonValue.ValueType type,
                                     String mustBe, List<Violation> violations) {
        JsonValue value = json.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            violations.add(new Violation(field, "is required"));
            return null;
        }
        if (value.getValueType() != type) {
            violations.add(new Violation(field, mustBe));
            return null;
        }
        return value;
    }
}
