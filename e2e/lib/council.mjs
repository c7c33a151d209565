// The council (Alice, Bob, Charlie on the dev and local chains; two of
// three carry a motion) deciding a call.

import assert from 'node:assert/strict';

import { submit } from './dev-chain.mjs';

/**
 * A council motion: `proposer` proposes `call` with a threshold of two, the
 * two `ayes` vote, and the motion is closed. Returns the close's events;
 * throws unless the call ran and succeeded.
 */
export async function councilDecides(api, call, proposer, ayes) {
  const length = call.method.encodedLength;
  const proposed = await submit(api, api.tx.council.propose(2, call, length), proposer);
  const event = proposed.find((e) => api.events.council.Proposed.is(e));
  assert.ok(event, 'the motion was proposed');
  const { proposalIndex, proposalHash } = event.data;
  for (const member of ayes) {
    await submit(api, api.tx.council.vote(proposalHash, proposalIndex, true), member);
  }
  const { weight } = await call.paymentInfo(proposer);
  const closed = await submit(api, api.tx.council.close(proposalHash, proposalIndex, weight, length), proposer);
  const executed = closed.find((e) => api.events.council.Executed.is(e));
  assert.ok(executed, 'the motion was executed');
  assert.ok(executed.data.result.isOk, `the council's call failed: ${executed.data.result.toString()}`);
  return closed;
}
