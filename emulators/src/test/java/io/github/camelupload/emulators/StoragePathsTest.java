package io.github.camelupload.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoragePathsTest {

    @TempDir
    Path root;

    @Test
    void decodesEachSegmentAsUtf8AndKeepsPlus() throws Exception {
        assertThat(StoragePaths.segments("docs/a%20b+c.png")).containsExactly("docs", "a b+c.png");
        assertThat(StoragePaths.segments("%E6%96%87%E4%BB%B6/%C3%BC.txt")).containsExactly("文件", "ü.txt");
        assertThat(StoragePaths.segments("a%23b/100%25")).containsExactly("a#b", "100%");
        assertThat(StoragePaths.segments("...hidden/..x")).containsExactly("...hidden", "..x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/a", "a/", "a//b", ".", "..", "a/./b", "a/../b", "%2e%2E", "%2e", "a%2fb", "a%5cb",
            "a\\b", "a%00", "a%1f", "a%7f", "a%c2%85b", "%", "%4", "%zz", "%c3", "%ff"})
    void refusesBadPaths(String raw) {
        assertThatThrownBy(() -> StoragePaths.segments(raw)).isInstanceOf(StoragePaths.InvalidPathException.class);
    }

    @Test
    void refusesOverlongNames() {
        assertThatThrownBy(() -> StoragePaths.segments("a".repeat(256)))
                .isInstanceOf(StoragePaths.InvalidPathException.class);
    }

    @Test
    void resolvesInsideTheRootOnly() throws Exception {
        assertThat(StoragePaths.resolve(root, List.of("docs", "a b.png")))
                .isEqualTo(root.resolve("docs").resolve("a b.png"));
        assertThatThrownBy(() -> StoragePaths.resolve(root, List.of("..", "x")))
                .isInstanceOf(StoragePaths.InvalidPathException.class);
        assertThatThrownBy(() -> StoragePaths.resolve(root, List.of("/etc/passwd")))
                .isInstanceOf(StoragePaths.InvalidPathException.class);
    }

    @Test
    void decodedSegmentsValidateWithoutDecoding() throws Exception {
        assertThat(StoragePaths.decodedSegments("docs/100%.txt")).containsExactly("docs", "100%.txt");
        assertThatThrownBy(() -> StoragePaths.decodedSegments("docs/../x"))
                .isInstanceOf(StoragePaths.InvalidPathException.class);
    }

    @Test
    void lenientDecodingNeverFails() {
        assertThat(StoragePaths.decodeLenient("/a%20b")).isEqualTo("/a b");
        assertThat(StoragePaths.decodeLenient("/a%zz")).isEqualTo("/a%zz");
    }

    @Test
    void contentRangeParsing() {
        assertThat(ContentRange.parse("bytes 0-9/10")).isEqualTo(new ContentRange(0, 9, 10L));
        assertThat(ContentRange.parse("bytes 10-19/*")).isEqualTo(new ContentRange(10, 19, null));
        assertThat(ContentRange.parse("bytes 10-19/*").length()).isEqualTo(10);
        for (String bad : new String[]{null, "bytes 0-9", "bytes 9-0/10", "bytes 0-10/10", "bytes=0-9/10",
                "bytes 0-9/10 ", "bytes 0-99999999999999999999/*"}) {
            if (bad != null && bad.endsWith(" ")) {
                assertThat(ContentRange.parse(bad)).isEqualTo(new ContentRange(0, 9, 10L)); // surrounding space ok
                continue;
            }
            assertThatThrownBy(() -> ContentRange.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
