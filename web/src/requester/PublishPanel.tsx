// A task from a folder dropped on the page: its items' CIDs computed here,
// the manifest and a CAR of manifest and items to download for pinning, gold
// answers from a CSV sealed and saved to a file before anything is sent, and
// the budget the chain will hold shown before the requester signs.

import { u8aToHex } from '@polkadot/util';
import { useEffect, useState } from 'preact/hooks';

import { formatAmount, parseAmount } from '../amount';
import type { Chain } from '../chain/connection';
import { bestBlock } from '../chain/labeling';
import { send } from '../chain/send';
import { download } from '../download';
import type { Account } from '../wallet';
import { filesOfDrop, filesOfInput, folderItems, type FolderItem } from './folder';
import { goldFileText, parseGoldCsv, secretCommitment, type GoldSecret } from './gold';
import { taskCar, taskPackage, type TaskPackage } from './package';

/* eslint-disable @typescript-eslint/no-explicit-any */

interface Terms {
  classes: string; instructions: string; reward: string; disputeBudget: string;
  minRedundancy: string; maxRedundancy: string; targetAccuracy: string; deadlineBlocks: string;
  assignment: 'Assigned' | 'Open'; minTier: string; minStake: string; domain: string;
}

const DEFAULT_TERMS: Terms = {
  classes: '', instructions: '', reward: '1', disputeBudget: '5', minRedundancy: '3', maxRedundancy: '3',
  targetAccuracy: '60', deadlineBlocks: '14400', assignment: 'Assigned', minTier: 'Newcomer', minStake: '0', domain: '0',
};

interface Quote { feePerLabel: bigint; labels: bigint; goldBonds: bigint; storageDeposit: bigint; total: bigint }

export function PublishPanel({ chain, account, onCreated }: { chain: Chain; account: Account; onCreated: (task: number) => void }) {
  const decimals = chain.api.registry.chainDecimals[0] ?? 12;
  const fmt = (value: bigint) => formatAmount(value, decimals);
  const [items, setItems] = useState<FolderItem[]>();
  const [terms, setTerms] = useState<Terms>(DEFAULT_TERMS);
  const [goldCsv, setGoldCsv] = useState<string>();
  const [pkg, setPkg] = useState<TaskPackage>();
  const [gold, setGold] = useState<GoldSecret[]>([]);
  const [goldSaved, setGoldSaved] = useState(false);
  const [quote, setQuote] = useState<Quote>();
  const [balance, setBalance] = useState<bigint>();
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();

  const classes = terms.classes.split(',').map((c) => c.trim()).filter(Boolean);
  // Everything that follows from the folder and the terms, recomputed as they change.
  useEffect(() => {
    setPkg(undefined); setQuote(undefined); setGoldSaved(false); setGold([]);
    if (!items || classes.length < 2) return undefined;
    // A later change of folder or terms makes this run's results stale: they
    // must not land after the newer run's.
    let stale = false;
    (async () => {
      try {
        const built = await taskPackage(items, classes, terms.instructions);
        const answers = goldCsv ? parseGoldCsv(goldCsv, built.manifest) : [];
        const result: any = await chain.api.call.labelingApi.taskBudget(
          items.length, Number(terms.maxRedundancy), parseAmount(terms.reward, decimals), parseAmount(terms.disputeBudget, decimals), answers.length);
        if (result.isErr) throw new Error(`the chain refuses this budget: ${result.asErr.type}`);
        const q = result.asOk;
        const info: any = await chain.api.query.system.account(account.address);
        if (stale) return;
        setQuote({ feePerLabel: q.feePerLabel.toBigInt(), labels: q.labels.toBigInt(), goldBonds: q.goldBonds.toBigInt(), storageDeposit: q.storageDeposit.toBigInt(), total: q.total.toBigInt() });
        setBalance(info.data.free.toBigInt());
        setPkg(built);
        setGold(answers);
        setStatus(undefined);
      } catch (error) {
        if (!stale) setStatus({ text: (error as Error).message, error: true });
      }
    })();
    return () => { stale = true; };
  }, [items, terms, goldCsv, account.address]);

  const set = (key: keyof Terms) => (e: Event) => setTerms({ ...terms, [key]: (e.target as HTMLInputElement).value });
  const field = (label: string, key: keyof Terms, extra: Record<string, string> = {}) => (
    <label>{label} <input value={terms[key]} onInput={set(key)} data-testid={`terms-${key}`} {...extra} /></label>
  );

  const saveGold = () => {
    if (!pkg) return;
    download('gold.json', goldFileText({ task: null, manifest: pkg.manifestCid.toString(), answers: gold }), 'application/json');
    setGoldSaved(true);
  };
  const saveData = async () => {
    if (!pkg || !items) return;
    download('manifest.json', pkg.manifestBytes, 'application/json');
    download('items.car', await taskCar(pkg, items), 'application/vnd.ipld.car');
  };
  const create = async () => {
    if (!pkg || !items || !quote) return;
    try {
      if (balance !== undefined && balance < quote.total) {
        throw new Error(`the account holds ${fmt(balance)}, short of the ${fmt(quote.total)} the task holds (and the fee)`);
      }
      setStatus({ text: 'creating the task…' });
      const tx = chain.api.tx.tasks.createTask({
        manifest: u8aToHex(pkg.manifestCid.bytes),
        itemCount: items.length,
        classCount: classes.length,
        minRedundancy: Number(terms.minRedundancy),
        maxRedundancy: Number(terms.maxRedundancy),
        targetAccuracy: Math.round(Number(terms.targetAccuracy) * 10_000_000),
        rewardPerLabel: parseAmount(terms.reward, decimals),
        disputeBudget: parseAmount(terms.disputeBudget, decimals),
        deadline: (await bestBlock(chain.api)) + Number(terms.deadlineBlocks),
        minTier: terms.minTier,
        minStake: parseAmount(terms.minStake, decimals),
        assignment: terms.assignment,
        domain: Number(terms.domain),
        goldCommitments: gold.map((secret) => u8aToHex(secretCommitment(secret))),
      });
      const events = await send(chain.api, tx, account);
      const created: any = events.find(({ event }) => chain.api.events.tasks.TaskCreated.is(event));
      const task = created.event.data.task.toNumber();
      if (gold.length) {
        // The gold file again, now naming its task, as `labelchain publish` rewrites it.
        download('gold.json', goldFileText({ task, manifest: pkg.manifestCid.toString(), answers: gold }), 'application/json');
      }
      setStatus({ text: `task ${task} created` });
      onCreated(task);
    } catch (error) {
      setStatus({ text: (error as Error).message, error: true });
    }
  };

  return (
    <section class="publish" data-testid="publish">
      <h2>New task</h2>
      <div class="drop" onDragOver={(e) => e.preventDefault()} onDrop={async (e) => {
        e.preventDefault();
        try { setItems(folderItems(await filesOfDrop(e.dataTransfer!))); } catch (error) { setStatus({ text: (error as Error).message, error: true }); }
      }}>
        Drop a folder of items here, or <input type="file" {...{ webkitdirectory: true }} multiple data-testid="folder-input" onChange={async (e) => {
          try { setItems(folderItems(await filesOfInput((e.target as HTMLInputElement).files!))); } catch (error) { setStatus({ text: (error as Error).message, error: true }); }
        }} />
        {items && <p data-testid="item-count">{items.length} items (each file one item, each line of a .jsonl file one)</p>}
      </div>
      <div class="terms">
        {field('Classes (comma-separated)', 'classes')}
        {field('Instructions', 'instructions')}
        {field('Reward a label (LBL)', 'reward')}
        {field('Expert budget (LBL)', 'disputeBudget')}
        {field('Labels an item at first', 'minRedundancy')}
        {field('Labels an item at most', 'maxRedundancy')}
        {field('Target accuracy (%)', 'targetAccuracy')}
        {field('Takes work for (blocks)', 'deadlineBlocks')}
        <label>Who picks items <select value={terms.assignment} onChange={set('assignment')} data-testid="terms-assignment">
          <option value="Assigned">the chain</option><option value="Open">the annotator</option></select></label>
        {field('Lowest tier', 'minTier')}
        {field('Stake needed (LBL)', 'minStake')}
        {field('Domain', 'domain')}
        <label>Gold answers (CSV of item,answer) <input type="file" accept=".csv,text/csv" data-testid="gold-input"
          onChange={async (e) => setGoldCsv(await (e.target as HTMLInputElement).files?.[0]?.text())} /></label>
      </div>
      {pkg && quote && (
        <div class="quote" data-testid="quote">
          <p>Manifest <code data-testid="manifest-cid">{pkg.manifestCid.toString()}</code></p>
          <p>The chain will hold <strong data-testid="budget-total">{fmt(quote.total)}</strong>: labels {fmt(quote.labels)} (fee {fmt(quote.feePerLabel)} a label included),
            expert budget {fmt(parseAmount(terms.disputeBudget, decimals))}, gold bonds {fmt(quote.goldBonds)}, storage deposit {fmt(quote.storageDeposit)}.
            What items do not use comes back at close.</p>
          {balance !== undefined && <p>Your free balance: {fmt(balance)}</p>}
          <button onClick={() => void saveData()} data-testid="download-data">Download manifest.json and items.car (pin them)</button>
          {gold.length > 0 && <button onClick={saveGold} data-testid="download-gold">Save gold.json ({gold.length} answers and their salts)</button>}
          <button onClick={() => void create()} disabled={gold.length > 0 && !goldSaved} data-testid="create-task">
            Sign and create the task
          </button>
          {gold.length > 0 && !goldSaved && <p class="note">Save the gold file first: it holds the only copy of the salts that reveal your gold answers.</p>}
        </div>
      )}
      {status && <p class={status.error ? 'error' : 'note'} role={status.error ? 'alert' : undefined} data-testid="publish-status">{status.text}</p>}
    </section>
  );
}
