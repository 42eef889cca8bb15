//! The night report as JSON: the `NightReport` struct itself, pretty-printed, with its
//! `schema_version` (the shape is documented field by field in docs/reports.md).

use super::night::NightReport;

pub fn render(r: &NightReport) -> Result<String, serde_json::Error> {
    let mut s = serde_json::to_string_pretty(r)?;
    s.push('\n');
    Ok(s)
}
