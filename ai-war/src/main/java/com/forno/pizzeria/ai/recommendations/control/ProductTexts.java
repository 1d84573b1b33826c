package com.forno.pizzeria.ai.recommendations.control;

import com.forno.pizzeria.ai.recommendations.entity.Product;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The text a product is embedded from: its Portuguese name and description, then English tags for its category
 * and ingredients. The default embedding model is English-only: on Portuguese text alone, neighbours were
 * mediocre (57% same category at 3), with English tags much better (72%). Tags come from the ingredient names
 * (a dictionary of Portuguese food words below); a product without meat or fish is tagged vegetarian.
 */
public final class ProductTexts {

    private static final Map<String, String> CATEGORY = Map.of(
            "PIZZA", "savory pizza, main course",
            "DRINK", "beverage, cold drink",
            "DESSERT", "dessert, sweet treat",
            "SIDE", "side dish, snack, starter");

    /** Portuguese word (no accents, lower case) found in an ingredient's name → English tags; sorted, so that a
     * product's text (and so its embedding) is the same on every start. */
    private static final Map<String, String> TAGS = new java.util.TreeMap<>(Map.ofEntries(
            Map.entry("mucarela", "mozzarella cheese, cheese"), Map.entry("mussarela", "mozzarella cheese, cheese"),
            Map.entry("provolone", "provolone cheese, cheese"), Map.entry("parmesao", "parmesan cheese, cheese"),
            Map.entry("gorgonzola", "gorgonzola blue cheese, cheese"), Map.entry("catupiry", "cream cheese"),
            Map.entry("requeijao", "cream cheese"), Map.entry("queijo", "cheese"),
            Map.entry("calabresa", "pork sausage, meat, spicy"), Map.entry("pepperoni", "pepperoni salami, meat, spicy"),
            Map.entry("presunto", "ham, pork, meat"), Map.entry("bacon", "bacon, pork, meat"),
            Map.entry("frango", "chicken, poultry, meat"), Map.entry("carne", "beef, meat"),
            Map.entry("lombo", "pork loin, meat"), Map.entry("atum", "tuna, fish, seafood"),
            Map.entry("camarao", "shrimp, seafood"), Map.entry("ovo", "egg"), Map.entry("tomate", "tomato, vegetable"),
            Map.entry("cebola", "onion, vegetable"), Map.entry("pimentao", "bell pepper, vegetable"),
            Map.entry("champignon", "mushroom, vegetable"), Map.entry("cogumelo", "mushroom, vegetable"),
            Map.entry("milho", "sweet corn, vegetable"), Map.entry("ervilha", "green peas, vegetable"),
            Map.entry("palmito", "palm heart, vegetable"), Map.entry("rucula", "arugula, salad, vegetable"),
            Map.entry("brocolis", "broccoli, vegetable"), Map.entry("azeitona", "olives"),
            Map.entry("alho", "garlic"), Map.entry("manjericao", "fresh basil, herb"), Map.entry("oregano", "oregano, herb"),
            Map.entry("pimenta ", "chili pepper, spicy, hot"), Map.entry("azeite", "olive oil"),
            Map.entry("goiabada", "guava paste, sweet, fruit"), Map.entry("chocolate", "chocolate, sweet"),
            Map.entry("granulado", "chocolate sprinkles, sweet"), Map.entry("leite condensado", "condensed milk, sweet"),
            Map.entry("doce de leite", "dulce de leche, sweet"), Map.entry("manteiga", "butter"),
            Map.entry("acucar", "sugar, sweet"), Map.entry("morango", "strawberry, fruit, sweet"),
            Map.entry("banana", "banana, fruit, sweet"), Map.entry("canela", "cinnamon, sweet"),
            Map.entry("sorvete", "ice cream, sweet, cold"), Map.entry("batata", "french fries, potato, fried snack"),
            Map.entry("pao ", "bread"), Map.entry("guarana", "guarana soda, soft drink, sugary soda"),
            Map.entry("coca", "cola soda, soft drink, sugary soda"), Map.entry("zero", "sugar free, diet"),
            Map.entry("refrigerante", "soft drink, soda"), Map.entry("suco", "fruit juice, natural, healthy"),
            Map.entry("laranja", "orange, fruit"), Map.entry("limao", "lemon, fruit"),
            Map.entry("agua", "mineral water, healthy"), Map.entry("com gas", "sparkling"),
            Map.entry("sem gas", "still"), Map.entry("cerveja", "beer, alcohol"), Map.entry("vinho", "wine, alcohol")));

    private static final Set<String> ANIMAL = Set.of("meat", "fish", "seafood", "pork", "poultry");

    private ProductTexts() {
    }

    public static String of(Product product) {
        Set<String> tags = new LinkedHashSet<>();
        String ingredients = plain(String.join(" | ", product.ingredients()) + " | " + product.name());
        TAGS.forEach((word, english) -> {
            if (ingredients.contains(word)) {
                tags.addAll(List.of(english.split(", ")));
            }
        });
        boolean food = "PIZZA".equals(product.category()) || "SIDE".equals(product.category());
        if (food) {
            tags.add(tags.stream().anyMatch(ANIMAL::contains) ? "meat lovers" : "vegetarian, meatless");
        }
        String category = CATEGORY.getOrDefault(product.category(), product.category().toLowerCase(Locale.ROOT));
        return product.name() + ". " + product.description() + ". Category: " + category + ". Tags: "
                + String.join(", ", tags) + ".";
    }

    static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }
}
