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
            // Size and colour attributes serve pages that show the static HTML without
            // the stylesheet (`salystyr render`); the stylesheet overrides them.
            <svg class="fill" viewBox={view_box} preserveAspectRatio="none" focusable="false"
                width="100%" height="12">
                <rect width={bar.width().to_string()} height="1"
                    fill={if class == "before" { "#8a8c96" } else { "#1f4e99" }} />
            </svg>
        </div>
    }
}
