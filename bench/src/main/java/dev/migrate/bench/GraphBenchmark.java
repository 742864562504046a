package dev.migrate.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.migrate.revision.Plan;
import dev.migrate.revision.Planner;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionGraph;

/**
 * Building the revision graph and planning {@code base -> heads}: the work every start does before it touches the
 * database. Linear histories and random DAGs (branches, merges, dependencies) of 10,000 and 100,000 revisions.
 */
public final class GraphBenchmark {

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        System.out.println(Measurement.header());
        for (int size : new int[] {10_000, 100_000}) {
            run("linear", linear(size), rounds);
            run("random DAG", randomDag(size, new Random(42)), rounds);
        }
    }

    private static void run(String shape, List<Revision> revisions, int rounds) {
        int[] planned = new int[1];
        Measurement measurement = Measurement.of(String.format("graph + plan base->heads, %s, %,d", shape, revisions.size()),
                5, rounds, () -> {
                    Plan plan = new Planner(RevisionGraph.of(revisions)).upgrade(List.of(), "heads");
                    planned[0] = plan.steps().size();
                });
        if (planned[0] != revisions.size()) {
            throw new IllegalStateException("planned " + planned[0] + " of " + revisions.size());
        }
        System.out.println(measurement.row());
    }

    static List<Revision> linear(int size) {
        List<Revision> revisions = new ArrayList<>(size);
        String parent = null;
        for (int i = 0; i < size; i++) {
            String id = id(i);
            revisions.add(parent == null ? Revision.of(id) : Revision.of(id, parent));
            parent = id;
        }
        return revisions;
    }

    /** Parents among the last few revisions, one merge in five, one dependency in twenty, one base in a hundred. */
    static List<Revision> randomDag(int size, Random random) {
        List<Revision> revisions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Set<String> parents = new LinkedHashSet<>();
            if (i > 0 && random.nextInt(100) != 0) {
                parents.add(id(i - 1 - random.nextInt(Math.min(i, 4))));
                if (random.nextInt(5) == 0) {
                    parents.add(id(i - 1 - random.nextInt(Math.min(i, 50))));
                }
            }
            Revision revision = Revision.of(id(i), parents.toArray(String[]::new));
            if (i > 100 && random.nextInt(20) == 0) {
                revision = revision.withDependsOn(id(random.nextInt(i - 50)));
            }
            revisions.add(revision);
        }
        return revisions;
    }

    /** Ids shaped like generated ones: 12 lowercase hex characters. */
    static String id(int i) {
        return String.format("%012x", (long) i * 2_654_435_761L & 0xffffffffffffL);
    }
}
