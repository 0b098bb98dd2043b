//! Small components shared by the pages.
mod banner;
mod polled;
mod status;
mod toolbar;

pub use banner::{ErrorNote, StaleBanner};
pub use polled::Polled;
pub use status::StatusBadge;
pub use toolbar::{RefreshToggle, ThemeToggle};
