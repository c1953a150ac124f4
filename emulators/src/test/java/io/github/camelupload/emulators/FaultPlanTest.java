package io.github.camelupload.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FaultPlanTest {

    private final FaultPlan plan = new FaultPlan();

    @Test
    void numbersRequestsAndMatchesByNumberThenByMethodOrdinal() {
        plan.atRequest(2, Fault.status(500)).onNth("put", 2, Fault.loseResponse()).onNth("PUT", 3,
                Fault.status(502));

        assertThat(plan.decide("POST")).isEqualTo(new FaultPlan.Decision(1, null));
        assertThat(plan.decide("PUT")).isEqualTo(new FaultPlan.Decision(2, Fault.status(500)));
        assertThat(plan.decide("PUT")).isEqualTo(new FaultPlan.Decision(3, Fault.loseResponse()));
        assertThat(plan.decide("GET")).isEqualTo(new FaultPlan.Decision(4, null));
        assertThat(plan.decide("put")).isEqualTo(new FaultPlan.Decision(5, Fault.status(502)));
        assertThat(plan.decide("PUT")).isEqualTo(new FaultPlan.Decision(6, null));
        assertThat(plan.requestCount()).isEqualTo(6);
    }

    @Test
    void aRequestNumberBeatsAMethodOrdinalAndTheOtherIsUsedUp() {
        plan.atRequest(1, Fault.status(503)).onNth("PUT", 1, Fault.loseResponse());

        assertThat(plan.decide("PUT").fault()).isEqualTo(Fault.status(503));
        assertThat(plan.decide("PUT").fault()).isNull();
    }

    @Test
    void randomFaultsAreReproducibleFromTheSeedAndRespectTheMethod() {
        List<Fault> first = randomRun(7);
        List<Fault> second = randomRun(7);

        assertThat(first).isEqualTo(second);
        assertThat(first).hasSize(200).contains(Fault.status(503), Fault.stall(Duration.ofMillis(1)));
        long faulted = first.stream().filter(f -> f != null).count();
        assertThat(faulted).isBetween(20L, 80L); // rate 0.25 over 200 requests
        assertThat(randomRun(8)).isNotEqualTo(first);
    }

    private List<Fault> randomRun(long seed) {
        FaultPlan fresh = new FaultPlan().randomly(seed, 0.25, "PUT", Fault.status(503),
                Fault.stall(Duration.ofMillis(1)));
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            faults.add(fresh.decide("PUT").fault());
            assertThat(fresh.decide("GET").fault()).isNull();
        }
        return faults;
    }

    @Test
    void countsInjectedFaultsByKind() {
        plan.recordInjected(Fault.status(500));
        plan.recordInjected(Fault.status(503));
        plan.recordInjected(Fault.loseResponse());

        assertThat(plan.injectedCount(Fault.Kind.STATUS)).isEqualTo(2);
        assertThat(plan.injectedCount(Fault.Kind.STALL)).isZero();
        assertThat(plan.injectedTotal()).isEqualTo(3);
        assertThat(plan.injectedCounts()).containsOnlyKeys(Fault.Kind.STATUS, Fault.Kind.LOSE_RESPONSE);
    }

    @Test
    void clearForgetsPlansCountsAndNumbering() {
        plan.atRequest(2, Fault.status(500)).randomly(1, 1.0, Fault.status(502));
        plan.decide("GET");
        plan.recordInjected(Fault.status(502));

        plan.clear();

        assertThat(plan.injectedTotal()).isZero();
        assertThat(plan.decide("GET")).isEqualTo(new FaultPlan.Decision(1, null));
        assertThat(plan.decide("GET")).isEqualTo(new FaultPlan.Decision(2, null));
    }

    @Test
    void resetCountersKeepsThePlan() {
        plan.atRequest(1, Fault.status(500));
        plan.resetCounters();
        assertThat(plan.decide("GET").fault()).isEqualTo(Fault.status(500));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> plan.atRequest(0, Fault.loseResponse())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan.onNth("PUT", 0, Fault.loseResponse()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan.randomly(1, 1.5, Fault.loseResponse()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan.randomly(1, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.status(200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.dropConnectionAfter(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.stall(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void faultsPrintAsTheirFactoryCalls() {
        assertThat(Fault.dropConnectionAfter(10)).hasToString("dropConnectionAfter(10)");
        assertThat(Fault.tooManyRequests(3)).hasToString("tooManyRequests(3)");
        assertThat(Fault.tooManyRequests(3).status()).isEqualTo(429);
        assertThat(Fault.stall(Duration.ofSeconds(2))).hasToString("stall(PT2S)");
    }
}
