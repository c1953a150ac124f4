package io.github.camelupload.emulators;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request as an emulator saw it, and what it did with it. Immutable.
 *
 * @param number           1-based number of the request since the emulator started or was reset
 * @param receivedAt       when the request arrived
 * @param method           HTTP method
 * @param rawPath          the path as sent, still percent-encoded
 * @param path             the path percent-decoded ('+' stays a plus)
 * @param query            decoded query parameters, in order
 * @param headers          request headers, case-insensitive keys
 * @param bodyBytes        request body bytes the emulator read
 * @param status           the status the emulator answered, or would have answered when the response was lost;
 *                         0 when no response was produced (connection dropped while reading)
 * @param responseSent     false when the connection was aborted instead of answering
 * @param responseHeaders  response headers of interest (Range, Content-Range, Retry-After, Content-Type),
 *                         case-insensitive keys
 * @param fault            the fault applied to this request, or null
 * @param chunkUpload      ContentIsland: whether {@code X-Chunk-Upload: true} was sent
 * @param parts            ContentIsland: the multipart parts received, in order
 * @param chunkOptions     ContentIsland: the raw {@code chunkOptions} part, or null
 */
public record RecordedRequest(
        int number,
        Instant receivedAt,
        String method,
        String rawPath,
        String path,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        long bodyBytes,
        int status,
        boolean responseSent,
        Map<String, String> responseHeaders,
        Fault fault,
        boolean chunkUpload,
        List<PartInfo> parts,
        String chunkOptions) {

    /** A multipart part: its name, file name and content type as sent (either may be null), and its size. */
    public record PartInfo(String name, String fileName, String contentType, long size) {
    }

    public RecordedRequest {
        query = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(query));
        headers = caseInsensitiveCopy(headers);
        responseHeaders = caseInsensitiveCopy(responseHeaders);
        parts = List.copyOf(parts);
    }

    /** First value of a request header (case-insensitive), or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** First value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A response header of interest (case-insensitive), or null. */
    public String responseHeader(String name) {
        return responseHeaders.get(name);
    }

    public Optional<Fault> appliedFault() {
        return Optional.ofNullable(fault);
    }

    /** The part named {@code name}, if one was sent. */
    public Optional<PartInfo> part(String name) {
        return parts.stream().filter(p -> name.equals(p.name())).findFirst();
    }

    private static <V> Map<String, V> caseInsensitiveCopy(Map<String, V> map) {
        TreeMap<String, V> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(map);
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public String toString() {
        return "#" + number + " " + method + " " + rawPath + (query.isEmpty() ? "" : " " + query) + " -> "
                + (responseSent ? status : "aborted" + (status == 0 ? "" : " (would be " + status + ")"))
                + (fault == null ? "" : " fault=" + fault) + " body=" + bodyBytes;
    }
}
