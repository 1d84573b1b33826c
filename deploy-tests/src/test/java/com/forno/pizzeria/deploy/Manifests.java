package com.forno.pizzeria.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Kubernetes objects as YAML documents: a rendered overlay, a test sample, or what make-secrets.sh prints. */
final class Manifests {

    /** One object, as the YAML said it (before any schema), and where it came from. */
    record Manifest(String source, Map<String, Object> raw) {

        String apiVersion() {
            return String.valueOf(raw.get("apiVersion"));
        }

        String kind() {
            return String.valueOf(raw.get("kind"));
        }

        String name() {
            Object metadata = raw.get("metadata");
            return metadata instanceof Map<?, ?> map ? String.valueOf(map.get("name")) : "null";
        }

        @Override
        public String toString() {
            return kind() + "/" + name();
        }
    }

    private static final Map<String, List<Manifest>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    /** `kubectl kustomize kubernetes/overlays/&lt;overlay&gt;`, once per test run. */
    static List<Manifest> overlay(String overlay) {
        return RENDERED.computeIfAbsent(overlay, name -> parse(
                Tools.output(Repository.ROOT, "kubectl", "kustomize", "kubernetes/overlays/" + name), "overlays/" + name));
    }

    /** What `kubernetes/make-secrets.sh` prints for dev: the Secrets and the ConfigMap created out of band. */
    static List<Manifest> madeSecrets() {
        return madeSecrets("dev");
    }

    /**
     * The objects an overlay's README steps create out of band: `kubernetes/make-secrets.sh dev|prod|eks` (prod with
     * sample object storage credentials) and, with the operators, `kubernetes/partner.sh secret NAME` for each
     * partner's User.
     */
    static List<Manifest> madeSecrets(String overlay) {
        List<Manifest> objects = overlay(overlay); // (rendered first: no computeIfAbsent inside another)
        return RENDERED.computeIfAbsent("make-secrets.sh " + overlay, name -> {
            // as the README says: dev and eks (an IAM role for the backups) without object storage keys
            String mode = overlay.equals("dev") || overlay.equals("eks") ? overlay : "prod";
            Map<String, String> environment = mode.equals("prod") ? Map.of("PIZZERIA_BACKUP_ACCESS_KEY_ID", "sample-key-id",
                    "PIZZERIA_BACKUP_SECRET_ACCESS_KEY", "sample-secret") : Map.of();
            List<Manifest> made = new ArrayList<>(parse(Tools.output(environment, Repository.ROOT, "bash",
                    "kubernetes/make-secrets.sh", mode), name));
            for (Manifest user : OperatorResources.of(objects, OperatorResources.RABBITMQ, "User")) {
                if (user.name().startsWith("partner-")) {
                    made.addAll(parse(Tools.output(Repository.ROOT, "bash", "kubernetes/partner.sh", "secret",
                            user.name().substring("partner-".length())), "partner.sh secret"));
                }
            }
            return made;
        });
    }

    @SuppressWarnings("unchecked")
    static List<Manifest> parse(String yaml, String source) {
        List<Manifest> manifests = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(yaml)) {
            if (document instanceof Map<?, ?> map) {
                manifests.add(new Manifest(source, new LinkedHashMap<>((Map<String, Object>) map)));
            } else if (document != null) {
                throw new IllegalArgumentException(source + ": a document that is not an object: " + document);
            }
        }
        return manifests;
    }
}
