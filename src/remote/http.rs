//! The HTTP side of a remote store: one blocking `ureq` agent, authentication (a bearer token, or
//! HTTP Basic or Digest as the server's 401 asks, answered by the `http-auth` crate), retries of
//! transient failures with exponential back-off, and errors in one line.

use std::io::Read;
use std::sync::Mutex;
use std::time::Duration;

use http_auth::{PasswordClient, PasswordParams};

use super::{RemoteConfig, RemoteError};

/// A request: method, URL, and what it sends and accepts.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub method: &'a str,
    pub url: &'a str,
    pub content_type: Option<&'a str>,
    pub accept: Option<&'a str>,
    pub body: &'a [u8],
}

impl<'a> Request<'a> {
    pub fn new(method: &'a str, url: &'a str) -> Request<'a> {
        Request {
            method,
            url,
            content_type: None,
            accept: None,
            body: &[],
        }
    }

    /// A form POST (`application/x-www-form-urlencoded`).
    pub fn form(url: &'a str, body: &'a [u8]) -> Request<'a> {
        Request {
            content_type: Some("application/x-www-form-urlencoded"),
            body,
            ..Request::new("POST", url)
        }
    }
}

/// A response whose status was 2xx.
pub struct Answer {
    /// The media type, lower case, without parameters.
    pub content_type: String,
    pub body: ureq::Body,
}

pub struct Client {
    agent: ureq::Agent,
    user: Option<String>,
    password: String,
    token: Option<String>,
    retries: u32,
    backoff: Duration,
    /// What the server's 401 asked for, learned once and then answered in every request.
    challenge: Mutex<Option<PasswordClient>>,
}

impl Client {
    pub fn new(config: &RemoteConfig) -> Client {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(config.timeout)
            .timeout_connect(Some(Duration::from_secs(10)))
            .max_redirects(0)
            .build()
            .into();
        Client {
            agent,
            user: config.user.clone(),
            password: config.password.clone().unwrap_or_default(),
            token: config.token.clone(),
            retries: config.retries,
            backoff: config.backoff,
            challenge: Mutex::new(None),
        }
    }

    fn authorization(&self, method: &str, url: &str) -> Result<Option<String>, RemoteError> {
        if let Some(t) = &self.token {
            return Ok(Some(format!("Bearer {t}")));
        }
        let Some(user) = self.user.as_deref() else {
            return Ok(None);
        };
        let mut challenge = self.challenge.lock().unwrap_or_else(|e| e.into_inner());
        let Some(client) = challenge.as_mut() else {
            return Ok(None);
        };
        // The request target: the path and query of the URL.
        let after_scheme = url.split_once("://").map_or(url, |(_, r)| r);
        let uri = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
        client
            .respond(&PasswordParams {
                username: user,
                password: &self.password,
                uri,
                method,
                body: None,
            })
            .map(Some)
            .map_err(|reason| RemoteError::Authentication {
                url: url.to_string(),
                reason,
            })
    }

    fn run(
        &self,
        r: &Request,
    ) -> Result<Result<ureq::http::Response<ureq::Body>, ureq::Error>, RemoteError> {
        let mut builder = ureq::http::Request::builder()
            .method(r.method)
            .uri(r.url)
            .header(
                "User-Agent",
                concat!("negograph/", env!("CARGO_PKG_VERSION")),
            );
        if let Some(ct) = r.content_type {
            builder = builder.header("Content-Type", ct);
        }
        if let Some(a) = r.accept {
            builder = builder.header("Accept", a);
        }
        if let Some(a) = self.authorization(r.method, r.url)? {
            builder = builder.header("Authorization", a);
        }
        let invalid = |source| RemoteError::Request {
            method: r.method.to_string(),
            url: r.url.to_string(),
            source,
        };
        Ok(
            if r.body.is_empty() && matches!(r.method, "GET" | "DELETE" | "HEAD") {
                self.agent.run(builder.body(()).map_err(invalid)?)
            } else {
                self.agent.run(builder.body(r.body).map_err(invalid)?)
            },
        )
    }

    /// Sends one request, retrying transient failures (connection errors, 429, 502, 503, 504);
    /// returns the 2xx response.
    pub fn send(&self, r: &Request) -> Result<Answer, RemoteError> {
        self.exchange(r, false)?.ok_or_else(|| RemoteError::Status {
            method: r.method.to_string(),
            url: r.url.to_string(),
            status: 404,
            reason: "Not Found".into(),
            detail: String::new(),
        })
    }

    /// [`Client::send`], with a 404 answered as `None`.
    pub fn send_or_404(&self, r: &Request) -> Result<Option<Answer>, RemoteError> {
        self.exchange(r, true)
    }

    fn exchange(&self, r: &Request, allow_404: bool) -> Result<Option<Answer>, RemoteError> {
        let mut attempt: u32 = 0;
        let mut auth_rounds = 0;
        loop {
            attempt += 1;
            let gave_up = attempt > self.retries;
            let response = match self.run(r)? {
                Ok(response) => response,
                Err(source @ ureq::Error::Timeout(_)) => {
                    return Err(RemoteError::Timeout {
                        method: r.method.to_string(),
                        url: r.url.to_string(),
                        source,
                    });
                }
                Err(source) if gave_up => {
                    return Err(RemoteError::Unreachable {
                        method: r.method.to_string(),
                        url: r.url.to_string(),
                        attempts: attempt,
                        source,
                    });
                }
                Err(_) => {
                    std::thread::sleep(self.pause(attempt, None));
                    continue;
                }
            };
            let status = response.status().as_u16();
            if (200..300).contains(&status) {
                let content_type = header(&response, "Content-Type")
                    .split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                return Ok(Some(Answer {
                    content_type,
                    body: response.into_body(),
                }));
            }
            if allow_404 && status == 404 {
                return Ok(None);
            }
            if status == 401 && self.user.is_some() && self.token.is_none() && auth_rounds < 2 {
                if let Some(client) = password_client(&response) {
                    auth_rounds += 1;
                    attempt -= 1;
                    *self.challenge.lock().unwrap_or_else(|e| e.into_inner()) = Some(client);
                    continue;
                }
            }
            let retry_after = header(&response, "Retry-After")
                .trim()
                .parse::<u64>()
                .ok()
                .map(Duration::from_secs);
            let reason = response
                .status()
                .canonical_reason()
                .unwrap_or("")
                .to_string();
            let detail = first_line(&error_text(response));
            // 500 is what most stores answer for a query they cannot evaluate (Virtuoso for any
            // SPARQL error): retrying would only repeat it. 502, 503, 504 and 429 are the
            // answers of a server that is restarting, overloaded or behind a busy proxy.
            let transient = matches!(status, 429 | 502 | 503 | 504) || status > 504;
            if transient && !gave_up {
                std::thread::sleep(self.pause(attempt, retry_after));
                continue;
            }
            let hint = match status {
                401 => " (check --user/--password or --token)",
                403 => " (the account may lack the right to write: for Virtuoso use the dba account, or grant SPARQL_UPDATE)",
                404 | 405 => " (check the endpoint paths: --preset, --query-path, --update-path, --gsp-path)",
                _ => "",
            };
            let (method, url) = (r.method.to_string(), r.url.to_string());
            return Err(if transient {
                RemoteError::Busy {
                    method,
                    url,
                    status,
                    reason,
                    detail,
                    attempts: attempt,
                }
            } else {
                RemoteError::Status {
                    method,
                    url,
                    status,
                    reason,
                    detail: format!("{detail}{hint}"),
                }
            });
        }
    }

    fn pause(&self, attempt: u32, retry_after: Option<Duration>) -> Duration {
        let exp = self.backoff * 2u32.saturating_pow(attempt.saturating_sub(1).min(10));
        retry_after
            .unwrap_or(exp)
            .min(Duration::from_secs(30))
            .max(exp.min(Duration::from_secs(30)))
    }
}

fn header<'r>(response: &'r ureq::http::Response<ureq::Body>, name: &str) -> &'r str {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// The strongest scheme among the server's challenges (Digest before Basic), if any is one
/// `http-auth` answers.
fn password_client(response: &ureq::http::Response<ureq::Body>) -> Option<PasswordClient> {
    let mut builder = PasswordClient::builder();
    for value in response.headers().get_all("WWW-Authenticate") {
        if let Ok(v) = value.to_str() {
            builder = builder.challenges(v);
        }
    }
    builder.build().ok()
}

/// The start of an error response's body (4 KiB at most), as text.
fn error_text(response: ureq::http::Response<ureq::Body>) -> String {
    let mut bytes = Vec::new();
    // A body that cannot be read leaves the reason without the server's words, nothing worse.
    if response
        .into_body()
        .into_reader()
        .take(4096)
        .read_to_end(&mut bytes)
        .is_err()
    {
        bytes.clear();
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The first line of an error body that says something (servers answer in HTML or plain text),
/// as ": line", or nothing.
fn first_line(text: &str) -> String {
    let mut stripped = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                stripped.push(' ');
            }
            _ if !in_tag => stripped.push(c),
            _ => {}
        }
    }
    let line = stripped
        .lines()
        .map(str::trim)
        .find(|l| {
            !l.is_empty()
                && !l.to_ascii_lowercase().starts_with("error ")
                && l.chars().any(|c| c.is_alphabetic())
        })
        .unwrap_or("");
    let line: String = line.chars().take(200).collect();
    if line.is_empty() {
        String::new()
    } else {
        format!(": {line}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies_give_one_line() {
        assert_eq!(
            first_line("<html><body><h1>Bad Request</h1>\n<p>Parser error</p></body></html>"),
            ": Bad Request"
        );
        assert_eq!(
            first_line("Error 37000\nSP030: syntax error"),
            ": SP030: syntax error"
        );
        assert_eq!(first_line(""), "");
    }

    #[test]
    fn digest_is_preferred_and_answered() {
        let mut builder = PasswordClient::builder();
        for v in [
            "Basic realm=\"x\"",
            "Digest realm=\"virtuoso_sparql\", domain=\"/\", nonce=\"abc, def\", opaque=\"5ebe\", stale=\"false\", qop=\"auth\", algorithm=\"MD5\"",
        ] {
            builder = builder.challenges(v);
        }
        let mut client = builder.build().unwrap();
        assert!(matches!(client, PasswordClient::Digest(_)));
        let header = client
            .respond(&PasswordParams {
                username: "dba",
                password: "dba",
                uri: "/sparql-auth",
                method: "POST",
                body: None,
            })
            .unwrap();
        assert!(
            header.starts_with("Digest username=\"dba\", realm=\"virtuoso_sparql\""),
            "{header}"
        );
        assert!(
            header.contains("nc=00000001") && header.contains("qop=auth"),
            "{header}"
        );
    }
}
