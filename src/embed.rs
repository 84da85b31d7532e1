//! The wasm entry: what the `<salystyr-infographic>` element's script calls. It only
//! mounts and hands over data; everything else happens in the components.
//!
//! ```js
//! const app = new Instance(parent, lang, categories, shown, onChange, onExport);
//!   // parent: the shadow root, or a fragment to render in before it replaces a prerender
//!   // shown: the figures are on screen already (a prerender in view): start at the end
//!   // onChange(lang, "id,id", "chart" | "table"): the reader chose
//!   // onExport(name, "csv" | "svg" | "png", "id,id", lang): the reader asked for a file
//! app.load(jsonText);               // the dataset: `src`, inline JSON, `data`, or the
//!                                   // built-in one (from the bundle's prerender file)
//! app.update(lang, categories);     // an attribute changed
//! app.wait();                      // a new `src` is on its way
//! app.fail("timeout" | "network" | "status", httpStatus);
//! app.destroy();                    // the element left the page
//! ```
//!
//! A removed element's app is unmounted, but the `<div>` Yew was mounted on is kept and
//! the next element mounts on it: Yew 0.23 never frees the element an app is mounted on
//! (its event delegation leaks a closure that holds it), so a fresh one per element would
//! keep every removed element, its shadow root and its listeners alive.
//! docs/upstream-yew-subtree-leak.md has the details and a reproduction.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, Node};
use yew::prelude::*;
use yew::AppHandle;

use crate::components::{App, AppProps, Choices, Data, Download, Export};
use crate::i18n;
use crate::model::{self, Lang, LoadError};

/// What a host shows: one element's app, or nothing while the host is spare.
#[derive(Properties, PartialEq)]
struct HostProps {
    app: Option<AppProps>,
    /// Which element's app: a new number mounts a new `App`, with fresh state.
    mount: u32,
}

#[component]
fn Host(props: &HostProps) -> Html {
    match &props.app {
        Some(app) => html! { <App key={props.mount} ..app.clone() /> },
        None => Html::default(),
    }
}

thread_local! {
    /// Hosts whose element left the page (their app unmounted), for the next elements.
    /// There are never more than the most elements that were on the page at once.
    static SPARE: RefCell<Vec<(Element, AppHandle<Host>)>> = const { RefCell::new(Vec::new()) };
    static MOUNTS: Cell<u32> = const { Cell::new(0) };
}

/// One mounted infographic.
#[wasm_bindgen]
pub struct Instance {
    host: Element,
    app: AppHandle<Host>,
    props: AppProps,
    mount: u32,
}

fn host_lang() -> Option<String> {
    web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute("lang")
}

/// Parses a dataset; problems go to the console in English for the editor, and to the
/// reader in their language.
fn read(text: &str) -> Data {
    match model::parse(text) {
        Ok(parsed) => {
            for w in &parsed.warnings {
                web_sys::console::warn_1(&format!("salystyr: {}", i18n::issue(w, Lang::En)).into());
            }
            Data::Ready(Rc::new(parsed.dataset).into())
        }
        Err(issues) => {
            for i in &issues {
                web_sys::console::error_1(
                    &format!("salystyr: {}", i18n::issue(i, Lang::En)).into(),
                );
            }
            Data::Failed(Rc::new(LoadError::Invalid(issues)).into())
        }
    }
}

#[wasm_bindgen]
impl Instance {
    /// Mounts an infographic at the end of `parent` (the element's shadow root, or a
    /// fragment that will replace a prerender there) with the element's `lang` and
    /// `categories` attributes as written (either may be absent). With `waiting`, it
    /// shows that data is on its way until `load` or `fail`; otherwise the built-in
    /// dataset. With `shown`, the figures start in their final state. `on_change` is
    /// called with the reader's choices: the language code, the category ids switched
    /// on joined by commas, and `"chart"` or `"table"`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        parent: &Node,
        lang: Option<String>,
        categories: Option<String>,
        shown: bool,
        on_change: js_sys::Function,
        on_export: js_sys::Function,
    ) -> Instance {
        let on_export = Callback::from(move |d: Download| {
            let kind = match d.kind {
                Export::Csv => "csv",
                Export::Svg => "svg",
                Export::Png => "png",
            };
            let args = js_sys::Array::of4(
                &d.name.into(),
                &kind.into(),
                &d.categories.join(",").into(),
                &d.lang.code().into(),
            );
            let _ = on_export.apply(&JsValue::NULL, &args);
        });
        let on_change = Callback::from(move |c: Choices| {
            let _ = on_change.call3(
                &JsValue::NULL,
                &c.lang.code().into(),
                &c.categories.join(",").into(),
                &(if c.table { "table" } else { "chart" }).into(),
            );
        });
        let props = AppProps {
            data: Data::Loading,
            lang: Lang::resolve(lang.as_deref(), host_lang().as_deref()),
            categories: categories.map(Into::into),
            motion: true,
            shown,
            controls: true,
            revision: 0,
            on_change: Some(on_change),
            on_export: Some(on_export),
        };
        let mount = MOUNTS.get().wrapping_add(1);
        MOUNTS.set(mount);
        let shown = HostProps {
            app: Some(props.clone()),
            mount,
        };
        let (host, app) = match SPARE.with_borrow_mut(Vec::pop) {
            Some((host, mut app)) => {
                parent.append_child(&host).unwrap_throw();
                app.update(shown);
                (host, app)
            }
            None => {
                let document = parent.owner_document().unwrap_throw();
                let host = document.create_element("div").unwrap_throw();
                parent.append_child(&host).unwrap_throw();
                let app = yew::Renderer::<Host>::with_root_and_props(host.clone(), shown).render();
                (host, app)
            }
        };
        Instance {
            host,
            app,
            props,
            mount,
        }
    }

    fn set(&mut self, props: AppProps) {
        if props != self.props {
            self.props = props.clone();
            self.app.update(HostProps {
                app: Some(props),
                mount: self.mount,
            });
        }
    }

    /// Applies changed `lang` and `categories` attributes: always, even to a value the
    /// reader has since changed (the revision says it is new).
    pub fn update(&mut self, lang: Option<String>, categories: Option<String>) {
        let props = AppProps {
            lang: Lang::resolve(lang.as_deref(), host_lang().as_deref()),
            categories: categories.map(Into::into),
            revision: self.props.revision.wrapping_add(1),
            ..self.props.clone()
        };
        self.set(props);
    }

    /// Shows that a dataset is on its way (a new `src`).
    pub fn wait(&mut self) {
        self.set(AppProps {
            data: Data::Loading,
            ..self.props.clone()
        });
    }

    /// Shows the dataset in `text` (JSON). The built-in one comes from the bundle's
    /// prerender file, as the others come from `src` or the page: the wasm carries none.
    pub fn load(&mut self, text: &str) {
        self.set(AppProps {
            data: read(text),
            ..self.props.clone()
        });
    }

    /// Shows why the dataset could not be fetched: `"timeout"`, `"status"` (with the
    /// HTTP status) or anything else for a network failure.
    pub fn fail(&mut self, reason: &str, status: u16) {
        let error = match reason {
            "timeout" => LoadError::Timeout,
            "status" => LoadError::Status(status),
            _ => LoadError::Network,
        };
        self.set(AppProps {
            data: Data::Failed(Rc::new(error).into()),
            ..self.props.clone()
        });
    }

    /// Unmounts the infographic and frees it; its host leaves the shadow root and waits
    /// for the next element.
    pub fn destroy(mut self) {
        self.host.remove();
        self.app.update(HostProps {
            app: None,
            mount: self.mount,
        });
        SPARE.with_borrow_mut(|spare| spare.push((self.host, self.app)));
    }
}
