use yew::prelude::*;

use super::FigureProps;
use super::{AnimatedNumber, NumberStyle};
use crate::model::FigureKind;

/// A count: a large number counting up, with its qualifier, followed by its words.
pub fn count_view(props: &FigureProps) -> Html {
    let figure = &props.dataset.figures[props.index];
    let FigureKind::Count { amount } = &figure.kind else {
        return Html::default();
    };
    html! {
        <div class="count-body">
            <p class="big">
                <AnimatedNumber style={NumberStyle::Amount(*amount)} lang={props.lang} play={props.play} />
            </p>
            <p class="count-label">{ figure.label.get(props.lang) }</p>
        </div>
    }
}
