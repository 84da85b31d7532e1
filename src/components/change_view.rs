use yew::prelude::*;

use super::FigureProps;
use super::{bar, AnimatedNumber, NumberStyle};
use crate::compare::compare;
use crate::describe;
use crate::layout::{place, Placed};
use crate::model::FigureKind;

/// A change over a period: the change as a large counting number (or, where the source
/// gives words instead of a number, those words, with the number derived from them as
/// approximate), and a before/after pair of bars as an index (before = 100), since the
/// source gives no absolute counts. The pair shares one grid, so both bars start at the
/// same x on tracks of the same width, whatever the width of their labels.
pub fn change_view(props: &FigureProps) -> Html {
    let d = &props.dataset;
    let figure = &d.figures[props.index];
    let FigureKind::Change { percent, wording } = &figure.kind else {
        return Html::default();
    };
    let lang = props.lang;
    let (Some([before_value, after_value]), Placed::Bars(bars)) = (
        describe::index_levels(figure, lang),
        place(&compare(&figure.kind)),
    ) else {
        return Html::default();
    };
    let [before_label, after_label] = describe::ends(d, figure, lang);
    let rows = [
        ("before", before_label, bars[0], before_value),
        ("after", after_label, bars[1], after_value),
    ];
    let direction = if *percent < 0.0 { "down" } else { "up" };
    html! {
        <div class="change-body">
            if let Some(w) = wording {
                <p class={format!("big words {direction}")}>{ w.get(lang) }</p>
                <p class="derived">{ describe::derived_change(figure, lang) }</p>
            } else {
                <p class={format!("big {direction}")}>
                    <AnimatedNumber style={NumberStyle::Change(*percent)} lang={lang} play={props.play} />
                </p>
            }
            <div class="rows">
                { for rows.into_iter().map(|(class, label, b, value)| html! {
                    <div class={format!("row {class}")}>
                        <span class="row-label">{ label }</span>
                        { bar(b, class) }
                        <span class="row-value">{ value }</span>
                    </div>
                }) }
            </div>
        </div>
    }
}
