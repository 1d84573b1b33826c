package com.forno.pizzeria.users.accounts.boundary;

/** Brazilian phone numbers: area code and number (10 or 11 digits), optionally with +55; stored as E.164. */
final class Phones {

    static final String PATTERN = "\\s*(\\+?55)?[\\s.-]*\\(?\\d{2}\\)?[\\s.-]*9?\\d{4}[\\s.-]*\\d{4}\\s*";
    static final String MESSAGE = "must be a Brazilian phone number with area code, such as (11) 98765-4321";

    private Phones() {
    }

    static String normalize(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() > 11 && digits.startsWith("55")) {
            digits = digits.substring(2);
        }
        return "+55" + digits;
    }
}
