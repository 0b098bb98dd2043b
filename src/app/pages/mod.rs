pub mod job;
pub mod jobmanager;
pub mod jobs;
pub mod overview;
pub mod process;
pub mod taskmanager;
pub mod taskmanagers;
pub mod vertex;
