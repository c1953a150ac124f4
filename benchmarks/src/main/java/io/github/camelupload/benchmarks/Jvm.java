package io.github.camelupload.benchmarks;

import java.nio.file.Path;

/** How to start another JVM like this one (same java, same classpath). */
final class Jvm {

    private Jvm() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String classpath() {
        return System.getProperty("java.class.path");
    }
}
