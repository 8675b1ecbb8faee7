package ai.runloop.examples;

import ai.runloop.model.benchmarks.BenchmarkCreateParams;
import ai.runloop.model.scenarios.ScorerCreateParams;
import ai.runloop.sdk.Benchmark;
import ai.runloop.sdk.BenchmarkRun;
import ai.runloop.sdk.RunloopSDK;
import ai.runloop.sdk.Scenario;
import ai.runloop.sdk.ScenarioRun;
import ai.runloop.sdk.Scorer;
import java.util.List;

/** Scenarios (builder, runs, scoring), custom scorers and benchmarks. */
public final class ScenariosExample {
    private ScenariosExample() {
    }

    /** @param args ignored */
    public static void main(String[] args) {
        try (Connection c = Connection.open()) {
            run(c.sdk());
        }
    }

    static void run(RunloopSDK sdk) {
        Scorer scorer = sdk.scorer().create(ScorerCreateParams.builder().type("has_readme")
                .bashScript("test -f README.md && echo score=1 || echo score=0").build());
        Scenario scenario = sdk.scenario().builder("write-a-readme")
                .withProblemStatement("Write a README.md")
                .addShellCommandScorer("readme_exists", "test -f README.md", 2)      // weights are normalised
                .addCustomScorer("custom", "has_readme", null, 1)
                .push();
        ScenarioRun run = scenario.run("attempt-1", null);                     // waits for its devbox
        run.devbox().file().write("README.md", "# Done\n");
        System.out.println(run.scoreAndComplete(null).state() + " " + run.getScore());

        Benchmark benchmark = sdk.benchmark().create(BenchmarkCreateParams.builder().name("docs")
                .scenarioIds(List.of(scenario.id())).build());
        BenchmarkRun benchmarkRun = benchmark.startRun("nightly", null);
        System.out.println(benchmarkRun.listScenarioRuns().size() + " " + scorer.getInfo().type());
        benchmarkRun.complete();
    }
}
