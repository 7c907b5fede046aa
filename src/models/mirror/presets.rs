//! Ready-made lever sets for the stories a trainer tells: the starting firm,
//! the course's two directions (invest in staff, cut costs) and a staff
//! shock.

use super::levers::Levers;

/// Ready-made lever sets: the starting firm ("middle"), the course's two
/// stories ("invest", "cut") and a staff shock ("shock").
pub fn presets() -> Vec<(&'static str, Levers)> {
    let d = Levers::default();
    vec![
        ("middle", d),
        (
            // Invest in staff (lecture 3–4): train, empower, pay and choose
            // well, listen to complaints, keep people, no discount chasing.
            "invest",
            Levers {
                training: 85.0,
                empowerment: 85.0,
                pay: 75.0,
                hiring: 70.0,
                voice: 70.0,
                turnover: 10.0,
                promo: 0.0,
                ..d
            },
        ),
        (
            // Cut costs: almost no training, low pay, staff churn, and buy
            // customers with heavy discounts (the mirror turned downward).
            "cut",
            Levers {
                training: 5.0,
                empowerment: 20.0,
                pay: 15.0,
                hiring: 30.0,
                voice: 30.0,
                turnover: 45.0,
                promo: 70.0,
                ..d
            },
        ),
        (
            // The middling firm loses half its staff at the end of year one.
            "shock",
            Levers {
                shock_month: 12.0,
                shock_size: 0.5,
                ..d
            },
        ),
    ]
}
