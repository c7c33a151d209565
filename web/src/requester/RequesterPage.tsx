// The requester's page: a new task from a folder, and a task's page.

import { useState } from 'preact/hooks';

import type { Chain } from '../chain/connection';
import type { Account } from '../wallet';
import { PublishPanel } from './PublishPanel';
import { TaskPage } from './TaskPage';

export function RequesterPage(props: { chain: Chain; account: Account; gateways: string[]; block: number }) {
  const { chain, account, gateways, block } = props;
  const [task, setTask] = useState<number>();
  const [typed, setTyped] = useState('');
  return (
    <div class="requester">
      <section class="row">
        <label>Open task number <input value={typed} onInput={(e) => setTyped((e.target as HTMLInputElement).value)} data-testid="open-task-id" /></label>
        <button onClick={() => setTask(Number(typed))} disabled={!/^\d+$/.test(typed)} data-testid="open-task">Open</button>
        {task !== undefined && <button onClick={() => setTask(undefined)}>New task</button>}
      </section>
      {task === undefined
        ? <PublishPanel chain={chain} account={account} onCreated={setTask} />
        : <TaskPage key={task} chain={chain} account={account} task={task} gateways={gateways} block={block} />}
    </div>
  );
}
