package com.forno.pizzeria.ai.recommendations.control;

import com.forno.pizzeria.ai.recommendations.entity.Product;
import com.forno.pizzeria.ai.recommendations.entity.Purchase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A generated order history with a fixed seed: the demo menu, and customers of six segments with real tastes.
 * Each customer has a few personal favourites inside their segment's taste and orders them most of the time,
 * sometimes tries something else their segment likes, and rarely something popular outside it.
 */
final class ShopSimulation {

    static final Instant NOW = Instant.parse("2025-11-26T21:00:00Z");

    enum Segment {
        VEGETARIAN(0.25, List.of("Margherita", "Marguerita", "Muçarela", "Quatro Queijos", "Vegetariana", "Napolitana"),
                List.of("Suco de Laranja", "Água Mineral sem gás", "Água Mineral com gás"), 0.4,
                List.of("Pão de Alho"), 0.25, List.of("Petit Gâteau"), 0.1),
        MEAT_LOVER(0.30, List.of("Calabresa", "Pepperoni", "Portuguesa", "Baiana", "Frango com Catupiry"),
                List.of("Coca-Cola lata", "Guaraná Antarctica lata"), 0.6,
                List.of("Batata Frita"), 0.3, List.of("Brigadeiro"), 0.1),
        SWEET_TOOTH(0.15, List.of("Romeu e Julieta", "Muçarela", "Calabresa", "Frango com Catupiry"),
                List.of("Coca-Cola lata", "Guaraná Antarctica lata"), 0.3,
                List.of(), 0.0, List.of("Pizza de Chocolate", "Pizza de Chocolate com Morango", "Brigadeiro",
                "Petit Gâteau"), 0.9),
        ALWAYS_A_DRINK(0.15, List.of("Calabresa", "Margherita", "Portuguesa", "Frango com Catupiry", "Muçarela",
                "Quatro Queijos"), List.of("Guaraná Antarctica lata", "Coca-Cola lata", "Coca-Cola Zero lata",
                "Suco de Laranja"), 1.0, List.of("Batata Frita"), 0.1, List.of("Brigadeiro"), 0.1),
        SEAFOOD_AND_LIGHT(0.05, List.of("Atum", "Margherita", "Vegetariana"),
                List.of("Água Mineral sem gás", "Coca-Cola Zero lata"), 0.7, List.of(), 0.0, List.of(), 0.0),
        ANYTHING(0.10, List.of(), List.of(), 0.4, List.of(), 0.1, List.of(), 0.1);

        final double share;
        final List<String> mains;
        final List<String> drinks;
        final double drinkChance;
        final List<String> sides;
        final double sideChance;
        final List<String> desserts;
        final double dessertChance;

        Segment(double share, List<String> mains, List<String> drinks, double drinkChance, List<String> sides,
                double sideChance, List<String> desserts, double dessertChance) {
            this.share = share;
            this.mains = mains;
            this.drinks = drinks;
            this.drinkChance = drinkChance;
            this.sides = sides;
            this.sideChance = sideChance;
            this.desserts = desserts;
            this.dessertChance = dessertChance;
        }
    }

    record Customer(UUID id, Segment segment, List<List<Purchase>> orders) {
    }

    static final List<Product> MENU = List.of(
            product("Calabresa", "PIZZA", "Calabresa fatiada, cebola, muçarela, azeitonas e orégano", "Massa de pizza, disco de 35 cm", "Molho de tomate da casa", "Queijo muçarela", "Linguiça calabresa fatiada", "Cebola", "Azeitona preta", "Orégano"),
            product("Margherita", "PIZZA", "Muçarela, tomate, manjericão fresco e um fio de azeite", "Massa de pizza, disco de 35 cm", "Molho de tomate da casa", "Queijo muçarela", "Tomate italiano", "Manjericão fresco", "Azeite de oliva extravirgem", "Orégano"),
            product("Marguerita", "PIZZA", "Muçarela, rodelas de tomate, parmesão e manjericão", "Massa de pizza, disco de 35 cm", "Molho de tomate da casa", "Queijo muçarela", "Tomate italiano", "Queijo parmesão ralado", "Manjericão fresco", "Orégano"),
            product("Muçarela", "PIZZA", "Muçarela, rodelas de tomate, azeitonas e orégano", "Massa de pizza, disco de 35 cm", "Molho de tomate da casa", "Queijo muçarela", "Tomate italiano", "Azeitona preta", "Orégano"),
            product("Quatro Queijos", "PIZZA", "Muçarela, provolone, parmesão e gorgonzola", "Massa de pizza, disco de 35 cm", "Molho de tomate da casa", "Queijo muçarela", "Queijo provolone", "Queijo parmesão ralado", "Queijo gorgonzola", "Orégano"),
            product("Portuguesa", "PIZZA", "Presunto, ovos, cebola, ervilha, muçarela e azeitonas", "Massa de pizza, disco de 35 cm", "Molho de tomate da casa", "Queijo muçarela", "Presunto cozido", "Ovo de galinha", "Cebola", "Ervilha", "Azeitona preta", "Orégano"),
            product("Frango com Catupiry", "PIZZA", "Frango desfiado temperado coberto com Catupiry", "Massa de pizza, disco de 35 cm", "Molho de tomate da casa", "Queijo muçarela", "Peito de frango desfiado", "Requeijão Catupiry", "Milho verde", "Orégano"),
            product("Napolitana", "PIZZA", "Muçarela, tomate, parmesão e alho", "Massa de pizza, disco de 35 cm", "Molho de tomate da casa", "Queijo muçarela", "Tomate italiano", "Queijo parmesão ralado", "Alho", "Orégano"),
            product("Pepperoni", "PIZZA", "Muçarela e fatias de pepperoni", "Massa de pizza, disco de 35 cm", "Molho de tomate da casa", "Queijo muçarela", "Pepperoni fatiado", "Orégano"),
            product("Vegetariana", "PIZZA", "Pimentão, champignon, milho, cebola, tomate, muçarela e azeitonas", "Massa de pizza, disco de 35 cm", "Molho de tomate da casa", "Queijo muçarela", "Pimentão verde", "Champignon fatiado", "Milho verde", "Cebola", "Tomate italiano", "Azeitona preta"),
            product("Atum", "PIZZA", "Atum sólido, cebola, muçarela e azeitonas", "Massa de pizza, disco de 35 cm", "Molho de tomate da casa", "Queijo muçarela", "Atum sólido em conserva", "Cebola", "Azeitona preta", "Orégano"),
            product("Baiana", "PIZZA", "Calabresa moída apimentada, ovos, cebola e muçarela", "Massa de pizza, disco de 35 cm", "Molho de tomate da casa", "Queijo muçarela", "Linguiça calabresa fatiada", "Ovo de galinha", "Pimenta calabresa em flocos", "Cebola"),
            product("Romeu e Julieta", "PIZZA", "Pizza doce de muçarela com goiabada cascão", "Massa de pizza, disco de 35 cm", "Queijo muçarela", "Goiabada cascão"),
            product("Pizza de Chocolate", "DESSERT", "Pizza doce de chocolate ao leite com granulado", "Massa de pizza, disco de 35 cm", "Chocolate ao leite", "Chocolate granulado"),
            product("Pizza de Chocolate com Morango", "DESSERT", "Chocolate ao leite e morangos frescos", "Massa de pizza, disco de 35 cm", "Chocolate ao leite", "Morango"),
            product("Brigadeiro", "DESSERT", "Brigadeiro gourmet, a unidade", "Leite condensado", "Chocolate ao leite", "Manteiga sem sal", "Chocolate granulado"),
            product("Petit Gâteau", "DESSERT", "Bolinho de chocolate com recheio cremoso e sorvete de creme", "Chocolate ao leite", "Manteiga sem sal", "Ovo de galinha", "Açúcar refinado", "Farinha de trigo", "Sorvete de creme"),
            product("Guaraná Antarctica lata", "DRINK", "350 ml", "Guaraná Antarctica lata 350 ml"),
            product("Coca-Cola lata", "DRINK", "350 ml", "Coca-Cola lata 350 ml"),
            product("Coca-Cola Zero lata", "DRINK", "350 ml", "Coca-Cola Zero lata 350 ml"),
            product("Suco de Laranja", "DRINK", "Natural, 500 ml", "Suco de laranja natural"),
            product("Água Mineral sem gás", "DRINK", "500 ml", "Água mineral sem gás 500 ml"),
            product("Água Mineral com gás", "DRINK", "500 ml", "Água mineral com gás 500 ml"),
            product("Batata Frita", "SIDE", "Porção de 400 g", "Batata palito congelada"),
            product("Pão de Alho", "SIDE", "Quatro fatias gratinadas com muçarela", "Pão francês", "Manteiga sem sal", "Alho", "Queijo muçarela"));

    /** How popular each main is with everyone (the ANYTHING segment and everyone's occasional try). */
    private static final Map<String, Integer> CROWD = Map.ofEntries(
            Map.entry("Calabresa", 10), Map.entry("Margherita", 8), Map.entry("Portuguesa", 7),
            Map.entry("Frango com Catupiry", 7), Map.entry("Muçarela", 6), Map.entry("Quatro Queijos", 4),
            Map.entry("Pepperoni", 4), Map.entry("Napolitana", 2), Map.entry("Vegetariana", 2),
            Map.entry("Atum", 1), Map.entry("Baiana", 2), Map.entry("Marguerita", 2), Map.entry("Romeu e Julieta", 1),
            Map.entry("Pizza de Chocolate", 1));
    private static final List<String> ALL_DRINKS = List.of("Coca-Cola lata", "Guaraná Antarctica lata",
            "Coca-Cola Zero lata", "Suco de Laranja", "Água Mineral sem gás", "Água Mineral com gás");

    private final Random random;
    private final Map<String, Product> byName = new LinkedHashMap<>();

    ShopSimulation(long seed) {
        this.random = new Random(seed);
        MENU.forEach(product -> byName.put(product.name(), product));
    }

    List<Customer> customers(int count) {
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            Segment segment = segment();
            UUID id = new UUID(42, c);
            List<String> favourites = pick(segment.mains.isEmpty() ? List.copyOf(new java.util.TreeMap<>(CROWD).keySet()) : segment.mains,
                    1 + random.nextInt(2));
            String drink = segment.drinks.isEmpty() ? ALL_DRINKS.get(random.nextInt(ALL_DRINKS.size()))
                    : segment.drinks.get(random.nextInt(segment.drinks.size()));
            int orders = 2 + random.nextInt(9);
            List<Instant> times = new ArrayList<>();
            for (int o = 0; o < orders; o++) {
                times.add(NOW.minus(Duration.ofMinutes(random.nextInt(90 * 24 * 60))));
            }
            times.sort(Comparator.naturalOrder());
            List<List<Purchase>> history = new ArrayList<>();
            for (Instant at : times) {
                UUID order = new UUID(random.nextLong(), random.nextLong());
                List<String> lines = new ArrayList<>();
                double roll = random.nextDouble();
                String main = roll < 0.65 ? favourites.get(random.nextInt(favourites.size()))
                        : roll < 0.9 && !segment.mains.isEmpty() ? segment.mains.get(random.nextInt(segment.mains.size()))
                        : crowd();
                lines.add(main);
                if (random.nextDouble() < segment.drinkChance) {
                    lines.add(random.nextDouble() < 0.8 ? drink : ALL_DRINKS.get(random.nextInt(ALL_DRINKS.size())));
                }
                if (!segment.sides.isEmpty() && random.nextDouble() < segment.sideChance) {
                    lines.add(segment.sides.get(random.nextInt(segment.sides.size())));
                }
                if (!segment.desserts.isEmpty() && random.nextDouble() < segment.dessertChance) {
                    lines.add(segment.desserts.get(random.nextInt(segment.desserts.size())));
                }
                history.add(lines.stream().distinct()
                        .map(name -> new Purchase(id, order, byName.get(name).id(), 1 + (random.nextInt(4) == 0 ? 1 : 0), at))
                        .toList());
            }
            customers.add(new Customer(id, segment, history));
        }
        return customers;
    }

    private Segment segment() {
        double roll = random.nextDouble();
        double sum = 0;
        for (Segment segment : Segment.values()) {
            sum += segment.share;
            if (roll < sum) {
                return segment;
            }
        }
        return Segment.ANYTHING;
    }

    private String crowd() {
        int total = CROWD.values().stream().mapToInt(Integer::intValue).sum();
        int roll = random.nextInt(total);
        for (Map.Entry<String, Integer> entry : new java.util.TreeMap<>(CROWD).entrySet()) {
            roll -= entry.getValue();
            if (roll < 0) {
                return entry.getKey();
            }
        }
        return "Calabresa";
    }

    private List<String> pick(List<String> from, int n) {
        List<String> copy = new ArrayList<>(from);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    static Product product(String name, String category, String description, String... ingredients) {
        return new Product(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)), name, description, category,
                List.of(ingredients), true);
    }
}
