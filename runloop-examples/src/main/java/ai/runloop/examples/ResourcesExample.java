package ai.runloop.examples;

import ai.runloop.api.SseStream;
import ai.runloop.model.agents.AgentCreateParams;
import ai.runloop.model.axons.AxonCreateParams;
import ai.runloop.model.axons.AxonEventView;
import ai.runloop.model.axons.AxonPublishParams;
import ai.runloop.model.axons.SqlQueryParams;
import ai.runloop.model.gatewayconfigs.GatewayConfigCreateParams;
import ai.runloop.model.mcpconfigs.McpConfigCreateParams;
import ai.runloop.model.networkpolicies.NetworkPolicyCreateParams;
import ai.runloop.model.shared.AuthMechanism;
import ai.runloop.sdk.Agent;
import ai.runloop.sdk.Axon;
import ai.runloop.sdk.Devbox;
import ai.runloop.sdk.GatewayConfig;
import ai.runloop.sdk.McpConfig;
import ai.runloop.sdk.NetworkPolicy;
import ai.runloop.sdk.RunloopSDK;
import ai.runloop.sdk.Secret;
import java.util.List;

/** Agents, secrets, network policies, gateway and MCP configs, and axons. */
public final class ResourcesExample {
    private ResourcesExample() {
    }

    /** @param args ignored */
    public static void main(String[] args) {
        try (Connection c = Connection.open()) {
            run(c.sdk());
        }
    }

    static void run(RunloopSDK sdk) {
        Agent agent = sdk.agent().create(AgentCreateParams.builder().name("my-agent").version("1.0.0").build());
        Agent fromNpm = sdk.agent().createFromNpm("my-npm-agent", "@acme/agent", "2.1.0");   // also Pip, Git, Object
        System.out.println("devboxes per agent: " + sdk.agent().devboxCounts());
        fromNpm.delete();
        Secret secret = sdk.secret().create("GITHUB_TOKEN", "value-from-your-vault");   // addressed by name
        NetworkPolicy policy = sdk.networkPolicy().create(NetworkPolicyCreateParams.builder().name("github-only")
                .allowedHostnames(List.of("github.com", "*.github.com")).build());
        GatewayConfig gateway = sdk.gatewayConfig().create(GatewayConfigCreateParams.builder().name("anthropic")
                .endpoint("https://api.anthropic.com").authMechanism(AuthMechanism.builder().type("bearer").build()).build());
        McpConfig mcp = sdk.mcpConfig().create(McpConfigCreateParams.builder().name("github-mcp")
                .endpoint("https://mcp.example.com").allowedTools(List.of("*")).build());
        try (Devbox devbox = sdk.devbox().create()) {
            // the devbox calls the API through the gateway and never sees the secret
            System.out.println("gateway token for " + devbox.createGatewayToken("anthropic", "GITHUB_TOKEN").devboxId());
            System.out.println("MCP token for " + devbox.createMcpToken("github-mcp", "GITHUB_TOKEN").devboxId());
        }

        Axon axon = sdk.axon().create(AxonCreateParams.builder().name("events").build());
        axon.publish(AxonPublishParams.builder().eventType("push").origin(AxonPublishParams.Origin.USER_EVENT)
                .source("example").payload("{\"ref\":\"main\"}").build());
        try (SseStream<AxonEventView> events = axon.subscribeSse(null)) {
            events.stream().limit(1).forEach(e -> System.out.println(e.sequence() + " " + e.payload()));
        }
        System.out.println(axon.sqlQuery(SqlQueryParams.builder().sql("SELECT 1").build()).rows());

        System.out.println(agent.getInfo().name() + " " + secret.getInfo().name() + " " + policy.getInfo().name()
                + " " + gateway.getInfo().name() + " " + mcp.getInfo().name());
        agent.delete();
        secret.delete();
        policy.delete();
        gateway.delete();
        mcp.delete();
        axon.delete();
    }
}
