package com.forno.pizzeria.ai.chat.control;

import com.forno.pizzeria.ai.chat.entity.Catalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The catalogue the chat evaluations route against: the demo menu (stock-war/src/demo/menu.json, copied so that
 * a change of the demo menu does not silently change the evaluation) and five customers, two of them both called
 * Ana Souza.
 */
final class EvaluationCatalog {

    static final Catalog CATALOG = new Catalog(List.of(
            product("Calabresa", "PIZZA"),
            product("Margherita", "PIZZA"),
            product("Marguerita", "PIZZA"),
            product("Muçarela", "PIZZA"),
            product("Quatro Queijos", "PIZZA"),
            product("Portuguesa", "PIZZA"),
            product("Frango com Catupiry", "PIZZA"),
            product("Napolitana", "PIZZA"),
            product("Pepperoni", "PIZZA"),
            product("Vegetariana", "PIZZA"),
            product("Atum", "PIZZA"),
            product("Baiana", "PIZZA"),
            product("Romeu e Julieta", "PIZZA"),
            product("Pizza de Chocolate", "DESSERT"),
            product("Pizza de Chocolate com Morango", "DESSERT"),
            product("Brigadeiro", "DESSERT"),
            product("Petit Gâteau", "DESSERT"),
            product("Guaraná Antarctica lata", "DRINK"),
            product("Coca-Cola lata", "DRINK"),
            product("Coca-Cola Zero lata", "DRINK"),
            product("Suco de Laranja", "DRINK"),
            product("Água Mineral sem gás", "DRINK"),
            product("Água Mineral com gás", "DRINK"),
            product("Batata Frita", "SIDE"),
            product("Pão de Alho", "SIDE")),
            List.of(
            ingredient("MASSA-PIZZA", "Massa de pizza, disco de 35 cm"),
            ingredient("MOLHO-TOMATE", "Molho de tomate da casa"),
            ingredient("MUCARELA", "Queijo muçarela"),
            ingredient("PROVOLONE", "Queijo provolone"),
            ingredient("PARMESAO", "Queijo parmesão ralado"),
            ingredient("GORGONZOLA", "Queijo gorgonzola"),
            ingredient("CATUPIRY", "Requeijão Catupiry"),
            ingredient("CALABRESA", "Linguiça calabresa fatiada"),
            ingredient("PEPPERONI", "Pepperoni fatiado"),
            ingredient("PRESUNTO", "Presunto cozido"),
            ingredient("FRANGO", "Peito de frango desfiado"),
            ingredient("ATUM", "Atum sólido em conserva"),
            ingredient("OVO", "Ovo de galinha"),
            ingredient("TOMATE", "Tomate italiano"),
            ingredient("CEBOLA", "Cebola"),
            ingredient("PIMENTAO", "Pimentão verde"),
            ingredient("CHAMPIGNON", "Champignon fatiado"),
            ingredient("MILHO", "Milho verde"),
            ingredient("ERVILHA", "Ervilha"),
            ingredient("AZEITONA", "Azeitona preta"),
            ingredient("ALHO", "Alho"),
            ingredient("MANJERICAO", "Manjericão fresco"),
            ingredient("OREGANO", "Orégano"),
            ingredient("PIMENTA-CALABRESA", "Pimenta calabresa em flocos"),
            ingredient("AZEITE", "Azeite de oliva extravirgem"),
            ingredient("GOIABADA", "Goiabada cascão"),
            ingredient("CHOCOLATE", "Chocolate ao leite"),
            ingredient("GRANULADO", "Chocolate granulado"),
            ingredient("LEITE-CONDENSADO", "Leite condensado"),
            ingredient("MANTEIGA", "Manteiga sem sal"),
            ingredient("ACUCAR", "Açúcar refinado"),
            ingredient("FARINHA", "Farinha de trigo"),
            ingredient("MORANGO", "Morango"),
            ingredient("SORVETE-CREME", "Sorvete de creme"),
            ingredient("BATATA", "Batata palito congelada"),
            ingredient("PAO-FRANCES", "Pão francês"),
            ingredient("GUARANA-LATA", "Guaraná Antarctica lata 350 ml"),
            ingredient("COCA-LATA", "Coca-Cola lata 350 ml"),
            ingredient("COCA-ZERO-LATA", "Coca-Cola Zero lata 350 ml"),
            ingredient("SUCO-LARANJA", "Suco de laranja natural"),
            ingredient("AGUA-SEM-GAS", "Água mineral sem gás 500 ml"),
            ingredient("AGUA-COM-GAS", "Água mineral com gás 500 ml")),
            List.of(customer("Ana Souza", 1), customer("Ana Souza", 2), customer("Bruno Lima", 3),
                    customer("Carla Dias", 4), customer("Diego Alves", 5)));

    private EvaluationCatalog() {
    }

    private static Catalog.Product product(String name, String category) {
        return new Catalog.Product(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)), name, category);
    }

    private static Catalog.Ingredient ingredient(String sku, String name) {
        return new Catalog.Ingredient(sku, name);
    }

    private static Catalog.Customer customer(String name, int n) {
        return new Catalog.Customer(new UUID(0, n), name);
    }
}
