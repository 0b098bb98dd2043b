//! The Flink line a cluster runs, and what each line can do: the client decides from the
//! version, before sending, whether an operation exists there.
use std::fmt;

use super::ClientError;

/// A Flink version as `/config` reports it (`2.3.0`, `1.20.5`, `2.1-SNAPSHOT`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FlinkVersion {
    /// `2` in 2.3.0.
    pub major: u16,
    /// `3` in 2.3.0.
    pub minor: u16,
    /// `0` in 2.3.0 (0 when not given).
    pub patch: u16,
}

impl FlinkVersion {
    /// A version from its parts.
    pub const fn new(major: u16, minor: u16, patch: u16) -> Self {
        Self { major, minor, patch }
    }

    /// Reads `major.minor[.patch][-suffix]`; anything else is an error naming the text.
    pub fn parse(text: &str) -> Result<Self, ClientError> {
        let bad = || ClientError::InvalidInput(format!("'{}' is not a Flink version (expected e.g. 1.20.5)", text.trim()));
        let core = text.trim().split(['-', ' ']).next().unwrap_or_default();
        let mut parts = core.split('.').map(|p| p.parse::<u16>().map_err(|_| bad()));
        let major = parts.next().ok_or_else(bad)??;
        let minor = parts.next().ok_or_else(bad)??;
        let patch = parts.next().transpose()?.unwrap_or(0);
        Ok(Self { major, minor, patch })
    }

    /// Whether this is `major.minor` or later.
    pub fn at_least(self, major: u16, minor: u16) -> bool {
        (self.major, self.minor) >= (major, minor)
    }

    /// The line, e.g. `1.20`.
    pub fn line(self) -> String {
        format!("{}.{}", self.major, self.minor)
    }
}

impl fmt::Display for FlinkVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// A REST feature that only some Flink lines have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    /// `PUT /jobs/{id}/resource-requirements` (FLIP-291).
    ResourceRequirements,
    /// `/jobmanager/profiler`, `/taskmanagers/{id}/profiler`.
    Profiler,
    /// `agg=skew` on subtask metrics (FLIP-418).
    SkewAggregation,
    /// `/applications/…`.
    Applications,
    /// `/jobs/{id}/rescales/…`.
    RescaleHistory,
    /// `schedulerType` in the job's details.
    SchedulerType,
}

impl Feature {
    /// The first line that has it.
    pub fn since(self) -> FlinkVersion {
        match self {
            Self::ResourceRequirements => FlinkVersion::new(1, 18, 0),
            Self::Profiler => FlinkVersion::new(1, 19, 0),
            Self::SkewAggregation => FlinkVersion::new(1, 20, 0),
            Self::Applications | Self::RescaleHistory | Self::SchedulerType => FlinkVersion::new(2, 3, 0),
        }
    }

    /// What it is, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::ResourceRequirements => "Rescaling through resource requirements",
            Self::Profiler => "The profiler",
            Self::SkewAggregation => "The skew aggregation of metrics",
            Self::Applications => "Applications",
            Self::RescaleHistory => "The rescale history",
            Self::SchedulerType => "Reporting the job's scheduler",
        }
    }

    /// Whether `version` has it.
    pub fn available_on(self, version: FlinkVersion) -> bool {
        version.at_least(self.since().major, self.since().minor)
    }

    /// `Ok` where `version` has it, else the error that says so, without a request sent.
    pub fn check(self, version: FlinkVersion) -> Result<(), ClientError> {
        if self.available_on(version) {
            Ok(())
        } else {
            Err(ClientError::Unsupported(format!(
                "{} is not available on Flink {}: it needs Flink {} or later.",
                self.name(),
                version.line(),
                self.since().line()
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_flink_reports() {
        assert_eq!(FlinkVersion::parse("2.3.0").unwrap(), FlinkVersion::new(2, 3, 0));
        assert_eq!(FlinkVersion::parse(" 1.20.5 ").unwrap(), FlinkVersion::new(1, 20, 5));
        assert_eq!(FlinkVersion::parse("2.1-SNAPSHOT").unwrap(), FlinkVersion::new(2, 1, 0));
        assert!(FlinkVersion::parse("").is_err());
        assert!(FlinkVersion::parse("two.three").is_err());
        assert!(FlinkVersion::new(1, 20, 5) < FlinkVersion::new(2, 0, 0));
        assert_eq!(FlinkVersion::new(1, 19, 3).to_string(), "1.19.3");
    }

    #[test]
    fn features_say_which_line_they_need() {
        let old = FlinkVersion::new(1, 18, 1);
        assert!(Feature::ResourceRequirements.check(old).is_ok());
        let e = Feature::Profiler.check(old).unwrap_err();
        assert_eq!(e.kind(), "unsupported");
        assert_eq!(e.to_string(), "The profiler is not available on Flink 1.18: it needs Flink 1.19 or later.");
        assert!(Feature::SkewAggregation.check(FlinkVersion::new(1, 20, 0)).is_ok());
        assert!(Feature::Applications.check(FlinkVersion::new(2, 2, 1)).is_err());
        assert!(Feature::Applications.check(FlinkVersion::new(2, 3, 0)).is_ok());
    }
}
