package com.forno.pizzeria.ai.recommendations.entity;

import java.time.Instant;
import java.util.UUID;

/** One line of one order: who bought how many of what, in which order, when. */
public record Purchase(UUID customer, UUID order, UUID product, int quantity, Instant at) {
}
