//! Small components shared by the pages.
mod banner;
mod status;
mod toolbar;

pub use banner::{ErrorNote, StaleBanner};
pub use status::StatusBadge;
pub use toolbar::{RefreshToggle, ThemeToggle};
