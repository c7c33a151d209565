// The annotator's page: stake and standing, reveals kept going while the page
// is open (with a warning when it is closed too early), the salt backup, the
// tasks and the work screen.

import { useEffect, useState } from 'preact/hooks';

import type { Chain } from '../chain/connection';
import type { OpenTask } from '../chain/labeling';
import type { SaltStore } from '../salts';
import type { Account } from '../wallet';
import { RevealKeeper, type RevealState } from './reveals';
import { SaltBackupPanel } from './SaltBackupPanel';
import { StakePanel } from './StakePanel';
import { TaskList } from './TaskList';
import { WorkScreen } from './WorkScreen';

export function AnnotatorPage(props: { chain: Chain; account: Account; store: SaltStore; gateways: string[]; block: number }) {
  const { chain, account, store, gateways, block } = props;
  const [working, setWorking] = useState<OpenTask>();
  const [reveals, setReveals] = useState<RevealState>({ pending: 0, revealed: 0 });

  useEffect(() => {
    const keeper = new RevealKeeper(chain, account, store, setReveals);
    void keeper.start();
    return () => keeper.stop();
  }, [chain, account.address, store]);

  useEffect(() => {
    if (reveals.pending === 0) return undefined;
    // Closing now would leave commits unrevealed: they are slashed when
    // their window closes. Browsers show their own wording for this.
    const warn = (event: BeforeUnloadEvent) => { event.preventDefault(); event.returnValue = ''; };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [reveals.pending > 0]);

  return (
    <div class="annotator">
      <p class={reveals.pending ? 'banner' : 'note'} data-testid="reveal-status">
        {reveals.pending
          ? `${reveals.pending} label(s) wait for their reveal: keep this page open (reveals go out by themselves) or keep your salt backup.`
          : 'No reveal pending.'}
        {` Revealed by this page: ${reveals.revealed}.`}
      </p>
      {reveals.error && <p class="error" role="alert">{reveals.error}</p>}
      {working
        ? <WorkScreen chain={chain} account={account} task={working} store={store} gateways={gateways} onLeave={() => setWorking(undefined)} />
        : (
          <>
            <StakePanel chain={chain} account={account} block={block} />
            <section>
              <h2>Open tasks</h2>
              <TaskList chain={chain} account={account} block={block} onWork={setWorking} />
            </section>
            <SaltBackupPanel store={store} />
          </>
        )}
    </div>
  );
}
