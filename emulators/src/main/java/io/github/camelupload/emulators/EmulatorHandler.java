package io.github.camelupload.emulators;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both emulators do around their protocol: number each request, apply its planned fault, journal it, then
 * answer or abort the connection. Handling is blocking (bodies are read with plain streams on a pooled thread),
 * which keeps the protocol code straightforward.
 */
abstract class EmulatorHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorHandler.class);

    private final RequestJournal journal;
    private final FaultPlan faults;

    EmulatorHandler(RequestJournal journal, FaultPlan faults) {
        this.journal = journal;
        this.faults = faults;
    }

    /** Handles a request the normal way (faults other than the ones handled here are the protocol's business). */
    abstract Reply process(Exchange exchange) throws Exception;

    /** An error answer in the service's own style. */
    abstract Reply error(int status, String message);

    /** Largest body drained before an early error answer; beyond it Jetty closes the connection after answering. */
    static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    /**
     * Answers an error after draining the request body (up to {@link #DRAIN_LIMIT}), so that a client still
     * sending sees the answer rather than a broken pipe.
     */
    Reply reject(Exchange exchange, int status, String message) throws Exception {
        exchange.discardBody(DRAIN_LIMIT);
        return error(status, message);
    }

    /**
     * A {@link Fault#dropConnectionAfter} fault: read up to {@code bytes} of the body, then abort. By default what
     * was read is thrown away; a protocol that keeps partial bodies overrides this.
     */
    Reply dropConnection(Exchange exchange, long bytes) throws Exception {
        exchange.discardBody(bytes);
        return Reply.abort();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        FaultPlan.Decision decision = faults.decide(request.getMethod());
        Exchange exchange = new Exchange(request, decision.requestNumber(), decision.fault());
        Reply reply;
        try {
            reply = decision.fault() == null ? process(exchange) : processWithFault(exchange, decision.fault());
        } catch (Exchange.BodyReadException e) {
            LOG.debug("request #{}: the client went away while sending: {}", decision.requestNumber(), e.toString());
            reply = Reply.abort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = Reply.abort();
        } catch (Exception | Error e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            LOG.warn("{} {} failed in the emulator", request.getMethod(), request.getHttpURI(), cause);
            reply = error(500, "emulator failure: " + cause);
        }
        if (exchange.isFaultApplied()) {
            faults.recordInjected(exchange.fault());
        }
        RecordedRequest recorded = exchange.record(reply);
        journal.add(recorded); // before answering, so a client that saw the outcome finds the entry
        if (reply.isAbort()) {
            LOG.debug("{} on connection {}", recorded, request.getConnectionMetaData().getId());
            // Jetty's documented way to abort: HTTP/1 closes the connection, no response is written
            callback.failed(new Request.Handler.AbortException("emulator aborts request #" + recorded.number()));
        } else {
            if (!exchange.bodyFullyRead()) {
                // part of the body is still unread, so Jetty will close the connection: say so, or the client may
                // reuse it for its next request and see that one fail
                reply.header("Connection", "close");
            }
            LOG.debug("{} on connection {}{}", recorded, request.getConnectionMetaData().getId(),
                    reply.headers().containsKey("Connection") ? " (closing it)" : "");
            reply.send(response, callback);
        }
        return true;
    }

    private Reply processWithFault(Exchange exchange, Fault fault) throws Exception {
        switch (fault.kind()) {
            case STALL -> {
                exchange.faultApplied();
                sleep(fault.delay());
                return process(exchange);
            }
            case STATUS, TOO_MANY_REQUESTS -> {
                exchange.faultApplied();
                exchange.discardBody(Long.MAX_VALUE);
                Reply reply = error(fault.status(), "injected fault: " + fault);
                return fault.kind() == Fault.Kind.TOO_MANY_REQUESTS
                        ? reply.header("Retry-After", Integer.toString(fault.retryAfterSeconds()))
                        : reply;
            }
            case DROP_CONNECTION -> {
                exchange.faultApplied();
                return dropConnection(exchange, fault.bytes());
            }
            case LOSE_RESPONSE -> {
                exchange.faultApplied();
                return process(exchange).lost();
            }
            case PARTIAL_CHUNK -> {
                return process(exchange); // the protocol applies it where it makes sense
            }
            default -> throw new IllegalStateException("unknown fault " + fault);
        }
    }

    private static void sleep(Duration delay) throws InterruptedException {
        Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
    }
}
