use std::rc::Rc;

use yew::prelude::*;

use super::{
    button_group, category_toggles, figure_table, footer, language_switch, notice,
    CategoryTogglesProps, Export, FigureCard, FigureTableProps, FooterProps, LanguageSwitchProps,
    Shared,
};
use gloo_timers::callback::Timeout;

use crate::hooks::{after_two_frames, prefers_reduced_motion, use_in_view, FrameSlot};
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
    /// Counts the host's attribute changes: each one applies `lang` and `categories`
    /// again, even where the reader had since chosen otherwise and the value itself is
    /// the same as before.
    #[prop_or_default]
    pub revision: u32,
    /// Told of every choice the reader makes (language, categories, view), with the
    /// choices that result; not of changes the host made.
    #[prop_or_default]
    pub on_change: Option<Callback<Choices>>,
    /// Asked to make a file of the visible figures for the reader (the shell makes it,
    /// with the downloads module, and offers it).
    #[prop_or_default]
    pub on_export: Option<Callback<Download>>,
}

/// A file the reader asked for: the visible figures as CSV, or their picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Download {
    /// The file's name without its extension: the dataset's id and the language.
    pub name: String,
    pub kind: Export,
    /// Ids of the categories switched on.
    pub categories: Vec<String>,
    pub lang: Lang,
}

/// What the reader has chosen: the host element reflects it and tells the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Choices {
    pub lang: Lang,
    /// Ids of the categories switched on, in dataset order.
    pub categories: Vec<String>,
    /// The table rather than the chart.
    pub table: bool,
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
        use_effect_with((props.lang, props.revision), move |(lang, _)| {
            dispatch.dispatch(Action::SetLang(*lang))
        });
    }
    {
        let dispatch = state.dispatcher();
        use_effect_with(
            (props.data.clone(), props.categories.clone(), props.revision),
            move |(data, asked, _)| {
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
            let slot = running.then(|| {
                Timeout::new(DURATION_MS as u32, move || {
                    dispatch.dispatch(Action::Finished)
                })
            });
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
    // A reader's choice: applied, and, when it changes anything, told to the host.
    let choose = {
        let (dispatch, state, on_change) =
            (state.dispatcher(), state.clone(), props.on_change.clone());
        move |action: Action| {
            let now = Rc::new((*state).clone());
            let next = now.clone().reduce(action.clone());
            if Rc::ptr_eq(&now, &next) {
                return;
            }
            dispatch.dispatch(action);
            if let Some(on_change) = &on_change {
                on_change.emit(Choices {
                    lang: next.lang,
                    categories: next.active.clone(),
                    table: next.table,
                });
            }
        }
    };
    let on_lang = {
        let choose = choose.clone();
        Callback::from(move |lang| choose(Action::SetLang(lang)))
    };
    let on_toggle = {
        let choose = choose.clone();
        Callback::from(move |id| choose(Action::Toggle(id)))
    };
    let on_table = Callback::from(move |table| choose(Action::ShowTable(table)));
    // Groups fade in when a category is switched on, and only then: not on the first
    // frames with figures (a widget that takes over a prerender must not fade in what is
    // already shown, and figures that arrive late must show at once, at full contrast).
    let settled = use_state_eq(|| false);
    {
        let settled = settled.setter();
        use_effect_with(props.data.dataset().is_some(), move |&shown| {
            settled.set(false);
            let slot = shown.then(|| after_two_frames(move || settled.set(true)));
            move || drop(slot)
        });
    }
    let on_stop = {
        let dispatch = state.dispatcher();
        Callback::from(move |()| dispatch.dispatch(Action::Stop))
    };
    let on_export = {
        let (data, on_export) = (props.data.clone(), props.on_export.clone());
        let (active, lang) = (state.active.clone(), state.lang);
        Callback::from(move |kind: Export| {
            if let (Some(d), Some(on_export)) = (data.dataset(), &on_export) {
                on_export.emit(Download {
                    name: format!("{}-{}", d.id, lang.code()),
                    kind,
                    categories: active.clone(),
                    lang,
                });
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
                class={format!(
                    "salystyr{}{}",
                    match (state.play.started, state.play.instant) {
                        (true, true) => " is-played is-still",
                        (true, false) => " is-played",
                        _ => "",
                    },
                    if *settled { " can-fade" } else { "" },
                )}>
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
