use yew::prelude::*;

use crate::layout::{self, TRACK};

/// A horizontal bar; `class` says which ("before" or "after": their colours differ).
/// The fill is an SVG sized by attributes (allowed under a strict CSP, unlike inline
/// styles) and grows by a CSS transform transition on the compositor when the root gets
/// `is-played`. A plain view function: it has no state of its own.
pub fn bar(bar: layout::Bar, class: &'static str) -> Html {
    let view_box = format!("0 0 {TRACK} 1");
    html! {
        <div class={format!("track {class}")} aria-hidden="true">
            <svg class="fill" viewBox={view_box} preserveAspectRatio="none" focusable="false">
                <rect width={bar.width().to_string()} height="1" />
            </svg>
        </div>
    }
}
