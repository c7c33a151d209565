// The connection to a LabelChain node, straight from the browser over its
// WebSocket RPC: no server of ours in between.

import { ApiPromise, WsProvider } from '@polkadot/api';

export interface Chain {
  api: ApiPromise;
  endpoint: string;
  /** The genesis hash: what the salt store keys a chain by. */
  genesis: string;
  name: string;
  /** A development or local chain, where the well-known dev accounts may sign. */
  development: boolean;
  specVersion: number;
}

/** LabelChain's runtime calls itself this (`RuntimeVersion::spec_name`). */
export const SPEC_NAME = 'labelchain';

export class NodeUnreachable extends Error {
  constructor(endpoint: string, why: string) {
    super(`no LabelChain node answers at ${endpoint} (${why}). Start one (scripts/start-web.sh starts a dev node) or set the node's address above.`);
    this.name = 'NodeUnreachable';
  }
}

export class WrongChain extends Error {
  constructor(endpoint: string, specName: string) {
    super(`the node at ${endpoint} runs "${specName}", not LabelChain: set the address of a LabelChain node.`);
    this.name = 'WrongChain';
  }
}

export async function connect(endpoint: string, timeoutMs = 10_000): Promise<Chain> {
  let provider: WsProvider;
  try {
    provider = new WsProvider(endpoint, 2_500);
  } catch (error) {
    throw new NodeUnreachable(endpoint, (error as Error).message);
  }
  // The first failure to connect is an answer the page shows, not something
  // to retry in silence; once connected, the provider reconnects by itself.
  const connected = ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs / 1000} s`)), timeoutMs);
  });
  let api: ApiPromise;
  try {
    api = await Promise.race([connected, timeout]);
  } catch (error) {
    provider.disconnect().catch(() => {});
    throw new NodeUnreachable(endpoint, (error as Error).message);
  } finally {
    clearTimeout(timer);
  }
  const specName = api.runtimeVersion.specName.toString();
  if (specName !== SPEC_NAME || !api.call.labelingApi) {
    await api.disconnect();
    throw new WrongChain(endpoint, specName);
  }
  const [name, chainType] = await Promise.all([api.rpc.system.chain(), api.rpc.system.chainType()]);
  return {
    api,
    endpoint,
    genesis: api.genesisHash.toHex(),
    name: name.toString(),
    development: chainType.isDevelopment || chainType.isLocal,
    specVersion: api.runtimeVersion.specVersion.toNumber(),
  };
}
