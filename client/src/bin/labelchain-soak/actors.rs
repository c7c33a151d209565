//! The soak's accounts, each sending one transaction at a time: signed once
//! with the account's next nonce at the finalized block, sent again, the same
//! bytes, to whichever validator is up until the finalized nonce passes it.
//! A transaction lost with a killed validator's pool is so sent again, and
//! one nonce can never be used twice, so nothing is done twice.

use std::collections::VecDeque;

use labelchain_client::{accounts::account_of, node::Node};
use subxt::{rpcs::Error as RpcError, utils::AccountId32};
use subxt_signer::sr25519::Keypair;

/// Sends of one transaction after which the soak gives up on it: a
/// transaction no validator includes in that many tries is refused, not lost.
const MOST_SENDS: u32 = 30;

/// What an account does next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
	/// Fund the annotators (the funder, also the expert), in one batch.
	Fund,
	Bond,
	CreateTask,
	/// Commit a label on every item of the task, in one batch.
	Commit { task: u32 },
	/// Reveal them, in one batch.
	Reveal { task: u32 },
	/// Settle a disputed item as its expert.
	Resolve { task: u32, item: u32 },
}

/// A transaction in flight.
pub struct Sent {
	pub action: Action,
	nonce: u64,
	bytes: Vec<u8>,
	/// The finalized block when it was last sent.
	last_sent_at: u64,
	pub sends: u32,
}

pub struct Actor {
	pub key: Keypair,
	pub account: AccountId32,
	pub queue: VecDeque<Action>,
	pub in_flight: Option<Sent>,
}

/// How a send went, for the soak's counts.
pub enum Outcome {
	Nothing,
	Sent,
	/// Sent again: the first send was not included in time.
	Resent,
}

impl Actor {
	pub fn new(key: Keypair) -> Self {
		let account = account_of(&key);
		Self { key, account, queue: VecDeque::new(), in_flight: None }
	}

	pub fn idle(&self) -> bool {
		self.in_flight.is_none() && self.queue.is_empty()
	}

	/// Once the account's finalized nonce is `nonce`: forgets what it passed,
	/// signs the next action if none is in flight, and sends (again) what has
	/// waited `resend_after` blocks. `sign` makes an action's transaction
	/// with a key and nonce.
	pub async fn step(
		&mut self,
		node: &Node,
		nonce: u64,
		finalized: u64,
		resend_after: u64,
		sign: impl Fn(Action, &Keypair, u64) -> anyhow::Result<Vec<u8>>,
	) -> anyhow::Result<Outcome> {
		if self.in_flight.as_ref().is_some_and(|sent| nonce > sent.nonce) {
			self.in_flight = None;
		}
		let resend = match &self.in_flight {
			Some(sent) => finalized >= sent.last_sent_at + resend_after,
			None => false,
		};
		if self.in_flight.is_none() {
			let Some(action) = self.queue.pop_front() else { return Ok(Outcome::Nothing) };
			let bytes = sign(action, &self.key, nonce)?;
			self.in_flight = Some(Sent { action, nonce, bytes, last_sent_at: finalized, sends: 0 });
		} else if !resend {
			return Ok(Outcome::Nothing);
		}
		let sent = self.in_flight.as_mut().ok_or_else(|| anyhow::anyhow!("nothing to send"))?;
		anyhow::ensure!(
			sent.sends < MOST_SENDS,
			"{}'s {:?} (nonce {}) was sent {MOST_SENDS} times and never included",
			self.account,
			sent.action,
			sent.nonce
		);
		submit(node, &sent.bytes).await?;
		sent.last_sent_at = finalized;
		sent.sends += 1;
		Ok(if sent.sends > 1 { Outcome::Resent } else { Outcome::Sent })
	}
}

/// The pool's answers that mean it has (or had) the transaction: already
/// imported (1013), and a nonce already used (1010 Stale: it was included).
const ALREADY_THERE: [i32; 1] = [1013];

async fn submit(node: &Node, bytes: &[u8]) -> anyhow::Result<()> {
	match node.rpc.author_submit_extrinsic(bytes).await {
		Ok(_) => Ok(()),
		Err(RpcError::User(error)) if ALREADY_THERE.contains(&error.code) => Ok(()),
		// Invalid: most often stale, because it was included in a block not
		// yet final; the finalized nonce will show it.
		Err(RpcError::User(error)) if error.code == 1010 => Ok(()),
		Err(error) => Err(error.into()),
	}
}
