package io.github.camelupload.support.resume;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import io.github.camelupload.support.source.SourceIdentity;

import org.apache.camel.spi.StateRepository;

/**
 * Saves where an upload stands in a Camel {@link StateRepository}, so another exchange, another CamelContext or
 * another JVM can continue it.
 * <p>
 * The key is a SHA-256 of the source's identity (path, size, last-modified) and the upload target: a changed file
 * gets a different key and so starts over, and no path or name leaks into the repository. {@code StateRepository}
 * has no removal, so an entry is removed by writing an empty value, which reads as absent. Callers must never put a
 * secret into the target or the value.
 */
public final class ResumeStateStore {

    private final StateRepository<String, String> repository;

    public ResumeStateStore(StateRepository<String, String> repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /**
     * The key for an upload of this source to this target.
     *
     * @param scheme the component (keeps the two components' entries apart)
     * @param target where the upload goes, e.g. the portal URL and storage path; no credentials
     */
    public static String key(String scheme, SourceIdentity source, String target) {
        Objects.requireNonNull(source, "source");
        String material = scheme + '\n' + source.fingerprint() + '\n' + target;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return scheme + "-upload-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public Optional<String> load(String key) {
        String value = repository.getState(key);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Saves the state; it must be one line (a file-based repository is line-oriented). */
    public void save(String key, String value) {
        if (value.isEmpty() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("Resume state must be a non-empty single line");
        }
        repository.setState(key, value);
    }

    public void remove(String key) {
        if (repository.getState(key) != null) {
            repository.setState(key, "");
        }
    }
}
