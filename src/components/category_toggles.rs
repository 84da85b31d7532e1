use yew::prelude::*;

use super::button_group;
use crate::i18n::strings;
use crate::model::{Category, Lang};

pub struct CategoryTogglesProps<'a> {
    pub categories: &'a [Category],
    /// Ids of the categories switched on.
    pub active: &'a [String],
    pub lang: Lang,
    /// Called with the id of the category the reader switched.
    pub on_toggle: Callback<String>,
}

/// One toggle button per category (`aria-pressed`). The last one on is marked
/// `aria-disabled` and says why; it stays focusable.
pub fn category_toggles(props: &CategoryTogglesProps<'_>) -> Html {
    let last = props.active.len() <= 1;
    let buttons = props.categories.iter().map(|c| {
        let on = props.active.contains(&c.id);
        let locked = on && last;
        let on_toggle = props.on_toggle.clone();
        let id = c.id.clone();
        html! {
            <button type="button" class="toggle" data-category={c.id.clone()}
                aria-pressed={on.to_string()}
                aria-disabled={locked.then_some("true")}
                title={locked.then_some(strings(props.lang).last_category)}
                onclick={move |_| on_toggle.emit(id.clone())}>
                { c.label.get(props.lang) }
            </button>
        }
    });
    button_group("toggles", strings(props.lang).categories, buttons.collect())
}
