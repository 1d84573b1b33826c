package com.forno.pizzeria.testing;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.net.URL;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A container test that reaches the module's deployed WAR from outside, as a client does: {@code base} is the
 * WAR's URL, and {@code api} a new instance of the module's client {@code A} for it before each test ({@code A} has
 * a constructor that takes the URL).
 *
 * <pre>class ReadingIT extends ClientIT&lt;Api&gt; { … api.get("orders/" + id, who).expect(200) … }</pre>
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class ClientIT<A> {

    @ArquillianResource
    protected URL base;

    /** Public so that one test class may lend its client to another's helpers. */
    public A api;

    @BeforeEach
    void newApi() throws ReflectiveOperationException {
        Constructor<A> client = clientClass().getDeclaredConstructor(URL.class);
        client.setAccessible(true);
        api = client.newInstance(base);
    }

    @SuppressWarnings("unchecked")
    private Class<A> clientClass() {
        Class<?> test = getClass();
        while (test.getSuperclass() != ClientIT.class) {
            test = test.getSuperclass();
        }
        return (Class<A>) ((ParameterizedType) test.getGenericSuperclass()).getActualTypeArguments()[0];
    }
}
