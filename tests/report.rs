//! The night report: figures against hand-computed nights, golden Markdown and CSV, the
//! JSON's documented shape, what is left out, and the command line.

mod common;

#[path = "report/cli.rs"]
mod cli;
#[path = "report/console_month.rs"]
mod console_month;
#[path = "report/facts_alone.rs"]
mod facts_alone;
#[path = "report/fixture.rs"]
mod fixture;
#[path = "report/golden.rs"]
mod golden;
#[path = "report/json_shape.rs"]
mod json_shape;
#[path = "report/nights.rs"]
mod nights;
#[path = "report/period_html.rs"]
mod period_html;
#[path = "report/period_nights.rs"]
mod period_nights;
#[path = "report/period_privacy.rs"]
mod period_privacy;
#[path = "report/period_property.rs"]
mod period_property;
#[path = "report/period_scenarios.rs"]
mod period_scenarios;
#[path = "report/privacy.rs"]
mod privacy;
#[path = "report/saturday.rs"]
mod saturday;
#[path = "report/scenarios.rs"]
mod scenarios;
#[path = "report/tuesday.rs"]
mod tuesday;
