// A requester's task: its terms and escrow, progress by phase with a chart
// over time, quality figures, gold revealed from the saved file, and the
// labeled data set exported as `labelchain export` writes it.

import { useEffect, useRef, useState } from 'preact/hooks';

import { formatAmount } from '../amount';
import type { Chain } from '../chain/connection';
import { send } from '../chain/send';
import { parseCid } from '../content/cid';
import { fetchBlock } from '../content/gateway';
import { parseManifest, type Manifest } from '../content/manifest';
import { download } from '../download';
import type { Account } from '../wallet';
import { csvText, exportRecords, jsonLines } from './export';
import { parseGoldFile, type GoldFile } from './gold';
import { PHASES, ProgressChart, type Sample } from './ProgressChart';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Past blocks read for the chart's history when the page opens. */
const HISTORY_POINTS = 24;

function progressOf(summary: any): Record<string, number> {
  return summary.progress.toJSON() as Record<string, number>;
}

export function TaskPage({ chain, account, task, gateways, block }: { chain: Chain; account: Account; task: number; gateways: string[]; block: number }) {
  const { api } = chain;
  const decimals = api.registry.chainDecimals[0] ?? 12;
  const fmt = (value: bigint) => formatAmount(value, decimals);
  const [summary, setSummary] = useState<any>();
  const [quality, setQuality] = useState<any>();
  const [manifest, setManifest] = useState<Manifest>();
  const [samples, setSamples] = useState<Sample[]>([]);
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();
  const history = useRef(false);

  useEffect(() => {
    (async () => {
      const found: any = await api.call.labelingApi.task(task);
      if (found.isNone) { setStatus({ text: `no task ${task} on this chain`, error: true }); return; }
      const current = found.unwrap();
      setSummary(current);
      const q: any = await api.call.labelingApi.taskQuality(task);
      setQuality(q.isSome ? q.unwrap() : undefined);
      setSamples((known) => known.some((s) => s.block === block) ? known : [...known, { block, progress: progressOf(current) }]);
      if (!manifest) setManifest(parseManifest(await fetchBlock(parseCid(current.manifest.toU8a(true)), gateways)));
      if (!history.current) {
        history.current = true;
        const from = current.createdAt.toNumber();
        const points = [...new Set(Array.from({ length: HISTORY_POINTS }, (_, i) => Math.round(from + ((block - from) * i) / HISTORY_POINTS)))];
        const past: Sample[] = [];
        for (const at of points.filter((n) => n < block)) {
          try {
            const then: any = await (await api.at(await api.rpc.chain.getBlockHash(at))).call.labelingApi.task(task);
            if (then.isSome) past.push({ block: at, progress: progressOf(then.unwrap()) });
          } catch {
            // The node pruned that block's state: the chart starts later.
          }
        }
        setSamples((known) => [...past, ...known].sort((a, b) => a.block - b.block));
      }
    })().catch((error: Error) => setStatus({ text: error.message, error: true }));
  }, [task, block]);

  const exportAs = async (format: 'jsonl' | 'csv') => {
    if (!summary || !manifest) return;
    try {
      setStatus({ text: 'reading the items and their settlement blocks…' });
      const records = await exportRecords(api, task, summary.terms.itemCount.toNumber(), manifest);
      download(`task-${task}.${format}`, format === 'jsonl' ? jsonLines(records) : csvText(records), format === 'jsonl' ? 'application/x-ndjson' : 'text/csv');
      setStatus({ text: `${records.length} records exported` });
    } catch (error) {
      setStatus({ text: `export: ${(error as Error).message}`, error: true });
    }
  };

  const revealGold = async (file: File | undefined) => {
    if (!file) return;
    try {
      const gold: GoldFile = parseGoldFile(await file.text());
      if (manifest && summary && gold.manifest !== parseCid(summary.manifest.toU8a(true)).toString()) {
        throw new Error('this gold file belongs to a task with another manifest');
      }
      let revealed = 0; let waiting = 0; let done = 0;
      for (const answer of gold.answers) {
        const state: any = await api.call.labelingApi.goldRevealState(task, answer.item);
        if (state.isErr) throw new Error(`item ${answer.item}: ${state.asErr.type}`);
        const when = state.asOk.type as string;
        if (when === 'Now') {
          await send(api, api.tx.labelVoting.revealGold(task, answer.item, answer.gold_index, answer.answer, `0x${answer.salt}`), account);
          revealed += 1;
        } else if (when === 'Later') waiting += 1;
        else done += 1;
      }
      setStatus({ text: `gold: ${revealed} revealed now, ${waiting} to reveal later (open the file again), ${done} revealed already or too late` });
    } catch (error) {
      setStatus({ text: `gold: ${(error as Error).message}`, error: true });
    }
  };

  if (!summary) return <section><p class={status?.error ? 'error' : 'note'}>{status?.text ?? `reading task ${task}…`}</p></section>;
  const progress = progressOf(summary);
  const escrow = summary.escrow;
  const ppb = (value: any) => (value.isSome ? `${(value.unwrap().toNumber() / 1e7).toFixed(1)} %` : '—');
  return (
    <section class="task-page" data-testid="task-page">
      <h2>Task {task} <small data-testid="task-state">{summary.terms.status.type}</small></h2>
      <p>{summary.terms.itemCount.toString()} items · {manifest ? manifest.classes.join(' / ') : ''} · reward {fmt(summary.terms.rewardPerLabel.toBigInt())} a label</p>
      <table class="phases" data-testid="task-progress">
        <tbody>{PHASES.map(([phase]) => <tr key={phase}><th>{phase}</th><td data-testid={`progress-${phase}`}>{progress[phase] ?? 0}</td></tr>)}</tbody>
      </table>
      <ProgressChart samples={samples} itemCount={summary.terms.itemCount.toNumber()} />
      {quality && (
        <dl data-testid="task-quality">
          <dt>Labels revealed</dt><dd>{quality.counts.labelsRevealed.toString()}</dd>
          <dt>Agreeing with the final label</dt><dd>{ppb(quality.agreementRate)}</dd>
          <dt>Gold accuracy</dt><dd>{ppb(quality.goldAccuracy)}</dd>
          <dt>Dispute rate</dt><dd>{ppb(quality.disputeRate)}</dd>
        </dl>
      )}
      <p>Escrow held {fmt(escrow.held.toBigInt())}; paid to annotators {fmt(escrow.paidToAnnotators.toBigInt())}, to experts {fmt(escrow.paidToExperts.toBigInt())}; refunded {fmt(escrow.refunded.toBigInt())}</p>
      <div class="row">
        <label class="file">Reveal gold from gold.json <input type="file" accept="application/json" data-testid="gold-file"
          onChange={(e) => void revealGold((e.target as HTMLInputElement).files?.[0])} /></label>
        <button onClick={() => void exportAs('jsonl')} disabled={!manifest} data-testid="export-jsonl">Export JSON lines</button>
        <button onClick={() => void exportAs('csv')} disabled={!manifest} data-testid="export-csv">Export CSV</button>
      </div>
      {status && <p class={status.error ? 'error' : 'note'} role={status.error ? 'alert' : undefined} data-testid="task-status">{status.text}</p>}
    </section>
  );
}
