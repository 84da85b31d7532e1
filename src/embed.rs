//! The wasm entry: what the `<salystyr-infographic>` element's script calls. It only
//! mounts and hands over data; everything else happens in the components.
//!
//! ```js
//! const app = new Instance(rootInShadow, lang, categories, waitingForSrc);
//! app.update(lang, categories);     // an attribute changed
//! app.load(jsonText);               // `src` arrived, or an inline JSON child; null: default
//! app.wait();                      // a new `src` is on its way
//! app.fail("timeout" | "network" | "status", httpStatus);
//! app.destroy();                    // the element left the page
//! ```

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

use crate::components::{App, AppProps, Data};
use crate::i18n;
use crate::model::{self, seed, Lang, LoadError};

/// The stylesheet of the widget, adopted once into every shadow root
/// (`adoptedStyleSheets`), so no `<style>` element or `style` attribute is needed.
#[wasm_bindgen]
pub fn stylesheet() -> String {
    include_str!(concat!(env!("OUT_DIR"), "/style.min.css")).to_string()
}

/// One mounted infographic.
#[wasm_bindgen]
pub struct Instance {
    app: AppHandle<App>,
    props: AppProps,
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
    /// Mounts an infographic into `root` with the element's `lang` and `categories`
    /// attributes as written (either may be absent). With `waiting`, it shows that data
    /// is on its way until `load` or `fail`; otherwise the built-in dataset.
    #[wasm_bindgen(constructor)]
    pub fn new(
        root: Element,
        lang: Option<String>,
        categories: Option<String>,
        waiting: bool,
    ) -> Instance {
        let props = AppProps {
            data: if waiting {
                Data::Loading
            } else {
                Data::Ready(seed().into())
            },
            lang: Lang::resolve(lang.as_deref(), host_lang().as_deref()),
            categories: categories.map(Into::into),
            motion: true,
            shown: false,
            controls: true,
        };
        let app = yew::Renderer::<App>::with_root_and_props(root, props.clone()).render();
        Instance { app, props }
    }

    fn set(&mut self, props: AppProps) {
        if props != self.props {
            self.props = props.clone();
            self.app.update(props);
        }
    }

    /// Applies changed `lang` and `categories` attributes.
    pub fn update(&mut self, lang: Option<String>, categories: Option<String>) {
        let props = AppProps {
            lang: Lang::resolve(lang.as_deref(), host_lang().as_deref()),
            categories: categories.map(Into::into),
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

    /// Shows the dataset in `text` (JSON), or the built-in one for `None`.
    pub fn load(&mut self, text: Option<String>) {
        let data = match text {
            Some(t) => read(&t),
            None => Data::Ready(seed().into()),
        };
        self.set(AppProps {
            data,
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

    /// Unmounts the infographic and frees it.
    pub fn destroy(self) {
        self.app.destroy();
    }
}
