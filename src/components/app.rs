use std::rc::Rc;

use yew::prelude::*;

use super::{
    button_group, category_toggles, figure_table, footer, language_switch, notice,
    CategoryTogglesProps, Export, FigureCard, FigureTableProps, FooterProps, LanguageSwitchProps,
    Shared,
};
use crate::hooks::{
    after, after_two_frames, download, download_png, prefers_reduced_motion, use_in_view, FrameSlot,
};
use crate::i18n::{self, strings};
use crate::layout::DURATION_MS;
use crate::model::{Dataset, FigureKind, Lang, LoadError, Selection};
use crate::state::{Action, Play, State};

/// What an instance shows: a dataset, or why there is none yet.
#[derive(Clone, Debug, PartialEq)]
pub enum Data {
    Ready(Shared<Dataset>),
    /// The dataset named by `src` is on its way.
    Loading,
    /// No dataset can be shown; the reader is told why, in their language.
    Failed(Shared<LoadError>),
}

impl Data {
    fn dataset(&self) -> Option<&Dataset> {
        match self {
            Data::Ready(d) => Some(d),
            _ => None,
        }
    }

    /// The dataset's category ids in order, and the ones `asked` for.
    fn select(&self, asked: Option<&str>) -> (Rc<[String]>, Selection) {
        match self.dataset() {
            Some(d) => (
                d.categories.iter().map(|c| c.id.clone()).collect(),
                d.select(asked),
            ),
            None => (
                Rc::from([]),
                Selection {
                    active: Vec::new(),
                    unknown: Vec::new(),
                },
            ),
        }
    }
}

/// The root's props: what the embed's attributes say.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The figures to show, or why there are none.
    pub data: Data,
    /// The language to show; when it changes (the `lang` attribute), the view follows.
    pub lang: Lang,
    /// The `categories` attribute as written ("women,children"); `None` shows every
    /// category. Unknown ids are listed in a notice.
    #[prop_or_default]
    pub categories: Option<AttrValue>,
    /// Animate on entry. Off, the final state shows at once (server-side rendering).
    #[prop_or(true)]
    pub motion: bool,
    /// The figures are already on screen in their final state (a prerender being
    /// adopted, or rendered to be one): start there instead of animating; the reader may
    /// still replay.
    #[prop_or_default]
    pub shown: bool,
    /// Show the controls (languages, categories, table, download, replay). Off for
    /// static HTML, where nothing would answer them.
    #[prop_or(true)]
    pub controls: bool,
}

/// One infographic: controls, the figures of the categories switched on, the source.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let props = props.clone();
        use_reducer(move || {
            let (order, selection) = props.data.select(props.categories.as_deref());
            let still = !props.motion || (cfg!(target_arch = "wasm32") && prefers_reduced_motion());
            State::new(props.lang, order, selection, still, props.shown)
        })
    };

    // Attribute and data changes on a live instance.
    {
        let dispatch = state.dispatcher();
        use_effect_with(props.lang, move |lang| {
            dispatch.dispatch(Action::SetLang(*lang))
        });
    }
    {
        let dispatch = state.dispatcher();
        use_effect_with(
            (props.data.clone(), props.categories.clone()),
            move |(data, asked)| {
                let (order, selection) = data.select(asked.as_deref());
                dispatch.dispatch(Action::Select(order, selection))
            },
        );
    }

    let root = use_node_ref();
    {
        let dispatch = state.dispatcher();
        use_in_view(
            root.clone(),
            Callback::from(move |()| dispatch.dispatch(Action::Play)),
        );
    }

    // The running animation ends after its duration (or when stopped or replayed).
    {
        let dispatch = state.dispatcher();
        use_effect_with(state.running, move |running| {
            let slot =
                running.then(|| after(DURATION_MS, move || dispatch.dispatch(Action::Finished)));
            move || drop(slot)
        });
    }

    let pending = use_mut_ref(|| None::<FrameSlot>);
    let on_replay = {
        let dispatch = state.dispatcher();
        Callback::from(move |()| {
            dispatch.dispatch(Action::Rewind);
            let dispatch = dispatch.clone();
            *pending.borrow_mut() = Some(after_two_frames(move || dispatch.dispatch(Action::Play)));
        })
    };
    let on_lang = {
        let dispatch = state.dispatcher();
        Callback::from(move |lang| dispatch.dispatch(Action::SetLang(lang)))
    };
    let on_toggle = {
        let dispatch = state.dispatcher();
        Callback::from(move |id| dispatch.dispatch(Action::Toggle(id)))
    };
    let on_table = {
        let dispatch = state.dispatcher();
        Callback::from(move |table| dispatch.dispatch(Action::ShowTable(table)))
    };
    let on_stop = {
        let dispatch = state.dispatcher();
        Callback::from(move |()| dispatch.dispatch(Action::Stop))
    };
    let on_export = {
        let data = props.data.clone();
        let (active, lang) = (state.active.clone(), state.lang);
        Callback::from(move |kind: Export| {
            let Some(d) = data.dataset() else { return };
            let name = |ext: &str| format!("{}-{}.{ext}", d.id, lang.code());
            let picture = || crate::picture::picture(d, &active, lang);
            match kind {
                Export::Csv => download(
                    &name("csv"),
                    "text/csv;charset=utf-8",
                    &crate::table::csv(d, &active, lang),
                ),
                Export::Svg => download(
                    &name("svg"),
                    "image/svg+xml",
                    &crate::picture::svg(&picture()),
                ),
                Export::Png => download_png(&name("png"), &picture()),
            }
        })
    };

    let lang = state.lang;
    let s = strings(lang);
    let body = match &props.data {
        Data::Ready(dataset) => {
            let groups = dataset.categories.iter().map(|category| {
                let figures: Vec<usize> = dataset
                    .figures
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.category == category.id)
                    .map(|(i, _)| i)
                    .collect();
                let mut cards = Vec::new();
                for &i in figures.iter().filter(|&&i| {
                    parent_in(dataset, &figures, i).is_none()
                }) {
                    family(dataset, &figures, i, lang, state.play, &mut cards);
                }
                let has_change = figures
                    .iter()
                    .any(|&i| matches!(dataset.figures[i].kind, FigureKind::Change { .. }));
                let heading = format!("salystyr-group-{}", category.id);
                html! {
                    <section key={category.id.clone()} class="group" data-category={category.id.clone()}
                        hidden={!state.is_active(&category.id)} aria-labelledby={heading.clone()}>
                        <h3 class="group-title" id={heading}>{ category.label.get(lang) }</h3>
                        <div class="cards">{ for cards }</div>
                        if has_change {
                            <p class="index-note">{ s.index_note }</p>
                        }
                    </section>
                }
            });
            html! {
                <>
                    if !state.unknown.is_empty() {
                        { notice(s.unknown_categories, &state.unknown) }
                    }
                    if state.table {
                        { figure_table(&FigureTableProps { dataset, active: &state.active, lang }) }
                    } else {
                        <div class="groups">{ for groups }</div>
                    }
                    { footer(&FooterProps {
                        source: &dataset.source,
                        lang,
                        controls: props.controls,
                        running: state.running,
                        on_replay,
                        on_stop,
                        on_export,
                    }) }
                </>
            }
        }
        Data::Loading => html! { <p class="loading" role="status">{ s.loading }</p> },
        Data::Failed(error) => {
            let (title, items) = i18n::load_error(error, lang);
            html! {
                { notice(&title, &items) }
            }
        }
    };
    let title = props.data.dataset().map(|d| d.title.get(lang).to_string());

    html! {
        <div class="frame">
            // Gives the widget an intrinsic width (280 px at least, 640 px preferred) in
            // hosts that size it to its content: the container below has none.
            <div class="sizer" aria-hidden="true"><i /><i /><i /></div>
            <div class="box">
            <section ref={root} lang={lang.code()} aria-labelledby="salystyr-title"
                class={match (state.play.started, state.play.instant) {
                    (true, true) => "salystyr is-played is-still",
                    (true, false) => "salystyr is-played",
                    _ => "salystyr",
                }}>
                <header class="head">
                    if let Some(title) = title {
                        <h2 class="title" id="salystyr-title">{ title }</h2>
                    }
                    if props.controls {
                    <div class="controls" inert={super::INERT_UNTIL_LIVE}>
                        { language_switch(&LanguageSwitchProps { lang, on_select: on_lang }) }
                        if let Some(d) = props.data.dataset() {
                            { category_toggles(&CategoryTogglesProps {
                                categories: &d.categories,
                                active: &state.active,
                                lang,
                                on_toggle,
                            }) }
                            { view_switch(lang, state.table, on_table) }
                        }
                    </div>
                    }
                </header>
                { body }
            </section>
            </div>
        </div>
    }
}

/// The figure of `figures` (indices into the dataset, one category's) that figure `i` is
/// a part of, if it is in the same list.
fn parent_in(d: &Dataset, figures: &[usize], i: usize) -> Option<usize> {
    let of = d.figures[i].of.as_deref()?;
    figures.iter().copied().find(|&j| d.figures[j].id == of)
}

/// A figure's card followed, where the article breaks it down ("of which"), by its
/// parts in an indented block, recursively: the hierarchy as the article has it. Keyed
/// siblings, so that a re-render keeps each card.
fn family(
    d: &Shared<Dataset>,
    figures: &[usize],
    i: usize,
    lang: Lang,
    play: Play,
    out: &mut Vec<Html>,
) {
    out.push(html! {
        <FigureCard key={i} dataset={d.clone()} index={i} lang={lang} play={play} />
    });
    let parts: Vec<usize> = figures
        .iter()
        .copied()
        .filter(|&j| parent_in(d, figures, j) == Some(i))
        .collect();
    if !parts.is_empty() {
        let mut inner = Vec::new();
        for j in parts {
            family(d, figures, j, lang, play, &mut inner);
        }
        out.push(html! { <div key={format!("parts-{i}")} class="parts">{ for inner }</div> });
    }
}

/// The two ways to see the figures, drawn or as a table: a view choice, apart from the
/// categories.
fn view_switch(lang: Lang, table: bool, on_select: Callback<bool>) -> Html {
    let s = strings(lang);
    let buttons =
        [(false, "chart", s.chart), (true, "table", s.table)].map(|(value, class, label)| {
            let on_select = on_select.clone();
            html! {
                <button type="button" class={class} aria-pressed={(table == value).to_string()}
                    onclick={move |_| on_select.emit(value)}>{ label }</button>
            }
        });
    button_group("views", s.view, buttons.into())
}
