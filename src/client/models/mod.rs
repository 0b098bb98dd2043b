//! Flink's wire format as serde types, one file per REST area. Unknown fields are ignored,
//! unknown enum values land in `Other(..)`, and Flink's `-1` "not set" sentinels become `None`.
//!
//! They read Flink's names (`slots-total`, `checkpointed_size`, `maxParallelism`) and write
//! camelCase (`slotsTotal`, `checkpointedSize`): what the npm package hands to JavaScript.
//! Every struct says so with `rename_all(serialize = "camelCase")` (a field renamed for Flink
//! names its camelCase too); request bodies are built as JSON in `api/`, never from a model.
mod checkpoints;
mod cluster;
mod flamegraph;
mod jars;
mod jobs;
mod operations;
mod profiler;
mod resources;
mod tasks;
mod vertex;

pub use checkpoints::*;
pub use cluster::*;
pub use flamegraph::*;
pub use jars::*;
pub use jobs::*;
pub use operations::*;
pub use profiler::*;
pub use resources::*;
pub use tasks::TaskCounts;
pub use vertex::*;

/// A string as it is read: borrowed from the JSON text where it has no escapes. serde's own
/// `String` and `Cow<str>` allocate every one, which is most of the cost of decoding an answer
/// of 10,000 jobs (their states, ids, task counts) when the value is only looked at.
pub(crate) struct Text<'de>(pub std::borrow::Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Text<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text<'de>, E> {
                Ok(Text(std::borrow::Cow::Owned(v.to_string())))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Text<'de>, E> {
                Ok(Text(std::borrow::Cow::Owned(v)))
            }
        }
        d.deserialize_str(Visit)
    }
}

/// A string enum of Flink's with an `Other` variant, so a value added in a later Flink version
/// decodes instead of failing the whole answer.
macro_rules! string_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $(#[doc = concat!("`", $wire, "`.")] $variant,)+
            /// A value this client does not know (yet).
            Other(String),
        }

        impl $name {
            /// Every value this client knows, in declaration order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The value as Flink spells it (an unknown one as received).
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)+
                    Self::Other(s) => s,
                }
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                match s {
                    $($wire => Self::$variant,)+
                    other => Self::Other(other.to_string()),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let $crate::client::models::Text(s) = $crate::client::models::Text::deserialize(d)?;
                Ok(Self::from(s.as_ref()))
            }
        }

        #[cfg(feature = "npm")]
        const _: () = {
            #[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
            const TS: &'static str = concat!(
                "export type ", stringify!($name), " = ", $("\"", $wire, "\" | ",)+ "(string & {});"
            );
        };
    };
}
pub(crate) use string_enum;

/// Numbers that Flink writes as `-1` (or any negative number) for "not set": times, durations,
/// sizes. Each is its own type, so a field says what it holds and decodes the sentinel itself;
/// `get()` is the value, `None` where Flink had none.
macro_rules! sentinel_number {
    ($($(#[$doc:meta])* $name:ident),+ $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(Option<i64>);

        impl $name {
            /// Not reported.
            pub const NONE: Self = Self(None);

            /// The value, or `None` where Flink reported none.
            pub fn get(self) -> Option<i64> {
                self.0
            }
        }

        impl From<i64> for $name {
            /// A negative number is Flink's "not set".
            fn from(value: i64) -> Self {
                Self((value >= 0).then_some(value))
            }
        }

        impl From<Option<i64>> for $name {
            fn from(value: Option<i64>) -> Self {
                value.map_or(Self::NONE, Self::from)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                self.0.serialize(s)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                // Floats too: some Flink lines write sizes as `1.0E7`.
                let value = Option::<f64>::deserialize(d)?;
                Ok(Self(value.filter(|v| *v >= 0.0).map(|v| v as i64)))
            }
        }

        #[cfg(feature = "npm")]
        const _: () = {
            #[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
            const TS: &'static str = concat!(
                "/** ", stringify!($name), ": a number, or null where Flink reports -1 (not set). */\nexport type ",
                stringify!($name), " = number | null;"
            );
        };
    )+};
}

sentinel_number!(
    /// A point in time, epoch milliseconds.
    Timestamp,
    /// A duration in milliseconds.
    Millis,
    /// A size in bytes.
    Bytes,
    /// A count Flink may leave unset (such as a job's max parallelism).
    Count,
);

/// Numbers Flink sends as integers, floats, `"NaN"` strings or nulls: read leniently as `f64`
/// (`NaN` where Flink has no value).
pub(crate) mod lenient_f64 {
    use serde::{Deserialize, Deserializer};

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Loose {
        Number(f64),
        Text(String),
        Null(()),
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        Ok(match Loose::deserialize(d)? {
            Loose::Number(n) => n,
            Loose::Text(t) => t.trim().parse().unwrap_or(f64::NAN),
            Loose::Null(()) => f64::NAN,
        })
    }
}

/// `null` for a collection or string means empty: read it as the type's default.
pub(crate) mod null_default {
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>, T: Deserialize<'de> + Default>(d: D) -> Result<T, D::Error> {
        Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
    }
}
