package com.forno.pizzeria.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.testing.ClientIT;
import com.forno.pizzeria.testing.Tokens;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The demo loader (src/demo/load-demo-menu) against the real WAR: loads the menu once, and a second run adds nothing. */
class DemoMenuIT extends ClientIT<Api> {

    record Run(int exitCode, String output) {
    }

    Run load(String token) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(System.getProperty("it.demo.loader"),
                base.toString().replaceAll("/$", ""), token).redirectErrorStream(true).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the loader finished").isTrue();
        Run run = new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        System.out.println("load-demo-menu exited " + run.exitCode() + ":\n" + run.output());
        return run;
    }

    @Test
    void theDemoMenuLoadsOnceAndASecondRunAddsNothing() throws Exception {

        Run first = load(api.admin);
        long ingredients = total(api, "stock/ingredients?limit=1");
        long products = total(api, "stock/products?limit=1");
        Run second = load(api.admin);

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("ingredients: 0 added", "products: 0 added");
        assertThat(total(api, "stock/ingredients?limit=1")).isEqualTo(ingredients);
        assertThat(total(api, "stock/products?limit=1")).isEqualTo(products);
        List<JsonObject> menu = api.get("stock/menu", null).expect(200).array().getValuesAs(JsonObject.class);
        assertThat(menu).extracting(item -> item.getString("name"))
                .contains("Calabresa", "Margherita", "Quatro Queijos", "Frango com Catupiry", "Romeu e Julieta",
                        "Guaraná Antarctica lata", "Brigadeiro", "Petit Gâteau");
        assertThat(menu).filteredOn(item -> item.getString("name").equals("Calabresa")).singleElement()
                .satisfies(calabresa -> assertThat(calabresa.getJsonNumber("available").longValue()).isPositive());
        assertThat(load(Tokens.customer()).exitCode()).as("a customer cannot load a menu").isEqualTo(1);
    }

    static long total(Api api, String path) {
        return api.get(path, api.admin).expect(200).json().getJsonNumber("total").longValue();
    }
}
