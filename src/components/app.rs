use std::rc::Rc;

use yew::prelude::*;

use super::{
    category_toggles, figure_table, footer, language_switch, notice, CategoryTogglesProps, Export,
    FigureCard, FigureTableProps, FooterProps, LanguageSwitchProps, Shared,
};
use crate::hooks::{
    after, after_two_frames, download, download_png, prefers_reduced_motion, use_in_view, FrameSlot,
};
use crate::i18n::{self, strings};
use crate::layout::DURATION_MS;
use crate::model::{Dataset, FigureKind, Lang, LoadError, Selection};
use crate::state::{Action, State};

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
            let instant =
                !props.motion || (cfg!(target_arch = "wasm32") && prefers_reduced_motion());
            State::new(props.lang, order, selection, instant)
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
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ToggleTable))
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
                let has_change = figures
                    .iter()
                    .any(|&i| matches!(dataset.figures[i].kind, FigureKind::Change { .. }));
                let heading = format!("salystyr-group-{}", category.id);
                html! {
                    <section key={category.id.clone()} class="group" data-category={category.id.clone()}
                        hidden={!state.is_active(&category.id)} aria-labelledby={heading.clone()}>
                        <h3 class="group-title" id={heading}>{ category.label.get(lang) }</h3>
                        <div class="cards">
                            { for figures.iter().map(|&i| html! {
                                <FigureCard key={i} dataset={dataset.clone()} index={i} lang={lang} play={state.play} />
                            }) }
                        </div>
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
                        motion: state.motion,
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
                    <div class="controls">
                        { language_switch(&LanguageSwitchProps { lang, on_select: on_lang }) }
                        if let Some(d) = props.data.dataset() {
                            { category_toggles(&CategoryTogglesProps {
                                categories: &d.categories,
                                active: &state.active,
                                lang,
                                on_toggle,
                            }) }
                            <button type="button" class="view" aria-pressed={state.table.to_string()}
                                onclick={on_table}>{ s.table }</button>
                        }
                    </div>
                    }
                </header>
                { body }
            </section>
        </div>
    }
}
