//! Moves the progress record between the app and the browser's localStorage.
//! The decisions (what is valid, what to migrate) live in `progress`; this
//! file only reads, writes and keeps backups, and never panics: every browser
//! failure becomes a value the screen can explain.

use crate::progress::record::{self as progress, Loaded, Progress};

/// The localStorage key of the one record.
pub const KEY: &str = "loyalty-lab";
/// Prefix of the backup copies kept before anything overwrites saved data.
pub const BACKUP_PREFIX: &str = "loyalty-lab.backup.";
/// How many backup copies are kept (oldest dropped first).
const MAX_BACKUPS: usize = 5;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What start-up found, and what the app may do about saving.
pub struct Startup {
    pub loaded: Loaded,
    /// The raw text that could not be used (for "export it").
    pub raw: Option<String>,
    /// Where that raw text was copied, if it was.
    pub backup_key: Option<String>,
    /// Whether writing the record is safe (storage works, and anything
    /// unreadable has been backed up first).
    pub can_save: bool,
}

thread_local! {
    /// What start-up read, until the app's first state takes it.
    static FOUND: std::cell::RefCell<Option<Startup>> = const { std::cell::RefCell::new(None) };
}

/// What start-up found (read once: the first language, `web::texts`, and
/// the app's first state, `web::app`, both need it); the app takes it.
pub fn startup() -> Startup {
    FOUND.with(|f| f.borrow_mut().take()).unwrap_or_else(read)
}

/// The language of the saved record, if it has a readable one; start-up's
/// reading is kept for [`startup`].
pub fn saved_lang() -> Option<crate::support::i18n::Lang> {
    FOUND.with(|f| match &f.borrow_mut().get_or_insert_with(read).loaded {
        Loaded::Found(d) => d.progress.lang,
        _ => None,
    })
}

/// Reads the record. Damaged or newer data is copied to a backup key before
/// the app may overwrite it; if that copy fails, saving stays off.
fn read() -> Startup {
    let Some(store) = storage() else {
        return Startup {
            loaded: Loaded::Fresh,
            raw: None,
            backup_key: None,
            can_save: false,
        };
    };
    let raw = match store.get_item(KEY) {
        Ok(raw) => raw,
        Err(_) => {
            return Startup {
                loaded: Loaded::Fresh,
                raw: None,
                backup_key: None,
                can_save: false,
            }
        }
    };
    let loaded = progress::load(raw.as_deref());
    match &loaded {
        Loaded::Damaged(_) => {
            let backup_key = raw.as_deref().and_then(backup);
            Startup {
                can_save: backup_key.is_some(),
                loaded,
                raw,
                backup_key,
            }
        }
        Loaded::Found(d) if d.from_version != progress::SCHEMA => {
            // Keep the pre-migration text too: migrations must never lose data.
            let backup_key = raw.as_deref().and_then(backup);
            Startup {
                can_save: backup_key.is_some(),
                loaded,
                raw: None,
                backup_key,
            }
        }
        _ => Startup {
            loaded,
            raw: None,
            backup_key: None,
            can_save: true,
        },
    }
}

/// Saves the record; false if the browser refused (full, blocked).
pub fn save(p: &Progress) -> bool {
    storage().is_some_and(|s| s.set_item(KEY, &p.encode()).is_ok())
}

/// Copies the currently saved text to a new backup key (before an import or
/// a reset replaces it). Returns the key, or None if nothing was saved or the
/// copy failed.
pub fn backup_current() -> Option<String> {
    let raw = storage()?.get_item(KEY).ok()??;
    backup(&raw)
}

/// The text saved under `key` (another entry than the record: a trainer's
/// own material, a draft), if storage works and there is one.
pub fn read_entry(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Saves `text` under `key`; false if the browser refused.
pub fn write_entry(key: &str, text: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, text).is_ok())
}

/// Removes the entry `key` (nothing if storage does not work).
pub fn remove_entry(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Stores `raw` under a fresh backup key, pruning the oldest copies.
pub fn backup(raw: &str) -> Option<String> {
    let store = storage()?;
    let mut keys: Vec<String> = (0..store.length().ok()?)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| k.starts_with(BACKUP_PREFIX))
        .collect();
    crate::support::sort::by_key(&mut keys, |k| k[BACKUP_PREFIX.len()..].parse::<u64>().unwrap_or(0));
    let stamp = js_sys::Date::now() as u64;
    let next = keys
        .last()
        .and_then(|k| k[BACKUP_PREFIX.len()..].parse::<u64>().ok())
        .map_or(stamp, |prev| stamp.max(prev + 1));
    let key = format!("{BACKUP_PREFIX}{next}");
    store.set_item(&key, raw).ok()?;
    keys.push(key.clone());
    let excess = keys.len().saturating_sub(MAX_BACKUPS);
    for old in &keys[..excess] {
        let _ = store.remove_item(old);
    }
    Some(key)
}
