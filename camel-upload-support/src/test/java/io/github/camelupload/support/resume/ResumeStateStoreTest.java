package io.github.camelupload.support.resume;

import java.nio.file.Path;

import io.github.camelupload.support.source.SourceIdentity;

import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResumeStateStoreTest {

    @TempDir
    Path dir;

    final SourceIdentity file = new SourceIdentity("/data/big.bin", 1000, 1_700_000_000_000L);

    @Test
    void aKeyDependsOnTheFileItsSizeItsTimeAndTheTarget() {
        String key = ResumeStateStore.key("clickhelp", file, "https://a.clickhelp.co/docs/big.bin");
        assertThat(key).startsWith("clickhelp-upload-").doesNotContain("big.bin").doesNotContain("=");
        assertThat(ResumeStateStore.key("clickhelp", file, "https://a.clickhelp.co/docs/big.bin")).isEqualTo(key);
        assertThat(ResumeStateStore.key("clickhelp", new SourceIdentity("/data/big.bin", 1001, 1_700_000_000_000L),
                "https://a.clickhelp.co/docs/big.bin")).isNotEqualTo(key);
        assertThat(ResumeStateStore.key("clickhelp", new SourceIdentity("/data/big.bin", 1000, 1_700_000_000_001L),
                "https://a.clickhelp.co/docs/big.bin")).isNotEqualTo(key);
        assertThat(ResumeStateStore.key("clickhelp", file, "https://a.clickhelp.co/docs/other.bin")).isNotEqualTo(key);
        assertThat(ResumeStateStore.key("contentisland", file, "https://a.clickhelp.co/docs/big.bin")).isNotEqualTo(key);
    }

    @Test
    void stateSurvivesARestartOfAFileStateRepositoryAndIsGoneAfterRemoval() throws Exception {
        Path store = dir.resolve("upload-state.dat");
        String key = ResumeStateStore.key("clickhelp", file, "target");

        FileStateRepository first = FileStateRepository.fileStateRepository(store.toFile());
        first.start();
        new ResumeStateStore(first).save(key, "{\"offset\":400}");
        new ResumeStateStore(first).save(key, "{\"offset\":500}");
        first.stop();

        FileStateRepository second = FileStateRepository.fileStateRepository(store.toFile());
        second.start();
        ResumeStateStore reopened = new ResumeStateStore(second);
        assertThat(reopened.load(key)).contains("{\"offset\":500}");
        reopened.remove(key);
        assertThat(reopened.load(key)).isEmpty();
        second.stop();

        FileStateRepository third = FileStateRepository.fileStateRepository(store.toFile());
        third.start();
        assertThat(new ResumeStateStore(third).load(key)).as("removal survives a restart").isEmpty();
        third.stop();
    }

    @Test
    void refusesMultiLineValues() {
        ResumeStateStore store = new ResumeStateStore(new org.apache.camel.support.processor.state.MemoryStateRepository());
        assertThatThrownBy(() -> store.save("k", "a\nb")).hasMessageContaining("single line");
    }
}
