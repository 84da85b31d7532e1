//! The one reducer of an infographic instance. Pure Rust apart from yew's `Reducible`.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Lang, Selection};

/// Everything a reader can change, and where the entry animation is.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: Lang,
    /// The dataset's category ids, in its order: toggled categories take their place.
    pub order: Rc<[String]>,
    /// Ids of the categories switched on, in dataset order once toggled.
    pub active: Vec<String>,
    /// Category ids the embed asked for that the dataset does not have.
    pub unknown: Vec<String>,
    /// Where the entry animation is.
    pub play: Play,
    /// The figures are shown as a table instead of a chart.
    pub table: bool,
    /// The instance may animate at all: false with reduced motion and in server-side
    /// rendering, where the final state shows from the start and nothing replays.
    pub motion: bool,
    /// The entry animation is running: the reader can stop it.
    pub running: bool,
}

/// The entry animation's progress, passed to every animated view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Play {
    /// The animation has started (the widget came into view, or was replayed).
    pub started: bool,
    /// Counts starts: a change restarts every counter.
    pub run: u32,
    /// Show the final state at once: reduced motion, server-side rendering, or the
    /// reader stopped the animation.
    pub instant: bool,
}

/// What can happen to an instance.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The reader or the `lang` attribute chose a language.
    SetLang(Lang),
    /// The reader switched a category on or off; the last one on stays on.
    Toggle(String),
    /// The dataset or the `categories` attribute changed: the dataset's category ids in
    /// order, and which of them to show.
    Select(Rc<[String]>, Selection),
    /// The widget came into view: start the entry animation (once).
    Play,
    /// The replay control: back to the start; `Play` follows on the next frames.
    Rewind,
    /// The stop control, while the animation runs: the final state at once.
    Stop,
    /// The animation's time is over.
    Finished,
    /// Show the figures as a table (true) or drawn (false).
    ShowTable(bool),
}

impl State {
    /// The starting state. With `still` nothing ever moves (reduced motion, a static
    /// render); with `shown` the figures are already on screen in their final state (an
    /// adopted prerender) and the reader may replay the animation.
    pub fn new(
        lang: Lang,
        order: Rc<[String]>,
        selection: Selection,
        still: bool,
        shown: bool,
    ) -> State {
        let at_end = still || shown;
        State {
            lang,
            order,
            active: selection.active,
            unknown: selection.unknown,
            play: Play {
                started: at_end,
                run: 0,
                instant: at_end,
            },
            table: false,
            motion: !still,
            running: false,
        }
    }

    pub fn is_active(&self, category: &str) -> bool {
        self.active.iter().any(|c| c == category)
    }
}

impl Reducible for State {
    type Action = Action;

    /// An action that changes nothing returns the same `Rc`, and nothing re-renders.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::Toggle(id) => {
                if next.is_active(&id) {
                    if next.active.len() > 1 {
                        next.active.retain(|c| *c != id);
                    }
                } else if self.order.contains(&id) {
                    next.active = self
                        .order
                        .iter()
                        .filter(|c| **c == id || self.is_active(c))
                        .cloned()
                        .collect();
                }
            }
            Action::Select(order, selection) => {
                next.order = order;
                next.active = selection.active;
                next.unknown = selection.unknown;
            }
            Action::Play => {
                if !next.play.started {
                    next.running = !next.play.instant;
                    next.play.started = true;
                }
            }
            Action::ShowTable(table) => next.table = table,
            Action::Rewind => {
                if !next.motion {
                    return self;
                }
                next.play = Play {
                    started: false,
                    run: next.play.run + 1,
                    instant: false,
                };
                next.running = false;
            }
            Action::Stop => {
                if next.running {
                    next.play.instant = true;
                }
                next.running = false;
            }
            Action::Finished => next.running = false,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order() -> Rc<[String]> {
        ["domestic-violence", "women", "children", "online", "law"]
            .map(String::from)
            .into()
    }

    fn state(active: &[&str]) -> Rc<State> {
        Rc::new(State::new(
            Lang::Kk,
            order(),
            Selection {
                active: active.iter().map(|s| s.to_string()).collect(),
                unknown: vec![],
            },
            false,
            false,
        ))
    }

    fn ids(s: &State) -> Vec<&str> {
        s.active.iter().map(String::as_str).collect()
    }

    #[test]
    fn actions() {
        let table: &[(&[&str], Action, &[&str])] = &[
            (
                &["women"],
                Action::Toggle("children".into()),
                &["women", "children"],
            ),
            (
                &["children"],
                Action::Toggle("women".into()),
                &["women", "children"],
            ),
            (
                &["women", "children"],
                Action::Toggle("women".into()),
                &["children"],
            ),
            (
                &["law", "domestic-violence"],
                Action::Toggle("online".into()),
                &["domestic-violence", "online", "law"],
            ),
        ];
        for (start, action, want) in table {
            let next = state(start).reduce(action.clone());
            assert_eq!(ids(&next), *want, "{start:?} {action:?}");
        }
    }

    #[test]
    fn no_ops_return_the_same_rc() {
        let table: &[(&[&str], Action)] = &[
            (&["women"], Action::Toggle("women".into())),
            (&["women"], Action::Toggle("no-such-category".into())),
            (&["women"], Action::SetLang(Lang::Kk)),
            (&["women"], Action::ShowTable(false)),
        ];
        for (start, action) in table {
            let s = state(start);
            let next = s.clone().reduce(action.clone());
            assert!(Rc::ptr_eq(&s, &next), "{action:?} should be a no-op");
        }
        let s = state(&["women"]);
        let played = s.clone().reduce(Action::Play);
        assert!(!Rc::ptr_eq(&s, &played));
        let again = played.clone().reduce(Action::Play);
        assert!(Rc::ptr_eq(&played, &again));
    }

    #[test]
    fn language_and_replay() {
        let s = state(&["women"]).reduce(Action::SetLang(Lang::En));
        assert_eq!(s.lang, Lang::En);
        let s = s.reduce(Action::Play);
        assert!(s.play.started && s.running);
        let s = s.reduce(Action::Finished);
        assert!(s.play.started && !s.running);
        let s = s.reduce(Action::Rewind);
        assert_eq!(
            s.play,
            Play {
                started: false,
                run: 1,
                instant: false
            }
        );
        // Stopped while running: the final state at once; a replay animates again.
        let s = s.reduce(Action::Play);
        assert!(s.running);
        let stopped = s.reduce(Action::Stop);
        assert!(stopped.play.started && stopped.play.instant && !stopped.running);
        assert!(Rc::ptr_eq(&stopped, &stopped.clone().reduce(Action::Stop)));
        assert!(Rc::ptr_eq(
            &stopped,
            &stopped.clone().reduce(Action::Finished)
        ));
        let s = stopped.reduce(Action::Rewind);
        assert!(!s.play.started && !s.play.instant && s.play.run == 2);
        assert!(s.reduce(Action::Play).running);
        let instant = Rc::new(State::new(
            Lang::Ru,
            order(),
            Selection {
                active: vec![],
                unknown: vec![],
            },
            true,
            false,
        ));
        for action in [Action::Rewind, Action::Stop, Action::Finished, Action::Play] {
            assert!(
                Rc::ptr_eq(&instant, &instant.clone().reduce(action.clone())),
                "{action:?} with reduced motion"
            );
        }
        assert!(!instant.running && instant.play.started);
    }

    #[test]
    fn an_adopted_prerender_starts_at_the_end_and_may_replay() {
        let shown = Rc::new(State::new(
            Lang::Kk,
            order(),
            Selection {
                active: vec![],
                unknown: vec![],
            },
            false,
            true,
        ));
        assert!(shown.play.started && shown.play.instant && shown.motion && !shown.running);
        assert!(Rc::ptr_eq(&shown, &shown.clone().reduce(Action::Play)));
        let replayed = shown.reduce(Action::Rewind).reduce(Action::Play);
        assert!(replayed.running && !replayed.play.instant);
    }
}
