package io.github.camelupload.benchmarks;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelupload.emulators.ClickHelpEmulator;
import io.github.camelupload.emulators.ContentIslandEmulator;

/**
 * The curl baseline: the same request sequence as the components, from a bash script. Chunks are cut beforehand
 * into files on tmpfs ({@code /dev/shm}), outside the timing, because curl cannot send a byte range of a file.
 * ClickHelp and simple ContentIsland uploads run as one curl invocation with one request per {@code next} (one
 * kept-alive connection, as the components keep theirs); chunked ContentIsland needs each answer to build the next
 * {@code chunkOptions}, so it is a loop of one curl per chunk. {@code Expect: 100-continue} is switched off, as the
 * components' HttpClient does not send it. CPU is user + sys of the script and all its children ({@code times}).
 */
final class CurlClient {

    private static final Pattern TIME = Pattern.compile("(\\d+)m([\\d.]+)s");

    private final Path work;

    /** @param work a folder on tmpfs for chunk files, configs and scripts */
    CurlClient(Path work) throws IOException {
        this.work = Files.createDirectories(work);
    }

    /** Cuts {@code file} into chunk files (untimed); a file of at most one chunk is used as it is. */
    List<Path> chunks(Path file, long chunkSize) throws IOException {
        long size = Files.size(file);
        if (size <= chunkSize) {
            return List.of(file);
        }
        Path dir = Files.createDirectories(work.resolve("chunks-" + file.getFileName() + "-" + chunkSize));
        List<Path> chunks = new ArrayList<>();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            for (long offset = 0, index = 0; offset < size; offset += chunkSize, index++) {
                Path chunk = dir.resolve(String.format("chunk-%05d", index));
                long length = Math.min(chunkSize, size - offset);
                if (!Files.isRegularFile(chunk) || Files.size(chunk) != length) {
                    try (FileChannel out = FileChannel.open(chunk, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING)) {
                        for (long done = 0; done < length; ) {
                            done += in.transferTo(offset + done, length - done, out);
                        }
                    }
                }
                chunks.add(chunk);
            }
        }
        return chunks;
    }

    /** Deletes the chunk files of earlier cases (tmpfs is memory). */
    void dropChunks() throws IOException {
        try (var entries = Files.list(work)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().startsWith("chunks-")).toList()) {
                try (var files = Files.list(entry)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
                Files.delete(entry);
            }
        }
    }

    /** POST + PUT chunks per file, all through one curl invocation. */
    Measurement clickHelp(String portalUrl, List<Path> files, long chunkSize) throws Exception {
        StringBuilder config = new StringBuilder();
        String user = ClickHelpEmulator.DEFAULT_USERNAME + ":" + ClickHelpEmulator.DEFAULT_API_KEY;
        for (Path file : files) {
            String url = portalUrl + "/api/v1/storage/bench/" + file.getFileName();
            long size = Files.size(file);
            request(config, url + "?format=resumable&isOverwrite=true", user).append("request = \"POST\"\n");
            long offset = 0;
            for (Path chunk : chunks(file, chunkSize)) {
                long length = Files.size(chunk);
                request(config, url + "?format=resumable", user)
                        .append("upload-file = ").append(quote(chunk.toString())).append('\n')
                        .append("header = ").append(quote("Content-Range: bytes " + offset + "-" + (offset + length - 1)
                                + "/" + size)).append('\n');
                offset += length;
            }
        }
        return runConfig(config, files);
    }

    /** One multipart POST per file (simple mode), all through one curl invocation. */
    Measurement contentIslandSimple(String baseUrl, List<Path> files) throws Exception {
        StringBuilder config = new StringBuilder();
        for (Path file : files) {
            request(config, baseUrl + "/resource/upload", null)
                    .append("header = ").append(quote("Authorization: Bearer "
                            + ContentIslandEmulator.DEFAULT_WRITE_TOKEN)).append('\n')
                    .append("form = ").append(quote("file=@" + file + ";filename=" + file.getFileName()
                            + ";type=application/octet-stream")).append('\n');
        }
        return runConfig(config, files);
    }

    /** Chunked mode: a bash loop, one curl per chunk, each chunkOptions echoing the previous answer. */
    Measurement contentIslandChunked(String baseUrl, Path file, long chunkSize) throws Exception {
        List<Path> chunks = chunks(file, chunkSize);
        StringBuilder script = new StringBuilder("set -e\nstate=''\ni=0\ntotal=" + chunks.size() + "\nfor f in");
        for (Path chunk : chunks) {
            script.append(' ').append(chunk).append(':').append(Files.size(chunk)); // sizes known: no stat per chunk
        }
        script.append("; do\n")
                .append("  size=${f##*:}; f=${f%:*}\n")
                .append("  opts=\"{\\\"chunkIndex\\\":$i,\\\"chunkSize\\\":$size,\\\"totalChunks\\\":$total\"\n")
                .append("  if [ -n \"$state\" ]; then opts=\"$opts,${state#\\{}\"; else opts=\"$opts}\"; fi\n")
                .append("  state=$(curl -sS --fail -H 'Expect:' -H 'Authorization: Bearer ")
                .append(ContentIslandEmulator.DEFAULT_WRITE_TOKEN).append("' -H 'X-Chunk-Upload: true'")
                .append(" --form-string \"chunkOptions=$opts\"")
                .append(" -F \"chunk=@$f;filename=").append(file.getFileName()).append(";type=application/octet-stream\" ")
                .append(baseUrl).append("/resource/upload)\n")
                .append("  i=$((i+1))\ndone\ntimes\n");
        return runScript(script.toString(), List.of(file));
    }

    private static StringBuilder request(StringBuilder config, String url, String user) {
        if (!config.isEmpty()) {
            config.append("next\n");
        }
        config.append("url = ").append(quote(url)).append('\n')
                .append("silent\nshow-error\nfail\noutput = \"/dev/null\"\nheader = \"Expect:\"\n");
        if (user != null) {
            config.append("user = ").append(quote(user)).append('\n');
        }
        return config;
    }

    private Measurement runConfig(StringBuilder config, List<Path> files) throws Exception {
        Path configFile = work.resolve("curl.config");
        Files.writeString(configFile, config, StandardCharsets.UTF_8);
        return runScript("set -e\ncurl -K " + configFile + "\ntimes\n", files);
    }

    private Measurement runScript(String script, List<Path> files) throws Exception {
        Path scriptFile = work.resolve("curl.sh");
        Files.writeString(scriptFile, script, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        Process process = new ProcessBuilder("bash", scriptFile.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("curl script failed (exit " + exit + "): " + out);
        }
        double cpu = 0;
        Matcher m = TIME.matcher(out); // `times`: shell user, sys, then children user, sys
        while (m.find()) {
            cpu += Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2));
        }
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        return new Measurement("curl", seconds, cpu, bytes, files.size(), -1, -1, -1, List.of());
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
