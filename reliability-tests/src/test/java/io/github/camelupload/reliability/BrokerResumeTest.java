package io.github.camelupload.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.camelupload.clickhelp.ClickHelpConstants;
import io.github.camelupload.contentisland.ContentIslandConstants;
import io.github.camelupload.emulators.ClickHelpEmulator;
import io.github.camelupload.emulators.ClickHelpEmulatorExtension;
import io.github.camelupload.emulators.ContentIslandEmulator;
import io.github.camelupload.emulators.ContentIslandEmulatorExtension;
import io.github.camelupload.emulators.Fault;
import io.github.camelupload.emulators.RecordedRequest;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Camel nodes share the work through a real broker (ActiveMQ Artemis, embedded, in-VM only): node A's upload fails
 * half-way and its error handler puts the exchange, resume headers included, on a queue; node B consumes it and
 * finishes the upload where A stopped. Proves the resume headers are of types a broker carries (String, Long,
 * Integer) and survive the hop, once camel-jms is told to let them through ({@link ResumeHeadersFilterStrategy}).
 */
class BrokerResumeTest {

    static final long MIB = 1024 * 1024;
    static final String QUEUE = "jms:queue:uploads.resume";

    @RegisterExtension
    static ClickHelpEmulatorExtension clickhelp = new ClickHelpEmulatorExtension();
    @RegisterExtension
    static ContentIslandEmulatorExtension contentisland = new ContentIslandEmulatorExtension();

    static EmbeddedActiveMQ broker;

    @TempDir
    Path dir;

    CamelContext nodeA;
    CamelContext nodeB;
    /** What node B saw arrive from the broker (headers) and how its upload ended: the exchange, or the exception. */
    final BlockingQueue<Object> outcomesOnB = new LinkedBlockingQueue<>();
    final Map<String, Object> headersOnArrival = new HashMap<>();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false).setSecurityEnabled(false).setJMXManagementEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://0"));
        broker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.stop();
    }

    @AfterEach
    void stopNodes() throws Exception {
        for (CamelContext node : new CamelContext[] { nodeA, nodeB }) {
            if (node != null) {
                node.stop();
            }
        }
    }

    @Test
    void clickHelpUploadFailedOnOneNodeIsFinishedByAnotherThroughTheBroker(ClickHelpEmulator emulator) throws Exception {
        long chunk = MIB;
        byte[] body = Files.readAllBytes(TestFiles.seeded(dir.resolve("guide.pdf"), 12 * MIB + 123, 71));
        emulator.faults().onNth("PUT", 5, Fault.status(503)); // node A has no retries: it stops after 4 chunks
        String uri = "clickhelp:storage/cluster/guide.pdf?portalUrl=" + emulator.portalUrl() + "&username="
                     + emulator.username() + "&apiKey=RAW(" + emulator.apiKey() + ")&chunkSize=" + chunk + "&maxRetries=0";
        startNodes(uri);

        nodeA.createProducerTemplate().sendBody("direct:upload", body);
        Exchange done = finishedOnB();
        assertThat(headersOnArrival.get(ClickHelpConstants.UPLOAD_OFFSET)).as("the resume point crossed the broker")
                .isEqualTo(4 * chunk);
        assertThat(headersOnArrival.get(ClickHelpConstants.UPLOAD_TARGET)).isInstanceOf(String.class);
        assertThat(emulator.journal().requests("POST")).as("one session, continued on node B").hasSize(1);
        List<RecordedRequest> puts = emulator.journal().requests("PUT");
        assertThat(puts.get(5).header("Content-Range")).as("node B's first chunk is the one node A failed on")
                .startsWith("bytes " + 4 * chunk + "-");
        assertThat(emulator.fileInfo("cluster/guide.pdf").orElseThrow().sha256()).isEqualTo(TestFiles.sha256(dir.resolve("guide.pdf")));
    }

    @Test
    void contentIslandUploadFailedOnOneNodeIsFinishedByAnotherThroughTheBroker(ContentIslandEmulator emulator) throws Exception {
        long chunk = 5 * MIB;
        byte[] body = Files.readAllBytes(TestFiles.seeded(dir.resolve("clip.mp4"), 3 * chunk + 777, 72));
        emulator.faults().onNth("POST", 3, Fault.status(503)); // node A stops after 2 chunks
        String uri = "contentisland:upload?baseUrl=" + emulator.baseUrl() + "&token=RAW(" + emulator.writeToken()
                     + ")&uploadMode=chunked&chunkSize=" + chunk + "&fileName=clip.mp4&maxRetries=0";
        startNodes(uri);

        nodeA.createProducerTemplate().sendBody("direct:upload", body);
        Exchange done = finishedOnB();
        assertThat(headersOnArrival.get(ContentIslandConstants.CHUNK_INDEX)).as("the resume point crossed the broker")
                .isEqualTo(2);
        assertThat(headersOnArrival.get(ContentIslandConstants.UPLOAD_ID)).isInstanceOf(String.class);
        List<RecordedRequest> posts = emulator.journal().requests("POST");
        assertThat(posts).hasSize(5); // chunks 0, 1, the failed 2 on A; 2 and 3 on B
        assertThat(posts.get(3).chunkOptions()).as("node B continues node A's upload at chunk 2")
                .contains("\"chunkIndex\":2").contains((String) headersOnArrival.get(ContentIslandConstants.UPLOAD_ID));
        String name = done.getMessage().getHeader(ContentIslandConstants.RESOURCE_NAME, String.class);
        assertThat(emulator.resourceInfo(name).orElseThrow().sha256()).isEqualTo(TestFiles.sha256(dir.resolve("clip.mp4")));
        assertThat(emulator.storedResources()).hasSize(1);
        assertThat(emulator.unfinishedUploads()).isEmpty();
    }

    /** Node A uploads and, when the upload fails, hands the exchange to the queue; node B consumes and uploads. */
    private void startNodes(String uploadUri) throws Exception {
        nodeA = node();
        nodeA.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).to(QUEUE);
                from("direct:upload").to(uploadUri);
            }
        });
        nodeB = node();
        nodeB.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true)
                        .process(e -> outcomesOnB.add(e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));
                from(QUEUE)
                        .process(e -> headersOnArrival.putAll(e.getMessage().getHeaders()))
                        .to(uploadUri)
                        .process(outcomesOnB::add);
            }
        });
        nodeA.start();
        nodeB.start();
    }

    private Exchange finishedOnB() throws InterruptedException {
        Object outcome = outcomesOnB.poll(20, TimeUnit.SECONDS);
        assertThat(outcome).as("node B finished the upload (headers on arrival: " + headersOnArrival + ")")
                .isInstanceOf(Exchange.class);
        return (Exchange) outcome;
    }

    private static CamelContext node() {
        CamelContext node = new DefaultCamelContext();
        ConnectionFactory broker = new ActiveMQConnectionFactory("vm://0");
        JmsComponent jms = JmsComponent.jmsComponentAutoAcknowledge(broker);
        jms.setHeaderFilterStrategy(new ResumeHeadersFilterStrategy()); // camel-jms drops Camel* headers otherwise
        node.addComponent("jms", jms);
        return node;
    }
}
