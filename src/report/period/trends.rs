//! The trends: each headline figure against the previous period and the same period a
//! year before, and the 13 months ending with the period's last month.

use super::input::Input;
use super::sections::{Head, headline};
use super::*;
use crate::domain::calendar::ServiceNight;
use chrono::NaiveDate;

/// Change from `before` to `now` in percent, one decimal; none from 0.
pub fn change(now: u32, before: u32) -> Option<f64> {
    (before > 0).then(|| ((now as f64 - before as f64) * 1000.0 / before as f64).round() / 10.0)
}

pub(super) fn trends(input: &Input, head: &Head) -> Trends {
    let (prev, year) = (input.period.previous(), input.period.year_before());
    let p = headline(input, prev.first(), prev.last());
    let y = headline(input, year.first(), year.last());
    let figures = [
        ("nights", head.nights, p.nights, y.nights),
        ("requests", head.requests, p.requests, y.requests),
        (
            "interventions",
            head.interventions,
            p.interventions,
            y.interventions,
        ),
        (
            "observations",
            head.observations,
            p.observations,
            y.observations,
        ),
        ("actions", head.actions, p.actions, y.actions),
        (
            "situations_opened",
            head.situations_opened,
            p.situations_opened,
            y.situations_opened,
        ),
    ];
    let figures: Vec<Trend> = figures
        .into_iter()
        .map(|(figure, value, previous, year_before)| Trend {
            figure: figure.to_string(),
            value,
            previous,
            year_before,
            change_previous_pct: change(value, previous),
            change_year_before_pct: change(value, year_before),
        })
        .collect();
    let month_end = |start: NaiveDate| {
        start
            .checked_add_months(chrono::Months::new(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(start)
    };
    let monthly = (0..13)
        .rev()
        .map(|back| {
            let start = input.period.month_start_back(back);
            let now = headline(input, ServiceNight(start), ServiceNight(month_end(start)));
            let ago = start
                .checked_sub_months(chrono::Months::new(12))
                .unwrap_or(start);
            let before = headline(input, ServiceNight(ago), ServiceNight(month_end(ago)));
            MonthPoint {
                month: start.format("%Y-%m").to_string(),
                requests: now.requests,
                interventions: now.interventions,
                observations: now.observations,
                year_before_requests: before.requests,
                year_before_interventions: before.interventions,
            }
        })
        .collect();
    Trends {
        previous_from: prev.first(),
        previous_to: prev.last(),
        year_before_from: year.first(),
        year_before_to: year.last(),
        headline: figures,
        monthly,
    }
}
