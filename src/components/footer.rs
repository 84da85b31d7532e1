use yew::prelude::*;

use crate::i18n::strings;
use crate::model::{Lang, Source};

pub struct FooterProps<'a> {
    pub source: &'a Source,
    pub lang: Lang,
    /// Show the download and replay buttons.
    pub controls: bool,
    /// Called when the reader asks to play the animation again.
    pub on_replay: Callback<()>,
    /// Called when the reader asks for the visible figures as a CSV file.
    pub on_download: Callback<()>,
}

/// The source line, linked when the dataset gives an address; the data download and
/// the replay control.
pub fn footer(props: &FooterProps<'_>) -> Html {
    let s = strings(props.lang);
    let text = props.source.text.get(props.lang).to_string();
    let on_replay = props.on_replay.reform(|_: MouseEvent| ());
    let on_download = props.on_download.reform(|_: MouseEvent| ());
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
                <div class="actions">
                    <button type="button" class="download" onclick={on_download}>{ s.download_csv }</button>
                    <button type="button" class="replay" onclick={on_replay}>{ s.replay }</button>
                </div>
            }
        </footer>
    }
}
