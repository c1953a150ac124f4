package io.github.camelupload.emulators;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deleting folder trees (for reset and for temporary storage). */
final class FileTrees {

    private FileTrees() {
    }

    /** Deletes everything inside {@code folder}, keeping the folder; a missing folder is fine. */
    static void deleteContents(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (!dir.equals(folder)) {
                    Files.deleteIfExists(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes {@code folder} and everything in it; a missing folder is fine. */
    static void deleteTree(Path folder) throws IOException {
        deleteContents(folder);
        Files.deleteIfExists(folder);
    }
}
