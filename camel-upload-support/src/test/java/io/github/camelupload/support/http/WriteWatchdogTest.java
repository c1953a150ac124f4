package io.github.camelupload.support.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelupload.support.UploadConfiguration;
import io.github.camelupload.support.retry.RetryPolicy;
import io.github.camelupload.support.source.ByteArrayChunkSource;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server that stops reading a request body must not block the client forever: the write is aborted after the
 * response timeout without progress, with a retryable error that says so; a slow server that keeps reading is not.
 */
class WriteWatchdogTest {

    static class Config extends UploadConfiguration {
    }

    private ServerSocket server;
    private Thread serverThread;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
        if (serverThread != null) {
            serverThread.interrupt();
            serverThread.join(5000);
        }
    }

    /** A server that reads the request head, then reads the body with {@code reader}, then answers 201. */
    private String serve(BodyReader reader) throws IOException {
        server = new ServerSocket();
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        serverThread = new Thread(() -> {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                readHead(in);
                reader.read(in);
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 201 Created\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException | InterruptedException e) {
                // the client went away or the test ended
            }
        }, "stalling-server");
        serverThread.setDaemon(true);
        serverThread.start();
        return "http://127.0.0.1:" + server.getLocalPort() + "/upload";
    }

    private interface BodyReader {
        void read(InputStream in) throws IOException, InterruptedException;
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("eof in head");
            }
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
    }

    private static CloseableHttpClient client(long responseTimeout) throws Exception {
        Config config = new Config();
        config.setResponseTimeout(responseTimeout);
        return UploadHttpClients.create(config, new DefaultCamelContext(), 2);
    }

    private static HttpPut put(String url, int size) throws IOException {
        HttpPut put = new HttpPut(url);
        put.setEntity(new ChunkEntity(new ByteArrayChunkSource(new byte[size]).nextChunk(size),
                ContentType.APPLICATION_OCTET_STREAM));
        return put;
    }

    @Test
    @Timeout(20)
    void aBodyTheServerStopsReadingIsAbortedWithARetryableErrorThatSaysSo() throws Exception {
        String url = serve(in -> Thread.sleep(60_000)); // reads the head, then never the body
        long started = System.nanoTime();
        try (CloseableHttpClient http = client(700)) {
            assertThatThrownBy(() -> {
                try (ClassicHttpResponse response = http.executeOpen(null, put(url, 64 * 1024 * 1024), null)) {
                    response.getCode();
                }
            })
                    .isInstanceOf(RequestBodyStalledException.class)
                    .hasMessageContaining("made no progress for 700 ms")
                    .hasMessageContaining("PUT /upload")
                    .satisfies(e -> assertThat(RetryPolicy.isRetryable(e)).as("retryable").isTrue());
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(elapsedMillis).as("aborted soon after the timeout").isBetween(700L, 10_000L);
    }

    @Test
    @Timeout(30)
    void aServerThatPausesShorterThanTheTimeoutIsNotAbortedEvenWhenTheWholeBodyTakesLonger() throws Exception {
        int size = 16 * 1024 * 1024;
        int burst = 2 * 1024 * 1024;
        AtomicLong received = new AtomicLong();
        String url = serve(in -> {
            byte[] buffer = new byte[64 * 1024];
            while (received.get() < size) {
                Thread.sleep(250); // a pause: the client's write blocks meanwhile
                long burstEnd = Math.min(size, received.get() + burst);
                while (received.get() < burstEnd) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, burstEnd - received.get()));
                    if (n < 0) {
                        return;
                    }
                    received.addAndGet(n);
                }
            }
        });
        long started = System.nanoTime();
        try (CloseableHttpClient http = client(1000);
             ClassicHttpResponse response = http.executeOpen(null, put(url, size), null)) {
            assertThat(response.getCode()).isEqualTo(201);
        }
        assertThat(received.get()).isEqualTo(size);
        assertThat((System.nanoTime() - started) / 1_000_000).as("the whole body took longer than the timeout")
                .isGreaterThan(1000);
    }
}
