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
    let mut out = header(h, t, l);
    let sections = [
        (
            l.pick("Sollicitations encore ouvertes", "Requests still open"),
            requests(h, t, l),
        ),
        (
            l.pick("Équipes pas rentrées", "Teams not back"),
            teams(h, l),
        ),
        (
            l.pick(
                "Alertes de contact de la nuit",
                "Check-in alerts of the night",
            ),
            alerts(h, l),
        ),
        (l.pick("Relais engagés", "Relays engaged"), relays(h, t, l)),
        (
            l.pick("Relais attendus", "Relays awaited"),
            super::desk_text::awaited(&h.desk, t, l),
        ),
        (
            l.pick("Feuille de route", "Night's plan"),
            super::desk_text::plan(&h.desk.plan, t, l),
        ),
        (
            l.pick("Veille : nouveau ce soir", "Watch: new tonight"),
            super::desk_text::observations(&h.desk, t, l),
        ),
        (
            l.pick("Rappels non faits", "Callbacks not made"),
            callbacks(h, t, l),
        ),
        (
            l.pick("Situations ouvertes", "Open situations"),
            cases(h, t, l),
        ),
        (
            l.pick(
                "Consignes et points de vigilance",
                "Instructions and watch points",
            ),
            instructions(h, t, l),
        ),
    ];
    for (title, items) in sections {
        heading(&mut out, title, items.len());
        if items.is_empty() {
            out.push(l.pick("  — aucune", "  — none").to_string());
        }
        out.extend(items);
    }
    note(&mut out, h, l);
    out
}

/// The title, who coordinated, and whether the handover was taken.
fn header(h: &Handover, t: &Territory, l: Lang) -> Vec<String> {
    let name = |id: &String| t.coordinator(id).map_or(id.clone(), |x| x.name.clone());
    let who: Vec<String> = h.coordinators.iter().map(name).collect();
    let taken = match (&h.acknowledged, h.open) {
        (_, true) => l
            .pick(
                "Nuit en cours : pas encore clôturée.",
                "Night still running: not closed yet.",
            )
            .to_string(),
        (Some(a), _) => format!(
            "{} {} ({})",
            l.pick("Prise par", "Taken by"),
            name(&a.coordinator),
            dates::date_time(a.at)
        ),
        (None, _) => l
            .pick(
                "Pas encore prise par la coordination suivante.",
                "Not yet taken by the next coordinator.",
            )
            .to_string(),
    };
    vec![
        format!(
            "# {} — {}",
            l.pick("Passation", "Handover"),
            dates::night_title(h.night, l)
        ),
        format!(
            "{} {}",
            l.pick("Coordination :", "Coordinator:"),
            who.join(", ")
        ),
        taken,
    ]
}

fn requests(h: &Handover, t: &Territory, l: Lang) -> Vec<String> {
    let line = |r: &super::handover::OpenRequest| {
        let state = match (&r.team, r.decided) {
            (Some(team), _) => format!("{team} {}", vocab::request_status(r.status, l)),
            (None, true) => l.pick("reportée", "carried over").to_string(),
            (None, false) => l.pick("à décider", "to decide").to_string(),
        };
        format!(
            "  {} {:>3} {:?} {:>5}′  {} — {} — {state}",
            r.night,
            r.number,
            r.priority,
            r.age_minutes,
            vocab::category(r.category, l),
            site_name(t, &r.site),
        )
    };
    h.requests.iter().map(line).collect()
}

fn teams(h: &Handover, l: Lang) -> Vec<String> {
    let line = |team: &super::handover::TeamNotBack| {
        let on = team.request.map_or(String::new(), |n| format!(" → {n}"));
        let status = vocab::team_status(team.status, l);
        format!("  {} {status}{on}", team.call_sign)
    };
    h.teams.iter().map(line).collect()
}

fn alerts(h: &Handover, l: Lang) -> Vec<String> {
    let line = |a: &super::handover::CheckInAlert| {
        format!(
            "  {}{} {} {} {}′ {}",
            if a.red { "‼ " } else { "! " },
            a.team,
            l.pick("sans contact depuis", "without contact from"),
            dates::clock(a.from),
            a.minutes,
            l.pick("sur place", "on site")
        )
    };
    h.alerts.iter().map(line).collect()
}

fn relays(h: &Handover, t: &Territory, l: Lang) -> Vec<String> {
    let line = |r: &super::handover::Relay| {
        let partner = t
            .partner(&r.partner)
            .map_or(r.partner.clone(), |p| p.name.clone());
        let on = r.request.map_or(String::new(), |n| {
            format!(" ({} {n})", l.pick("sollicitation", "request"))
        });
        format!("  {} {partner}{on}", dates::clock(r.at))
    };
    h.relays.iter().map(line).collect()
}

fn cases(h: &Handover, t: &Territory, l: Lang) -> Vec<String> {
    let line = |c: &super::handover::OpenCase| {
        let follow = c
            .follow_up
            .map_or("—".to_string(), |d| dates::short_date(d, l));
        format!(
            "  {}{:>4} {} — {} — {} {} — {} {follow}",
            if c.due { "! " } else { "  " },
            c.id,
            site_name(t, &c.site),
            vocab::case_state(c.state, l),
            l.pick("dernier pas :", "last step:"),
            c.last_level.map_or("—", |v| vocab::level(v, l)),
            l.pick("suivi", "follow-up"),
        )
    };
    h.cases.iter().map(line).collect()
}

fn instructions(h: &Handover, t: &Territory, l: Lang) -> Vec<String> {
    let colon = l.pick(" :", ":");
    let line = |i: &crate::domain::handover::Instruction| {
        let until = i.until.map_or(String::new(), |d| {
            format!(
                " ({} {})",
                l.pick("jusqu'au", "until"),
                dates::short_date(d, l)
            )
        });
        format!(
            "  [{}] {} — {}{until}{colon} {}",
            i.id,
            words::instruction_kind(i.kind, l),
            words::scope(t, &i.scope, l),
            i.text
        )
    };
    h.instructions.iter().map(line).collect()
}

fn note(out: &mut Vec<String>, h: &Handover, l: Lang) {
    let colon = l.pick(" :", ":");
    out.push(String::new());
    out.push(format!(
        "## {}",
        l.pick("Note de passation", "Handover note")
    ));
    let Some(n) = &h.note else {
        out.push(
            l.pick("  — pas encore écrite", "  — not written yet")
                .to_string(),
        );
        return;
    };
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

fn callbacks(h: &Handover, t: &Territory, l: Lang) -> Vec<String> {
    let line = |c: &super::callbacks::CallbackDue| {
        let tries = match c.tries {
            0 => String::new(),
            n => format!(
                " — {n} {}",
                l.pick("essai(s) sans réponse", "try(ies) unanswered")
            ),
        };
        format!(
            "  {} {:>3} {} {}  {}{tries}",
            c.night,
            c.number,
            l.pick("à rappeler à", "to call back at"),
            dates::clock(c.due),
            site_name(t, &c.site),
        )
    };
    h.callbacks.iter().map(line).collect()
}
