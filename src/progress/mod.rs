//! What trainees have done: one trainee's versioned saved record (`record`:
//! schema, migrations, decoding with typed errors) and a trainer's summary of
//! many trainees' exported records (`class`); a drill's results (`drill`),
//! part of the record. Pure: `web::storage` moves the
//! record in and out of the browser.

pub mod class;
pub mod drill;
pub mod record;
