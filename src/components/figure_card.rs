use yew::prelude::*;

use super::{change_view, count_view, funnel_view, milestone_view, part_view, Shared};
use crate::describe;
use crate::i18n::strings;
use crate::model::{Dataset, FigureKind, Lang};
use crate::state::Play;

/// The props of a figure's card and of the view of its kind: which figure, in which
/// language, at which point of the entry animation.
#[derive(Properties, PartialEq, Clone)]
pub struct FigureProps {
    pub dataset: Shared<Dataset>,
    /// Which figure of the dataset.
    pub index: usize,
    pub lang: Lang,
    pub play: Play,
}

/// One figure: its full text alternative for screen readers, and the visual (hidden
/// from them) drawn by the view of its kind.
#[component]
pub fn FigureCard(props: &FigureProps) -> Html {
    let d = &props.dataset;
    let Some(figure) = d.figures.get(props.index) else {
        return Html::default();
    };
    let lang = props.lang;
    let depth = d.depth(figure).min(2);
    let when = describe::when(d, figure, lang);
    let alt = describe::figure(d, figure, lang);
    let body = match &figure.kind {
        FigureKind::Change { .. } => change_view(props),
        FigureKind::Count { .. } => count_view(props),
        FigureKind::Funnel { .. } => funnel_view(props),
        FigureKind::Part { .. } => part_view(props),
        FigureKind::Milestone { .. } => milestone_view(props),
        FigureKind::Statement => Html::default(),
    };
    let heading = !matches!(
        figure.kind,
        FigureKind::Count { .. } | FigureKind::Milestone { .. }
    );
    html! {
        <article class={format!("card {} depth-{depth}", figure.kind.id())}
            data-figure={figure.id.clone()}>
            <p class="sr-only">{ alt }</p>
            <div class="visual" aria-hidden="true">
                if figure.of.is_some() {
                    <p class="of-which">{ strings(lang).of_which }</p>
                }
                if heading {
                    <h4 class="label">{ figure.label.get(lang) }</h4>
                }
                if let Some(p) = when {
                    <p class="period">{ p }</p>
                }
                { body }
                if let Some(note) = &figure.note {
                    <p class="note">{ note.get(lang) }</p>
                }
            </div>
        </article>
    }
}
