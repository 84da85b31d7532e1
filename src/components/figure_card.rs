use yew::prelude::*;

use super::{ChangeView, CountView, FunnelView, MilestoneView, PartView, Shared};
use crate::describe;
use crate::i18n::strings;
use crate::model::{Dataset, FigureKind, Lang};
use crate::state::Play;

#[derive(Properties, PartialEq)]
pub struct FigureCardProps {
    pub dataset: Shared<Dataset>,
    /// Which figure of the dataset.
    pub index: usize,
    pub lang: Lang,
    pub play: Play,
}

/// One figure: its full text alternative for screen readers, and the visual (hidden
/// from them) drawn by the view of its kind.
#[component]
pub fn FigureCard(props: &FigureCardProps) -> Html {
    let d = &props.dataset;
    let Some(figure) = d.figures.get(props.index) else {
        return Html::default();
    };
    let lang = props.lang;
    let depth = d.depth(figure).min(2);
    let period = describe::period(d, figure, lang);
    let alt = describe::figure(d, figure, lang);
    let common = (props.dataset.clone(), props.index, lang, props.play);
    let body = match &figure.kind {
        FigureKind::Change { .. } => html! {
            <ChangeView dataset={common.0} index={common.1} lang={common.2} play={common.3} />
        },
        FigureKind::Count { .. } => html! {
            <CountView dataset={common.0} index={common.1} lang={common.2} play={common.3} />
        },
        FigureKind::Funnel { .. } => html! {
            <FunnelView dataset={common.0} index={common.1} lang={common.2} play={common.3} />
        },
        FigureKind::Part { .. } => html! {
            <PartView dataset={common.0} index={common.1} lang={common.2} play={common.3} />
        },
        FigureKind::Milestone { .. } => html! {
            <MilestoneView dataset={common.0} index={common.1} lang={common.2} />
        },
        FigureKind::Statement => Html::default(),
    };
    let heading = !matches!(
        figure.kind,
        FigureKind::Count { .. } | FigureKind::Milestone { .. }
    );
    html! {
        <article class={classes!("card", figure.kind.id(), format!("depth-{depth}"))}
            data-figure={figure.id.clone()}>
            <p class="sr-only">{ alt }</p>
            <div class="visual" aria-hidden="true">
                if figure.of.is_some() {
                    <p class="of-which">{ strings(lang).of_which }</p>
                }
                if heading {
                    <h4 class="label">{ figure.label.get(lang) }</h4>
                }
                if let Some(p) = period {
                    <p class="period">{ p }</p>
                } else if matches!(figure.kind, FigureKind::Change { .. }) {
                    <p class="period">{ strings(lang).period_unstated }</p>
                }
                { body }
                if let Some(note) = &figure.note {
                    <p class="note">{ note.get(lang) }</p>
                }
            </div>
        </article>
    }
}
