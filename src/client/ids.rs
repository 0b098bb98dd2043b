//! Validated identifiers. Flink's job, vertex and trigger ids are 32 lowercase hex characters;
//! checking them before a request keeps a typo from becoming a confusing server error.
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ClientError;

macro_rules! hex_id {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl $name {
            /// Parses and validates 32 hex characters (any case; stored lowercase).
            pub fn parse(text: &str) -> Result<Self, ClientError> {
                parse_hex32(text, $what).map(Self)
            }

            /// The id as 32 lowercase hex characters.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = ClientError;
            fn from_str(s: &str) -> Result<Self, ClientError> {
                Self::parse(s)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let crate::client::models::Text(text) = crate::client::models::Text::deserialize(d)?;
                Self::parse(&text).map_err(serde::de::Error::custom)
            }
        }
    };
}

hex_id!(
    /// A job's id (`jid`).
    JobId, "job id"
);
hex_id!(
    /// A job vertex's id.
    VertexId, "vertex id"
);
hex_id!(
    /// The id of an asynchronous operation (savepoint, checkpoint, stop, disposal).
    /// Choosing it on the client makes a trigger idempotent: Flink answers a repeated
    /// trigger id with the same operation instead of starting a second one.
    TriggerId, "trigger id"
);

impl TriggerId {
    /// A fresh random trigger id, from the platform's secure random source. Where there is
    /// none, an error: an id that is not random could repeat, and Flink would answer a new
    /// trigger with an old operation.
    pub fn random() -> Result<Self, ClientError> {
        let mut bytes = [0u8; 16];
        getrandom::getrandom(&mut bytes)
            .map_err(|e| ClientError::Unsupported(format!("no secure random source for a trigger id: {e}")))?;
        Ok(Self(bytes.iter().map(|b| format!("{b:02x}")).collect()))
    }
}

fn parse_hex32(text: &str, what: &str) -> Result<String, ClientError> {
    let trimmed = text.trim();
    if trimmed.len() == 32 && trimmed.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(trimmed.to_ascii_lowercase())
    } else {
        Err(ClientError::InvalidInput(format!(
            "'{}' is not a valid {what}: expected 32 hexadecimal characters",
            shorten(trimmed)
        )))
    }
}

fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", text.get(..i).unwrap_or(text)),
        None => text.to_string(),
    }
}

/// A task manager's resource id, e.g. `127.0.0.1:6122-25d756`. Not hex, so only checked to be
/// non-empty; it is percent-encoded in paths.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TaskManagerId(String);

impl TaskManagerId {
    /// Takes any id that is not blank, trimmed.
    pub fn parse(text: &str) -> Result<Self, ClientError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(ClientError::InvalidInput("a task manager id must not be empty".into()));
        }
        Ok(Self(t.to_string()))
    }

    /// The id, trimmed.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TaskManagerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_ids_are_validated_and_lowercased() {
        let id = JobId::parse("970762374DB1C09C2881A915A396AB1E").unwrap();
        assert_eq!(id.as_str(), "970762374db1c09c2881a915a396ab1e");
        assert!(JobId::parse("not-a-job-id").is_err());
        assert!(JobId::parse("970762374db1c09c2881a915a396ab1").is_err());
        assert!(VertexId::parse("g70762374db1c09c2881a915a396ab1e").is_err());
        let msg = JobId::parse("x").unwrap_err().to_string();
        assert!(msg.contains("not a valid job id"), "{msg}");
    }

    #[test]
    fn random_trigger_ids_are_valid_and_distinct() {
        let a = TriggerId::random().unwrap();
        let b = TriggerId::random().unwrap();
        assert!(TriggerId::parse(a.as_str()).is_ok());
        assert_ne!(a, b);
    }

    #[test]
    fn long_input_is_shortened_in_messages() {
        let long = "é".repeat(100);
        let msg = JobId::parse(&long).unwrap_err().to_string();
        assert!(msg.len() < 200, "{msg}");
    }
}
