package io.github.camelupload.emulators;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One resumable ClickHelp upload in progress. The file path is the key (the service has no upload id). Bytes
 * confirmed so far sit in {@link #staging}, written at their offsets (no staging file in counting mode), and
 * {@link #digest} covers exactly them.
 * Guarded by {@link #lock}: chunk PUTs for one path are serialised, and a restarting POST waits for them.
 */
final class ClickHelpSession {

    final String key;
    final Path target;
    final Path staging;
    final boolean overwrite;
    final ReentrantLock lock = new ReentrantLock();

    long confirmed;
    Long total;
    MessageDigest digest = Hashing.sha256();
    /** Set when the session was restarted, completed or reset; a PUT holding a stale reference must give up. */
    boolean closed;

    ClickHelpSession(String key, Path target, Path staging, boolean overwrite) {
        this.key = key;
        this.target = target;
        this.staging = staging;
        this.overwrite = overwrite;
    }

    /** {@code bytes 0-{last}/{total|*}}, the progress shape of a 202. */
    String progressContentRange() {
        return "bytes 0-" + (confirmed - 1) + "/" + (total == null ? "*" : total.toString());
    }

    /** {@code bytes=0-{last}}, or null while nothing is confirmed (the emulator then omits {@code Range}). */
    String confirmedRange() {
        return confirmed == 0 ? null : "bytes=0-" + (confirmed - 1);
    }
}
