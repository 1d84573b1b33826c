package com.forno.pizzeria.ai.recommendations.boundary;

import com.forno.pizzeria.ai.recommendations.control.Recommender;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One suggestion: a product that can be made now, a score (0..1, higher is better) and why, in Portuguese. */
@Schema(description = "A product recommended to a customer")
public record Recommendation(
        UUID productId,
        String name,
        @Schema(description = "0 to 1, higher is a stronger recommendation") double score,
        @Schema(description = "For the customer, in Portuguese: 'Peça de novo: você já pediu 3 vezes', 'Porque você "
                + "pediu Calabresa', 'Combina com sua pizza Calabresa', 'Mais pedida da semana'",
                example = "Porque você pediu Calabresa")
        String reason) {

    static Recommendation from(Recommender.Scored scored) {
        return new Recommendation(scored.product().id(), scored.product().name(), scored.score(), scored.reason());
    }
}
