package io.github.camelupload.contentisland;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.camelupload.support.engine.UploadProtocolException;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that answers uploads with garbage on purpose (on 127.0.0.1): each case ends in an exception that says what
 * the server did, within bounded time and memory.
 */
@Timeout(30)
class HostileServerTest {

    interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    HttpServer server;
    volatile Answer answer;
    final AtomicInteger requests = new AtomicInteger();
    CamelContext context;
    ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try {
                requests.incrementAndGet();
                exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                answer.answer(exchange);
            } catch (IOException e) {
                // the client gave up on an endless answer
            } finally {
                exchange.close();
            }
        });
        server.start();
        context = new DefaultCamelContext();
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        context.stop();
        server.stop(0);
    }

    private Exchange upload(String mode) {
        String uri = "contentisland:upload?baseUrl=http://127.0.0.1:" + server.getAddress().getPort() + "/api/1.0"
                     + "&token=t&fileName=a.bin&uploadMode=" + mode + "&retryDelay=1&maxRetryDelay=5&maxRetries=1";
        return template.send(uri, e -> e.getMessage().setBody(new byte[1000]));
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Test
    void malformedJsonIsAProtocolErrorThatQuotesIt() {
        answer = exchange -> json(exchange, 201, "{\"name\": \"a.bin\", \"url\": ");

        Exchange result = upload("simple");

        assertThat(result.getException()).isInstanceOf(UploadProtocolException.class)
                .hasMessageContaining("with a body that is not JSON").hasMessageContaining("{\"name\": \"a.bin\"");
        assertThat(requests).hasValue(1);
    }

    @Test
    void aResultWithMissingFieldsIsAProtocolError() {
        answer = exchange -> json(exchange, 201, "{\"name\": \"a.bin\"}");

        assertThat(upload("simple").getException()).isInstanceOf(UploadProtocolException.class)
                .hasMessageContaining("without the {name, url} of the stored resource");
        assertThat(upload("chunked").getException()).isInstanceOf(UploadProtocolException.class)
                .hasMessageContaining("with neither the upload state nor the stored resource");
    }

    @Test
    void anEmpty200IsAProtocolError() {
        answer = exchange -> json(exchange, 200, "");

        assertThat(upload("chunked").getException()).isInstanceOf(UploadProtocolException.class)
                .hasMessageContaining("with an empty body");
    }

    @Test
    void anEndlessBodyIsCutOffAt16MiBAndRejected() {
        answer = exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, 0);
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, (byte) ' ');
            while (true) {
                exchange.getResponseBody().write(block); // until the client hangs up
            }
        };

        assertThat(upload("simple").getException()).isInstanceOf(UploadProtocolException.class)
                .hasMessageContaining("with more than 16777216 bytes");
    }
}
