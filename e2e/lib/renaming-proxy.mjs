// A WebSocket proxy in front of a node that says the node runs another
// runtime: it rewrites `specName` in runtime version answers. The page must
// then refuse it as the wrong chain (a stand-in for a Polkadot or Kusama
// node, which the tests cannot start).

import { WebSocket, WebSocketServer } from 'ws';

export async function renamingProxy(upstreamUrl, specName) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  server.on('connection', (client) => {
    const upstream = new WebSocket(upstreamUrl);
    const pending = [];
    upstream.on('open', () => { for (const message of pending.splice(0)) upstream.send(message); });
    client.on('message', (data) => (upstream.readyState === WebSocket.OPEN ? upstream.send(data.toString()) : pending.push(data.toString())));
    upstream.on('message', (data) => {
      const message = JSON.parse(data.toString());
      const version = message.result?.specName !== undefined ? message.result : message.params?.result;
      if (version?.specName !== undefined) version.specName = specName;
      client.send(JSON.stringify(message));
    });
    client.on('close', () => upstream.close());
    upstream.on('close', () => client.close());
    upstream.on('error', () => client.close());
  });
  return {
    url: `ws://127.0.0.1:${server.address().port}`,
    async stop() {
      for (const client of server.clients) client.terminate();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
