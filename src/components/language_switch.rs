use yew::prelude::*;

use super::button_group;
use crate::i18n::strings;
use crate::model::Lang;

pub struct LanguageSwitchProps {
    pub lang: Lang,
    /// Called with the language the reader picked.
    pub on_select: Callback<Lang>,
}

/// One button per language, each named in its own language and marked with its own
/// `lang` so that a screen reader pronounces it right.
pub fn language_switch(props: &LanguageSwitchProps) -> Html {
    let buttons = Lang::ALL.iter().map(|&lang| {
        let on_select = props.on_select.clone();
        let pressed = lang == props.lang;
        html! {
            <button type="button" class="lang" lang={lang.code()}
                aria-pressed={pressed.to_string()}
                onclick={move |_| on_select.emit(lang)}>
                { strings(lang).lang_name }
            </button>
        }
    });
    button_group("langs", strings(props.lang).language, buttons.collect())
}
