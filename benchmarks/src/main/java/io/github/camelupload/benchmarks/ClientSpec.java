package io.github.camelupload.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one client JVM does, passed as {@code key=value} arguments: which client, which service and mode, the chunk
 * size, how the body is given, the files to upload (timed) and the warm-up files (uploaded first, untimed).
 *
 * @param client      "component" or "httpclient"
 * @param service     "clickhelp" or "contentisland"
 * @param mode        ContentIsland: "chunked", "simple" or "auto"; ignored for ClickHelp
 * @param body        "file" (a java.io.File body) or "stream" (an InputStream of unknown length; components only)
 * @param sampleHeap  whether to sample the live heap during the timed uploads (slows them down: memory cases only)
 */
record ClientSpec(String client, String service, String mode, long chunkSize, String body, String baseUrl,
                  List<Path> warmup, List<Path> files, boolean sampleHeap) {

    List<String> toArgs() {
        List<String> args = new ArrayList<>();
        args.add("client=" + client);
        args.add("service=" + service);
        args.add("mode=" + mode);
        args.add("chunkSize=" + chunkSize);
        args.add("body=" + body);
        args.add("baseUrl=" + baseUrl);
        args.add("warmup=" + join(warmup));
        args.add("files=" + join(files));
        args.add("sampleHeap=" + sampleHeap);
        return args;
    }

    static ClientSpec parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            values.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return new ClientSpec(values.get("client"), values.get("service"), values.get("mode"),
                Long.parseLong(values.get("chunkSize")), values.get("body"), values.get("baseUrl"),
                split(values.get("warmup")), split(values.get("files")), Boolean.parseBoolean(values.get("sampleHeap")));
    }

    private static String join(List<Path> paths) {
        return String.join(java.io.File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    private static List<Path> split(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(joined.split(java.io.File.pathSeparator)).map(Path::of).toList();
    }
}
