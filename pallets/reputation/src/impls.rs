//! What the voting pallet reads and records.

use labelchain_primitives::{
	reputation::{LabelOutcome, Tier},
	task::DomainId,
	traits::{ReputationInspect, ReputationRecorder},
};
use sp_arithmetic::FixedU128;

use crate::{Config, Event, Pallet, ReputationParameters, Reputations};

impl<T: Config> ReputationInspect<T::AccountId> for Pallet<T> {
	fn tier(who: &T::AccountId, domain: DomainId) -> Tier {
		Reputations::<T>::get(who, domain).tier(&ReputationParameters::<T>::get())
	}

	fn vote_weight(who: &T::AccountId, domain: DomainId, class_count: u16) -> FixedU128 {
		Reputations::<T>::get(who, domain).vote_weight(&ReputationParameters::<T>::get(), class_count)
	}

	fn gold_weight() -> u32 {
		ReputationParameters::<T>::get().gold_weight
	}
}

impl<T: Config> ReputationRecorder<T::AccountId> for Pallet<T> {
	fn record_all(who: &T::AccountId, domain: DomainId, outcomes: &[LabelOutcome]) {
		if outcomes.is_empty() {
			return;
		}
		let params = ReputationParameters::<T>::get();
		// The task's domain only: reputation earned on cheap tasks of one
		// domain (a requester's own, say) must not buy weight in another.
		let tier = Reputations::<T>::mutate(who, domain, |record| {
			let before = record.tier(&params);
			for outcome in outcomes {
				record.record(*outcome, params.fade_threshold);
			}
			let after = record.tier(&params);
			(before != after).then_some(after)
		});
		if let Some(tier) = tier {
			Pallet::<T>::deposit_event(Event::TierChanged { who: who.clone(), domain, tier });
		}
	}

	fn withdraw(who: &T::AccountId, domain: DomainId, outcome: LabelOutcome) {
		let params = ReputationParameters::<T>::get();
		let tier = Reputations::<T>::mutate(who, domain, |record| {
			let before = record.tier(&params);
			record.withdraw(outcome);
			let after = record.tier(&params);
			(before != after).then_some(after)
		});
		if let Some(tier) = tier {
			Pallet::<T>::deposit_event(Event::TierChanged { who: who.clone(), domain, tier });
		}
	}
}
