use yew::prelude::*;

use crate::i18n::strings;
use crate::model::{Lang, Source};

/// What the reader can download: the visible figures as data, or their picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    Csv,
    Png,
    Svg,
}

pub struct FooterProps<'a> {
    pub source: &'a Source,
    pub lang: Lang,
    /// Show the download buttons and the animation control.
    pub controls: bool,
    /// The animation is running: the control stops it instead of replaying it.
    pub running: bool,
    /// Called when the reader asks to play the animation again.
    pub on_replay: Callback<()>,
    /// Called when the reader stops the running animation.
    pub on_stop: Callback<()>,
    /// Called when the reader asks for a download.
    pub on_export: Callback<Export>,
}

/// The source line, linked when the dataset gives an address; the downloads and the
/// animation control (one button, so the focus stays on it when its job changes).
pub fn footer(props: &FooterProps<'_>) -> Html {
    let s = strings(props.lang);
    let text = props.source.text.get(props.lang).to_string();
    let running = props.running;
    let on_motion = {
        let (on_replay, on_stop) = (props.on_replay.clone(), props.on_stop.clone());
        Callback::from(move |_: MouseEvent| {
            if running {
                on_stop.emit(())
            } else {
                on_replay.emit(())
            }
        })
    };
    let export = |kind: Export, class: &'static str, label: &'static str| {
        let on_click = props.on_export.reform(move |_: MouseEvent| kind);
        html! { <button type="button" class={class} onclick={on_click}>{ label }</button> }
    };
    html! {
        <footer class="foot">
            <p class="source">
                { s.source }{ ": " }
                if let Some(url) = &props.source.url {
                    <a href={url.clone()} target="_blank" rel="noopener noreferrer">{ text }</a>
                } else {
                    { text }
                }
            </p>
            if props.controls {
                <div class="actions" inert={super::INERT_UNTIL_LIVE}>
                    { export(Export::Csv, "download", s.download_csv) }
                    { export(Export::Png, "download-png", s.download_png) }
                    { export(Export::Svg, "download-svg", s.download_svg) }
                    // Hidden by the stylesheet where the reader asked for reduced motion
                    // (nothing moves there), but always present: a prerender, which cannot
                    // know, and the live widget that adopts it lay out the same.
                    <button type="button" class="replay" onclick={on_motion}>
                        { if running { s.stop } else { s.replay } }
                    </button>
                </div>
            }
        </footer>
    }
}
