package io.github.camelupload.emulators;

import java.nio.file.Path;

/**
 * A file an emulator stored.
 *
 * @param name   the ClickHelp storage path ("docs/a b.png", decoded) or the ContentIsland resource name
 * @param path   where the bytes are on disk; null in counting mode, which keeps none
 * @param size   size in bytes
 * @param sha256 lower-case hex SHA-256 of the content, computed while storing
 */
public record StoredFileInfo(String name, Path path, long size, String sha256) {
}
