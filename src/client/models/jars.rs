use serde::{Deserialize, Serialize};

use super::{null_default, string_enum};
use crate::client::ids::JobId;

string_enum!(
    /// Who owns the savepoint a job starts from (`restoreMode`, Flink 2.x also calls it
    /// `claimMode`): `CLAIM` hands it to the job, which deletes it once a newer checkpoint
    /// subsumes it; `NO_CLAIM` leaves it alone (the first checkpoint is then a full one).
    RestoreMode {
        Claim = "CLAIM",
        NoClaim = "NO_CLAIM",
    }
);

/// `GET /jars`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct JarList {
    /// The REST address jars run through (`address`).
    #[serde(default)]
    pub address: String,
    /// The uploaded jars (`files`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub files: Vec<JarFile>,
}

/// An uploaded jar.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct JarFile {
    /// The jar's id (`id`).
    pub id: String,
    /// The file name it was uploaded with (`name`).
    #[serde(default)]
    pub name: String,
    /// When it was uploaded (`uploaded`), epoch ms.
    #[serde(default)]
    pub uploaded: i64,
    /// Its entry classes (`entry`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub entry: Vec<JarEntry>,
}

/// An entry class of a jar.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct JarEntry {
    /// The class's name (`name`).
    pub name: String,
    /// Its description (`description`), if any.
    #[serde(default)]
    pub description: Option<String>,
}

/// `POST /jars/upload`: `filename` is the server-side path; its last segment is the jar id.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct JarUploadResponse {
    /// The jar's path on the server (`filename`).
    pub filename: String,
    /// `success` once stored (`status`).
    #[serde(default)]
    pub status: String,
}

impl JarUploadResponse {
    /// The id to run or delete the jar with.
    pub fn jar_id(&self) -> &str {
        self.filename.rsplit('/').next().unwrap_or(&self.filename)
    }
}

/// `POST /jars/{id}/run`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct JarRunResponse {
    /// The started job's id (`jobid`).
    pub jobid: JobId,
}
