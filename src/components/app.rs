use std::rc::Rc;

use yew::prelude::*;

use super::{CategoryToggles, FigureCard, Footer, LanguageSwitch, Notice, Shared};
use crate::hooks::{after_two_frames, prefers_reduced_motion, use_in_view, FrameSlot};
use crate::i18n::strings;
use crate::model::{Dataset, FigureKind, Lang};
use crate::state::{Action, State};

/// The root's props: what the embed's attributes say.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The figures to show.
    pub dataset: Shared<Dataset>,
    /// The language to show; when it changes (the `lang` attribute), the view follows.
    pub lang: Lang,
    /// The `categories` attribute as written ("women,children"); `None` shows every
    /// category. Unknown ids are listed in a notice.
    #[prop_or_default]
    pub categories: Option<AttrValue>,
    /// Animate on entry. Off, the final state shows at once (server-side rendering).
    #[prop_or(true)]
    pub motion: bool,
}

/// One infographic: controls, the figures of the categories switched on, the source.
#[component]
pub fn App(props: &AppProps) -> Html {
    let dataset = props.dataset.clone();
    let state = {
        let props = props.clone();
        use_reducer(move || {
            let order: Rc<[String]> = props
                .dataset
                .categories
                .iter()
                .map(|c| c.id.clone())
                .collect();
            let selection = props.dataset.select(props.categories.as_deref());
            let instant =
                !props.motion || (cfg!(target_arch = "wasm32") && prefers_reduced_motion());
            State::new(props.lang, order, selection, instant)
        })
    };

    // Attribute changes on a live instance.
    {
        let dispatch = state.dispatcher();
        use_effect_with(props.lang, move |lang| {
            dispatch.dispatch(Action::SetLang(*lang))
        });
    }
    {
        let dispatch = state.dispatcher();
        let dataset = dataset.clone();
        use_effect_with(props.categories.clone(), move |asked| {
            dispatch.dispatch(Action::Select(dataset.select(asked.as_deref())))
        });
    }

    let root = use_node_ref();
    {
        let dispatch = state.dispatcher();
        use_in_view(
            root.clone(),
            Callback::from(move |()| dispatch.dispatch(Action::Play)),
        );
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

    let lang = state.lang;
    let s = strings(lang);
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
        <section ref={root} lang={lang.code()} aria-labelledby="salystyr-title"
            class={classes!("salystyr", state.play.started.then_some("is-played"))}>
            <header class="head">
                <h2 class="title" id="salystyr-title">{ dataset.title.get(lang) }</h2>
                <div class="controls">
                    <LanguageSwitch lang={lang} on_select={on_lang} />
                    <CategoryToggles categories={dataset.categories.clone()}
                        active={state.active.clone()} lang={lang} on_toggle={on_toggle} />
                </div>
            </header>
            if !state.unknown.is_empty() {
                <Notice title={s.unknown_categories}
                    items={state.unknown.iter().map(|u| AttrValue::from(u.clone())).collect::<Vec<_>>()} />
            }
            <div class="groups">{ for groups }</div>
            <Footer source={dataset.source.clone()} lang={lang} on_replay={on_replay} />
        </section>
    }
}
