//! The view, one piece per file. Pieces with state, hooks or their own re-render
//! boundary (`App`, `FigureCard`, `AnimatedNumber`) are `#[component]`s with `Props`
//! deriving `Properties, PartialEq`; stateless markup (the views of each kind of figure,
//! bars, the controls, the table, the footer, notices) is a view function taking a props
//! struct, since every component type costs the wasm about 2 KB and the embed has a size
//! budget. Callbacks are named `on_*`. No literal UI text here: chrome strings come from
//! `i18n`, figure texts from the dataset.

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
pub use app::{App, AppProps, Choices, Data, Download};
pub use bar::bar;
pub use category_toggles::{category_toggles, CategoryTogglesProps};
pub use change_view::change_view;
pub use count_view::count_view;
pub use figure_card::{FigureCard, FigureProps};
pub use figure_table::{figure_table, FigureTableProps};
pub use footer::{footer, Export, FooterProps};
pub use funnel_view::funnel_view;
pub use language_switch::{language_switch, LanguageSwitchProps};
pub use milestone_view::milestone_view;
pub use notice::notice;
pub use part_view::part_view;

/// `inert` for the controls of a server-side render: a prerender shows them where the
/// live widget will have them (so nothing moves when it takes over), but before that,
/// or where scripts or WebAssembly cannot run, they would do nothing, so they are out
/// of reach of the keyboard, the pointer and screen readers.
pub(crate) const INERT_UNTIL_LIVE: bool = cfg!(not(target_arch = "wasm32"));

/// A labelled group of buttons (`role="group"`) in which arrow keys, Home and End move
/// the focus.
pub fn button_group(
    class: &'static str,
    label: &'static str,
    buttons: Vec<yew::Html>,
) -> yew::Html {
    yew::html! {
        <div class={class} role="group" aria-label={label}
            onkeydown={crate::hooks::on_group_keydown}>
            { for buttons }
        </div>
    }
}

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
