package com.forno.pizzeria.ai.chat.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An admin's question, in Portuguese or English. */
public record Question(
        @Schema(example = "Quais foram os produtos mais vendidos esta semana?")
        @NotBlank @Size(max = 500) String question) {
}
