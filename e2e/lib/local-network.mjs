// Validators on loopback sharing one chain spec, each in its own directory
// under one root, started and stopped by the test that uses them.

import path from 'node:path';

import { NodeProcess, removeDir, tempDir } from './node-process.mjs';

export class LocalNetwork {
  constructor(name, chainSpec) {
    this.root = tempDir(name);
    this.chainSpec = chainSpec;
    this.nodes = [];
    this.bootnode = null;
  }

  /** A node of this network: its own network key, the chain spec, `args`. */
  async startNode(name, args = []) {
    const node = await NodeProcess.start({
      name,
      basePath: path.join(this.root, name),
      nodeKeyFor: this.chainSpec,
      args: ['--chain', this.chainSpec, ...(this.bootnode ? ['--bootnodes', this.bootnode] : []), ...args],
    });
    this.nodes.push(node);
    if (!this.bootnode) {
      this.bootnode = `/ip4/127.0.0.1/tcp/${node.p2pPort}/p2p/${await node.call('system_localPeerId')}`;
    }
    return node;
  }

  /** The dev validators `names` (`alice`, ...): the first is everyone's bootnode. */
  async startValidators(names) {
    const [first, ...rest] = names;
    const firstNode = await this.startNode(first, [`--${first}`]);
    const others = await Promise.all(rest.map((name) => this.startNode(name, [`--${name}`])));
    return [firstNode, ...others];
  }

  /** Stops every node and removes their directories. */
  async stop() {
    await Promise.all(this.nodes.map((node) => node.stop()));
    removeDir(this.root);
  }

  /** The last lines of every node's log, for a failure's report. */
  logTails() {
    return this.nodes.map((node) => `--- ${node.name} log tail ---\n${node.logTail()}`).join('\n');
  }
}
