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
///
/// In a narrow widget the toggles sit two to a row; with an odd number, one of them
/// (`wide`) takes a whole row so that none is left alone on the last one: the longest
/// label among those at an even position, where a full row never breaks a pair.
pub fn category_toggles(props: &CategoryTogglesProps<'_>) -> Html {
    let last = props.active.len() <= 1;
    let count = props.categories.len();
    let wide = (count % 2 == 1 && count > 1)
        .then(|| {
            (0..count)
                .step_by(2)
                .max_by_key(|&i| props.categories[i].label.get(props.lang).chars().count())
        })
        .flatten();
    let buttons = props.categories.iter().enumerate().map(|(i, c)| {
        let on = props.active.contains(&c.id);
        let locked = on && last;
        let on_toggle = props.on_toggle.clone();
        let id = c.id.clone();
        html! {
            <button type="button" class={if wide == Some(i) { "toggle wide" } else { "toggle" }}
                data-category={c.id.clone()}
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
