pub mod job;
pub mod jobmanager;
pub mod jobs;
pub mod overview;
pub mod taskmanagers;
pub mod vertex;
