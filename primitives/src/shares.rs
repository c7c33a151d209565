//! Paying one sum out among several accounts in equal shares: how a lost
//! appeal bond or a forfeited gold bond reaches the annotators it is owed to.
//! One rule, used by the voting and the tasks pallets alike.

use alloc::vec::Vec;
use sp_runtime::{
	traits::AtLeast32BitUnsigned,
	DispatchError,
};

/// Pays `amount` out among `recipients` in equal shares, the first taking
/// the remainder of the division, through `pay`. A share `pay` refuses (a
/// recipient who cannot receive it), and the whole amount when there is
/// nobody to share it, go through `fallback` (the treasury), so that no
/// recipient can block the payment. Returns who was paid what by `pay`.
pub fn share_out<AccountId: Clone, Balance: AtLeast32BitUnsigned + Copy>(
	amount: Balance,
	recipients: &[AccountId],
	mut pay: impl FnMut(&AccountId, Balance) -> Result<(), DispatchError>,
	mut fallback: impl FnMut(Balance) -> Result<(), DispatchError>,
) -> Result<Vec<(AccountId, Balance)>, DispatchError> {
	let mut paid = Vec::new();
	if amount.is_zero() {
		return Ok(paid);
	}
	let count = Balance::from(recipients.len() as u32);
	if count.is_zero() {
		fallback(amount)?;
		return Ok(paid);
	}
	let share = amount / count;
	let remainder = amount % count;
	for (index, who) in recipients.iter().enumerate() {
		let due = if index == 0 { share.saturating_add(remainder) } else { share };
		if due.is_zero() {
			continue;
		}
		if pay(who, due).is_ok() {
			paid.push((who.clone(), due));
		} else {
			fallback(due)?;
		}
	}
	Ok(paid)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn shares_are_equal_and_the_first_takes_the_remainder() {
		let mut fallen_back = 0u128;
		let paid = share_out(10u128, &[1u8, 2, 3], |_, _| Ok(()), |amount| {
			fallen_back += amount;
			Ok(())
		})
		.unwrap();
		assert_eq!(paid, vec![(1, 4), (2, 3), (3, 3)]);
		assert_eq!(fallen_back, 0);
	}

	#[test]
	fn nobody_to_share_with_or_a_refused_share_goes_to_the_fallback() {
		let mut fallen_back = 0u128;
		let paid = share_out(9u128, &[] as &[u8], |_, _| Ok(()), |amount| {
			fallen_back += amount;
			Ok(())
		})
		.unwrap();
		assert!(paid.is_empty());
		assert_eq!(fallen_back, 9);

		fallen_back = 0;
		let refused = DispatchError::Other("reaped");
		let paid = share_out(9u128, &[1u8, 2, 3], |who, _| if *who == 2 { Err(refused) } else { Ok(()) }, |amount| {
			fallen_back += amount;
			Ok(())
		})
		.unwrap();
		assert_eq!(paid, vec![(1, 3), (3, 3)]);
		assert_eq!(fallen_back, 3);
	}
}
