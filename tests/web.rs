//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounted in
//! a real DOM, checked through the elements a user would see.
#![cfg(target_arch = "wasm32")]

use loyalty_lab::web::{app::App, installed, recovery, screens, storage};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "data/default_run.rs"]
mod default_run;

fn document() -> web_sys::Document {
    gloo::utils::document()
}

fn local() -> web_sys::Storage {
    gloo::utils::window().local_storage().unwrap().unwrap()
}

async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Mounts the app at `hash` with `saved` (if any) in storage.
async fn mount(hash: &str, saved: Option<&str>) -> (yew::AppHandle<App>, Element) {
    local().clear().unwrap();
    if let Some(s) = saved {
        local().set_item(storage::KEY, s).unwrap();
    }
    gloo::utils::window().location().set_hash(hash).unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    installed::install(None, screens::all);
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    tick().await;
    (handle, root)
}

fn unmount((handle, root): (yew::AppHandle<App>, Element)) {
    handle.destroy();
    root.remove();
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).and_then(|e| e.text_content()).unwrap_or_default()
}

/// The text at `selector` once it is there: a screen may render its lower
/// sections in later tasks (`widgets::Later`). Gives up after about 3 s.
async fn text_soon(root: &Element, selector: &str) -> String {
    for _ in 0..100 {
        if find(root, selector).is_some() {
            break;
        }
        tick().await;
    }
    text(root, selector)
}

fn html_lang() -> String {
    document()
        .document_element()
        .unwrap()
        .get_attribute("lang")
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn course_map_shows_twelve_lectures_in_seven_chapters() {
    let app = mount("#/", None).await;
    let root = &app.1;
    assert_eq!(
        root.query_selector_all("[data-testid^='lecture-card-']")
            .unwrap()
            .length(),
        12
    );
    assert_eq!(root.query_selector_all("section.chapter").unwrap().length(), 7);
    assert_eq!(text(root, "h1"), "客户忠诚的价值");
    assert_eq!(html_lang(), "zh-CN");
    assert!(text(root, "[data-testid='continue']").contains("第一讲"));
    unmount(app);
}

#[wasm_bindgen_test]
async fn lecture_page_marks_done_and_saves() {
    let app = mount("#/lecture/3", None).await;
    let root = &app.1;
    let title = loyalty_lab::course::lectures::course()
        .lecture(3)
        .unwrap()
        .title
        .zh
        .clone();
    assert!(text(root, "h1").contains(&title), "h1 was {:?}", text(root, "h1"));
    let button: HtmlElement = find(root, "[data-testid='mark-done']").unwrap().dyn_into().unwrap();
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("false"));
    button.click();
    tick().await;
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("true"));
    let saved = local().get_item(storage::KEY).unwrap().expect("progress saved");
    let p = loyalty_lab::progress::record::decode(&saved).unwrap().progress;
    assert_eq!(p.status(3), loyalty_lab::progress::record::Status::Done);
    assert_eq!(p.last.as_deref(), Some("/lecture/3"));
    unmount(app);
}

#[wasm_bindgen_test]
async fn language_follows_query_and_switch() {
    let app = mount("#/?lang=en", None).await;
    let root = &app.1;
    tick().await;
    assert_eq!(html_lang(), "en");
    assert_eq!(text(root, "h1"), "The Value of Customer Loyalty");
    let switch: HtmlElement = find(root, "[data-testid='lang-switch']").unwrap().dyn_into().unwrap();
    switch.click();
    tick().await;
    assert_eq!(html_lang(), "zh-CN");
    assert_eq!(text(root, "h1"), "客户忠诚的价值");
    unmount(app);
}

#[wasm_bindgen_test]
async fn damaged_storage_is_kept_and_explained() {
    let app = mount("#/", Some("{oops")).await;
    let root = &app.1;
    assert!(
        find(root, "[data-testid='notice-damaged']").is_some(),
        "no damage notice"
    );
    assert_eq!(
        root.query_selector_all("[data-testid^='lecture-card-']")
            .unwrap()
            .length(),
        12
    );
    let store = local();
    let backups: Vec<String> = (0..store.length().unwrap())
        .filter_map(|i| store.key(i).unwrap())
        .filter(|k| k.starts_with(storage::BACKUP_PREFIX))
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(store.get_item(&backups[0]).unwrap().as_deref(), Some("{oops"));
    // Nothing new has been done yet, so the original is still in place too.
    assert_eq!(store.get_item(storage::KEY).unwrap().as_deref(), Some("{oops"));
    unmount(app);
}

#[wasm_bindgen_test]
async fn unknown_address_shows_not_found_with_a_way_home() {
    let app = mount("#/lecture/42", None).await;
    let root = &app.1;
    assert!(find(root, "[data-testid='not-found']").is_some());
    assert!(find(root, "[data-testid='not-found'] a[href='#/']").is_some());
    unmount(app);
}

#[wasm_bindgen_test]
fn recovery_panel_offers_the_saved_progress() {
    local().clear().unwrap();
    local()
        .set_item(storage::KEY, r#"{"app":"loyalty-lab","version":2}"#)
        .unwrap();
    let doc = document();
    let panel = doc.create_element("section").unwrap();
    panel.set_id("recovery");
    panel.set_attribute("hidden", "").unwrap();
    panel.set_inner_html(r#"<a id="recovery-export">export</a><pre id="recovery-detail"></pre>"#);
    doc.body().unwrap().append_child(&panel).unwrap();

    recovery::show("boom");

    assert!(!panel.has_attribute("hidden"));
    let href = doc
        .get_element_by_id("recovery-export")
        .unwrap()
        .get_attribute("href")
        .unwrap();
    assert!(href.starts_with("data:application/json"), "{href}");
    assert!(href.contains("loyalty-lab"), "{href}");
    assert_eq!(
        doc.get_element_by_id("recovery-detail")
            .unwrap()
            .text_content()
            .as_deref(),
        Some("boom")
    );
    panel.remove();
}

#[wasm_bindgen_test]
async fn smith_screen_shows_the_course_figures() {
    let app = mount("#/smith", None).await;
    let root = &app.1;
    assert_eq!(text_soon(root, "[data-testid='smith-direct-loss']").await, "$26,000");
    assert!(text(root, "[data-testid='smith-total-low']").contains("$221,000"));
    assert!(text(root, "[data-testid='smith-total-high']").contains("$416,000"));
    unmount(app);
}

/// The same seed gives the same Monte Carlo run here as natively.
#[wasm_bindgen_test]
fn smith_monte_carlo_matches_the_native_run() {
    default_run::check_default_run();
}

#[wasm_bindgen_test]
async fn mirror_screen_reads_its_levers_from_the_address() {
    let app = mount("#/mirror?training=85&empowerment=85&turnover=8", None).await;
    let cs: f64 = text_soon(&app.1, "[data-testid='mirror-customer-satisfaction']")
        .await
        .parse()
        .unwrap();
    unmount(app);
    let app = mount("#/mirror?training=5&empowerment=5&turnover=45", None).await;
    let low: f64 = text_soon(&app.1, "[data-testid='mirror-customer-satisfaction']")
        .await
        .parse()
        .unwrap();
    unmount(app);
    assert!(cs > low + 20.0, "{cs} vs {low}");
}

#[wasm_bindgen_test]
async fn emotion_line_shows_the_selected_path() {
    let app = mount("#/emotion-line?path=none", None).await;
    let start: f64 = text_soon(&app.1, "[data-testid='emotion-start']")
        .await
        .parse()
        .unwrap();
    let none: f64 = text(&app.1, "[data-testid='emotion-final']").parse().unwrap();
    unmount(app);
    assert!(none < start, "{none} vs {start}");
}
