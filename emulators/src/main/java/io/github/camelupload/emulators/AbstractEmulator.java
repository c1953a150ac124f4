package io.github.camelupload.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both emulators share: an embedded Jetty bound to 127.0.0.1, a storage folder, the request journal and the
 * fault plan. State (stored files, uploads in progress) survives {@link #stop()}/{@link #start()}, and a restart
 * binds the same port again, so a test can simulate a server restart under a client that keeps its URL.
 */
public abstract class AbstractEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractEmulator.class);
    private static final String HOST = "127.0.0.1";

    private final Path storageDir;
    private final boolean ownsStorageDir;
    private final RequestJournal journal = new RequestJournal();
    private final FaultPlan faults = new FaultPlan();
    private final List<Consumer<StoredFileInfo>> storeListeners = new CopyOnWriteArrayList<>();
    private int port;
    /** Loopback unless a container asks for all interfaces ({@link #bindHost(String)}). */
    private volatile String bindHost = HOST;
    private Server server;
    private boolean https;
    private volatile boolean countingOnly;

    /**
     * @param storageDir where files are stored; null for a new temporary folder, deleted by {@link #close()}
     * @param port       the port to listen on, 0 for a free one
     */
    protected AbstractEmulator(Path storageDir, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("invalid port " + port);
        }
        this.port = port;
        this.ownsStorageDir = storageDir == null;
        try {
            this.storageDir = storageDir == null
                    ? Files.createTempDirectory(getClass().getSimpleName().toLowerCase() + "-")
                    : Files.createDirectories(storageDir).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the storage folder", e);
        }
    }

    abstract EmulatorHandler handler();

    /** Forgets the protocol state: uploads in progress and stored files. */
    abstract void resetState() throws IOException;

    /** Starts listening; a no-op when already running. */
    /**
     * Counting mode (off by default): the protocol is validated as always, but uploaded bytes are only counted and
     * hashed (a running SHA-256; chunks arrive in order), never written, so a benchmark measures the client rather
     * than the disk. Completed uploads are still reported ({@link #onStored}, with a null path) but cannot be read
     * back. Set it before the first upload.
     */
    public AbstractEmulator countingOnly(boolean countingOnly) {
        this.countingOnly = countingOnly;
        return this;
    }

    public boolean isCountingOnly() {
        return countingOnly;
    }

    /**
     * The address to listen on, from the next start: 127.0.0.1 by default; "0.0.0.0" only where something outside must
     * reach it, as in a container. The URLs the emulator gives out keep naming 127.0.0.1.
     */
    public synchronized AbstractEmulator bindHost(String host) {
        this.bindHost = java.util.Objects.requireNonNull(host, "host");
        return this;
    }

    public synchronized AbstractEmulator start() {
        if (server != null) {
            return this;
        }
        QueuedThreadPool threads = new QueuedThreadPool(64, 2);
        threads.setName(getClass().getSimpleName());
        Server newServer = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // let every path reach the handler, which validates it itself and journals what it refused
        http.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector connector = https
                ? new ServerConnector(newServer, 1, 1, EmulatorTls.httpsConnectionFactories(http))
                : new ServerConnector(newServer, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(bindHost);
        connector.setPort(port);
        connector.setIdleTimeout(300_000); // long stalls and slow big uploads are part of the job
        newServer.addConnector(connector);
        newServer.setHandler(handler());
        newServer.setStopTimeout(0); // no graceful wait: idle keep-alive connections of clients would hold it up
        try {
            newServer.start();
        } catch (Exception e) {
            try {
                newServer.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException(getClass().getSimpleName() + " could not start on port " + port, e);
        }
        port = connector.getLocalPort(); // keep it: a restart comes back on the same port
        server = newServer;
        faults.resetCounters();
        LOG.info("{} listening on {}, storing under {}", getClass().getSimpleName(), origin(), storageDir);
        return this;
    }

    /** Stops listening; state and stored files stay. A no-op when not running. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("{} did not stop cleanly", getClass().getSimpleName(), e);
        } finally {
            server = null;
        }
    }

    /** Stops, and deletes the storage folder when the emulator created it. */
    @Override
    public void close() {
        stop();
        if (ownsStorageDir) {
            try {
                FileTrees.deleteTree(storageDir);
            } catch (IOException e) {
                LOG.warn("could not delete {}", storageDir, e);
            }
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The port listened on (after {@link #start()}; before, the configured one). */
    public synchronized int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}, or {@code https://} when serving HTTPS. */
    public String origin() {
        return (isHttps() ? "https://" : "http://") + HOST + ":" + port();
    }

    /**
     * Serve HTTPS with the bundled self-signed certificate ({@link EmulatorTls}) instead of plain HTTP; set it before
     * {@link #start()}. Off by default.
     */
    public synchronized AbstractEmulator https(boolean enabled) {
        if (server != null && enabled != https) {
            throw new IllegalStateException("stop the emulator before switching between HTTP and HTTPS");
        }
        https = enabled;
        return this;
    }

    public synchronized boolean isHttps() {
        return https;
    }

    public Path storageDir() {
        return storageDir;
    }

    public RequestJournal journal() {
        return journal;
    }

    public FaultPlan faults() {
        return faults;
    }

    /** Clears the journal, the faults (and request numbering), uploads in progress and stored files. */
    public void reset() {
        journal.clear();
        faults.clear();
        try {
            resetState();
        } catch (IOException e) {
            throw new UncheckedIOException("could not empty " + storageDir, e);
        }
    }

    /** Calls {@code listener} (on a server thread) each time a file was completely stored. */
    public void onStored(Consumer<StoredFileInfo> listener) {
        storeListeners.add(Objects.requireNonNull(listener));
    }

    void notifyStored(StoredFileInfo info) {
        for (Consumer<StoredFileInfo> listener : storeListeners) {
            try {
                listener.accept(info);
            } catch (RuntimeException e) {
                LOG.warn("a store listener failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (isRunning() ? origin() : "stopped") + ", " + storageDir + "]";
    }
}
