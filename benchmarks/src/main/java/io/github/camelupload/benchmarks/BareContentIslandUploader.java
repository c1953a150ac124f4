package io.github.camelupload.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelupload.emulators.ContentIslandEmulator;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.client5.http.entity.mime.InputStreamBody;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The baseline a user would hand-write for ContentIsland: bare Apache HttpClient 5 (default client, keep-alive).
 * Simple mode: one multipart POST with the file as a FileBody. Chunked mode: per chunk, the chunk read into one
 * reused buffer and POSTed with {@code chunkOptions} (before {@code chunk}, as the component sends them) echoing the
 * previous answer.
 */
final class BareContentIslandUploader implements Uploader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloseableHttpClient http = HttpClients.createDefault();
    private final ClientSpec spec;
    private final String url;
    private final byte[] buffer;

    BareContentIslandUploader(ClientSpec spec) {
        this.spec = spec;
        this.url = spec.baseUrl() + "/resource/upload";
        this.buffer = spec.mode().equals("simple") ? new byte[0] : new byte[(int) spec.chunkSize()];
    }

    @Override
    public void upload(Path file, String name) throws Exception {
        boolean simple = spec.mode().equals("simple")
                || (spec.mode().equals("auto") && file.toFile().length() <= ContentIslandEmulator.DEFAULT_SIMPLE_UPLOAD_LIMIT);
        if (simple) {
            JsonNode answer = post(MultipartEntityBuilder.create()
                    .addPart("file", new FileBody(file.toFile(), ContentType.APPLICATION_OCTET_STREAM, name))
                    .build(), false);
            requireField(answer, "name");
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int total = (int) Math.max(1, (size + buffer.length - 1) / buffer.length);
            JsonNode previous = null;
            for (int index = 0; index < total; index++) {
                long offset = (long) index * buffer.length;
                int length = (int) Math.min(buffer.length, size - offset);
                readFully(channel, offset, length);
                ObjectNode options = JSON.createObjectNode().put("chunkIndex", index).put("chunkSize", length)
                        .put("totalChunks", total);
                if (previous != null) {
                    options.set("uploadId", previous.get("uploadId"));
                    options.set("multiPartUpload", previous.get("multiPartUpload"));
                    options.set("filePrefix", previous.get("filePrefix"));
                }
                previous = post(MultipartEntityBuilder.create()
                        .addTextBody("chunkOptions", options.toString(),
                                ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8))
                        .addPart("chunk", new InputStreamBody(new ByteArrayInputStream(buffer, 0, length),
                                ContentType.APPLICATION_OCTET_STREAM, name, length))
                        .build(), true);
            }
            requireField(previous, "name");
        }
    }

    private JsonNode post(HttpEntity entity, boolean chunk) throws Exception {
        HttpPost post = new HttpPost(url);
        post.setHeader("Authorization", "Bearer " + ContentIslandEmulator.DEFAULT_WRITE_TOKEN);
        if (chunk) {
            post.setHeader("X-Chunk-Upload", "true");
        }
        post.setEntity(entity);
        return http.execute(post, response -> {
            String body = EntityUtils.toString(response.getEntity());
            BareClickHelpUploader.expect(response.getCode(), 201, url + " (" + body + ")");
            return JSON.readTree(body);
        });
    }

    private void readFully(FileChannel channel, long offset, int length) throws Exception {
        ByteBuffer target = ByteBuffer.wrap(buffer, 0, length);
        while (target.hasRemaining()) {
            if (channel.read(target, offset + target.position()) < 0) {
                throw new EOFException("file shorter than expected");
            }
        }
    }

    private static void requireField(JsonNode answer, String field) {
        if (answer == null || !answer.hasNonNull(field)) {
            throw new IllegalStateException("no " + field + " in the final answer: " + answer);
        }
    }

    @Override
    public void close() throws Exception {
        http.close();
    }
}
