// The web app (web/, built into web/dist by scripts/test.sh) in a real browser
// against a dev chain of 1 s blocks and an item gateway, both started here: a
// requester creates a task from a folder (with a gold answer from a CSV);
// three annotators in three browser contexts bond and label it with the
// keyboard (one a spammer); their reveals go out by themselves; the requester
// reveals gold from the saved file and exports the data set, which matches
// `labelchain export`; and the errors a person must be able to act on are
// shown. Measures the time from a key press to its commit in a block and the
// labels given per minute.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';

import { launchBrowser } from '../lib/browser.mjs';
import { UNIT, submit } from '../lib/dev-chain.mjs';
import { ItemGateway } from '../lib/item-gateway.mjs';
import { NodeProcess, REPO_ROOT, freePort, removeDir, tempDir, waitFor } from '../lib/node-process.mjs';
import { renamingProxy } from '../lib/renaming-proxy.mjs';
import { serveDir } from '../lib/static-server.mjs';

const WEB_DIST = path.join(REPO_ROOT, 'web', 'dist');
/** The `labelchain` client, built beside the node. */
const CLI = path.join(path.dirname(process.env.LABELCHAIN_NODE ?? path.join(REPO_ROOT, 'target', 'debug', 'labelchain-node')), 'labelchain');
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.join(REPO_ROOT, 'docs', 'screenshots')
  : path.join(process.env.CARGO_TARGET_DIR ?? tempDir('web-shots'), 'web-screenshots');

// Six short reviews; the truth is what an honest annotator presses.
const REVIEWS = [
  ['A wonderful film, I loved every minute.', 0],
  ['Dull, slow and far too long.', 1],
  ['The best meal I have had this year.', 0],
  ['It broke on the second day; avoid.', 1],
  ['Friendly staff and a lovely view.', 0],
  ['Rude service and cold food.', 1],
];
const CLASSES = ['positive', 'negative'];

let node; let basePath; let api; let gateway; let gatewayUrl; let web; let browser; let task; let itemCids; let folder; let goldCsv;
let requester; let downloads; let servedUrl; let servePort; let serveItems;

before(async () => {
  assert.ok(existsSync(path.join(WEB_DIST, 'index.html')), 'web/dist is not built: cd web && npm run build (scripts/test.sh does)');
  basePath = tempDir('web');
  node = await NodeProcess.start({ name: 'dev', basePath, args: ['--dev', '--sealing', '1000'] });
  api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true, throwOnConnect: true });
  gateway = new ItemGateway();
  gatewayUrl = await gateway.start();
  web = await serveDir(WEB_DIST);
  browser = await launchBrowser();
  // The requester's items are served by `labelchain serve-items` from the
  // CAR the page makes; its port is chosen now, for the pages' settings.
  servePort = await freePort();
  servedUrl = `http://127.0.0.1:${servePort}`;

  // The requester's folder: one JSON lines file of reviews, and a CSV of one
  // gold answer. The gateway serves what the page's CAR will hold (the test
  // adds the same bytes: a requester would pin the CAR).
  folder = path.join(basePath, 'reviews');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'reviews.jsonl'), REVIEWS.map(([text]) => JSON.stringify({ text })).join('\n'));
  itemCids = [];
  for (const [text] of REVIEWS) itemCids.push(await gateway.add(new TextEncoder().encode(JSON.stringify({ text }))));
  goldCsv = path.join(basePath, 'gold.csv');
  writeFileSync(goldCsv, `item,answer\nreviews.jsonl#2,${CLASSES[REVIEWS[1][1]]}\n`);
});

after(async () => {
  serveItems?.kill();
  await browser?.close();
  await web?.stop();
  await gateway?.stop();
  await api?.disconnect();
  await node?.stop();
  if (basePath) removeDir(basePath);
});

async function openApp(account, { nodeUrl = node.wsUrl, gateways = gatewayUrl, role } = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const query = new URLSearchParams({ node: nodeUrl, gateway: gateways, ...(account ? { account } : {}), ...(role ? { role } : {}) });
  await page.goto(`${web.url}?${query}`);
  return { context, page };
}

async function bond(page, amount) {
  await page.getByTestId('stake-amount').fill(String(amount));
  await page.getByTestId('bond').click();
  await page.getByTestId('stake-status').filter({ hasText: 'bond: done' }).waitFor({ timeout: 30_000 });
}

/** Labels every item the work screen shows until none is left, a key press each; returns the labels given. */
async function labelAll(page, choose) {
  let given = 0;
  for (;;) {
    const itemBox = page.getByTestId('item');
    await waitFor('an item or the end of the work', async () =>
      (await itemBox.getAttribute('data-item')) !== null || /nothing to label/.test(await itemBox.innerText()), { timeoutMs: 30_000, intervalMs: 50 });
    const shown = await itemBox.getAttribute('data-item');
    if (shown === null) return given;
    await page.keyboard.press(String(choose(Number(shown)) + 1));
    given += 1;
    await waitFor('the next item', async () => (await itemBox.getAttribute('data-item')) !== shown, { timeoutMs: 30_000, intervalMs: 20 })
      .catch(async (error) => {
        const alerts = await page.getByRole('alert').allInnerTexts();
        throw new Error(`${error.message} after item ${shown}: ${await page.getByTestId('work-counts').innerText()} ${alerts.join(' / ')}`);
      });
  }
}

/** Clicks `button` and saves the file the page offers into `downloads`; returns its path. */
async function saveDownload(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(button).click()]);
  const to = path.join(downloads, file.suggestedFilename());
  await file.saveAs(to);
  return to;
}

test('a requester creates a task from a folder, with a gold answer saved first', async () => {
  downloads = path.join(basePath, 'downloads');
  mkdirSync(downloads, { recursive: true });
  ({ page: requester } = await openApp('Alice', { role: 'requester', gateways: servedUrl }));
  await requester.getByTestId('folder-input').setInputFiles(folder);
  await requester.getByTestId('item-count').filter({ hasText: '6 items' }).waitFor({ timeout: 30_000 });
  await requester.getByTestId('terms-classes').fill(CLASSES.join(', '));
  await requester.getByTestId('terms-instructions').fill('Is the review positive or negative?');
  await requester.getByTestId('terms-assignment').selectOption('Open');
  await requester.getByTestId('gold-input').setInputFiles(goldCsv);
  await requester.getByTestId('budget-total').waitFor({ timeout: 30_000 });
  // The budget comes from the chain's own quote: 6 items × 3 labels, the fee, the gold bond, the expert budget.
  const quote = (await api.call.labelingApi.taskBudget(6, 3, UNIT, 5n * UNIT, 1)).asOk;
  const total = quote.total.toBigInt();
  const fraction = (total % UNIT).toString().padStart(12, '0').replace(/0+$/, '');
  assert.equal(await requester.getByTestId('budget-total').innerText(), `${total / UNIT}${fraction ? `.${fraction}` : ''} LBL`);
  // Nothing is sent before the gold file, the only copy of its salt, is saved.
  assert.equal(await requester.getByTestId('create-task').isDisabled(), true);
  const goldFile = await saveDownload(requester, 'download-gold');
  const car = path.join(downloads, 'items.car');
  const [manifestDownload, carDownload] = await Promise.all([
    requester.waitForEvent('download'),
    requester.waitForEvent('download', (d) => d.suggestedFilename() === 'items.car'),
    requester.getByTestId('download-data').click(),
  ]);
  await manifestDownload.saveAs(path.join(downloads, 'manifest.json'));
  await carDownload.saveAs(car);
  gateway.add(readFileSync(path.join(downloads, 'manifest.json')));
  // The requester serves the CAR, as one without an IPFS node would.
  serveItems = spawn(CLI, ['serve-items', '--items', car, '--listen', `127.0.0.1:${servePort}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    serveItems.stdout.once('data', resolve);
    serveItems.once('exit', (code) => reject(new Error(`serve-items exited (${code})`)));
  });
  await requester.getByTestId('create-task').click();
  await requester.getByTestId('task-page').waitFor({ timeout: 30_000 });
  task = Number(/Task (\d+)/.exec(await requester.locator('[data-testid=task-page] h2').innerText())[1]);
  const created = (await api.call.labelingApi.task(task)).unwrap();
  assert.equal(created.terms.itemCount.toNumber(), 6);
  assert.equal(created.goldCount.toNumber(), 1);
  assert.equal(JSON.parse(readFileSync(goldFile, 'utf8')).answers[0].item, 1);
});

test('three annotators label a task in the browser with the keyboard; their reveals go out by themselves', async () => {
  const honest = (item) => REVIEWS[item][1];
  let spam = 7;
  const spammer = () => { spam = (spam * 1103515245 + 12345) % 2147483648; return spam % 2; };
  const annotators = [['Bob', honest], ['Charlie', honest], ['Dave', spammer]];
  const pages = [];
  for (const [name] of annotators) {
    const { page } = await openApp(name, { gateways: servedUrl });
    await page.getByTestId('chain-status').filter({ hasText: 'block #' }).waitFor({ timeout: 30_000 });
    await bond(page, 20);
    pages.push(page);
  }
  assert.match(await pages[0].getByTestId('bonded').innerText(), /^20 LBL/);
  await pages[0].getByTestId(`label-task-${task}`).waitFor();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await pages[0].screenshot({ path: path.join(SCREENSHOTS, 'annotator-tasks.png'), fullPage: true });

  const started = Date.now();
  const given = await Promise.all(pages.map(async (page, index) => {
    await page.getByTestId(`label-task-${task}`).click();
    if (index === 0) {
      await page.getByTestId('item-text').waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'annotator-work-screen.png') });
    }
    return labelAll(page, annotators[index][1]);
  }));
  const minutes = (Date.now() - started) / 60_000;
  assert.deepEqual(given, [6, 6, 6], 'each annotator labels all six items');
  console.log(`labels per minute per annotator with the keyboard (three at once, fetch and seal included): ${(6 / minutes).toFixed(0)}`);

  for (const page of pages) {
    await page.getByTestId('work-counts').filter({ hasText: 'committed 6' }).waitFor({ timeout: 60_000 }).catch(async (error) => {
      const alerts = await page.getByRole('alert').allInnerTexts();
      throw new Error(`${error.message}\n${await page.getByTestId('work-counts').innerText()}\n${alerts.join('\n')}`);
    });
  }
  const timings = (await Promise.all(pages.map((page) => page.evaluate(() => window.labelchainCommitTimings)))).flat().sort((a, b) => a - b);
  assert.equal(timings.length, 18);
  console.log(`key press to commit in a block (1 s blocks): median ${Math.round(timings[9])} ms, max ${Math.round(timings[17])} ms`);

  // No button was pressed to reveal: each page reveals when the windows open.
  for (const page of pages) {
    await page.getByTestId('reveal-status').filter({ hasText: 'Revealed by this page: 6.' }).waitFor({ timeout: 120_000 });
  }
  const progress = (await api.call.labelingApi.task(task)).unwrap().progress;
  assert.equal(progress.labeling.toNumber() + progress.revealing.toNumber(), 0, 'every item is past its reveals');
});

test('the requester reveals gold from the saved file and exports what labelchain export writes', async () => {
  await requester.getByTestId('gold-file').setInputFiles(path.join(downloads, 'gold.json'));
  await requester.getByTestId('task-status').filter({ hasText: 'gold: 1 revealed now' }).waitFor({ timeout: 30_000 });
  // Accepted items settle after the appeal window (100 blocks of 1 s).
  await waitFor('every item settled', async () =>
    (await api.call.labelingApi.task(task)).unwrap().progress.settled.toNumber() === 6, { timeoutMs: 240_000, intervalMs: 2_000 });
  await requester.getByTestId('progress-settled').filter({ hasText: '6' }).waitFor({ timeout: 30_000 });
  await requester.screenshot({ path: path.join(SCREENSHOTS, 'requester-task-page.png'), fullPage: true });

  const fromPage = readFileSync(await saveDownload(requester, 'export-jsonl'), 'utf8');
  const csvFromPage = readFileSync(await saveDownload(requester, 'export-csv'), 'utf8');
  const fromCli = path.join(downloads, 'cli.jsonl');
  const csvFromCli = path.join(downloads, 'cli.csv');
  // The CLI reads the manifest from the page's CAR.
  execFileSync(CLI, ['--url', node.wsUrl, 'export', String(task), '--items', path.join(downloads, 'items.car'), '--out', fromCli], { stdio: 'ignore' });
  execFileSync(CLI, ['--url', node.wsUrl, 'export', String(task), '--items', path.join(downloads, 'items.car'), '--format', 'csv', '--out', csvFromCli], { stdio: 'ignore' });
  assert.equal(fromPage, readFileSync(fromCli, 'utf8'));
  assert.equal(csvFromPage, readFileSync(csvFromCli, 'utf8'));
  const records = fromPage.trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(records.length, 6);
  assert.equal(records[1].decidedBy, 'gold');
  assert.ok(records.every((r) => r.status === 'settled' && r.annotators.length === 3));
  console.log(`export: ${records.filter((r, i) => r.label === REVIEWS[i][1]).length} of 6 labels right; decided by ${[...new Set(records.map((r) => r.decidedBy))].join(', ')}`);
});

test('the page says what a person can act on: no node, the wrong chain, no extension, a refused transaction, no fee, a short budget, forged item bytes', async () => {
  const closedPort = await freePort();
  const { page: nowhere } = await openApp('Bob', { nodeUrl: `ws://127.0.0.1:${closedPort}` });
  await nowhere.getByTestId('error').filter({ hasText: 'no LabelChain node answers' }).waitFor({ timeout: 30_000 });

  // A node of another chain (this node behind a proxy that renames its runtime).
  const proxy = await renamingProxy(node.wsUrl, 'polkadot');
  try {
    const { page: elsewhere } = await openApp('Bob', { nodeUrl: proxy.url });
    await elsewhere.getByTestId('error').filter({ hasText: 'runs "polkadot", not LabelChain' }).waitFor({ timeout: 30_000 });
  } finally {
    await proxy.stop();
  }

  // An account that cannot pay the fee: Ferdie gives everything away first.
  const ferdie = new Keyring({ type: 'sr25519' }).addFromUri('//Ferdie');
  await submit(api, api.tx.balances.transferAll(new Keyring({ type: 'sr25519' }).addFromUri('//Alice').address, false), ferdie);
  const { page: broke } = await openApp('Ferdie');
  await broke.getByTestId('chain-status').filter({ hasText: 'block #' }).waitFor({ timeout: 30_000 });
  await broke.getByTestId('bond').click();
  await broke.getByTestId('stake-status').filter({ hasText: 'cannot pay this transaction\'s fee' }).waitFor({ timeout: 30_000 });

  const { page } = await openApp('Eve');
  await page.getByTestId('chain-status').filter({ hasText: 'block #' }).waitFor({ timeout: 30_000 });
  await page.getByTestId('use-extension').click();
  await page.getByTestId('error').filter({ hasText: 'no wallet extension' }).waitFor();

  // Bonding more than the balance: the runtime's error by name, with its meaning.
  await page.getByTestId('stake-amount').fill('100000000000');
  await page.getByTestId('bond').click();
  const refused = await page.getByTestId('stake-status').filter({ hasText: 'bond: ' }).filter({ hasNotText: 'bond: done' })
    .filter({ hasNotText: '…' }).innerText({ timeout: 30_000 });
  assert.match(refused, /bond: \S+\.\S+/, `a named error: ${refused}`);

  // A budget beyond the balance: said before anything is signed.
  await page.getByTestId('role-requester').click();
  await page.getByTestId('folder-input').setInputFiles(folder);
  await page.getByTestId('terms-classes').fill(CLASSES.join(', '));
  await page.getByTestId('terms-reward').fill('1000000');
  await page.getByTestId('budget-total').waitFor({ timeout: 30_000 });
  await page.getByTestId('create-task').click();
  await page.getByTestId('publish-status').filter({ hasText: 'short of' }).waitFor({ timeout: 30_000 });
  await page.getByTestId('role-annotator').click();

  // A gateway that sends other bytes for an item: shown as such, never displayed.
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  const manifestCid = (await api.call.labelingApi.task(task)).unwrap().manifest.toU8a(true);
  const forgedTask = (await submit(api, api.tx.tasks.createTask({
    manifest: u8aToHex(manifestCid), itemCount: 1, classCount: 2, minRedundancy: 1, maxRedundancy: 1,
    targetAccuracy: 600_000_000, rewardPerLabel: UNIT, disputeBudget: 0,
    deadline: (await api.rpc.chain.getHeader()).number.toNumber() + 2_000,
    minTier: 'Newcomer', minStake: 0, assignment: 'Open', domain: 0, goldCommitments: [],
  }), alice)).find((e) => api.events.tasks.TaskCreated.is(e)).data.task.toNumber();
  gateway.forge(itemCids[0], new TextEncoder().encode('{"text": "not what the requester published"}'));
  await bond(page, 20);
  await page.getByTestId(`label-task-${forgedTask}`).click({ timeout: 30_000 });
  await page.getByTestId('item').filter({ hasText: 'do not match their CID' }).waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId('item-text').count(), 0, 'the forged bytes are not shown');
});
