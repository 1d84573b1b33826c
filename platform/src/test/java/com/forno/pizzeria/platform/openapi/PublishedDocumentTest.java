package com.forno.pizzeria.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.platform.messaging.DeadLettersResource;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishedDocumentTest {

    @Test
    void writesJaxRsPathsAsTheDocumentDoes() {
        assertThat(PublishedDocument.documentPath("users/{id}/")).isEqualTo("/users/{id}");
        assertThat(PublishedDocument.documentPath("{service: [a-z]+}/dead-letters/{queue}/replay"))
                .isEqualTo("/{service}/dead-letters/{queue}/replay");
        assertThat(PublishedDocument.documentPath("stock/products//")).isEqualTo("/stock/products");
    }

    @Test
    void findsTheResourceMethodsOfTheApplicationsOwnClassesByMethodAndPath() throws Exception {
        Map<String, Class<?>> records = new HashMap<>();
        Map<String, Method> methods = PublishedDocument.resourceMethods(getClass().getClassLoader(), records);

        assertThat(methods.get("GET /{service}/dead-letters")).isEqualTo(DeadLettersResource.class.getMethod("list", int.class));
        assertThat(methods.get("POST /{service}/dead-letters/{queue}/replay").getName()).isEqualTo("replay");
        assertThat(records).containsKey("QueueLetters");
    }

    @Test
    void namesOperationsAfterTheResourceAndTheMethodSoThatIdsAreUnique() throws Exception {
        Method list = DeadLettersResource.class.getMethod("list", int.class);
        Method replay = DeadLettersResource.class.getMethod("replay", String.class, int.class);

        assertThat(PublishedDocument.operationId(list)).isEqualTo("deadLettersList");
        assertThat(PublishedDocument.operationId(replay)).isEqualTo("deadLettersReplay");
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "OAuthError")
    record Named(String error) {
    }

    record Plain(String error) {
    }

    @Test
    void namesARecordsSchemaAsItsSchemaAnnotationSays() {
        assertThat(PublishedDocument.schemaName(Named.class)).isEqualTo("OAuthError");
        assertThat(PublishedDocument.schemaName(Plain.class)).isEqualTo("Plain");
    }

    @Test
    void describesEveryStatusItAddsByItself() {
        assertThat(PublishedDocument.STANDARD).containsKeys(400, 401, 403, 404, 409, 422, 503);
        assertThat(PublishedDocument.STANDARD.get(400)).contains("violations");
    }
}
