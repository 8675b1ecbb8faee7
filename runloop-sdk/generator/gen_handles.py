#!/usr/bin/env python3
"""Writes the handle and ops classes of the simple resources (id, getInfo, update, delete, create,
fromId, list) in both flavours, so their shape stays uniform. Run from runloop-sdk/; the output is
committed and may be edited by hand afterwards (re-running overwrites)."""
import os

OUT = 'src/main/java/ai/runloop/sdk'

R = [
  dict(name='Agent', label='agent', what='an agent (a registered agent package)', op='agent', svc='agents()',
       pkg='agents', view='AgentView', create='AgentCreateParams', createRet=None, update=None,
       listp='AgentListParams', items='agents', delete='void'),
  dict(name='NetworkPolicy', label='network policy', what='a network policy (egress rules for devboxes)', op='networkPolicy',
       svc='networkPolicies()', pkg='networkpolicies', view='NetworkPolicyView', create='NetworkPolicyCreateParams',
       createRet=None, update=('NetworkPolicyUpdateParams', 'NetworkPolicyView'), listp='NetworkPolicyListParams',
       items='networkPolicies', delete='NetworkPolicyView'),
  dict(name='GatewayConfig', label='gateway config', what='a gateway config (an upstream API devboxes reach through the agent gateway)',
       op='gatewayConfig', svc='gatewayConfigs()', pkg='gatewayconfigs', view='GatewayConfigView',
       create='GatewayConfigCreateParams', createRet=None, update=('GatewayConfigUpdateParams', 'GatewayConfigView'),
       listp='GatewayConfigListParams', items='gatewayConfigs', delete='GatewayConfigView'),
  dict(name='McpConfig', label='MCP config', what='an MCP config (an MCP server devboxes reach through the MCP gateway)',
       op='mcpConfig', svc='mcpConfigs()', pkg='mcpconfigs', view='McpConfigView', create='McpConfigCreateParams',
       createRet=None, update=('McpConfigUpdateParams', 'McpConfigView'), listp='McpConfigListParams',
       items='mcpConfigs', delete='McpConfigView'),
  dict(name='Scorer', label='scorer', what='a custom scenario scorer (a bash script that prints a score)', op='scorer',
       svc='scenarios().scorers()', pkg='scenarios', view='ScorerRetrieveResponse', create='ScorerCreateParams',
       createRet='ScorerCreateResponse', update=('ScorerUpdateParams', 'ScorerUpdateResponse'),
       listp='ScorerListParams', items='scorers', delete=None),
  dict(name='Axon', label='axon', what='an axon, an event log with SQL storage (beta)', op='axon', svc='axons()',
       pkg='axons', view='AxonView', create='AxonCreateParams', createRet=None,
       update=('AxonUpdateParams', 'AxonView'), listp='AxonListParams', items='axons', delete='void'),
  dict(name='Benchmark', label='benchmark', what='a benchmark, a set of scenarios to run together', op='benchmark',
       svc='benchmarks()', pkg='benchmarks', view='BenchmarkView', create='BenchmarkCreateParams', createRet=None,
       update=('BenchmarkUpdateParams', 'BenchmarkView'), listp='BenchmarkListParams', items='benchmarks', delete=None),
]

def imports(r, extra):
    s = set(extra)
    s.add('ai.runloop.model.%s.%s' % (r['pkg'], r['view']))
    return s

def w(path, text):
    with open(os.path.join(OUT, path), 'w') as f:
        f.write(text)

for r in R:
    N, A = r['name'], 'Async' + r['name']
    pkg = 'ai.runloop.model.%s.' % r['pkg']
    extraA = open('generator/extra/%s.async' % N).read() if os.path.exists('generator/extra/%s.async' % N) else ''
    extraB = open('generator/extra/%s.blocking' % N).read() if os.path.exists('generator/extra/%s.blocking' % N) else ''
    extraImports = open('generator/extra/%s.imports' % N).read().split() if os.path.exists('generator/extra/%s.imports' % N) else []
    # ---- async handle
    imp = {'ai.runloop.sdk.internal.Checks', 'ai.runloop.sdk.internal.SdkContext', 'java.util.concurrent.CompletableFuture',
           pkg + r['view']} | set(extraImports)
    body = []
    body.append('''    /** @return the current view */
    public CompletableFuture<%s> getInfo() {
        return ctx.client().%s.async().retrieve(id, null);
    }
''' % (r['view'], r['svc']))
    if r['update']:
        up, upRet = r['update']
        imp |= {pkg + up, pkg + upRet}
        body.append('''    /**
     * @param params the fields to change
     * @return the updated view
     */
    public CompletableFuture<%s> update(%s params) {
        Checks.notNull("params", params);
        return ctx.client().%s.async().update(id, params, null);
    }
''' % (upRet, up, r['svc']))
    if r['delete'] == 'void':
        body.append('''    /** @return completes when deleted */
    public CompletableFuture<Void> delete() {
        return ctx.client().%s.async().delete(id, null).thenApply(v -> null);
    }
''' % r['svc'])
    elif r['delete']:
        body.append('''    /** @return the final view after deletion */
    public CompletableFuture<%s> delete() {
        return ctx.client().%s.async().delete(id, null);
    }
''' % (r['delete'], r['svc']))
    w(A + '.java', '''package ai.runloop.sdk;

%s

/** %s ({@code CompletableFuture} flavour): an immutable handle holding its id. */
public final class %s {
    private final SdkContext ctx;
    private final String id;

    %s(SdkContext ctx, String id) {
        this.ctx = ctx;
        this.id = Checks.notBlank("%sId", id);
    }

    /** @return the id */
    public String id() {
        return id;
    }

%s%s
    @Override
    public boolean equals(Object o) {
        return o instanceof %s h && h.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "%s{" + id + '}';
    }
}
''' % ('\n'.join('import %s;' % i for i in sorted(imp)), r['what'][0].upper() + r['what'][1:], A, A, r['op'],
       '\n'.join(body), extraA, A, A))
    # ---- blocking handle
    impB = {'ai.runloop.sdk.internal.Blocking', pkg + r['view']} | set(extraImports)
    bodyB = ['''    /** @return the current view */
    public %s getInfo() {
        return Blocking.call("%s.getInfo", async::getInfo);
    }
''' % (r['view'], N)]
    if r['update']:
        up, upRet = r['update']
        impB |= {pkg + up, pkg + upRet}
        bodyB.append('''    /**
     * @param params the fields to change
     * @return the updated view
     */
    public %s update(%s params) {
        return Blocking.call("%s.update", () -> async.update(params));
    }
''' % (upRet, up, N))
    if r['delete'] == 'void':
        bodyB.append('''    /** Deletes it. */
    public void delete() {
        Blocking.call("%s.delete", async::delete);
    }
''' % N)
    elif r['delete']:
        bodyB.append('''    /** @return the final view after deletion */
    public %s delete() {
        return Blocking.call("%s.delete", async::delete);
    }
''' % (r['delete'], N))
    w(N + '.java', '''package ai.runloop.sdk;

%s

/** %s (blocking flavour; wraps an {@link %s}). */
public final class %s {
    private final %s async;

    %s(%s async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public %s async() {
        return async;
    }

    /** @return the id */
    public String id() {
        return async.id();
    }

%s%s
    @Override
    public boolean equals(Object o) {
        return o instanceof %s h && h.id().equals(id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        return "%s{" + id() + '}';
    }
}
''' % ('\n'.join('import %s;' % i for i in sorted(impB)), r['what'][0].upper() + r['what'][1:], A, N, A, N, A, A,
       '\n'.join(bodyB), extraB, N, N))
    # ---- ops
    createRet = r['createRet']
    w(A + 'Ops.java', '''package ai.runloop.sdk;

import %s%s;
import %s%s;
import ai.runloop.sdk.internal.Checks;
import ai.runloop.sdk.internal.SdkContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Creates and finds %ss ({@code CompletableFuture} flavour): {@code sdk.%s()}. */
public final class %sOps {
    private final SdkContext ctx;

    %sOps(SdkContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param params the create parameters
     * @return the new %s
     */
    public CompletableFuture<%s> create(%s params) {
        Checks.notNull("params", params);
        return ctx.client().%s.async().create(params, null).thenApply(v -> new %s(ctx, v.id()));
    }

    /**
     * @param id an existing %s's id
     * @return a handle (no request is made)
     */
    public %s fromId(String id) {
        return new %s(ctx, id);
    }

    /** @return the %ss of the first page */
    public CompletableFuture<List<%s>> list() {
        return list(null);
    }

    /**
     * @param params filters and page size (null for defaults)
     * @return the %ss of the first page
     */
    public CompletableFuture<List<%s>> list(%s params) {
        return ctx.client().%s.async().list(params, null)
                .thenApply(page -> page.%s().stream().map(v -> new %s(ctx, v.id())).toList());
    }
}
''' % (pkg, r['create'], pkg, r['listp'], r['label'], r['op'], A, A, r['label'], A, r['create'], r['svc'], A,
       r['label'], A, A, r['label'], A, r['label'], A, r['listp'], r['svc'], r['items'], A))
    w(N + 'Ops.java', '''package ai.runloop.sdk;

import %s%s;
import %s%s;
import ai.runloop.sdk.internal.Blocking;
import java.util.List;

/** Creates and finds %ss (blocking flavour; wraps {@link %sOps}): {@code sdk.%s()}. */
public final class %sOps {
    private final %sOps async;

    %sOps(%sOps async) {
        this.async = async;
    }

    /** @return the asynchronous twin */
    public %sOps async() {
        return async;
    }

    /**
     * @param params the create parameters
     * @return the new %s
     */
    public %s create(%s params) {
        return new %s(Blocking.call("%s.create", () -> async.create(params)));
    }

    /**
     * @param id an existing %s's id
     * @return a handle (no request is made)
     */
    public %s fromId(String id) {
        return new %s(async.fromId(id));
    }

    /** @return the %ss of the first page */
    public List<%s> list() {
        return list(null);
    }

    /**
     * @param params filters and page size
     * @return the %ss of the first page
     */
    public List<%s> list(%s params) {
        return Blocking.call("%s.list", () -> async.list(params)).stream().map(%s::new).toList();
    }
}
''' % (pkg, r['create'], pkg, r['listp'], r['label'], A, r['op'], N, A, N, A, A, r['label'], N, r['create'], N, r['op'],
       r['label'], N, N, r['label'], N, r['label'], N, r['listp'], r['op'], N))
