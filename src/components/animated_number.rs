use yew::prelude::*;

use crate::format;
use crate::hooks::use_tween;
use crate::model::{Amount, Lang};
use crate::state::Play;

/// How an animated number is written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberStyle {
    /// A change in percent with its sign: "-49,3 %".
    Change(f64),
    /// An amount with its qualifier: "more than 12,000".
    Amount(Amount),
    /// The amount of a part after its whole, as it stands after "of them" (in Kazakh
    /// with the possessive suffix: "3 700-і").
    Part(Amount),
}

#[derive(Properties, PartialEq)]
pub struct AnimatedNumberProps {
    /// The number and how to write it; it counts from 0 to its value.
    pub style: NumberStyle,
    pub lang: Lang,
    pub play: Play,
}

/// A number that counts up (or down) to its value by requestAnimationFrame when the
/// entry animation runs. Hidden from screen readers: the card's text alternative
/// carries the final value.
#[component]
pub fn AnimatedNumber(props: &AnimatedNumberProps) -> Html {
    let target = match props.style {
        NumberStyle::Change(percent) => percent,
        NumberStyle::Amount(a) | NumberStyle::Part(a) => a.value,
    };
    let shown = use_tween(target, props.play);
    let text = match props.style {
        NumberStyle::Change(percent) => {
            format::percent(shown, format::decimals_of(percent), props.lang, true)
        }
        NumberStyle::Amount(a) => format::amount(&a, shown, props.lang),
        NumberStyle::Part(a) => format::part_amount(&a, shown, props.lang),
    };
    html! { <span class="num" aria-hidden="true">{ text }</span> }
}
