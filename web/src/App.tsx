// The page: where to connect, who signs, and the annotator's page.

import { useEffect, useState } from 'preact/hooks';

import { connect, type Chain } from './chain/connection';
import { AnnotatorPage } from './annotator/AnnotatorPage';
import { RequesterPage } from './requester/RequesterPage';
import { SaltStore } from './salts';
import { loadSettings, saveSettings, type Settings } from './settings';
import { devAccounts, extensionAccounts, type Account } from './wallet';

export function App() {
  const [settings, setSettings] = useState<Settings>(loadSettings());
  const [draft, setDraft] = useState({ node: settings.node, gateways: settings.gateways.join(', ') });
  const [chain, setChain] = useState<Chain>();
  const [error, setError] = useState<string>();
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [account, setAccount] = useState<Account>();
  const [store, setStore] = useState<SaltStore>();
  const [block, setBlock] = useState(0);
  const [role, setRole] = useState<'annotator' | 'requester'>(new URLSearchParams(location.search).get('role') === 'requester' ? 'requester' : 'annotator');

  useEffect(() => { SaltStore.open().then(setStore, (e: Error) => setError(`the salt store (IndexedDB) cannot open: ${e.message}`)); }, []);

  useEffect(() => {
    let current: Chain | undefined;
    let unsubscribe: (() => void) | undefined;
    setChain(undefined);
    setError(undefined);
    setAccount(undefined);
    connect(settings.node).then(async (connected) => {
      current = connected;
      setChain(connected);
      unsubscribe = await connected.api.rpc.chain.subscribeNewHeads((header) => setBlock(header.number.toNumber()));
      const dev = connected.development ? await devAccounts() : [];
      setAccounts(dev);
      const wanted = new URLSearchParams(location.search).get('account');
      setAccount(dev.find((a) => a.name === wanted));
    }, (e: Error) => setError(e.message));
    return () => { unsubscribe?.(); void current?.api.disconnect(); };
  }, [settings.node]);

  const apply = () => {
    const next = { node: draft.node.trim(), gateways: draft.gateways.split(',').map((g) => g.trim()).filter(Boolean) };
    saveSettings(next);
    setSettings(next);
  };
  const addExtension = async () => {
    try {
      const found = await extensionAccounts();
      setAccounts((known) => [...known.filter((a) => a.source === 'dev'), ...found]);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <main>
      <header class="top">
        <h1>LabelChain</h1>
        <span class="chain" data-testid="chain-status">
          {chain ? `${chain.name} · block #${block} · spec ${chain.specVersion}` : error ? 'not connected' : 'connecting…'}
        </span>
      </header>
      <details class="settings" open={!chain}>
        <summary>Node and gateways</summary>
        <label>Node <input value={draft.node} onInput={(e) => setDraft({ ...draft, node: (e.target as HTMLInputElement).value })} data-testid="node-endpoint" /></label>
        <label>IPFS gateways <input value={draft.gateways} onInput={(e) => setDraft({ ...draft, gateways: (e.target as HTMLInputElement).value })} /></label>
        <button onClick={apply} data-testid="connect">Connect</button>
      </details>
      {error && <p class="error" role="alert" data-testid="error">{error}</p>}
      {chain && (
        <section class="accounts">
          <label>Account{' '}
            <select value={account?.address ?? ''} onChange={(e) => setAccount(accounts.find((a) => a.address === (e.target as HTMLSelectElement).value))} data-testid="account">
              <option value="">choose…</option>
              {accounts.map((a) => <option key={a.address} value={a.address}>{a.name} ({a.source}) {a.address.slice(0, 8)}…</option>)}
            </select>
          </label>
          <button onClick={() => void addExtension()} data-testid="use-extension">Use a wallet extension</button>
          {!chain.development && <span class="note"> Dev accounts are offered on development chains only.</span>}
        </section>
      )}
      {chain && account && (
        <nav class="roles">
          <button class={role === 'annotator' ? 'active' : ''} onClick={() => setRole('annotator')} data-testid="role-annotator">Annotate</button>
          <button class={role === 'requester' ? 'active' : ''} onClick={() => setRole('requester')} data-testid="role-requester">Request labels</button>
        </nav>
      )}
      {chain && account && store && role === 'annotator' && <AnnotatorPage key={account.address} chain={chain} account={account} store={store} gateways={settings.gateways} block={block} />}
      {chain && account && role === 'requester' && <RequesterPage key={account.address} chain={chain} account={account} gateways={settings.gateways} block={block} />}
    </main>
  );
}
