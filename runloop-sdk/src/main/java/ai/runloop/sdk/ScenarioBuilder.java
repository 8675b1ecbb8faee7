package ai.runloop.sdk;

import ai.runloop.model.scenarios.InputContext;
import ai.runloop.model.scenarios.ScenarioCreateParams;
import ai.runloop.model.scenarios.ScenarioEnvironment;
import ai.runloop.model.scenarios.ScoringContract;
import ai.runloop.model.scenarios.ScoringFunction;
import ai.runloop.model.scenarios.ValidationType;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Assembles a scenario step by step: where it runs (a blueprint or a snapshot, the last one set wins),
 * the problem statement, and weighted scorers. {@link #build()} requires a problem statement and at
 * least one scorer and normalises the weights to sum to 1; {@link #push()} creates the scenario.
 * Get one from {@code sdk.scenario().builder(name)}. Not thread-safe.
 *
 * @param <R> what {@link #push()} returns: a {@link Scenario}, or a future of an {@link AsyncScenario}
 */
public final class ScenarioBuilder<R> {
    private final String name;
    private final Function<ScenarioCreateParams, R> push;
    private String blueprintId;
    private String snapshotId;
    private String workingDirectory;
    private String problemStatement;
    private JsonValue additionalContext;
    private Map<String, String> metadata;
    private String referenceOutput;
    private List<String> requiredEnvVars;
    private List<String> requiredSecrets;
    private ValidationType validationType;
    private final List<String> scorerNames = new ArrayList<>();
    private final List<ScoringFunction.Scorer> scorers = new ArrayList<>();
    private final List<Double> weights = new ArrayList<>();

    ScenarioBuilder(String name, Function<ScenarioCreateParams, R> push) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("scenario name must not be blank but was " + (name == null ? "null" : "'" + name + "'"));
        }
        this.name = name;
        this.push = push;
    }

    /**
     * @param id a blueprint to run in (replaces a snapshot set before)
     * @return this builder
     */
    public ScenarioBuilder<R> fromBlueprintId(String id) {
        this.blueprintId = Objects.requireNonNull(id, "id");
        this.snapshotId = null;
        return this;
    }

    /**
     * @param id a disk snapshot to run in (replaces a blueprint set before)
     * @return this builder
     */
    public ScenarioBuilder<R> fromSnapshotId(String id) {
        this.snapshotId = Objects.requireNonNull(id, "id");
        this.blueprintId = null;
        return this;
    }

    /**
     * @param dir where the agent and scorers run
     * @return this builder
     */
    public ScenarioBuilder<R> withWorkingDirectory(String dir) {
        this.workingDirectory = dir;
        return this;
    }

    /**
     * @param statement the task for the agent (required)
     * @return this builder
     */
    public ScenarioBuilder<R> withProblemStatement(String statement) {
        this.problemStatement = statement;
        return this;
    }

    /**
     * @param context free-form JSON given to the agent
     * @return this builder
     */
    public ScenarioBuilder<R> withAdditionalContext(JsonValue context) {
        this.additionalContext = context;
        return this;
    }

    /**
     * @param metadata labels
     * @return this builder
     */
    public ScenarioBuilder<R> withMetadata(Map<String, String> metadata) {
        this.metadata = metadata;
        return this;
    }

    /**
     * @param output a known-good solution, e.g. a diff
     * @return this builder
     */
    public ScenarioBuilder<R> withReferenceOutput(String output) {
        this.referenceOutput = output;
        return this;
    }

    /**
     * @param names environment variables a run must be given
     * @return this builder
     */
    public ScenarioBuilder<R> withRequiredEnvVars(List<String> names) {
        this.requiredEnvVars = names;
        return this;
    }

    /**
     * @param names secrets a run must be given
     * @return this builder
     */
    public ScenarioBuilder<R> withRequiredSecrets(List<String> names) {
        this.requiredSecrets = names;
        return this;
    }

    /**
     * @param type the validation type
     * @return this builder
     */
    public ScenarioBuilder<R> withValidationType(ValidationType type) {
        this.validationType = type;
        return this;
    }

    /**
     * @param name        the scorer's name ([a-zA-Z0-9_-])
     * @param testCommand runs the tests
     * @param weight      relative weight, &gt; 0
     * @return this builder
     */
    public ScenarioBuilder<R> addTestCommandScorer(String name, String testCommand, double weight) {
        return add(name, ScoringFunction.TestBasedScoringFunction.builder().testCommand(testCommand).build(), weight);
    }

    /**
     * @param name    the scorer's name
     * @param command a command whose exit status scores
     * @param weight  relative weight, &gt; 0
     * @return this builder
     */
    public ScenarioBuilder<R> addShellCommandScorer(String name, String command, double weight) {
        return add(name, ScoringFunction.CommandScoringFunction.builder().command(command).build(), weight);
    }

    /**
     * @param name   the scorer's name
     * @param script a bash script printing {@code score=<0.0..1.0>}
     * @param weight relative weight, &gt; 0
     * @return this builder
     */
    public ScenarioBuilder<R> addBashScriptScorer(String name, String script, double weight) {
        return add(name, ScoringFunction.BashScriptScoringFunction.builder().bashScript(script).build(), weight);
    }

    /**
     * @param name   the scorer's name
     * @param script a Python script printing a float 0.0–1.0
     * @param weight relative weight, &gt; 0
     * @return this builder
     */
    public ScenarioBuilder<R> addPythonScriptScorer(String name, String script, double weight) {
        return add(name, ScoringFunction.PythonScriptScoringFunction.builder().pythonScript(script).build(), weight);
    }

    /**
     * @param name            the scorer's name
     * @param pattern         an ast-grep pattern
     * @param searchDirectory where to search (null for ".")
     * @param lang            the pattern's language (null to let ast-grep infer)
     * @param weight          relative weight, &gt; 0
     * @return this builder
     */
    public ScenarioBuilder<R> addAstGrepScorer(String name, String pattern, String searchDirectory, String lang,
                                               double weight) {
        return add(name, ScoringFunction.AstGrepScoringFunction.builder().pattern(pattern)
                .searchDirectory(searchDirectory == null ? "." : searchDirectory).lang(lang).build(), weight);
    }

    /**
     * @param name       the scorer's name
     * @param scorerType a custom scorer type registered with {@code sdk.scorer().create(...)}
     * @param params     free-form JSON for it (null for none)
     * @param weight     relative weight, &gt; 0
     * @return this builder
     */
    public ScenarioBuilder<R> addCustomScorer(String name, String scorerType, JsonValue params, double weight) {
        return add(name, ScoringFunction.CustomScoringFunction.builder().customScorerType(scorerType)
                .scorerParams(params).build(), weight);
    }

    private ScenarioBuilder<R> add(String scorerName, ScoringFunction.Scorer scorer, double weight) {
        if (scorerName == null || !scorerName.matches("[a-zA-Z0-9_-]+")) {
            throw new IllegalArgumentException("scorer name must match [a-zA-Z0-9_-]+ but was " + scorerName);
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("scorer weight must be > 0 but was " + weight + " for scorer " + scorerName);
        }
        scorerNames.add(scorerName);
        scorers.add(scorer);
        weights.add(weight);
        return this;
    }

    /**
     * @return the create parameters, weights normalised to sum to 1
     * @throws IllegalStateException without a problem statement or a scorer
     */
    public ScenarioCreateParams build() {
        if (problemStatement == null || problemStatement.isBlank()) {
            throw new IllegalStateException("scenario " + name + ": problemStatement is required (withProblemStatement)");
        }
        if (scorers.isEmpty()) {
            throw new IllegalStateException("scenario " + name + ": at least one scorer is required (add...Scorer)");
        }
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        List<ScoringFunction> functions = new ArrayList<>();
        for (int i = 0; i < scorers.size(); i++) {
            functions.add(ScoringFunction.builder().name(scorerNames.get(i)).scorer(scorers.get(i))
                    .weight(weights.get(i) / total).build());
        }
        ScenarioEnvironment env = blueprintId == null && snapshotId == null && workingDirectory == null ? null
                : ScenarioEnvironment.builder().blueprintId(blueprintId).snapshotId(snapshotId)
                        .workingDirectory(workingDirectory).build();
        return ScenarioCreateParams.builder().name(name)
                .inputContext(InputContext.builder().problemStatement(problemStatement)
                        .additionalContext(additionalContext).build())
                .scoringContract(ScoringContract.builder().scoringFunctionParameters(functions).build())
                .environmentParameters(env).metadata(metadata).referenceOutput(referenceOutput)
                .requiredEnvironmentVariables(requiredEnvVars).requiredSecretNames(requiredSecrets)
                .validationType(validationType).build();
    }

    /** @return the created scenario (see {@code R}) */
    public R push() {
        return push.apply(build());
    }
}
