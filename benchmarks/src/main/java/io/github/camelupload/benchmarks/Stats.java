package io.github.camelupload.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median and spread of a few samples, and a least-squares line. */
final class Stats {

    private Stats() {
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** (max - min) / median, as a percentage: how far apart the runs were. */
    static double spreadPercent(List<Double> values) {
        double median = median(values);
        return median == 0 ? 0 : (Collections.max(values) - Collections.min(values)) / median * 100;
    }

    /** y = intercept + slope * x, with R². */
    record Line(double intercept, double slope, double rSquared) {
    }

    static Line fit(List<Double> x, List<Double> y) {
        int n = x.size();
        double mx = x.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double my = y.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x.get(i) - mx) * (y.get(i) - my);
            sxx += (x.get(i) - mx) * (x.get(i) - mx);
            syy += (y.get(i) - my) * (y.get(i) - my);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double r2 = sxx == 0 || syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        return new Line(my - slope * mx, slope, r2);
    }
}
