package io.github.camelupload.emulators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The faults an emulator injects, and how many it injected. Thread-safe; settable at any time from tests.
 *
 * <p>A fault is chosen per request, first match wins: by request number ({@link #atRequest}), then by the nth
 * request of a method ({@link #onNth}), then by the seeded random rules ({@link #randomly}). Request numbers are
 * 1-based and count every request the emulator received since it started or was reset.
 *
 * <p>A fault that does not apply to the request it lands on (e.g. {@link Fault#partialChunk} on a POST) is used
 * up without effect and is neither journaled nor counted.
 */
public final class FaultPlan {

    /** What the plan decided for one request. */
    record Decision(int requestNumber, Fault fault) {
    }

    private record RandomRule(Random random, double rate, String method, List<Fault> faults) {
    }

    private final Map<Integer, Fault> byRequestNumber = new HashMap<>();
    private final Map<String, Map<Integer, Fault>> byMethodOrdinal = new HashMap<>();
    private final List<RandomRule> randomRules = new ArrayList<>();
    private final Map<String, Integer> methodCounts = new HashMap<>();
    private final EnumMap<Fault.Kind, Long> injected = new EnumMap<>(Fault.Kind.class);
    private int requestCount;

    /** Injects {@code fault} into the {@code number}th request (1-based) this emulator receives. */
    public synchronized FaultPlan atRequest(int number, Fault fault) {
        if (number < 1) {
            throw new IllegalArgumentException("request numbers start at 1");
        }
        byRequestNumber.put(number, Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /** Injects {@code fault} into the {@code n}th request (1-based) with HTTP method {@code method}, e.g. the 3rd PUT. */
    public synchronized FaultPlan onNth(String method, int n, Fault fault) {
        if (n < 1) {
            throw new IllegalArgumentException("n starts at 1");
        }
        byMethodOrdinal.computeIfAbsent(normalize(method), m -> new HashMap<>()).put(n, Objects.requireNonNull(fault));
        return this;
    }

    /**
     * From now on, each request gets a fault with probability {@code rate}, picked uniformly from {@code faults}.
     * The same seed and the same sequence of requests give the same faults.
     */
    public FaultPlan randomly(long seed, double rate, Fault... faults) {
        return randomly(seed, rate, null, faults);
    }

    /** Like {@link #randomly(long, double, Fault...)} but only for requests with HTTP method {@code method}. */
    public synchronized FaultPlan randomly(long seed, double rate, String method, Fault... faults) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be within [0, 1]: " + rate);
        }
        if (faults.length == 0) {
            throw new IllegalArgumentException("at least one fault is needed");
        }
        randomRules.add(new RandomRule(new Random(seed), rate, method == null ? null : normalize(method),
                List.of(faults)));
        return this;
    }

    /** How many faults of each kind were injected since start or the last {@link #clear()}. */
    public synchronized Map<Fault.Kind, Long> injectedCounts() {
        return Collections.unmodifiableMap(new EnumMap<>(injected));
    }

    public synchronized long injectedCount(Fault.Kind kind) {
        return injected.getOrDefault(kind, 0L);
    }

    public synchronized long injectedTotal() {
        return injected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Requests seen since start or the last {@link #clear()}. */
    public synchronized int requestCount() {
        return requestCount;
    }

    /** Forgets every planned fault, every count and the request numbering. */
    public synchronized void clear() {
        byRequestNumber.clear();
        byMethodOrdinal.clear();
        randomRules.clear();
        resetCounters();
    }

    /** Restarts request numbering and fault counts, keeping the planned faults (used when an emulator starts). */
    synchronized void resetCounters() {
        methodCounts.clear();
        injected.clear();
        requestCount = 0;
    }

    /** Numbers the next request and picks its fault, or none. */
    synchronized Decision decide(String method) {
        String m = normalize(method);
        int number = ++requestCount;
        int ordinal = methodCounts.merge(m, 1, Integer::sum);
        Fault fault = byRequestNumber.remove(number);
        Map<Integer, Fault> perMethod = byMethodOrdinal.get(m);
        Fault byMethod = perMethod == null ? null : perMethod.remove(ordinal);
        if (fault == null) {
            fault = byMethod;
        }
        // every matching rule draws for every request, so the sequence stays reproducible whatever else fires
        for (RandomRule rule : randomRules) {
            if (rule.method() != null && !rule.method().equals(m)) {
                continue;
            }
            boolean fire = rule.random().nextDouble() < rule.rate();
            Fault picked = rule.faults().get(rule.random().nextInt(rule.faults().size()));
            if (fire && fault == null) {
                fault = picked;
            }
        }
        return new Decision(number, fault);
    }

    synchronized void recordInjected(Fault fault) {
        injected.merge(fault.kind(), 1L, Long::sum);
    }

    private static String normalize(String method) {
        return Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
    }

    @Override
    public synchronized String toString() {
        return "FaultPlan[atRequest=" + byRequestNumber + ", onNth=" + byMethodOrdinal + ", random rules="
                + randomRules.size() + ", injected=" + injected + "]";
    }
}
