use yew::prelude::*;

use super::FigureProps;
use super::{bar, AnimatedNumber, NumberStyle};
use crate::compare::compare;
use crate::layout::{place, Placed};
use crate::model::FigureKind;

/// Successive steps of one process, each bar proportional to its value.
pub fn funnel_view(props: &FigureProps) -> Html {
    let figure = &props.dataset.figures[props.index];
    let FigureKind::Funnel { steps } = &figure.kind else {
        return Html::default();
    };
    let Placed::Bars(bars) = place(&compare(&figure.kind)) else {
        return Html::default();
    };
    html! {
        <ol class="steps">
            { for steps.iter().zip(bars).map(|(step, b)| html! {
                <li class="step">
                    { bar(b, "after") }
                    <p class="step-text">
                        <AnimatedNumber style={NumberStyle::Amount(step.amount)} lang={props.lang} play={props.play} />
                        { " " }
                        <span class="step-label">{ step.label.get(props.lang) }</span>
                    </p>
                </li>
            }) }
        </ol>
    }
}
