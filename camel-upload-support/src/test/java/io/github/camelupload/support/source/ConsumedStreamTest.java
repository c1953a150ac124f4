package io.github.camelupload.support.source;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A one-shot InputStream body that cannot be read (again) fails before any byte is sent, saying why and what to do. */
class ConsumedStreamTest {

    @TempDir
    Path dir;

    @Test
    void theSameOneShotStreamHandedToASecondAttemptOfTheExchangeFailsAtOnce() throws Exception {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        InputStream stream = new ByteArrayInputStream(new byte[10]); // its close() does nothing: it would read as empty
        exchange.getMessage().setBody(stream);
        ChunkSources.fromBody(exchange).close();

        assertThatThrownBy(() -> ChunkSources.fromBody(exchange)).isInstanceOf(ConsumedStreamException.class)
                .hasMessageContaining("earlier delivery attempt of this exchange already read and closed")
                .hasMessageContaining("stream caching").hasMessageContaining("File, Path or byte[]");
    }

    @Test
    void aFreshStreamForTheNextAttemptIsAccepted() throws Exception {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(new ByteArrayInputStream(new byte[10]));
        ChunkSources.fromBody(exchange).close();
        exchange.getMessage().setBody(new ByteArrayInputStream(new byte[10]));

        try (ChunkSource source = ChunkSources.fromBody(exchange)) {
            assertThat(source.nextChunk(100).length()).isEqualTo(10);
        }
    }

    @Test
    void aStreamThatIsAlreadyClosedFailsAtItsFirstReadWithTheRemedies() throws Exception {
        Path file = Files.write(dir.resolve("a.bin"), new byte[100]);
        InputStream closed = Files.newInputStream(file);
        closed.close();

        try (StreamChunkSource source = new StreamChunkSource(closed, 100)) {
            assertThatThrownBy(() -> source.nextChunk(50)).isInstanceOf(ConsumedStreamException.class)
                    .hasMessageContaining("is already closed").hasMessageContaining("ClosedChannelException")
                    .hasMessageContaining("stream caching");
        }
    }

    @Test
    void anAlreadyClosedStreamToResumeFailsAtItsFirstSkipWithTheRemedies() throws Exception {
        Path file = Files.write(dir.resolve("b.bin"), new byte[100]);
        InputStream closed = Files.newInputStream(file);
        closed.close();

        try (StreamChunkSource source = new StreamChunkSource(closed, 100)) {
            assertThatThrownBy(() -> source.seek(60)).isInstanceOf(ConsumedStreamException.class)
                    .hasMessageContaining("is already closed");
        }
    }
}
