package io.github.camelupload.emulators;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** Plain HTTP on loopback for the emulator tests, and small helpers around it. */
final class TestHttp {

    /** HTTP/1.1 only: the emulators speak nothing else, and h2c upgrade attempts would only add noise. */
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private TestHttp() {
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> sendForBytes(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Percent-encodes each segment of a '/'-separated path as UTF-8, leaving only RFC 3986 unreserved bytes. */
    static String encodePath(String path) {
        List<String> encoded = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            StringBuilder sb = new StringBuilder();
            for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                        || c == '-' || c == '.' || c == '_' || c == '~') {
                    sb.append((char) c);
                } else {
                    sb.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
                }
            }
            encoded.add(sb.toString());
        }
        return String.join("/", encoded);
    }

    /**
     * Sends a request line as given, byte for byte, over a socket (java.net.URI refuses malformed escapes, which
     * is exactly what some tests must send) and returns the status code of the answer.
     */
    static int rawStatus(int port, String method, String target, String... headers) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\nContent-Length: 0\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            if (statusLine == null) {
                throw new IOException("no answer to " + method + " " + target);
            }
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; ) {
            long value = random.nextLong();
            for (int j = 0; j < 8 && i < size; j++, i++) {
                bytes[i] = (byte) (value >>> (8 * j));
            }
        }
        return bytes;
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Digest().digest(bytes));
    }

    static String sha256(Path file) throws IOException {
        return Hashing.hexOf(file, Hashing.sha256());
    }

    static MessageDigest sha256Digest() {
        return Hashing.sha256();
    }

    static String md5(byte[] bytes) {
        return HexFormat.of().formatHex(Hashing.md5().digest(bytes));
    }

    static byte[] slice(byte[] bytes, long from, long to) {
        byte[] slice = new byte[(int) (to - from)];
        System.arraycopy(bytes, (int) from, slice, 0, slice.length);
        return slice;
    }

    /** A small multipart/form-data body built in memory (tests only; the emulators never buffer bodies). */
    static final class Multipart {
        private final String boundary = "----emulator-test-" + UUID.randomUUID();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            head("Content-Disposition: form-data; name=\"" + name + "\"\r\n");
            write(value.getBytes(StandardCharsets.UTF_8));
            write("\r\n".getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        Multipart file(String name, String fileName, String contentType, byte[] content) {
            head("Content-Disposition: form-data; name=\"" + name + "\""
                    + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n"
                    + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n"));
            write(content);
            write("\r\n".getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] body() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return copy.toByteArray();
        }

        private void head(String headers) {
            write(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
        }

        private void write(byte[] bytes) {
            out.writeBytes(bytes);
        }
    }
}
