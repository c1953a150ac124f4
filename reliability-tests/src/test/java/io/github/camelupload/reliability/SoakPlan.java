package io.github.camelupload.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The uploads of one soak run, all derived from the seed: which component, how big, which body type, which options.
 * Both components get the same number of uploads and every body type in turn; sizes run from 1 byte (the first
 * upload of each component) to 200 MiB (the last), most of them small or medium so a run takes minutes.
 */
final class SoakPlan {

    static final long KIB = 1024;
    static final long MIB = 1024 * KIB;
    static final long LARGEST = 200 * MIB;

    enum Service { CLICKHELP, CONTENTISLAND }

    /**
     * One upload.
     *
     * @param maxRetries the component's retries per request; low values hand failures to Camel's redelivery, which
     *                   resumes, so both layers are exercised
     * @param chunkSize  ClickHelp: bytes per PUT; ContentIsland: bytes per chunk of a chunked upload
     * @param mode       ContentIsland only: auto, simple or chunked (auto with a 4 MiB simple limit)
     */
    record Upload(int number, Service service, long size, BodyType body, int maxRetries, long chunkSize, String mode) {

        String name() {
            return String.format("u%04d-%s.bin", number, body.name().toLowerCase().replace('_', '-'));
        }
    }

    private SoakPlan() {
    }

    static List<Upload> create(long seed, int count) {
        Random random = new Random(seed);
        List<Upload> uploads = new ArrayList<>(count);
        BodyType[] bodies = BodyType.values();
        for (int i = 0; i < count; i++) {
            Service service = i % 2 == 0 ? Service.CLICKHELP : Service.CONTENTISLAND;
            BodyType body = bodies[(i / 2) % bodies.length];
            long size = i < 2 ? 1 : i >= count - 2 ? LARGEST : size(random);
            if (body == BodyType.BYTES && size > BodyType.MAX_BYTES_BODY) {
                body = BodyType.FILE; // a 200 MiB byte[] would measure the test's heap, not the component's
            }
            int maxRetries = new int[] { 0, 1, 3 }[random.nextInt(3)];
            uploads.add(service == Service.CLICKHELP
                    ? new Upload(i + 1, service, size, body, maxRetries, clickHelpChunk(random, size), null)
                    : contentIsland(i + 1, size, body, maxRetries, random));
        }
        return uploads;
    }

    /** 35% up to 64 KiB, 35% up to 2 MiB, 26% up to 24 MiB, 4% 100 to 200 MiB. */
    private static long size(Random random) {
        int bucket = random.nextInt(100);
        if (bucket < 35) {
            return 1 + random.nextInt((int) (64 * KIB));
        }
        if (bucket < 70) {
            return 64 * KIB + random.nextInt((int) (2 * MIB - 64 * KIB));
        }
        if (bucket < 96) {
            return 2 * MIB + random.nextInt((int) (22 * MIB));
        }
        return 100 * MIB + (long) random.nextInt((int) (100 * MIB + 1));
    }

    private static long clickHelpChunk(Random random, long size) {
        if (size <= 2 * MIB) {
            return new long[] { 64 * KIB, 256 * KIB, 10 * MIB }[random.nextInt(3)];
        }
        return new long[] { 1 * MIB, 4 * MIB, 10 * MIB }[random.nextInt(3)];
    }

    private static Upload contentIsland(int number, long size, BodyType body, int maxRetries, Random random) {
        String mode = size > 64 * MIB ? "chunked" : new String[] { "auto", "simple", "chunked" }[random.nextInt(3)];
        long chunk = random.nextBoolean() ? 5 * MIB : 8 * MIB;
        return new Upload(number, Service.CONTENTISLAND, size, body, maxRetries, chunk, mode);
    }
}
