use yew::prelude::*;

use crate::i18n::strings;
use crate::model::{Dataset, Lang};
use crate::table;

pub struct FigureTableProps<'a> {
    pub dataset: &'a Dataset,
    /// Ids of the categories switched on: only their figures are listed.
    pub active: &'a [String],
    pub lang: Lang,
}

/// The visible figures as a real table: caption, column and row headers, every value
/// with its qualifier, and its period.
pub fn figure_table(props: &FigureTableProps<'_>) -> Html {
    let s = strings(props.lang);
    let rows = table::rows(props.dataset, props.active, props.lang);
    html! {
        <div class="table-wrap">
            <table class="figures">
                <caption>{ props.dataset.title.get(props.lang) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ s.col_figure }</th>
                        <th scope="col">{ s.col_value }</th>
                        <th scope="col">{ s.col_period }</th>
                        <th scope="col">{ s.col_category }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|r| html! {
                        <tr>
                            <th scope="row">
                                { r.figure.clone() }
                                if !r.detail.is_empty() {
                                    <span class="detail">{ r.detail.clone() }</span>
                                }
                            </th>
                            <td class="value">{ r.shown.clone() }</td>
                            <td>{ r.period.clone() }</td>
                            <td>{ r.category.clone() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
