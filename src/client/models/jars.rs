use serde::{Deserialize, Serialize};

use super::null_default;
use crate::client::ids::JobId;

/// `GET /jars`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct JarList {
    #[serde(default)]
    pub address: String,
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub files: Vec<JarFile>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct JarFile {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub uploaded: i64,
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub entry: Vec<JarEntry>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct JarEntry {
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
}

/// `POST /jars/upload`: `filename` is the server-side path; its last segment is the jar id.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct JarUploadResponse {
    pub filename: String,
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
pub struct JarRunResponse {
    pub jobid: JobId,
}
