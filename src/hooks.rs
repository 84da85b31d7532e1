//! Browser behaviour for the components: visibility, the counting clock, reduced motion
//! and arrow keys. Effects never run in server-side rendering, so none of this is
//! called outside a browser.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_render::{request_animation_frame, AnimationFrame};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    HtmlElement, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit,
};
use yew::prelude::*;

use crate::layout::{self, DURATION_MS};
use crate::state::Play;

/// A pending animation frame; dropping the handle cancels it.
pub type FrameSlot = Rc<RefCell<Option<AnimationFrame>>>;

type Watch = (
    IntersectionObserver,
    Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>,
);

/// Share of the widget that must be in view to start the animation. A widget taller
/// than the viewport starts when it fills half the viewport instead.
pub const VISIBLE_SHARE: f64 = 0.25;

/// Calls `on_visible` once, when the element behind `node` first comes into view.
#[hook]
pub fn use_in_view(node: NodeRef, on_visible: Callback<()>) {
    use_effect_with(node, move |node| {
        let mut cleanup: Option<Watch> = None;
        if let Some(element) = node.cast::<web_sys::Element>() {
            let callback = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
                move |entries: js_sys::Array, observer: IntersectionObserver| {
                    let seen = entries.iter().any(|e| {
                        let e: IntersectionObserverEntry = e.unchecked_into();
                        let viewport = e.root_bounds().map_or(0.0, |r| r.height());
                        e.is_intersecting()
                            && (e.intersection_ratio() >= VISIBLE_SHARE
                                || e.intersection_rect().height() >= viewport / 2.0)
                    });
                    if seen {
                        observer.disconnect();
                        on_visible.emit(());
                    }
                },
            );
            let init = IntersectionObserverInit::new();
            let steps = js_sys::Array::new();
            for i in 0..=5 {
                steps.push(&JsValue::from_f64(i as f64 * VISIBLE_SHARE / 5.0));
            }
            init.set_threshold(&steps);
            if let Ok(observer) =
                IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
            {
                observer.observe(&element);
                cleanup = Some((observer, callback));
            }
        }
        move || {
            if let Some((observer, _callback)) = cleanup {
                observer.disconnect();
            }
        }
    });
}

/// The value to show now for a number counting from 0 to `target`: 0 before the
/// animation starts, exactly `target` once it is over.
#[hook]
pub fn use_tween(target: f64, play: Play) -> f64 {
    let elapsed = use_state_eq(|| {
        if play.started && play.instant {
            DURATION_MS
        } else {
            0.0
        }
    });
    {
        let elapsed = elapsed.setter();
        use_effect_with(play, move |play| {
            let slot: FrameSlot = Rc::default();
            if !play.started {
                elapsed.set(0.0);
            } else if play.instant {
                elapsed.set(DURATION_MS);
            } else {
                tick(slot.clone(), Rc::default(), elapsed);
            }
            move || drop(slot.borrow_mut().take())
        });
    }
    layout::tween(target, *elapsed)
}

fn tick(slot: FrameSlot, start: Rc<Cell<Option<f64>>>, elapsed: UseStateSetter<f64>) {
    let next = slot.clone();
    let frame = request_animation_frame(move |now| {
        let t0 = start.get().unwrap_or(now);
        start.set(Some(t0));
        let e = now - t0;
        elapsed.set(e);
        if e < DURATION_MS {
            tick(next, start, elapsed);
        }
    });
    *slot.borrow_mut() = Some(frame);
}

/// Calls `f` after two animation frames: long enough for the browser to have drawn the
/// current state, so that a CSS transition from it runs.
pub fn after_two_frames(f: impl FnOnce() + 'static) -> FrameSlot {
    let slot: FrameSlot = Rc::default();
    let inner = slot.clone();
    let first = request_animation_frame(move |_| {
        let second = request_animation_frame(move |_| f());
        *inner.borrow_mut() = Some(second);
    });
    *slot.borrow_mut() = Some(first);
    slot
}

/// Whether the reader asked the system for less motion.
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Arrow keys, Home and End move the focus among the buttons of a group, wrapping at
/// the ends. Tab still leaves the group.
pub fn on_group_keydown(e: KeyboardEvent) {
    let Some(current) = e.target_dyn_into::<HtmlElement>() else {
        return;
    };
    let Some(parent) = current.parent_element() else {
        return;
    };
    let next = match e.key().as_str() {
        "ArrowRight" | "ArrowDown" => current
            .next_element_sibling()
            .or_else(|| parent.first_element_child()),
        "ArrowLeft" | "ArrowUp" => current
            .previous_element_sibling()
            .or_else(|| parent.last_element_child()),
        "Home" => parent.first_element_child(),
        "End" => parent.last_element_child(),
        _ => return,
    };
    if let Some(next) = next.and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
        e.prevent_default();
        let _ = next.focus();
    }
}
