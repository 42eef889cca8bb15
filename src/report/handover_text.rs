//! The handover as text, for `vigie handover` (and anyone who reads it without the console).

use super::handover::Handover;
use crate::domain::reference::Territory;
use crate::i18n::{Lang, dates, handover as words, vocab};

fn site_name(t: &Territory, id: &str) -> String {
    t.site(id).map_or(id.to_string(), |s| {
        let district = t.district(&s.district).map_or("", |d| d.name.as_str());
        format!("{} ({district})", s.name)
    })
}

fn heading(out: &mut Vec<String>, title: &str, count: usize) {
    out.push(String::new());
    out.push(format!("## {title} ({count})"));
}

/// One line per item, critical sections first; an empty section says so.
pub fn lines(h: &Handover, t: &Territory, lang: Lang) -> Vec<String> {
    let l = lang;
    let mut out = vec![format!(
        "# {} — {}",
        l.pick("Passation", "Handover"),
        dates::night_title(h.night, l)
    )];
    let who: Vec<String> = h
        .coordinators
        .iter()
        .map(|c| t.coordinator(c).map_or(c.clone(), |x| x.name.clone()))
        .collect();
    out.push(format!(
        "{} {}",
        l.pick("Coordination :", "Coordinator:"),
        who.join(", ")
    ));
    out.push(match (&h.acknowledged, h.open) {
        (_, true) => l
            .pick(
                "Nuit en cours : pas encore clôturée.",
                "Night still running: not closed yet.",
            )
            .to_string(),
        (Some(a), _) => format!(
            "{} {} ({})",
            l.pick("Prise par", "Taken by"),
            t.coordinator(&a.coordinator)
                .map_or(a.coordinator.clone(), |c| c.name.clone()),
            dates::date_time(a.at)
        ),
        (None, _) => l
            .pick(
                "Pas encore prise par la coordination suivante.",
                "Not yet taken by the next coordinator.",
            )
            .to_string(),
    });
    let none = l.pick("  — aucune", "  — none").to_string();
    let colon = l.pick(" :", ":");

    heading(
        &mut out,
        l.pick("Sollicitations encore ouvertes", "Requests still open"),
        h.requests.len(),
    );
    for r in &h.requests {
        let state = match (&r.team, r.decided) {
            (Some(team), _) => format!("{team} {}", vocab::request_status(r.status, l)),
            (None, true) => l.pick("reportée", "carried over").to_string(),
            (None, false) => l.pick("à décider", "to decide").to_string(),
        };
        out.push(format!(
            "  {} {:>3} {:?} {:>5}′  {} — {} — {state}",
            r.night,
            r.number,
            r.priority,
            r.age_minutes,
            vocab::category(r.category, l),
            site_name(t, &r.site),
        ));
    }
    if h.requests.is_empty() {
        out.push(none.clone());
    }

    heading(
        &mut out,
        l.pick("Équipes pas rentrées", "Teams not back"),
        h.teams.len(),
    );
    for team in &h.teams {
        let on = team.request.map_or(String::new(), |n| format!(" → {n}"));
        out.push(format!(
            "  {} {}{on}",
            team.call_sign,
            vocab::team_status(team.status, l)
        ));
    }
    if h.teams.is_empty() {
        out.push(none.clone());
    }

    heading(
        &mut out,
        l.pick(
            "Alertes de contact de la nuit",
            "Check-in alerts of the night",
        ),
        h.alerts.len(),
    );
    for a in &h.alerts {
        out.push(format!(
            "  {}{} {} {} {}′ {}",
            if a.red { "‼ " } else { "! " },
            a.team,
            l.pick("sans contact depuis", "without contact from"),
            dates::clock(a.from),
            a.minutes,
            l.pick("sur place", "on site")
        ));
    }
    if h.alerts.is_empty() {
        out.push(none.clone());
    }

    heading(
        &mut out,
        l.pick("Relais engagés", "Relays engaged"),
        h.relays.len(),
    );
    for r in &h.relays {
        let partner = t
            .partner(&r.partner)
            .map_or(r.partner.clone(), |p| p.name.clone());
        let on = r.request.map_or(String::new(), |n| {
            format!(" ({} {n})", l.pick("sollicitation", "request"))
        });
        out.push(format!("  {} {partner}{on}", dates::clock(r.at)));
    }
    if h.relays.is_empty() {
        out.push(none.clone());
    }

    heading(
        &mut out,
        l.pick("Situations ouvertes", "Open situations"),
        h.cases.len(),
    );
    for c in &h.cases {
        let follow = c
            .follow_up
            .map_or("—".to_string(), |d| dates::short_date(d, l));
        out.push(format!(
            "  {}{:>4} {} — {} — {} {} — {} {follow}",
            if c.due { "! " } else { "  " },
            c.id,
            site_name(t, &c.site),
            vocab::case_state(c.state, l),
            l.pick("dernier pas :", "last step:"),
            c.last_level.map_or("—", |v| vocab::level(v, l)),
            l.pick("suivi", "follow-up"),
        ));
    }
    if h.cases.is_empty() {
        out.push(none.clone());
    }

    heading(
        &mut out,
        l.pick(
            "Consignes et points de vigilance",
            "Instructions and watch points",
        ),
        h.instructions.len(),
    );
    for i in &h.instructions {
        let until = i.until.map_or(String::new(), |d| {
            format!(
                " ({} {})",
                l.pick("jusqu'au", "until"),
                dates::short_date(d, l)
            )
        });
        out.push(format!(
            "  [{}] {} — {}{until}{colon} {}",
            i.id,
            words::instruction_kind(i.kind, l),
            words::scope(t, &i.scope, l),
            i.text
        ));
    }
    if h.instructions.is_empty() {
        out.push(none.clone());
    }

    out.push(String::new());
    out.push(format!(
        "## {}",
        l.pick("Note de passation", "Handover note")
    ));
    match &h.note {
        Some(n) => {
            for (label, text) in [
                (l.pick("Situation", "Situation"), &n.situation),
                (l.pick("Actions en cours", "Actions under way"), &n.actions),
                (l.pick("Besoins", "Needs"), &n.needs),
            ] {
                let text = if text.is_empty() {
                    "—"
                } else {
                    text.as_str()
                };
                out.push(format!("  {label}{colon} {text}"));
            }
        }
        None => out.push(
            l.pick("  — pas encore écrite", "  — not written yet")
                .to_string(),
        ),
    }
    out
}
