//! A request's lines: received (with the caller, if still kept), corrected, and how it
//! ended without a visit.

use super::Words;
use crate::domain::event::Event;
use crate::domain::ids::PersonalId;
use crate::i18n::vocab;

pub(super) fn describe(event: &Event, w: &Words) -> Option<String> {
    let (l, colon) = (w.l, w.colon);
    let request_word = l.pick("Sollicitation", "Request");
    Some(match event {
        Event::RequestReceived {
            number,
            source,
            site,
            category,
            priority,
            personal,
            entrance,
            district,
            ..
        } => format!(
            "{request_word} {number} {}{colon} {}, {}, {}{} — {} {}{}",
            l.pick("reçue", "received"),
            vocab::category(*category, l),
            vocab::priority(*priority, l),
            match district {
                // A free address: its district (the address itself is personal data).
                Some(d) if site.is_empty() => format!(
                    "{} ({})",
                    l.pick("adresse libre", "free address"),
                    w.t.district(d).map_or(d.as_str(), |d| d.name.as_str())
                ),
                _ => w.site(site),
            },
            entrance
                .as_ref()
                .map_or(String::new(), |e| format!(", {e}")),
            l.pick("source", "source"),
            vocab::source(*source, l),
            caller(*personal, w)
        ),
        Event::RequestCorrected {
            request,
            source,
            site,
            category,
            priority,
            entrance,
        } => {
            let mut parts = Vec::new();
            if let Some(e) = entrance {
                parts.push(format!("{} {e}", l.pick("entrée", "entrance")));
            }
            if let Some(v) = source {
                parts.push(format!(
                    "{} {}",
                    l.pick("source", "source"),
                    vocab::source(*v, l)
                ));
            }
            if let Some(v) = site {
                parts.push(format!("{} {}", l.pick("lieu", "site"), w.site(v)));
            }
            if let Some(v) = category {
                parts.push(vocab::category(*v, l).to_string());
            }
            if let Some(v) = priority {
                parts.push(vocab::priority(*v, l).to_string());
            }
            format!(
                "{request_word} {} {}{colon} {}",
                w.number(request),
                l.pick("corrigée", "corrected"),
                parts.join(", ")
            )
        }
        Event::RequestRelayed {
            request,
            partner,
            note,
        } => format!(
            "{request_word} {} {} {}{}",
            w.number(request),
            l.pick("relayée à", "relayed to"),
            w.partner(partner),
            w.text(note)
        ),
        Event::RequestDismissed { request, reason } => format!(
            "{request_word} {} {} ({})",
            w.number(request),
            l.pick("sans suite", "closed without follow-up"),
            vocab::dismiss_reason(*reason, l)
        ),
        Event::RequestCancelled { request } => format!(
            "{request_word} {} {}",
            w.number(request),
            l.pick("annulée", "cancelled")
        ),
        _ => return None,
    })
}

/// " — appelant·e Name (rappel 06…) — « text »", or that the caller's data was erased.
fn caller(personal: Option<PersonalId>, w: &Words) -> String {
    let l = w.l;
    let mut extra = String::new();
    if let Some(rec) = personal.and_then(|p| w.lookup.personal(p)) {
        if let Some(name) = &rec.caller_name {
            extra.push_str(&format!(" — {} {name}", l.pick("appelant·e", "caller")));
        }
        if let Some(phone) = &rec.callback {
            extra.push_str(&format!(" ({} {phone})", l.pick("rappel", "callback")));
        }
        if let Some(d) = &rec.text {
            extra.push_str(&format!(" — « {d} »"));
        }
    } else if personal.is_some() {
        extra.push_str(l.pick(
            " — [données personnelles effacées]",
            " — [personal data erased]",
        ));
    }
    extra
}
