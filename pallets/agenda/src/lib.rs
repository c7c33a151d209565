//! A pallet's agenda: work keyed by the block it falls due in, done in a
//! block hook oldest block first, within a weight budget per block; what does
//! not fit waits for the next block.
//!
//! The agenda is two storage items of the pallet that keeps it: a double map
//! `block → key → ()` (one entry per piece of due work, so any number of
//! entries may share a block and none is ever refused), and a cursor, the
//! oldest block whose entries may still wait. Entries are only ever added for
//! blocks after the current one, so the cursor never goes back; while the
//! hook keeps up it sits on the current block, and after a block with more
//! due work than the budget (or on its first run, from block zero) it walks
//! forward one block per look.

#![cfg_attr(not(feature = "std"), no_std)]

use codec::FullCodec;
use frame_support::{
	storage::{IterableStorageDoubleMap, StorageValue},
	weights::{Weight, WeightMeter},
};
use sp_runtime::traits::{One, Saturating};

/// What one run of the agenda did.
#[derive(Clone, Copy, Default, Eq, PartialEq, Debug)]
pub struct Run {
	/// Entries done.
	pub done: u32,
	/// Whether due entries were left for the next block.
	pub carried_over: bool,
}

/// Does the entries due by block `now` (the cursor's block first; from
/// block zero on if the agenda never ran, as after adding it to a running
/// chain, so no entry is left behind), while
/// `meter` has room: each look at a block's entries costs `look`, and an
/// entry is started only if `most` (the worst case of one entry's work)
/// still fits. `work` does an entry, already removed from `Entries`, and
/// returns what it weighed (charged, but never more than `most`).
pub fn run<Block, Key, Entries, Cursor>(
	now: Block,
	meter: &mut WeightMeter,
	look: Weight,
	most: Weight,
	mut work: impl FnMut(Block, Key) -> Weight,
) -> Run
where
	Block: FullCodec + Copy + Default + PartialOrd + One + Saturating,
	Key: FullCodec,
	Entries: IterableStorageDoubleMap<Block, Key, ()>,
	Cursor: StorageValue<Block, Query = Option<Block>>,
{
	let mut block = Cursor::get().unwrap_or_default();
	let mut run = Run::default();
	loop {
		if meter.try_consume(look).is_err() {
			run.carried_over = true;
			break;
		}
		match Entries::iter_prefix(block).next() {
			Some((key, ())) => {
				if !meter.can_consume(most) {
					run.carried_over = true;
					break;
				}
				Entries::remove(block, &key);
				let used = work(block, key);
				meter.consume(used.min(most));
				run.done = run.done.saturating_add(1);
			},
			None if block < now => block = block.saturating_add(One::one()),
			None => break,
		}
	}
	Cursor::put(block);
	run
}

/// How many blocks the agenda is behind at `now`: 0 when the last run
/// reached `now` (or none has run), more while blocks' entries wait for
/// room (after full blocks, or while a multi-block migration holds the
/// agenda back). What an operator watches.
pub fn blocks_behind<Block, Cursor>(now: Block) -> Block
where
	Block: FullCodec + Copy + Default + Saturating,
	Cursor: StorageValue<Block, Query = Option<Block>>,
{
	Cursor::get().map_or_else(Block::default, |cursor| now.saturating_sub(cursor))
}

/// The block a step due after `due_after` goes on the agenda under: the
/// first block after it, and never a block the agenda has already passed
/// (`now` is being run, or was).
pub fn due_block<Block: Copy + Ord + One + Saturating>(due_after: Block, now: Block) -> Block {
	due_after.saturating_add(One::one()).max(now.saturating_add(One::one()))
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::{storage::types::{OptionQuery, StorageDoubleMap, StorageValue as Value}, traits::StorageInstance, Twox64Concat};

	struct EntriesPrefix;
	impl StorageInstance for EntriesPrefix {
		fn pallet_prefix() -> &'static str {
			"Test"
		}
		const STORAGE_PREFIX: &'static str = "Entries";
	}
	struct CursorPrefix;
	impl StorageInstance for CursorPrefix {
		fn pallet_prefix() -> &'static str {
			"Test"
		}
		const STORAGE_PREFIX: &'static str = "Cursor";
	}
	type Entries = StorageDoubleMap<EntriesPrefix, Twox64Concat, u64, Twox64Concat, u32, (), OptionQuery>;
	type Cursor = Value<CursorPrefix, u64, OptionQuery>;

	const LOOK: Weight = Weight::from_parts(1, 0);
	const ENTRY: Weight = Weight::from_parts(10, 0);

	fn run_at(now: u64, budget: u64, done: &mut Vec<(u64, u32)>) -> Run {
		let mut meter = WeightMeter::with_limit(Weight::from_parts(budget, 0));
		run::<u64, u32, Entries, Cursor>(now, &mut meter, LOOK, ENTRY, |block, key| {
			done.push((block, key));
			ENTRY
		})
	}

	#[test]
	fn due_entries_run_oldest_block_first_and_the_rest_carry_over() {
		sp_io::TestExternalities::default().execute_with(|| {
			Cursor::put(1);
			for key in 0..3 {
				Entries::insert(3, key, ());
			}
			Entries::insert(2, 9, ());
			Entries::insert(6, 7, ());
			let mut done = Vec::new();
			// Block 4, room for two entries: block 2's, then one of block 3's.
			let run = run_at(4, 2 * 10 + 4, &mut done);
			assert_eq!(run, Run { done: 2, carried_over: true });
			assert_eq!(done[0], (2, 9));
			assert_eq!(done[1].0, 3);
			assert_eq!(Cursor::get(), Some(3));
			assert_eq!(blocks_behind::<u64, Cursor>(4), 1, "block 3's entries still wait at block 4");
			// Block 5, room for all: the two left of block 3, none of block 6.
			let run = run_at(5, 1_000, &mut done);
			assert_eq!(run, Run { done: 2, carried_over: false });
			assert_eq!(blocks_behind::<u64, Cursor>(5), 0, "caught up");
			assert_eq!(done.len(), 4);
			assert!(done.iter().all(|(block, _)| *block <= 3));
			assert_eq!(Cursor::get(), Some(5));
			assert_eq!(Entries::iter().count(), 1, "block 6's entry waits for block 6");
			run_at(6, 1_000, &mut done);
			assert_eq!(done.last(), Some(&(6, 7)));
			assert_eq!(Entries::iter().count(), 0);
		});
	}

	#[test]
	fn a_fresh_agenda_walks_up_from_block_zero_and_looks_are_charged() {
		sp_io::TestExternalities::default().execute_with(|| {
			let mut done = Vec::new();
			Entries::insert(3, 8, ());
			let mut meter = WeightMeter::with_limit(Weight::from_parts(1_000, 0));
			let run = run::<u64, u32, Entries, Cursor>(50, &mut meter, LOOK, ENTRY, |block, key| {
				done.push((block, key));
				ENTRY
			});
			assert_eq!(run, Run { done: 1, carried_over: false });
			assert_eq!(done, [(3, 8)], "an entry from before the agenda's first run is done");
			assert_eq!(Cursor::get(), Some(50));
			// A look at each of blocks 0 to 50, and one more at block 3.
			assert_eq!(meter.consumed(), LOOK.saturating_mul(52).saturating_add(ENTRY));
			done.clear();
			// A budget with no room for a look does nothing and says so.
			Entries::insert(50, 1, ());
			let run = run_at(50, 0, &mut done);
			assert_eq!(run, Run { done: 0, carried_over: true });
			assert!(done.is_empty());
		});
	}

	#[test]
	fn work_is_charged_at_most_its_worst_case() {
		sp_io::TestExternalities::default().execute_with(|| {
			Entries::insert(1, 1, ());
			let mut meter = WeightMeter::with_limit(Weight::from_parts(1_000, 0));
			run::<u64, u32, Entries, Cursor>(1, &mut meter, LOOK, ENTRY, |_, _| Weight::from_parts(500, 0));
			// Looks at block 0, at block 1 (its entry), at block 1 again.
			assert_eq!(meter.consumed(), LOOK.saturating_mul(3).saturating_add(ENTRY));
		});
	}

	#[test]
	fn work_falls_due_in_the_block_after_its_step_and_never_in_a_past_block() {
		assert_eq!(due_block(10u64, 4), 11);
		assert_eq!(due_block(10u64, 10), 11);
		assert_eq!(due_block(3u64, 10), 11);
	}
}
