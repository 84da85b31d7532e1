use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    /// What went wrong, in the reader's language.
    pub title: AttrValue,
    /// The details, one per line.
    #[prop_or_default]
    pub items: Vec<AttrValue>,
}

/// A readable message inside the widget: bad input is explained, never fatal.
#[component]
pub fn Notice(props: &NoticeProps) -> Html {
    html! {
        <div class="notice" role="status">
            <p>{ props.title.clone() }</p>
            if !props.items.is_empty() {
                <ul>{ for props.items.iter().map(|i| html! { <li>{ i.clone() }</li> }) }</ul>
            }
        </div>
    }
}
