// The annotator's stake, reputation and earnings, with bond, unbond and withdraw.

import { useEffect, useState } from 'preact/hooks';

import { formatAmount, parseAmount } from '../amount';
import type { Chain } from '../chain/connection';
import { annotator, type AnnotatorView } from '../chain/labeling';
import { send } from '../chain/send';
import type { Account } from '../wallet';

export function StakePanel({ chain, account, block }: { chain: Chain; account: Account; block: number }) {
  const [view, setView] = useState<AnnotatorView>();
  const [amount, setAmount] = useState('20');
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();
  const decimals = chain.api.registry.chainDecimals[0] ?? 12;
  const fmt = (value: bigint) => formatAmount(value, decimals);

  useEffect(() => { annotator(chain.api, account.address).then(setView, () => {}); }, [chain, account.address, block]);

  const act = async (what: string, build: () => unknown) => {
    try {
      setStatus({ text: `${what}…` });
      await send(chain.api, build() as never, account);
      setStatus({ text: `${what}: done` });
      setView(await annotator(chain.api, account.address));
    } catch (error) {
      setStatus({ text: `${what}: ${(error as Error).message}`, error: true });
    }
  };
  const amountOrError = () => parseAmount(amount, decimals);

  return (
    <section class="stake" data-testid="stake-panel">
      <h2>Stake and standing</h2>
      {view && (
        <dl>
          <dt>Bonded</dt><dd data-testid="bonded">{fmt(view.bonded)}</dd>
          <dt>Locked in claims</dt><dd>{fmt(view.locked)}</dd>
          <dt>Unbonding</dt><dd>{view.unbonding.length ? view.unbonding.map((c) => `${fmt(c.amount)} at #${c.unlocksAt}`).join(', ') : 'none'}</dd>
          <dt>Withdrawable</dt><dd>{fmt(view.withdrawable)}</dd>
          <dt>Minimum stake</dt><dd>{fmt(view.minimum)}</dd>
          <dt>Reputation</dt><dd data-testid="tier">{view.tier}, score {view.score.toFixed(3)} ({view.agreed} agreed, {view.disagreed} disagreed)</dd>
          <dt>Earnings</dt><dd data-testid="earnings">{fmt(view.labelRewards)} for {view.labelsPaid} labels; slashed {fmt(view.slashed)}</dd>
          <dt>Open claims</dt><dd>{view.openClaims}</dd>
        </dl>
      )}
      <div class="row">
        <label>Amount (LBL) <input value={amount} onInput={(e) => setAmount((e.target as HTMLInputElement).value)} data-testid="stake-amount" /></label>
        <button onClick={() => void act('bond', () => chain.api.tx.annotatorStake.bond(amountOrError()))} data-testid="bond">Bond</button>
        <button onClick={() => void act('unbond', () => chain.api.tx.annotatorStake.unbond(amountOrError()))}>Unbond</button>
        <button onClick={() => void act('withdraw', () => chain.api.tx.annotatorStake.withdraw())} disabled={!view || view.withdrawable === 0n}>Withdraw</button>
      </div>
      {status && <p class={status.error ? 'error' : 'note'} role={status.error ? 'alert' : undefined} data-testid="stake-status">{status.text}</p>}
    </section>
  );
}
