// Starts and stops real labelchain-node processes for the end-to-end tests.
//
// Every node a test starts is registered here and killed when the test process
// exits, whether the test passed, failed or threw, so no node outlives its run.

import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The node binary: $LABELCHAIN_NODE, else the debug build in the cargo target dir. */
export function nodeBinary() {
  if (process.env.LABELCHAIN_NODE) return process.env.LABELCHAIN_NODE;
  const targetDir = process.env.CARGO_TARGET_DIR
    ?? path.join(process.env.HOME ?? '/root', '.cache', 'labelchain', 'target');
  return path.join(targetDir, 'debug', 'labelchain-node');
}

const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A TCP port that was free a moment ago. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A fresh directory for node databases, removed by `removeDir`. */
export function tempDir(prefix) {
  return mkdtempSync(path.join(tmpdir(), `labelchain-${prefix}-`));
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One JSON-RPC call over HTTP to a local node's RPC port. */
export function rpc(port, method, params = []) {
  return rpcAt(`http://127.0.0.1:${port}`, method, params);
}

/** One JSON-RPC call over HTTP to any node's RPC address. */
export async function rpcAt(url, method, params = []) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = await response.json();
  if (body.error) {
    // Keep the JSON-RPC error's code and data for callers that check them.
    throw Object.assign(new Error(`${method}: ${JSON.stringify(body.error)}`), {
      code: body.error.code,
      data: body.error.data,
    });
  }
  return body.result;
}

/** Rejects if `promise` has not settled within `ms`. */
/**
 * The node's Prometheus metrics as a Map from `name{labels}` (as printed,
 * without the `chain` label the node puts on every metric) to their number.
 */
export async function prometheusMetrics(port) {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const metrics = new Map();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const split = line.lastIndexOf(' ');
    const name = line.slice(0, split).replace(/,?chain="[^"]*"/, '').replace('{,', '{').replace('{}', '');
    metrics.set(name, Number(line.slice(split + 1)));
  }
  return metrics;
}

export async function withTimeout(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor(what, check, { timeoutMs = 60_000, intervalMs = 500 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
}

/**
 * A running node. `args` are passed to labelchain-node after the ports and base
 * path this helper chooses; its output goes to `<basePath>/node.log`.
 */
export class NodeProcess {
  constructor({ name, args, basePath, rpcPort, p2pPort, prometheusPort }) {
    Object.assign(this, { name, args, basePath, rpcPort, p2pPort, prometheusPort });
    this.logPath = path.join(basePath, `${name}.log`);
    this.child = null;
  }

  /** `p2pPort` if the node must listen on a port chosen beforehand (a boot node's). */
  static async start({ name, args, basePath, nodeKeyFor, p2pPort }) {
    const node = new NodeProcess({
      name,
      args,
      basePath,
      rpcPort: await freePort(),
      p2pPort: p2pPort ?? await freePort(),
      prometheusPort: await freePort(),
    });
    if (nodeKeyFor) node.generateNodeKey(nodeKeyFor);
    await node.restart();
    return node;
  }

  /**
   * Creates this node's network key in its base path, as an operator does once
   * before first starting a validator (validators refuse to invent one).
   */
  generateNodeKey(chain) {
    execFileSync(nodeBinary(), ['key', 'generate-node-key', '--chain', chain, '--base-path', this.basePath],
      { stdio: 'ignore' });
  }

  /** Starts (again) on the same ports and base path. */
  async restart() {
    const binary = nodeBinary();
    if (!existsSync(binary)) throw new Error(`no node binary at ${binary}: build it first (scripts/test.sh does)`);
    mkdirSync(this.basePath, { recursive: true });
    const log = createWriteStream(this.logPath, { flags: 'a' });
    const child = spawn(binary, [
      '--base-path', this.basePath,
      '--rpc-port', String(this.rpcPort),
      '--port', String(this.p2pPort),
      '--prometheus-port', String(this.prometheusPort),
      '--no-mdns',
      '--no-telemetry',
      ...this.args,
    ], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    running.add(child);
    child.on('exit', () => running.delete(child));
    this.child = child;
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${this.name} exited (${child.exitCode ?? child.signalCode}):\n${this.logTail()}`);
      }
      try {
        await rpc(this.rpcPort, 'system_health');
        break;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(`${this.name}'s RPC on port ${this.rpcPort} did not answer: ${error.message}`);
        }
        await sleep(250);
      }
    }
    return this;
  }

  get wsUrl() {
    return `ws://127.0.0.1:${this.rpcPort}`;
  }

  call(method, params) {
    return rpc(this.rpcPort, method, params);
  }

  async bestNumber() {
    return parseInt((await this.call('chain_getHeader')).number, 16);
  }

  async finalizedNumber() {
    const hash = await this.call('chain_getFinalizedHead');
    return parseInt((await this.call('chain_getHeader', [hash])).number, 16);
  }

  /** The last lines of this node's log, for failure messages. */
  logTail(lines = 40) {
    if (!existsSync(this.logPath)) return '(no log)';
    return readFileSync(this.logPath, 'utf8').split('\n').slice(-lines).join('\n');
  }

  async exited() {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise((resolve) => child.once('exit', resolve));
  }

  /** Ctrl-C, as an operator stops a node; SIGKILL if it hangs. */
  async stop() {
    if (!this.child) return;
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    this.child.kill('SIGINT');
    await this.exited();
    clearTimeout(timer);
  }

  /** An abrupt crash: no chance to flush or close anything. */
  async kill() {
    if (!this.child) return;
    this.child.kill('SIGKILL');
    await this.exited();
  }
}
