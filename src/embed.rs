//! The wasm entry: what the `<salystyr-infographic>` element's script calls. It only
//! mounts; everything else happens in the components.
//!
//! ```js
//! const app = new Instance(rootInShadow, el.getAttribute("lang"), el.getAttribute("categories"));
//! app.update(lang, categories);   // on attribute change
//! app.destroy();                  // on removal
//! ```

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

use crate::components::{App, AppProps};
use crate::model::{seed, Lang};

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
}

fn props(lang: Option<String>, categories: Option<String>) -> AppProps {
    let host = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"));
    AppProps {
        dataset: seed().into(),
        lang: Lang::resolve(lang.as_deref(), host.as_deref()),
        categories: categories.map(Into::into),
        motion: true,
    }
}

#[wasm_bindgen]
impl Instance {
    /// Mounts an infographic into `root`, with the element's `lang` and `categories`
    /// attributes as written (either may be absent).
    #[wasm_bindgen(constructor)]
    pub fn new(root: Element, lang: Option<String>, categories: Option<String>) -> Instance {
        Instance {
            app: yew::Renderer::<App>::with_root_and_props(root, props(lang, categories)).render(),
        }
    }

    /// Applies changed attributes to the live instance.
    pub fn update(&mut self, lang: Option<String>, categories: Option<String>) {
        self.app.update(props(lang, categories));
    }

    /// Unmounts the infographic and frees it.
    pub fn destroy(self) {
        self.app.destroy();
    }
}
