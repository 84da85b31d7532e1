use yew::prelude::*;

/// A readable message inside the widget: what went wrong (`title`, in the reader's
/// language) and the details, one per line. Bad input is explained, never fatal.
pub fn notice(title: &str, items: &[String]) -> Html {
    html! {
        <div class="notice" role="status">
            <p>{ title.to_string() }</p>
            if !items.is_empty() {
                <ul>{ for items.iter().map(|i| html! { <li>{ i.clone() }</li> }) }</ul>
            }
        </div>
    }
}
