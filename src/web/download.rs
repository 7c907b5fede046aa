//! Saves a text as a file on the trainee's device (progress export, backup
//! export), through a Blob URL and a temporary link: no server involved.

use wasm_bindgen::JsCast;

/// Offers `text` as a download named `name`. Returns false if the browser
/// refused, so the caller can say so.
pub fn save_text(name: &str, mime: &str, text: &str) -> bool {
    try_save(name, mime, text).is_some()
}

fn try_save(name: &str, mime: &str, text: &str) -> Option<()> {
    let document = gloo::utils::document();
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    document.body()?.append_child(&a).ok()?;
    a.click();
    a.remove();
    // The click has handed the Blob to the download; release the URL later
    // so slow browsers can still read it.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Some(())
}

/// Today's date as YYYY-MM-DD, for file names.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}
