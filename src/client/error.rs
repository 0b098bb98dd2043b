//! The one error type of the client. Every failure is a value that says what went wrong in a
//! sentence a user can act on, and keeps what Flink said for those who want the details.
use std::fmt;

/// What went wrong with a call to Flink.
#[derive(Clone, Debug, PartialEq)]
pub enum ClientError {
    /// The request never got an answer: connection refused, DNS, CORS, aborted.
    Network {
        /// The URL requested.
        url: String,
        /// What the platform said.
        message: String,
    },
    /// No answer within the call's timeout; the request was aborted.
    Timeout {
        /// The URL requested.
        url: String,
        /// The timeout that passed, ms.
        after_ms: u32,
    },
    /// A proxy in front of Flink (`trunk serve`, nginx) answered 500, 502, 503 or 504 without
    /// Flink's `{"errors": [...]}` body: it could not get an answer from Flink, so Flink is
    /// unreachable, though the connection to the proxy worked.
    Unreachable {
        /// The URL requested.
        url: String,
        /// The proxy's status.
        status: u16,
    },
    /// Flink answered with an error status. `messages` is Flink's `errors` array as sent.
    Http {
        /// The URL requested.
        url: String,
        /// The HTTP status.
        status: u16,
        /// Flink's `errors`, or the body (shortened) where it had none; empty for no body.
        messages: Vec<String>,
    },
    /// The answer was not the JSON the client expected; `path` names the field that failed.
    Decode {
        /// The URL requested.
        url: String,
        /// Where in the answer: `vertices[0].id`, or `.` for the whole answer.
        path: String,
        /// serde_json's message, without its line and column.
        message: String,
    },
    /// The caller's input was rejected before anything was sent.
    InvalidInput(String),
    /// Something this call needs is not there: a feature of a newer Flink, or of the platform
    /// (such as a secure random source).
    Unsupported(String),
    /// An asynchronous operation (savepoint, checkpoint, stop, disposal) finished with a failure.
    OperationFailed {
        /// What failed: `savepoint`, `checkpoint`, `savepoint disposal`.
        operation: String,
        /// The Java exception's class.
        class: String,
        /// Flink's stack trace of the failure.
        stack_trace: String,
    },
}

impl ClientError {
    /// A stable, machine-readable name of the kind of error.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Network { .. } => "network",
            Self::Timeout { .. } => "timeout",
            Self::Unreachable { .. } => "unreachable",
            Self::Http { .. } => "http",
            Self::Decode { .. } => "decode",
            Self::InvalidInput(_) => "invalid_input",
            Self::Unsupported(_) => "unsupported",
            Self::OperationFailed { .. } => "operation_failed",
        }
    }

    /// The HTTP status of an error answer: Flink's, or the proxy's where Flink is unreachable.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Http { status, .. } | Self::Unreachable { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// True where the request did not get to Flink: no answer at all, none in time, or a proxy
    /// answering that it got none. The same for every request while it lasts (the console's
    /// "Cannot reach Flink" banner), unlike an error Flink itself answered for one resource.
    pub fn is_unreachable(&self) -> bool {
        matches!(self, Self::Network { .. } | Self::Timeout { .. } | Self::Unreachable { .. })
    }

    /// Flink's own error messages (its `errors` array, or the failure's stack trace).
    pub fn messages(&self) -> Vec<String> {
        match self {
            Self::Http { messages, .. } => messages.clone(),
            Self::OperationFailed { stack_trace, .. } => vec![stack_trace.clone()],
            _ => Vec::new(),
        }
    }

    /// True for every way Flink says "no such job / vertex / trigger / task manager": a 404, or
    /// the 500 with `FlinkJobNotFoundException` that `/status` and the resource requirements
    /// answer, or an operation that failed because the job is gone.
    pub fn is_not_found(&self) -> bool {
        const MARKERS: [&str; 3] =
            ["NotFoundException", "UnknownTaskExecutorException", "There is no savepoint operation"];
        match self {
            Self::Http { status: 404, .. } => true,
            Self::Http { messages, .. } => messages.iter().any(|m| MARKERS.iter().any(|k| m.contains(k))),
            Self::OperationFailed { stack_trace, .. } => {
                stack_trace.lines().next().is_some_and(|l| l.contains("NotFoundException"))
            }
            _ => false,
        }
    }

    /// The innermost `Caused by:` of Flink's stack trace, shortened like `flink_message`, where
    /// it says more than the first line (`Failed to create savepoint directory at …` under
    /// `An Exception occurred while triggering the checkpoint`). `None` otherwise.
    pub fn root_cause(&self) -> Option<String> {
        let traces = match self {
            Self::Http { messages, .. } => messages.clone(),
            Self::OperationFailed { stack_trace, .. } => vec![stack_trace.clone()],
            _ => return None,
        };
        let cause = traces.iter().flat_map(|t| t.lines()).filter_map(|l| l.trim().strip_prefix("Caused by:")).next_back()?;
        let cause = summarize_trace(cause);
        (!cause.is_empty() && Some(&cause) != self.flink_message().as_ref()).then_some(cause)
    }

    /// A short message extracted from what Flink said: the first line of its exception, without
    /// the Java class names in front. `None` where Flink said nothing.
    pub fn flink_message(&self) -> Option<String> {
        match self {
            Self::Http { messages, .. } => summarize_messages(messages),
            Self::OperationFailed { stack_trace, .. } => Some(summarize_trace(stack_trace)),
            _ => None,
        }
    }
}

/// Picks the most telling of Flink's error strings and shortens it to one sentence.
pub fn summarize_messages(messages: &[String]) -> Option<String> {
    let useful: Vec<String> = messages
        .iter()
        .map(|m| summarize_trace(m))
        .filter(|m| !m.is_empty() && m != "Internal server error.")
        .collect();
    useful.last().cloned().or_else(|| messages.first().map(|m| summarize_trace(m)))
}

/// The first line of a Java stack trace with leading `package.ClassName: ` prefixes removed:
/// `java.util.concurrent.CompletionException: org.x.FooException: Could not find job` becomes
/// `Could not find job`.
pub fn summarize_trace(trace: &str) -> String {
    let trace = trace.trim_start().trim_start_matches("<Exception on server side:").trim_start();
    let mut line = trace.lines().next().unwrap_or("").trim();
    while let Some((head, rest)) = line.split_once(": ") {
        if is_java_class(head) {
            line = rest.trim();
        } else {
            break;
        }
    }
    if is_java_class(line) {
        // A bare exception class with no message: keep its simple name.
        return line.rsplit('.').next().unwrap_or(line).to_string();
    }
    line.to_string()
}

fn is_java_class(token: &str) -> bool {
    !token.is_empty()
        && token.contains('.')
        && !token.contains(' ')
        && token.split('.').all(|part| {
            part.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
                && part.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        })
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Network { url, message } => write!(
                f,
                "Could not reach Flink at {url}: {message}. Check that the JobManager is running and the address is right."
            ),
            Self::Timeout { url, after_ms } => {
                // Integer arithmetic: float formatting would pull ~15 KB of code into every page.
                let (secs, rest) = (after_ms / 1000, after_ms % 1000);
                let fraction = format!(".{rest:03}");
                let fraction = if rest == 0 { "" } else { fraction.trim_end_matches('0') };
                write!(f, "Flink did not answer {url} within {secs}{fraction} s.")
            }
            Self::Unreachable { url, status } => write!(
                f,
                "Flink unreachable (the proxy answered {status}{} for {url}). Check that the JobManager is running and that the proxy forwards to it.",
                reason_phrase(*status).map(|r| format!(" {r}")).unwrap_or_default()
            ),
            Self::Http { url, status, .. } => match self.flink_message() {
                Some(msg) => write!(f, "Flink answered {status} for {url}: {msg}"),
                None => write!(f, "Flink answered {status} for {url}."),
            },
            Self::Decode { url, path, message } => write!(
                f,
                "Flink's answer from {url} could not be read at `{path}`: {message}. Is this a Flink 2.x REST endpoint?"
            ),
            Self::InvalidInput(msg) | Self::Unsupported(msg) => f.write_str(msg),
            Self::OperationFailed { operation, .. } => {
                write!(f, "The {operation} failed: {}", self.flink_message().unwrap_or_default())
            }
        }
    }
}

impl std::error::Error for ClientError {}

/// The statuses a proxy answers when it gets nothing from Flink, with their names.
fn reason_phrase(status: u16) -> Option<&'static str> {
    match status {
        500 => Some("Internal Server Error"),
        502 => Some("Bad Gateway"),
        503 => Some("Service Unavailable"),
        504 => Some("Gateway Timeout"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summarizes_wrapped_exceptions() {
        let t = "java.util.concurrent.CompletionException: org.apache.flink.runtime.messages.FlinkJobNotFoundException: Could not find Flink job (8c46)\n\tat x.y(Z.java:1)";
        assert_eq!(summarize_trace(t), "Could not find Flink job (8c46)");
    }

    #[test]
    fn summarizes_internal_server_errors() {
        let m = vec![
            "Internal server error.".to_string(),
            "<Exception on server side:\norg.apache.flink.runtime.messages.FlinkJobNotFoundException: Could not find Flink job (00)\n\tat a.b".to_string(),
        ];
        assert_eq!(summarize_messages(&m).as_deref(), Some("Could not find Flink job (00)"));
    }

    #[test]
    fn keeps_messages_that_contain_colons() {
        assert_eq!(summarize_trace("Bad request: the id is wrong"), "Bad request: the id is wrong");
    }

    #[test]
    fn root_cause_is_the_innermost_caused_by_when_it_says_more() {
        let failed = |trace: &str| ClientError::OperationFailed { operation: "savepoint".into(), class: "x".into(), stack_trace: trace.into() };
        let trace = "java.util.concurrent.CompletionException: org.apache.flink.runtime.checkpoint.CheckpointException: An Exception occurred while triggering the checkpoint. IO-problem detected.\n\tat a.b(C.java:1)\nCaused by: org.apache.flink.runtime.checkpoint.CheckpointException: An Exception occurred while triggering the checkpoint. IO-problem detected.\nCaused by: java.io.IOException: Failed to create savepoint directory at /proc/x\n\t... 3 more";
        assert_eq!(failed(trace).root_cause().as_deref(), Some("Failed to create savepoint directory at /proc/x"));
        let same = "org.x.FooException: boom\nCaused by: org.x.FooException: boom";
        assert_eq!(failed(same).root_cause(), None);
        assert_eq!(failed("org.x.FooException: boom").root_cause(), None);
        assert_eq!(ClientError::InvalidInput("x".into()).root_cause(), None);
    }

    #[test]
    fn not_found_covers_flinks_spellings() {
        let e500 = ClientError::Http {
            url: "u".into(),
            status: 500,
            messages: vec!["Internal server error.".into(), "org.apache.flink.runtime.messages.FlinkJobNotFoundException: x".into()],
        };
        assert!(e500.is_not_found());
        let e404 = ClientError::Http { url: "u".into(), status: 404, messages: vec![] };
        assert!(e404.is_not_found());
        let e409 = ClientError::Http { url: "u".into(), status: 409, messages: vec!["conflict".into()] };
        assert!(!e409.is_not_found());
        assert_eq!(e409.to_string(), "Flink answered 409 for u: conflict");
    }
}
