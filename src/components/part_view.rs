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
    let whole_text = html! {
        <p class="step-text">
            <AnimatedNumber style={NumberStyle::Amount(whole.amount)} lang={lang} play={props.play} />
            { " " }
            <span class="step-label">{ whole.label.get(lang) }</span>
        </p>
    };
    // "3,700 of them were mothers with children", "олардың 3 700-і — балалары бар ана".
    let (before, between) = i18n::part_words(part.amount.value, lang);
    let part_text = html! {
        <p class="step-text">
            { before }
            <AnimatedNumber style={NumberStyle::Part(part.amount)} lang={lang} play={props.play} />
            <span class="step-label">{ between }{ part.label.get(lang) }</span>
        </p>
    };
    let marks = match place(&comparison) {
        Placed::Bars(bars) => html! {
            <>
                <div class="step">{ bar(bars[0], "before") }{ whole_text }</div>
                <div class="step">{ bar(bars[1], "after") }{ part_text }</div>
            </>
        },
        Placed::Dots {
            total,
            columns,
            rows,
        } => {
            // One dot drawn as a pattern that fills the full rows and the last, partial
            // row: four elements instead of one per dot. Ids are scoped by the shadow
            // root, and figure ids are unique within a dataset.
            let view_box = format!("0 0 {} {}", columns * 10, rows * 10);
            let pattern = format!("dots-{}", figure.id);
            let fill = format!("url(#{pattern})");
            let (full, rest) = (total / columns, total % columns);
            html! {
                <>
                    { whole_text }
                    { part_text }
                    <svg class="dots" viewBox={view_box} focusable="false" width="240">
                        <defs>
                            <pattern id={pattern} width="10" height="10" patternUnits="userSpaceOnUse">
                                <circle class="dot" fill="#c8c9cf" cx="5" cy="5" r="3.5" />
                            </pattern>
                        </defs>
                        <rect width={(columns * 10).to_string()} height={(full * 10).to_string()} fill={fill.clone()} />
                        <rect y={(full * 10).to_string()} width={(rest * 10).to_string()} height="10" fill={fill} />
                        <circle class="dot marked" fill="#b4232c" cx="5" cy="5" r="3.5" />
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
        Placed::None => html! { <>{ whole_text }{ part_text }</> },
    };
    html! {
        <div class="part-body">
            { marks }
            <p class="share">{ share }</p>
        </div>
    }
}
