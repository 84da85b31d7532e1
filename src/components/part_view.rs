use yew::prelude::*;

use super::FigureProps;
use super::{bar, AnimatedNumber, NumberStyle};
use crate::compare::compare;
use crate::describe;
use crate::i18n;
use crate::layout::{place, Placed};
use crate::model::FigureKind;

/// A part of a whole: two bars, or, when the part would be invisible as a bar, a grid
/// of dots with one marked ("1 in N"), which the note says.
pub fn part_view(props: &FigureProps) -> Html {
    let figure = &props.dataset.figures[props.index];
    let FigureKind::Part { part, whole } = &figure.kind else {
        return Html::default();
    };
    let lang = props.lang;
    let comparison = compare(&figure.kind);
    let share = describe::share(&comparison, lang).unwrap_or_default();
    let number = |step: &crate::model::Step| {
        html! {
            <p class="step-text">
                <AnimatedNumber style={NumberStyle::Amount(step.amount)} lang={lang} play={props.play} />
                { " " }
                <span class="step-label">{ step.label.get(lang) }</span>
            </p>
        }
    };
    let marks = match place(&comparison) {
        Placed::Bars(bars) => html! {
            <>
                <div class="step">{ bar(bars[0], "before") }{ number(whole) }</div>
                <div class="step">{ bar(bars[1], "after") }{ number(part) }</div>
            </>
        },
        Placed::Dots {
            total,
            columns,
            rows,
        } => {
            let view_box = format!("0 0 {} {}", columns * 10, rows * 10);
            html! {
                <>
                    { number(whole) }
                    { number(part) }
                    <svg class="dots" viewBox={view_box} focusable="false" width="240">
                        { for (0..total).map(|i| html! {
                            <circle class={if i == 0 { "dot marked" } else { "dot" }}
                                fill={if i == 0 { "#b4232c" } else { "#c8c9cf" }}
                                cx={((i % columns) * 10 + 5).to_string()}
                                cy={((i / columns) * 10 + 5).to_string()} r="3.5" />
                        }) }
                    </svg>
                    if let Some(o) = match comparison {
                        crate::compare::Comparison::Part { one_in, .. } => one_in,
                        _ => None,
                    } {
                        <p class="note">{ i18n::dots_note(o.n, lang) }</p>
                    }
                </>
            }
        }
        Placed::None => html! { <>{ number(whole) }{ number(part) }</> },
    };
    html! {
        <div class="part-body">
            { marks }
            <p class="share">{ share }</p>
        </div>
    }
}
