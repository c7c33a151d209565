//! What the voting pallet reads and records.

use labelchain_primitives::{
	reputation::{LabelOutcome, Tier},
	task::DomainId,
	traits::{ReputationInspect, ReputationRecorder},
};
use sp_arithmetic::FixedU128;

use crate::{Config, Event, Pallet, ReputationParameters, Reputations};

/// The general domain, which counts every label whatever its task's domain.
pub const GENERAL_DOMAIN: DomainId = 0;

impl<T: Config> ReputationInspect<T::AccountId> for Pallet<T> {
	fn tier(who: &T::AccountId, domain: DomainId) -> Tier {
		Reputations::<T>::get(who, domain).tier(&ReputationParameters::<T>::get())
	}

	fn vote_weight(who: &T::AccountId, domain: DomainId, class_count: u16) -> FixedU128 {
		Reputations::<T>::get(who, domain).vote_weight(&ReputationParameters::<T>::get(), class_count)
	}
}

impl<T: Config> ReputationRecorder<T::AccountId> for Pallet<T> {
	fn record_all(who: &T::AccountId, domain: DomainId, outcomes: &[LabelOutcome]) {
		if outcomes.is_empty() {
			return;
		}
		let params = ReputationParameters::<T>::get();
		let domains: &[DomainId] =
			if domain == GENERAL_DOMAIN { &[GENERAL_DOMAIN] } else { &[domain, GENERAL_DOMAIN] };
		for &domain in domains {
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
	}
}
