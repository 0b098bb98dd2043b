use crate::app::load::Loadable;
use crate::client::{JobDetails, JobId};

/// What every tab of a job reads: its id and the page's one poll of `GET /jobs/{id}`.
#[derive(Clone)]
pub struct JobContext {
    /// The job's id, from the URL.
    pub id: JobId,
    /// `GET /jobs/{id}`, polled while the page is open.
    pub job: Loadable<JobDetails>,
}
