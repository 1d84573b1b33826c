package com.forno.pizzeria.users.signin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;

/**
 * The key set that signs access tokens, read at run time so that keys rotate without a redeploy.
 * <p>
 * {@code users.jwt.private-key-location} names a directory of RS256 private keys (PKCS#8 PEM, {@code *.pem}; a
 * Kubernetes Secret volume, which the kubelet updates in place) or a single PEM file; {@code users.jwt.private-key}
 * is a single key given as text (the container tests). The directory is read again at most every
 * {@code users.jwt.keys.rescan-seconds}. Every key is listed in the JWKS under its RFC 7638 thumbprint ({@code kid}).
 * The key whose file name sorts last is the newest; it signs once it has been listed for
 * {@code users.jwks.max-age-seconds}, the time the verifiers may cache the JWKS, so that no verifier meets a
 * {@code kid} it has not fetched yet. Until then the key before it goes on signing. A key removed from the directory
 * leaves the JWKS at the next read: verifiers refuse its tokens once their cached JWKS expires.
 */
@ApplicationScoped
public class SigningKeys {

    /** One key of the set: its file name orders it, its thumbprint names it in tokens and in the JWKS. */
    public record Key(String name, String kid, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey, Instant listedSince) {
    }

    @Inject
    @ConfigProperty(name = "users.jwt.private-key")
    Optional<String> pem;

    @Inject
    @ConfigProperty(name = "users.jwt.private-key-location")
    Optional<String> location;

    @Inject
    @ConfigProperty(name = "users.jwt.keys.rescan-seconds", defaultValue = "5")
    long rescanSeconds;

    @Inject
    @ConfigProperty(name = "users.jwks.max-age-seconds", defaultValue = "60")
    long jwksMaxAgeSeconds;

    Clock clock = Clock.systemUTC();

    private List<Key> keys = List.of();
    private final Map<String, Instant> firstListed = new HashMap<>();
    private Instant readAt;

    /** Every key of the set, oldest first. */
    public synchronized List<Key> keys() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plusSeconds(rescanSeconds))) {
            // the keys found by the first read are taken as listed long ago: verifiers may already know them
            Instant listedSince = readAt == null ? Instant.EPOCH : now;
            List<Key> read = new ArrayList<>();
            for (Map.Entry<String, String> file : pems().entrySet()) {
                RSAPrivateCrtKey key = parse(file.getValue(), file.getKey());
                String kid = thumbprint(publicOf(key));
                read.add(new Key(file.getKey(), kid, key, publicOf(key), firstListed.computeIfAbsent(kid, k -> listedSince)));
            }
            read.sort(Comparator.comparing(Key::name));
            firstListed.keySet().retainAll(read.stream().map(Key::kid).toList());
            keys = List.copyOf(read);
            readAt = now;
        }
        return keys;
    }

    /** The key that signs now: the newest one the verifiers have had the time to fetch. */
    public Optional<Key> signing() {
        List<Key> all = keys();
        // a second more than the cache time: a verifier's cache may expire a moment after it is due
        Instant publishedBefore = clock.instant().minus(Duration.ofSeconds(jwksMaxAgeSeconds + 1));
        return newestFirst(all).stream().filter(key -> !key.listedSince().isAfter(publishedBefore)).findFirst()
                .or(() -> newestFirst(all).stream().findFirst());
    }

    /** The public half of the set, as RFC 7517 JSON. */
    public String jwks() {
        JsonWebKeySet set = new JsonWebKeySet();
        for (Key key : newestFirst(keys())) {
            RsaJsonWebKey jwk = new RsaJsonWebKey(key.publicKey());
            jwk.setKeyId(key.kid());
            jwk.setUse("sig");
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            set.addJsonWebKey(jwk);
        }
        return set.toJson();
    }

    private static List<Key> newestFirst(List<Key> keys) {
        List<Key> reversed = new ArrayList<>(keys);
        Collections.reverse(reversed);
        return reversed;
    }

    public long jwksMaxAgeSeconds() {
        return jwksMaxAgeSeconds;
    }

    /** File name → PEM text of every key configured. */
    private Map<String, String> pems() {
        Map<String, String> pems = new HashMap<>();
        if (pem.isPresent() && !pem.get().isBlank()) {
            pems.put("users.jwt.private-key", pem.get());
        }
        Optional<Path> path = location.filter(p -> !p.isBlank()).map(p -> Path.of(p.replaceFirst("^file:(//)?", "")));
        if (path.isEmpty()) {
            return pems;
        }
        try {
            if (Files.isDirectory(path.get())) {
                // a Secret volume also holds ..data and dated directories: only the visible *.pem entries are keys
                try (Stream<Path> files = Files.list(path.get())) {
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pem")
                            && !f.getFileName().toString().startsWith(".") && Files.isRegularFile(f)).toList()) {
                        pems.put(file.getFileName().toString(), Files.readString(file));
                    }
                }
            } else {
                pems.put(path.get().getFileName().toString(), Files.readString(path.get()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read users.jwt.private-key-location " + path.get(), e);
        }
        return pems;
    }

    static RSAPrivateCrtKey parse(String pem, String name) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(name + " is not an RSA private key in PKCS#8 PEM", e);
        }
    }

    private static RSAPublicKey publicOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 7638: the same key always has the same kid, on every instance, with no registry of names. */
    static String thumbprint(RSAPublicKey key) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(key).calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
