//! What trainees have done: one trainee's versioned saved record (`record`:
//! schema, migrations, decoding with typed errors) and a trainer's summary of
//! many trainees' exported records (`class`); a drill's results (`drill`),
//! part of the record; the record as a SCORM 1.2 LMS sees it (`scorm`).
//! Pure: `web::storage` moves the record in and out of the browser, and
//! `web::lms` to and from an LMS.

pub mod class;
pub mod drill;
pub mod record;
pub mod scorm;
