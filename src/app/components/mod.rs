//! Small components shared by the pages.
mod banner;
mod dialog;
mod loaded;
mod status;
mod table;
mod tabs;
mod toolbar;
mod window;

pub use banner::{ErrorNote, StaleBanner};
pub use dialog::{CloseButton, DialogButtons, Modal, Progress, radio, unique_id};
pub use loaded::Loaded;
pub use status::StatusBadge;
pub use table::{cell, table_head};
pub(crate) use tabs::page_tabs;
pub use tabs::TabList;
pub use toolbar::{RefreshToggle, ThemeToggle};
pub use window::{SUBTASK_ROW_PX, Window, WindowedTable, sort_header, use_window};
