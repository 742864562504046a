package dev.migrate.bench;

import java.util.Arrays;
import java.util.Locale;

/** Repeated timings of one scenario: warm-up rounds are dropped, the rest give median and spread. */
final class Measurement {

    private final String name;

    private final double[] millis;

    private Measurement(String name, double[] millis) {
        this.name = name;
        this.millis = millis;
    }

    static Measurement of(String name, int warmups, int rounds, Runnable scenario) {
        for (int i = 0; i < warmups; i++) {
            scenario.run();
        }
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            scenario.run();
            millis[i] = (System.nanoTime() - start) / 1_000_000.0;
        }
        Arrays.sort(millis);
        return new Measurement(name, millis);
    }

    double median() {
        return median(millis);
    }

    /** The median of some timings, in any order. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String header() {
        return String.format(Locale.ROOT, "%-44s %10s %10s %10s", "scenario", "median ms", "min ms", "max ms");
    }

    String row() {
        return String.format(Locale.ROOT, "%-44s %10.1f %10.1f %10.1f", name, median(), millis[0], millis[millis.length - 1]);
    }
}
