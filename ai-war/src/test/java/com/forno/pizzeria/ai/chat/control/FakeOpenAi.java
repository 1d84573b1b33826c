package com.forno.pizzeria.ai.chat.control;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible chat endpoint on loopback that plays a script: each POST to
 * {@code /v1/chat/completions} gets the next scripted answer, and every request body is kept for the test.
 */
final class FakeOpenAi implements AutoCloseable {

    /** What the server answers to one request. */
    record Answer(int status, String body, boolean hang) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch released = new CountDownLatch(1);

    FakeOpenAi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Answer answer = script.poll();
            if (answer == null) {
                answer = new Answer(500, "{\"error\":{\"message\":\"script exhausted\"}}", false);
            }
            if (answer.hang()) {
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    FakeOpenAi then(Answer answer) {
        script.add(answer);
        return this;
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    static Answer toolCall(String name, String arguments) {
        return new Answer(200, """
                {"id":"chatcmpl-1","object":"chat.completion","created":1764190000,"model":"fake",
                 "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
                   "tool_calls":[{"id":"call_%d","type":"function","function":{"name":"%s","arguments":%s}}]}}],
                 "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}"""
                .formatted(Math.abs(name.hashCode()), name, quote(arguments)), false);
    }

    static Answer text(String content) {
        return new Answer(200, """
                {"id":"chatcmpl-2","object":"chat.completion","created":1764190001,"model":"fake",
                 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":%s}}],
                 "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}""".formatted(quote(content)),
                false);
    }

    static Answer failure(int status) {
        return new Answer(status, "{\"error\":{\"message\":\"model overloaded\",\"type\":\"server_error\"}}", false);
    }

    static Answer hanging() {
        return new Answer(200, "{}", true);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
