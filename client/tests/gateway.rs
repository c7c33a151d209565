//! `serve-items`' gateway and `work`'s fetching, against each other on
//! loopback: a block comes back checked; a missing one, wrong bytes, a
//! gateway that is down and an unparsable CID each fail with their reason.

use std::net::SocketAddr;

use labelchain_client::{
	content::ContentStore,
	gateway::{check_block, spawn_server, Gateways},
	ipfs::{car_v1, raw_cid},
};

/// Sends `request` as it is and returns the whole answer, lower-cased.
async fn raw_request(url: &str, request: &str) -> String {
	use tokio::io::{AsyncReadExt, AsyncWriteExt};
	let mut stream = tokio::net::TcpStream::connect(url.trim_start_matches("http://")).await.unwrap();
	stream.write_all(request.as_bytes()).await.unwrap();
	let mut answer = Vec::new();
	stream.read_to_end(&mut answer).await.unwrap();
	String::from_utf8_lossy(&answer).to_lowercase()
}

async fn serving(store: ContentStore) -> String {
	let bound = spawn_server(store, SocketAddr::from(([127, 0, 0, 1], 0))).await.unwrap();
	format!("http://{bound}")
}

#[tokio::test]
async fn a_served_car_is_fetched_block_by_block_and_checked() {
	let dir = std::env::temp_dir().join(format!("labelchain-gateway-{}", std::process::id()));
	std::fs::create_dir_all(&dir).unwrap();
	let (meow, woof) = (raw_cid(b"meow"), raw_cid(b"woof"));
	std::fs::write(dir.join("items.car"), car_v1(&[meow], [(&meow, &b"meow"[..]), (&woof, &b"woof"[..])])).unwrap();
	let url = serving(ContentStore::open(&[dir.join("items.car")]).unwrap()).await;

	let gateways = Gateways::new(vec![format!("{url}/")]).unwrap();
	assert_eq!(gateways.fetch(&woof).await.unwrap(), b"woof");

	// The raw block's media type and length, to a bare HEAD request.
	let head = raw_request(&url, &format!("HEAD /ipfs/{meow}?format=raw HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).await;
	assert!(head.starts_with("http/1.1 200"), "{head}");
	assert!(head.contains("content-type: application/vnd.ipld.raw"), "{head}");
	assert!(head.contains("content-length: 4"), "{head}");
	let bad = raw_request(&url, "GET /ipfs/not-a-cid HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").await;
	assert!(bad.starts_with("http/1.1 400"), "{bad}");

	let missing = raw_cid(b"moo");
	let error = gateways.fetch(&missing).await.unwrap_err().to_string();
	assert!(error.contains("HTTP 404"), "{error}");
	std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn wrong_bytes_are_refused_and_a_good_gateway_after_a_liar_is_used() {
	let meow = raw_cid(b"meow");
	let mut lies = ContentStore::default();
	lies.insert(meow, b"forged".to_vec());
	let liar = serving(lies).await;
	let mut truth = ContentStore::default();
	truth.insert(meow, b"meow".to_vec());
	let honest = serving(truth).await;

	let only_liar = Gateways::new(vec![liar.clone()]).unwrap();
	let error = only_liar.fetch(&meow).await.unwrap_err().to_string();
	assert!(error.contains("do not match their CID"), "{error}");

	let both = Gateways::new(vec![liar, honest]).unwrap();
	assert_eq!(both.fetch(&meow).await.unwrap(), b"meow");

	// Nothing listens on port 9 of loopback (discard): the reason says so.
	let down = Gateways::new(vec!["http://127.0.0.1:9".into()]).unwrap();
	assert!(down.fetch(&meow).await.unwrap_err().to_string().contains("request failed"));
	assert!(Gateways::new(vec![]).unwrap().fetch(&meow).await.unwrap_err().to_string().contains("no gateway is set"));
}

#[test]
fn only_raw_sha2_blocks_are_checked() {
	let meow = raw_cid(b"meow");
	check_block(&meow, b"meow").unwrap();
	assert!(check_block(&meow, b"woof").is_err());
	let dag_pb = cid::Cid::new_v1(0x70, *meow.hash());
	assert!(check_block(&dag_pb, b"meow").unwrap_err().to_string().contains("not a raw CID"));
}
