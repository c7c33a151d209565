//! `labelchain-node new-network`: the chain spec of a new network and fresh
//! keys for its validators, for a group of organisations to start a chain
//! of their own.
//!
//! Every key is new and random: no dev account, no sudo key. The council,
//! the experts and who holds what at genesis come from the command line; the
//! rest of the genesis (the treasury account, the default session length)
//! from the runtime's `genesis_config_presets::genesis`, the same code as
//! the dev and local presets. Each validator's keys go in a directory of
//! their own, readable by the owner only, for the operator to keep and to
//! insert into their node's keystore (docs/validators.md).

use std::{
	fs,
	io::Write,
	os::unix::fs::{OpenOptionsExt, PermissionsExt},
	path::{Path, PathBuf},
};

use labelchain_primitives::{chain_properties::SS58_PREFIX, currency::UNIT};
use labelchain_runtime::{
	genesis_config_presets::{genesis, NetworkGenesis, Validator},
	AccountId, Balance,
};
use sc_network::config::MultiaddrWithPeerId;
use sc_service::ChainType;
use serde_json::json;
use sp_core::{
	crypto::{Ss58AddressFormat, Ss58Codec},
	ed25519,
	hexdisplay::HexDisplay,
	sr25519, Pair,
};

/// Makes a chain spec for a new network and keys for its validators.
#[derive(Debug, Clone, clap::Parser)]
pub struct NewNetworkCmd {
	/// How many validators the network starts with (each gets fresh keys in
	/// `<out>/validator-<n>/`).
	#[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=32))]
	pub validators: u32,

	/// A council member (SS58 address). Repeat for each; at least one.
	#[arg(long = "council", value_name = "ADDRESS", required = true, value_parser = parse_account)]
	pub council: Vec<AccountId>,

	/// An expert who settles disputed items (SS58 address). Repeat for each;
	/// with none, the council adds them later.
	#[arg(long = "expert", value_name = "ADDRESS", value_parser = parse_account)]
	pub experts: Vec<AccountId>,

	/// An account funded at genesis: `ADDRESS=LBL` (whole LBL, e.g.
	/// `5F...=1000`). Repeat for each.
	#[arg(long = "endow", value_name = "ADDRESS=LBL", value_parser = parse_endowment)]
	pub endowments: Vec<(AccountId, Balance)>,

	/// Where validator `n` (from 1) will be reachable, as `n=MULTIADDR`
	/// (`1=/dns/v1.example.org/tcp/30333`): with its new network key's
	/// peer id, a boot node of the spec. Repeat for each.
	#[arg(long = "public-addr", value_name = "N=MULTIADDR")]
	pub public_addrs: Vec<String>,

	/// Another boot node, a full multiaddr ending in `/p2p/<peer id>`.
	#[arg(long = "bootnode", value_name = "MULTIADDR")]
	pub bootnodes: Vec<MultiaddrWithPeerId>,

	/// The network's name, as wallets show it.
	#[arg(long, default_value = "LabelChain")]
	pub name: String,

	/// The network's id (also its network protocol id): nodes of different
	/// networks never talk to each other.
	#[arg(long, default_value = "labelchain")]
	pub id: String,

	/// Blocks a session lasts (a validator set change takes effect two
	/// sessions after the council's motion); the default is an hour.
	#[arg(long, value_name = "BLOCKS")]
	pub session_length: Option<u32>,

	/// The directory to write `chain-spec.json` and the validators' keys to.
	/// It must not exist yet: keys are never overwritten.
	#[arg(long, value_name = "DIR")]
	pub out: PathBuf,
}

fn parse_account(text: &str) -> Result<AccountId, String> {
	AccountId::from_ss58check(text).map_err(|error| format!("`{text}` is not an SS58 address: {error:?}"))
}

fn parse_endowment(text: &str) -> Result<(AccountId, Balance), String> {
	let (address, amount) = text.split_once('=').ok_or("expected ADDRESS=LBL")?;
	let whole: Balance = amount.parse().map_err(|_| format!("`{amount}` is not a whole number of LBL"))?;
	let amount = whole.checked_mul(UNIT).ok_or_else(|| format!("{whole} LBL does not fit a balance"))?;
	Ok((parse_account(address)?, amount))
}

/// One validator's new keys, each as its secret phrase.
struct ValidatorKeys {
	account: (String, sr25519::Pair),
	aura: (String, sr25519::Pair),
	grandpa: (String, ed25519::Pair),
	network: sc_network_types::ed25519::Keypair,
}

impl ValidatorKeys {
	fn generate() -> Self {
		let (account, account_phrase, _) = sr25519::Pair::generate_with_phrase(None);
		let (aura, aura_phrase, _) = sr25519::Pair::generate_with_phrase(None);
		let (grandpa, grandpa_phrase, _) = ed25519::Pair::generate_with_phrase(None);
		Self {
			account: (account_phrase, account),
			aura: (aura_phrase, aura),
			grandpa: (grandpa_phrase, grandpa),
			network: sc_network_types::ed25519::Keypair::generate(),
		}
	}

	fn validator(&self) -> Validator {
		Validator {
			account: self.account.1.public().into(),
			aura: self.aura.1.public().into(),
			grandpa: self.grandpa.1.public().into(),
		}
	}

	fn peer_id(&self) -> String {
		self.network.public().to_peer_id().to_string()
	}

	/// Writes the keys to `dir`, readable by the owner only.
	fn write(&self, dir: &Path) -> Result<(), String> {
		let keys = json!({
			"account": key_json(&self.account.0, &self.account.1.public()),
			"aura": key_json(&self.aura.0, &self.aura.1.public()),
			"grandpa": key_json(&self.grandpa.0, &self.grandpa.1.public()),
			"peerId": self.peer_id(),
		});
		fs::create_dir(dir).map_err(|error| format!("creating {}: {error}", dir.display()))?;
		fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(|error| error.to_string())?;
		write_private(&dir.join("keys.json"), serde_json::to_string_pretty(&keys).map_err(|e| e.to_string())?.as_bytes())?;
		// What `--node-key-file` reads: the secret, hex-encoded.
		write_private(&dir.join("node-key"), HexDisplay::from(&self.network.secret().as_ref()).to_string().as_bytes())
	}
}

/// A key as `keys.json` holds it: its secret phrase, public key and address.
fn key_json<Public: AsRef<[u8]> + Ss58Codec>(phrase: &str, public: &Public) -> serde_json::Value {
	json!({
		"secretPhrase": phrase,
		"publicKey": format!("0x{}", HexDisplay::from(&public.as_ref())),
		"ss58Address": public.to_ss58check_with_version(Ss58AddressFormat::custom(SS58_PREFIX)),
	})
}

/// A new file that only its owner can read.
fn write_private(path: &Path, contents: &[u8]) -> Result<(), String> {
	let mut file = fs::OpenOptions::new()
		.write(true)
		.create_new(true)
		.mode(0o600)
		.open(path)
		.map_err(|error| format!("creating {}: {error}", path.display()))?;
	file.write_all(contents).map_err(|error| format!("writing {}: {error}", path.display()))
}

impl NewNetworkCmd {
	pub fn run(&self) -> Result<(), String> {
		if self.out.exists() {
			return Err(format!("{} exists: keys are never overwritten; choose a new directory", self.out.display()));
		}
		let keys: Vec<ValidatorKeys> = (0..self.validators).map(|_| ValidatorKeys::generate()).collect();
		let mut bootnodes = self.bootnodes.clone();
		for entry in &self.public_addrs {
			let (index, address) = entry.split_once('=').ok_or("--public-addr takes N=MULTIADDR")?;
			let index: usize = index.parse().map_err(|_| format!("`{index}` is not a validator number"))?;
			let validator = index
				.checked_sub(1)
				.and_then(|i| keys.get(i))
				.ok_or_else(|| format!("there is no validator {index} of {}", keys.len()))?;
			let bootnode = format!("{address}/p2p/{}", validator.peer_id())
				.parse()
				.map_err(|error| format!("`{address}` is not a multiaddr: {error}"))?;
			bootnodes.push(bootnode);
		}
		let patch = genesis(NetworkGenesis {
			validators: keys.iter().map(ValidatorKeys::validator).collect(),
			session_length: self.session_length.unwrap_or(labelchain_runtime::configs::session::DEFAULT_SESSION_LENGTH),
			council: self.council.clone(),
			experts: self.experts.clone(),
			endowed: self.endowments.clone(),
			sudo: None,
		});
		let spec = crate::chain_spec::builder()?
			.with_name(&self.name)
			.with_id(&self.id)
			.with_protocol_id(&self.id)
			.with_chain_type(ChainType::Live)
			.with_genesis_config_patch(patch)
			.with_boot_nodes(bootnodes)
			.build();
		let raw = sc_chain_spec::ChainSpec::as_json(&spec, true)?;

		fs::create_dir_all(&self.out).map_err(|error| format!("creating {}: {error}", self.out.display()))?;
		for (index, validator) in keys.iter().enumerate() {
			validator.write(&self.out.join(format!("validator-{}", index + 1)))?;
		}
		let spec_path = self.out.join("chain-spec.json");
		fs::write(&spec_path, raw).map_err(|error| format!("writing {}: {error}", spec_path.display()))?;
		println!("{}: {} validators, council of {}, {} accounts funded, {} boot nodes",
			spec_path.display(), keys.len(), self.council.len(), self.endowments.len(), spec.boot_nodes().len());
		for (index, validator) in keys.iter().enumerate() {
			println!("validator-{}: account {}, peer id {}", index + 1, validator.account.1.public().to_ss58check(), validator.peer_id());
		}
		Ok(())
	}
}
