package io.github.camelupload.benchmarks;

import java.nio.file.Path;

/** One way of uploading a file to a service: a component, or a baseline that sends the same requests. */
interface Uploader extends AutoCloseable {

    /** Uploads {@code file}; {@code name} is the target's name (ClickHelp: storage path; ContentIsland: file name). */
    void upload(Path file, String name) throws Exception;
}
