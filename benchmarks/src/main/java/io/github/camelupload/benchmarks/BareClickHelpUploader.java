package io.github.camelupload.benchmarks;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;

import io.github.camelupload.emulators.ClickHelpEmulator;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The baseline a user would hand-write for ClickHelp: bare Apache HttpClient 5 (default client, keep-alive), one
 * POST, then each chunk read into one reused buffer and PUT with its Content-Range. No retries, no resume.
 */
final class BareClickHelpUploader implements Uploader {

    private final CloseableHttpClient http = HttpClients.createDefault();
    private final String api;
    private final String authorization = "Basic " + Base64.getEncoder().encodeToString(
            (ClickHelpEmulator.DEFAULT_USERNAME + ":" + ClickHelpEmulator.DEFAULT_API_KEY)
                    .getBytes(StandardCharsets.UTF_8));
    private final byte[] buffer;

    BareClickHelpUploader(ClientSpec spec) {
        this.api = spec.baseUrl() + "/api/v1/storage/bench/";
        this.buffer = new byte[(int) spec.chunkSize()];
    }

    @Override
    public void upload(Path file, String name) throws Exception {
        HttpPost post = new HttpPost(api + name + "?format=resumable&isOverwrite=true");
        post.setHeader("Authorization", authorization);
        expect(http.execute(post, response -> response.getCode()), 201, post.getRequestUri());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            for (long offset = 0; offset < size; ) {
                int length = (int) Math.min(buffer.length, size - offset);
                readFully(channel, offset, length);
                HttpPut put = new HttpPut(api + name + "?format=resumable");
                put.setHeader("Authorization", authorization);
                put.setHeader("Content-Range", "bytes " + offset + "-" + (offset + length - 1) + "/" + size);
                put.setEntity(new ByteArrayEntity(buffer, 0, length, ContentType.APPLICATION_OCTET_STREAM));
                offset += length;
                expect(http.execute(put, BareClickHelpUploader::statusAfterConsuming), offset < size ? 202 : 201,
                        put.getRequestUri());
            }
        }
    }

    private void readFully(FileChannel channel, long offset, int length) throws Exception {
        ByteBuffer target = ByteBuffer.wrap(buffer, 0, length);
        while (target.hasRemaining()) {
            if (channel.read(target, offset + target.position()) < 0) {
                throw new EOFException("file shorter than expected");
            }
        }
    }

    private static int statusAfterConsuming(ClassicHttpResponse response) throws java.io.IOException {
        EntityUtils.consume(response.getEntity());
        return response.getCode();
    }

    static void expect(int actual, int expected, String what) {
        if (actual != expected) {
            throw new IllegalStateException(what + " answered " + actual + ", expected " + expected);
        }
    }

    @Override
    public void close() throws Exception {
        http.close();
    }
}
