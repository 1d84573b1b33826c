package com.forno.pizzeria.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web image of Kubernetes (web/Dockerfile, web/nginx.conf), which serves what the gateway serves from its own
 * files: its Dockerfile read (no engine here), and its nginx configuration run in a real nginx (the one bin/pizzeria
 * installs for the gateway) over a stand-in app and the committed API document, asked what a browser and an API
 * client ask the gateway.
 */
class WebImageTest {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String INDEX = "<!doctype html><title>Forno</title><div id=root></div>";

    static Path directory;
    static Process nginx;
    static String base;

    @BeforeAll
    static void startNginx() throws Exception {
        directory = Files.createDirectories(Repository.WORK.resolve("web-image"));
        Path html = Files.createDirectories(directory.resolve("html"));
        Files.createDirectories(html.resolve("assets"));
        Files.writeString(html.resolve("index.html"), INDEX);
        Files.writeString(html.resolve("assets/index-3f2a1b.js"), "console.log('app');");
        Path openapi = Files.createDirectories(directory.resolve("openapi"));
        for (String document : List.of("openapi.json", "openapi.yaml")) {
            Files.copy(Repository.path("api-document/" + document), openapi.resolve(document),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String server = Repository.read(Repository.path("web/nginx.conf"))
                .replace("listen 8080;", "listen 127.0.0.1:" + port + ";")
                .replace("/usr/share/nginx/html", html.toString())
                .replace("/usr/share/nginx/openapi/", openapi + "/");
        Files.writeString(directory.resolve("default.conf"), server);
        // the image's nginx.conf, in short: an http block that includes conf.d (files here are root's when run as root)
        Files.writeString(directory.resolve("nginx.conf"), String.join("\n",
                "root".equals(System.getProperty("user.name")) ? "user root;" : "",
                "daemon off;", "worker_processes 1;", "pid " + directory.resolve("nginx.pid") + ";",
                "error_log " + directory.resolve("error.log") + ";",
                "events {}",
                "http {",
                "  access_log off;",
                "  client_body_temp_path " + directory.resolve("client_temp") + ";",
                "  proxy_temp_path " + directory.resolve("proxy_temp") + ";",
                "  fastcgi_temp_path " + directory.resolve("fastcgi_temp") + ";",
                "  uwsgi_temp_path " + directory.resolve("uwsgi_temp") + ";",
                "  scgi_temp_path " + directory.resolve("scgi_temp") + ";",
                "  include " + directory.resolve("default.conf") + ";",
                "}", ""));
        nginx = new ProcessBuilder(nginxBinary(), "-p", directory.toString(), "-c", directory.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("nginx.out").toFile()).start();
        base = "http://127.0.0.1:" + port;
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> get("/healthz", null).statusCode() == 200);
    }

    @AfterAll
    static void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor();
        }
    }

    @Test
    void theDockerfileServesTheBuiltAppAndTheCommittedDocumentAsANonRootUser() {
        String dockerfile = Repository.read(Repository.dockerfile("web"));
        assertThat(Repository.group(dockerfile, "(?m)^FROM\\s+(\\S+)")).as("a pinned nginx that runs unprivileged")
                .matches("nginxinc/nginx-unprivileged:\\d+\\.\\d+\\.\\d+-alpine");
        assertThat(Repository.group(dockerfile, "(?m)^USER\\s+(\\S+)")).matches("[1-9][0-9]*(:[1-9][0-9]*)?");
        assertThat(dockerfile).contains("COPY web/nginx.conf /etc/nginx/conf.d/default.conf",
                "COPY web/dist/ /usr/share/nginx/html/",
                "COPY api-document/openapi.json api-document/openapi.yaml /usr/share/nginx/openapi/");
        assertThat(Repository.read(Repository.path(".dockerignore")).lines().filter(l -> l.startsWith("!")))
                .contains("!web/nginx.conf", "!web/dist/", "!api-document/openapi.json", "!api-document/openapi.yaml");
    }

    @Test
    void theApiDocumentNamesThePublicAddressAndIsNegotiatedLikeTheGateways() throws Exception {
        HttpResponse<String> json = send(HttpRequest.newBuilder(URI.create(base + "/openapi"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "pizzeria.example"));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(json.body()).contains("\"https://pizzeria.example\"").doesNotContain("localhost:8080")
                .contains("\"/users/token\"");

        HttpResponse<String> yaml = get("/openapi", "application/yaml");
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
        assertThat(yaml.body()).startsWith("openapi: ").contains(base);
        assertThat(get("/openapi.yaml", null).body()).startsWith("openapi: ");
        assertThat(get("/openapi.json", null).body()).startsWith("{");

        problem(get("/openapi", "text/html"), 406);
        problem(send(HttpRequest.newBuilder(URI.create(base + "/openapi")).POST(HttpRequest.BodyPublishers.ofString("{}"))), 405);
    }

    @Test
    void aBrowserGetsTheAppAtEveryDeepLinkAndAnApiClientAProblemForAnUnknownPath() throws Exception {
        for (String page : List.of("/", "/admin", "/admin/estoque", "/pedido/3f1c2a9e")) {
            HttpResponse<String> answer = get(page, "text/html,application/xhtml+xml");
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            assertThat(answer.body()).as(page).isEqualTo(INDEX);
            assertThat(answer.headers().firstValue("Cache-Control")).as(page).hasValue("no-cache");
        }
        HttpResponse<String> asset = get("/assets/index-3f2a1b.js", null);
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");

        problem(get("/pizzas/42", "application/json"), 404);
        problem(get("/assets/gone-000000.js", null), 404);
    }

    private static void problem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"status\":" + status);
    }

    private static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String nginxBinary() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "nginx"; // on the PATH, or the test fails naming it
    }
}
