use yew::prelude::*;

use crate::layout::{self, TRACK};

#[derive(Properties, PartialEq)]
pub struct BarProps {
    /// The bar's geometry: a fraction of the track.
    pub bar: layout::Bar,
    /// Which bar: "before" or "after" (their colours differ).
    pub class: &'static str,
}

/// A horizontal bar. The fill is an SVG sized by attributes (allowed under a strict
/// CSP, unlike inline styles) and grows by a CSS transform transition on the compositor
/// when the root gets `is-played`.
#[component]
pub fn Bar(props: &BarProps) -> Html {
    let view_box = format!("0 0 {TRACK} 1");
    html! {
        <div class={format!("track {}", props.class)} aria-hidden="true">
            <svg class="fill" viewBox={view_box} preserveAspectRatio="none" focusable="false">
                <rect width={props.bar.width().to_string()} height="1" />
            </svg>
        </div>
    }
}
