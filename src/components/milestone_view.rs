use yew::prelude::*;

use super::FigureProps;
use crate::format;
use crate::model::FigureKind;

/// A dated event with its main points.
pub fn milestone_view(props: &FigureProps) -> Html {
    let figure = &props.dataset.figures[props.index];
    let FigureKind::Milestone { date, points } = &figure.kind else {
        return Html::default();
    };
    let lang = props.lang;
    html! {
        <div class="milestone-body">
            <p class="date"><time datetime={format!("{:04}-{:02}-{:02}", date.year, date.month, date.day)}>
                { format::date(*date, lang) }
            </time></p>
            <h4 class="label">{ figure.label.get(lang) }</h4>
            if !points.is_empty() {
                <ul class="points">{ for points.iter().map(|p| html! { <li>{ p.get(lang) }</li> }) }</ul>
            }
        </div>
    }
}
