// The tasks taking work, and for each whether this annotator may take items
// in it now, or why not (the chain's own eligibility rule answers).

import { useEffect, useState } from 'preact/hooks';

import { formatAmount } from '../amount';
import type { Chain } from '../chain/connection';
import { claimableItems, openTasks, reasonText, type OpenTask } from '../chain/labeling';
import type { Account } from '../wallet';

interface Row { task: OpenTask; free: number; why?: string }

export function TaskList({ chain, account, block, onWork }: { chain: Chain; account: Account; block: number; onWork: (task: OpenTask) => void }) {
  const [rows, setRows] = useState<Row[]>();
  const decimals = chain.api.registry.chainDecimals[0] ?? 12;
  useEffect(() => {
    (async () => {
      const tasks = await openTasks(chain.api);
      setRows(await Promise.all(tasks.map(async (task) => {
        const eligible = await claimableItems(chain.api, account.address, task.id);
        return 'reason' in eligible
          ? { task, free: 0, why: reasonText(eligible.reason) }
          : { task, free: eligible.items.length, why: eligible.items.length ? undefined : 'no item is free for you now' };
      })));
    })().catch(() => {});
  }, [chain, account.address, Math.floor(block / 5)]);

  if (!rows) return <p class="note">reading the open tasks…</p>;
  if (rows.length === 0) return <p class="note" data-testid="no-tasks">No task is taking work now.</p>;
  return (
    <table class="tasks" data-testid="task-list">
      <thead><tr><th>Task</th><th>Items</th><th>Classes</th><th>Pay a label</th><th>Mode</th><th>Deadline</th><th /></tr></thead>
      <tbody>
        {rows.map(({ task, free, why }) => (
          <tr key={task.id} data-testid={`task-${task.id}`}>
            <td>{task.id}</td><td>{task.itemCount}</td><td>{task.classCount}</td>
            <td>{formatAmount(task.rewardPerLabel, decimals)}</td><td>{task.assignment}</td><td>#{task.deadline}</td>
            <td>{why ? <span class="why">{why}</span> : <button onClick={() => onWork(task)} data-testid={`label-task-${task.id}`}>Label ({free} free)</button>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
