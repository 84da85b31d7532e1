//! The view: one component per file, each a `#[component]` with `Props` deriving
//! `Properties, PartialEq`. No literal UI text here: chrome strings come from `i18n`,
//! figure texts from the dataset.

mod animated_number;
mod app;
mod bar;
mod category_toggles;
mod change_view;
mod count_view;
mod figure_card;
mod figure_table;
mod footer;
mod funnel_view;
mod language_switch;
mod milestone_view;
mod notice;
mod part_view;

use std::ops::Deref;
use std::rc::Rc;

pub use animated_number::{AnimatedNumber, NumberStyle};
pub use app::{App, AppProps, Data};
pub use bar::Bar;
pub use category_toggles::CategoryToggles;
pub use change_view::ChangeView;
pub use count_view::CountView;
pub use figure_card::{FigureCard, FigureProps};
pub use figure_table::FigureTable;
pub use footer::Footer;
pub use funnel_view::FunnelView;
pub use language_switch::LanguageSwitch;
pub use milestone_view::MilestoneView;
pub use notice::Notice;
pub use part_view::PartView;

/// A value shared by reference. Props holding it compare by pointer, so a dataset is
/// never compared field by field on re-render.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Shared(rc)
    }
}
