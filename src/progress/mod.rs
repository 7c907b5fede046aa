//! What trainees have done: one trainee's versioned saved record (`record`:
//! schema, migrations, decoding with typed errors) and a trainer's summary of
//! many trainees' exported records (`class`). Pure: `web::storage` moves the
//! record in and out of the browser.

pub mod class;
pub mod record;
