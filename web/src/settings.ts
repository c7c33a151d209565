// Where the page connects: the node's WebSocket address and the IPFS gateways,
// from the address bar (`?node=…&gateway=…,…`), else as last saved, else the
// local defaults.

export interface Settings { node: string; gateways: string[] }

export const DEFAULTS: Settings = { node: 'ws://127.0.0.1:9944', gateways: ['http://127.0.0.1:8080'] };

export function loadSettings(search = location.search, storage: Storage = localStorage): Settings {
  const params = new URLSearchParams(search);
  const saved = JSON.parse(storage.getItem('labelchain-settings') ?? '{}') as Partial<Settings>;
  const gateways = params.get('gateway')?.split(',').map((g) => g.trim()).filter(Boolean);
  return {
    node: params.get('node') ?? saved.node ?? DEFAULTS.node,
    gateways: gateways ?? saved.gateways ?? DEFAULTS.gateways,
  };
}

export function saveSettings(settings: Settings, storage: Storage = localStorage): void {
  storage.setItem('labelchain-settings', JSON.stringify(settings));
}
