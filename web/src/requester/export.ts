// A task's labeled data set, record for record what `labelchain export`
// writes (client/src/bin/labelchain/export.rs): one JSON line per item in
// task order. A settled item's record is read through the runtime API; who
// labeled it and how comes from the `ItemSettled` event of its block (absent
// when the node no longer has that block's state).

import type { ApiPromise } from '@polkadot/api';

import { followPages } from '../chain/labeling';
import type { Manifest } from '../content/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Codec = any;

export interface ExportRecord {
  item: number;
  cid: string;
  name: string;
  status: string;
  label?: number;
  class?: string;
  decidedBy?: string;
  confidence?: number;
  labelsUsed?: number;
  annotators?: Array<{ annotator: string; label: number | null }>;
  block?: number;
}

/** Perbill as a fraction with four decimals. */
function share(partsPerBillion: number): number {
  return Math.round((partsPerBillion / 1e9) * 1e4) / 1e4;
}

function phaseName(summary: Codec): string {
  if (summary.isUntouched) return 'untouched';
  if (summary.isSettled) return 'settled';
  return summary.asInProgress.phase.type.toLowerCase();
}

async function itemSummaries(api: ApiPromise, task: number, count: number): Promise<Codec[]> {
  const items: Codec[] = [];
  await followPages(async (start) => {
    const result: Codec = await api.call.labelingApi.items(task, start, 100);
    if (result.isErr) throw new Error(`task ${task}: ${result.asErr.type}`);
    return result.asOk;
  }, (page) => {
    items.push(...page.items);
    return items.length < count;
  });
  return items;
}

interface Settlement { votes: Array<{ annotator: string; label: number | null }>; appealed: boolean }

async function settlementsIn(api: ApiPromise, task: number, block: number): Promise<Map<number, Settlement> | undefined> {
  let records: Codec;
  try {
    const hash = await api.rpc.chain.getBlockHash(block);
    records = await (await api.at(hash)).query.system.events();
  } catch {
    return undefined;
  }
  const appealed = new Set<number>();
  const settlements = new Map<number, Settlement>();
  for (const { event } of records) {
    const data = event.data as Codec;
    if (api.events.labelVoting.AppealDecided.is(event) && data.task.toNumber() === task) {
      appealed.add(data.item.toNumber());
    }
  }
  for (const { event } of records) {
    const data = event.data as Codec;
    if (api.events.labelVoting.ItemSettled.is(event) && data.task.toNumber() === task) {
      const item = data.item.toNumber();
      const votes = data.votes.map(([who, label]: [Codec, Codec]) => ({
        annotator: who.toString(),
        label: label.isSome ? label.unwrap().toNumber() : null,
      }));
      settlements.set(item, { votes, appealed: appealed.has(item) });
    }
  }
  return settlements;
}

function decisionName(decidedBy: string, appealed: boolean): string {
  if (appealed) return 'appeal';
  return decidedBy === 'Crowd' ? 'consensus' : decidedBy.toLowerCase();
}

export async function exportRecords(api: ApiPromise, task: number, itemCount: number, manifest: Manifest): Promise<ExportRecord[]> {
  const items = await itemSummaries(api, task, itemCount);
  const blocks = new Set<number>(items.filter((s) => s.isSettled).map((s) => s.asSettled.record.settledAt.toNumber()));
  const settlements = new Map<number, Settlement>();
  for (const block of [...blocks].sort((a, b) => a - b)) {
    for (const [item, settlement] of (await settlementsIn(api, task, block)) ?? []) settlements.set(item, settlement);
  }
  return items.map((summary, index) => {
    const listed = manifest.items[index];
    if (!listed) throw new Error(`the manifest lists no item ${index}`);
    const record: ExportRecord = { item: index, cid: listed.cid, name: listed.name, status: phaseName(summary) };
    if (!summary.isSettled) return record;
    const settled = summary.asSettled.record;
    const found = settlements.get(index);
    const decidedBy = settled.decidedBy.type as string;
    const labelsUsed = settled.labelsUsed.toNumber();
    // An unresolved item has no label: nobody decided one in time.
    if (decidedBy !== 'Unresolved') {
      record.label = settled.label.toNumber();
      const name = manifest.classes[record.label as number];
      if (name !== undefined) record.class = name;
    }
    record.decidedBy = decisionName(decidedBy, found?.appealed ?? false);
    if (decidedBy !== 'Unresolved') record.confidence = share(settled.confidence.toNumber());
    if (labelsUsed > 0) record.labelsUsed = labelsUsed;
    if (found) record.annotators = found.votes;
    record.block = settled.settledAt.toNumber();
    return record;
  });
}

/** A number as serde_json writes an f64: integers keep a `.0`. */
function f64(value: number): string {
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

/** One record as a JSON line, fields in the client's order. */
export function jsonLine(record: ExportRecord): string {
  const fields: string[] = [];
  const put = (key: string, json: string | undefined) => { if (json !== undefined) fields.push(`${JSON.stringify(key)}:${json}`); };
  put('item', String(record.item));
  put('cid', JSON.stringify(record.cid));
  put('name', JSON.stringify(record.name));
  put('status', JSON.stringify(record.status));
  put('label', record.label === undefined ? undefined : String(record.label));
  put('class', record.class === undefined ? undefined : JSON.stringify(record.class));
  put('decidedBy', record.decidedBy === undefined ? undefined : JSON.stringify(record.decidedBy));
  put('confidence', record.confidence === undefined ? undefined : f64(record.confidence));
  put('labelsUsed', record.labelsUsed === undefined ? undefined : String(record.labelsUsed));
  put('annotators', record.annotators === undefined ? undefined
    : `[${record.annotators.map((v) => `{"annotator":${JSON.stringify(v.annotator)},"label":${v.label === null ? 'null' : v.label}}`).join(',')}]`);
  put('block', record.block === undefined ? undefined : String(record.block));
  return `{${fields.join(',')}}`;
}

export function jsonLines(records: ExportRecord[]): string {
  return records.map((record) => `${jsonLine(record)}\n`).join('');
}

/** The CSV's columns, as `labelchain export --format csv` writes them. */
export const CSV_COLUMNS = ['item', 'cid', 'name', 'status', 'label', 'class', 'decided_by', 'confidence', 'labels_used', 'block', 'annotators'];

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The records as CSV: one row per item, empty fields where the JSON line has
 * none; `annotators` as `account=label` pairs joined by `;` (label empty for
 * an annotator who never revealed).
 */
export function csvText(records: ExportRecord[]): string {
  const rows = records.map((r) => [
    String(r.item), r.cid, r.name, r.status,
    r.label === undefined ? '' : String(r.label), r.class ?? '', r.decidedBy ?? '',
    r.confidence === undefined ? '' : String(r.confidence), r.labelsUsed === undefined ? '' : String(r.labelsUsed),
    r.block === undefined ? '' : String(r.block),
    r.annotators === undefined ? '' : r.annotators.map((v) => `${v.annotator}=${v.label ?? ''}`).join(';'),
  ].map(csvField).join(','));
  return [CSV_COLUMNS.join(','), ...rows].map((row) => `${row}\n`).join('');
}
