//! IPFS gateways, both ways. `serve` answers `GET /ipfs/<cid>` with the raw
//! block a [`ContentStore`] holds, as a trustless gateway does
//! (`application/vnd.ipld.raw`): how a requester without an IPFS node serves
//! its task's CAR (`labelchain serve-items`). [`Gateways`] fetches a block
//! from the first gateway that has it and checks it against its CID before
//! anything uses it: how `labelchain work` finds items it lacks locally.

use std::{convert::Infallible, net::SocketAddr, sync::Arc, time::Duration};

use anyhow::Context;
use cid::Cid;
use http_body_util::{BodyExt, Empty, Full};
use hyper::{
	body::{Bytes, Incoming},
	header, Method, Request, Response, StatusCode,
};
use hyper_util::{
	client::legacy::{connect::HttpConnector, Client},
	rt::{TokioExecutor, TokioIo},
};
use multihash_codetable::Code;

use crate::{
	content::ContentStore,
	ipfs::{raw_cid, RAW},
};

/// The media type of a raw block in the trustless gateway protocol.
pub const RAW_BLOCK: &str = "application/vnd.ipld.raw";

/// Whether `bytes` are the block `cid` names. Only raw blocks hashed with
/// sha2-256 (what LabelChain's items and manifests are) can be checked.
pub fn check_block(cid: &Cid, bytes: &[u8]) -> anyhow::Result<()> {
	anyhow::ensure!(cid.codec() == RAW, "{cid} is not a raw CID: LabelChain items are raw blocks");
	anyhow::ensure!(
		cid.hash().code() == u64::from(Code::Sha2_256),
		"{cid} is not hashed with sha2-256, which this client checks"
	);
	anyhow::ensure!(
		raw_cid(bytes) == *cid,
		"the bytes received for {cid} do not match their CID: the gateway sent something else"
	);
	Ok(())
}

fn respond(status: StatusCode, content_type: &str, body: Bytes) -> Response<Full<Bytes>> {
	let mut response = Response::new(Full::new(body));
	*response.status_mut() = status;
	let headers = response.headers_mut();
	headers.insert(header::CONTENT_TYPE, header::HeaderValue::from_str(content_type).expect("a media type is a header value"));
	// Pages on other origins (the web app) fetch from here.
	headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, header::HeaderValue::from_static("*"));
	headers.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, header::HeaderValue::from_static("Accept"));
	response
}

/// The answer to one request: the block under `/ipfs/<cid>`, as it is (a raw
/// block's bytes are also the file's, so `?format=raw` or not is the same).
fn answer(store: &ContentStore, request: &Request<Incoming>) -> Response<Full<Bytes>> {
	let text = |status, message: String| respond(status, "text/plain; charset=utf-8", Bytes::from(message));
	match *request.method() {
		Method::GET | Method::HEAD => {},
		Method::OPTIONS => return respond(StatusCode::NO_CONTENT, "text/plain", Bytes::new()),
		_ => return text(StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD\n".into()),
	}
	let Some(cid_text) = request.uri().path().strip_prefix("/ipfs/") else {
		return text(StatusCode::NOT_FOUND, "blocks are under /ipfs/<cid>\n".into());
	};
	let cid = match Cid::try_from(cid_text.trim_end_matches('/')) {
		Ok(cid) => cid,
		Err(error) => return text(StatusCode::BAD_REQUEST, format!("{cid_text} is not a CID: {error}\n")),
	};
	match store.get(&cid) {
		Some(bytes) if request.method() == Method::HEAD => {
			let mut response = respond(StatusCode::OK, RAW_BLOCK, Bytes::new());
			response.headers_mut().insert(header::CONTENT_LENGTH, bytes.len().into());
			response
		},
		Some(bytes) => respond(StatusCode::OK, RAW_BLOCK, Bytes::copy_from_slice(bytes)),
		None => text(StatusCode::NOT_FOUND, format!("{cid} is not served here\n")),
	}
}

/// Serves `store` on `listener` until the process ends: each connection in a
/// task of its own.
pub async fn serve(store: Arc<ContentStore>, listener: tokio::net::TcpListener) -> anyhow::Result<()> {
	loop {
		let (stream, _) = listener.accept().await.context("accepting a connection")?;
		let store = store.clone();
		tokio::spawn(async move {
			let service = hyper::service::service_fn(move |request| {
				let store = store.clone();
				async move { Ok::<_, Infallible>(answer(&store, &request)) }
			});
			// A client that goes away mid-request is its own business.
			let _ = hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(stream), service).await;
		});
	}
}

/// Binds `address` and serves `store` there in the background; returns the
/// address bound (port 0 picks a free one).
pub async fn spawn_server(store: ContentStore, address: SocketAddr) -> anyhow::Result<SocketAddr> {
	let listener = tokio::net::TcpListener::bind(address).await.with_context(|| format!("listening on {address}"))?;
	let bound = listener.local_addr()?;
	tokio::spawn(serve(Arc::new(store), listener));
	Ok(bound)
}

/// How long one gateway has to send a block.
const FETCH_TIMEOUT: Duration = Duration::from_secs(30);

/// Gateways to fetch blocks from, in order of preference.
pub struct Gateways {
	urls: Vec<String>,
	client: Client<hyper_rustls::HttpsConnector<HttpConnector>, Empty<Bytes>>,
}

impl Gateways {
	pub fn new(urls: Vec<String>) -> anyhow::Result<Self> {
		let tls = hyper_rustls::HttpsConnectorBuilder::new()
			.with_provider_and_native_roots(rustls::crypto::ring::default_provider())
			.context("reading the system's CA certificates, for https gateways (install ca-certificates)")?;
		let connector = tls.https_or_http().enable_http1().build();
		Ok(Self {
			urls: urls.into_iter().map(|url| url.trim_end_matches('/').to_string()).collect(),
			client: Client::builder(TokioExecutor::new()).build(connector),
		})
	}

	pub fn is_empty(&self) -> bool {
		self.urls.is_empty()
	}

	async fn fetch_from(&self, gateway: &str, cid: &Cid) -> anyhow::Result<Vec<u8>> {
		let uri = format!("{gateway}/ipfs/{cid}?format=raw");
		let request = Request::get(&uri)
			.header(header::ACCEPT, RAW_BLOCK)
			.body(Empty::new())
			.with_context(|| format!("{uri} is not a URL"))?;
		let response = tokio::time::timeout(FETCH_TIMEOUT, self.client.request(request))
			.await
			.with_context(|| format!("no answer in {} s", FETCH_TIMEOUT.as_secs()))?
			.context("the request failed")?;
		anyhow::ensure!(response.status().is_success(), "HTTP {}", response.status());
		let body = tokio::time::timeout(FETCH_TIMEOUT, response.into_body().collect())
			.await
			.with_context(|| format!("the body took over {} s", FETCH_TIMEOUT.as_secs()))?
			.context("reading the body")?;
		Ok(body.to_bytes().to_vec())
	}

	/// Makes sure `store` holds the block `cid` names: fetched (and checked)
	/// from the gateways only when no local folder or archive had it.
	pub async fn fill(&self, store: &mut ContentStore, cid: &Cid) -> anyhow::Result<()> {
		if store.get(cid).is_none() {
			store.insert(*cid, self.fetch(cid).await?);
		}
		Ok(())
	}

	/// The block `cid` names from the first gateway that sends the right
	/// bytes. Wrong bytes count as a failure of that gateway; if every one
	/// fails, the error lists why, a mismatch first.
	pub async fn fetch(&self, cid: &Cid) -> anyhow::Result<Vec<u8>> {
		let mut reasons = Vec::new();
		for gateway in &self.urls {
			match self.fetch_from(gateway, cid).await.and_then(|bytes| check_block(cid, &bytes).map(|()| bytes)) {
				Ok(bytes) => return Ok(bytes),
				Err(error) => reasons.push(format!("{gateway}: {error:#}")),
			}
		}
		reasons.sort_by_key(|reason| !reason.contains("do not match"));
		anyhow::bail!(
			"{cid} could not be fetched: {}",
			if reasons.is_empty() { "no gateway is set".to_string() } else { reasons.join("; ") }
		)
	}
}
