//! The main courante: one readable line per event, in the UI language.

use super::{Lang, dates, vocab};
use crate::domain::calendar::Hours;
use crate::domain::event::{Envelope, Event};
use crate::domain::ids::{PersonalId, RequestId};
use crate::domain::personal::PersonalRecord;
use crate::domain::reference::Territory;
use crate::domain::vocab::Position;

/// What a log line needs beyond the event: names and personal records.
pub trait Lookup {
    fn territory(&self) -> &Territory;
    fn request_number(&self, id: RequestId) -> Option<u32>;
    fn personal(&self, id: PersonalId) -> Option<PersonalRecord>;
}

/// "21:04  Sollicitation 3 reçue …", with a marker when outside service hours.
pub fn line(env: &Envelope, lookup: &dyn Lookup, lang: Lang) -> String {
    let marker = match env.hours {
        Hours::Regular => "",
        Hours::Early => lang.pick(" [avant 21 h]", " [before 21:00]"),
        Hours::Outside => lang.pick(" [hors horaires]", " [outside hours]"),
    };
    format!(
        "{}{}  {}",
        dates::clock(env.at),
        marker,
        describe(env, lookup, lang)
    )
}

pub fn describe(env: &Envelope, lookup: &dyn Lookup, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let t = lookup.territory();
    let coordinator = |id: &str| t.coordinator(id).map_or(id.to_string(), |c| c.name.clone());
    let mediator = |id: &str| t.mediator(id).map_or(id.to_string(), |m| m.name.clone());
    let site = |id: &str| {
        t.site(id).map_or(id.to_string(), |s| {
            let district = t
                .district(&s.district)
                .map_or(s.district.as_str(), |d| d.name.as_str());
            format!("{}, {} ({district})", s.name, s.address)
        })
    };
    let partner = |id: &str| t.partner(id).map_or(id.to_string(), |p| p.name.clone());
    let partners = |ids: &[String]| {
        ids.iter()
            .map(|p| partner(p))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let number = |id: &RequestId| {
        lookup
            .request_number(*id)
            .map_or(format!("#{id}"), |n| n.to_string())
    };
    let text = |id: &Option<PersonalId>| match id {
        None => String::new(),
        Some(p) => match lookup.personal(*p).and_then(|r| r.text) {
            Some(text) => format!(" — « {text} »"),
            None => lang
                .pick(" — [texte effacé]", " — [text erased]")
                .to_string(),
        },
    };
    let position = |p: &Position| match p {
        Position::Base => lang.pick("à la base", "at base").to_string(),
        Position::Site(s) => site(s),
        Position::District(d) => t.district(d).map_or(d.clone(), |d| d.name.clone()),
    };
    let l = lang;
    // French puts a space before the colon, English does not.
    let colon = l.pick(" :", ":");
    match &env.event {
        Event::NightOpened { coordinator: c, .. } => {
            format!(
                "{} — {} {}",
                dates::night_title(env.night, l),
                l.pick("ouverte par", "opened by"),
                coordinator(c)
            )
        }
        Event::CoordinatorChanged { coordinator: c } => format!(
            "{} {}",
            l.pick("Relève : coordination par", "Handover: coordination by"),
            coordinator(c)
        ),
        Event::NightClosed { night } => format!(
            "{} — {}",
            dates::night_title(*night, l),
            l.pick("clôturée", "closed")
        ),
        Event::TeamComposed {
            team,
            members,
            equipment,
        } => {
            let names = members
                .iter()
                .map(|m| mediator(m))
                .collect::<Vec<_>>()
                .join(", ");
            let eq = equipment
                .as_ref()
                .map_or(String::new(), |e| format!(" ({e})"));
            format!(
                "{} {team} {}{colon} {names}{eq}",
                l.pick("Équipe", "Team"),
                l.pick("composée", "composed")
            )
        }
        Event::TeamStatusChanged {
            team,
            status,
            position: p,
        } => {
            let at = p
                .as_ref()
                .map_or(String::new(), |p| format!(" — {}", position(p)));
            format!(
                "{} {team}{colon} {}{at}",
                l.pick("Équipe", "Team"),
                vocab::team_status(*status, l)
            )
        }
        Event::TeamPositionUpdated { team, position: p } => {
            format!(
                "{} {team}{colon} {} {}",
                l.pick("Équipe", "Team"),
                l.pick("position", "position"),
                position(p)
            )
        }
        Event::TeamContacted { team } => format!(
            "{} {team}{colon} {}",
            l.pick("Équipe", "Team"),
            l.pick("contact, tout va bien", "check-in, all well")
        ),
        Event::RequestReceived {
            number,
            source,
            site: s,
            category,
            priority,
            personal,
            ..
        } => {
            let caller = personal.and_then(|p| lookup.personal(p));
            let mut extra = String::new();
            if let Some(rec) = &caller {
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
            format!(
                "{} {number} {}{colon} {}, {}, {} — {} {}{extra}",
                l.pick("Sollicitation", "Request"),
                l.pick("reçue", "received"),
                vocab::category(*category, l),
                vocab::priority(*priority, l),
                site(s),
                l.pick("source", "source"),
                vocab::source(*source, l)
            )
        }
        Event::RequestCorrected {
            request,
            source,
            site: s,
            category,
            priority,
        } => {
            let mut parts = Vec::new();
            if let Some(v) = source {
                parts.push(format!(
                    "{} {}",
                    l.pick("source", "source"),
                    vocab::source(*v, l)
                ));
            }
            if let Some(v) = s {
                parts.push(format!("{} {}", l.pick("lieu", "site"), site(v)));
            }
            if let Some(v) = category {
                parts.push(vocab::category(*v, l).to_string());
            }
            if let Some(v) = priority {
                parts.push(vocab::priority(*v, l).to_string());
            }
            format!(
                "{} {} {}{colon} {}",
                l.pick("Sollicitation", "Request"),
                number(request),
                l.pick("corrigée", "corrected"),
                parts.join(", ")
            )
        }
        Event::RequestAssigned { request, team, .. } => {
            format!(
                "{} {team} {} {} — {}",
                l.pick("Équipe", "Team"),
                l.pick("affectée à la sollicitation", "assigned to request"),
                number(request),
                l.pick("en route", "en route")
            )
        }
        Event::TeamArrived { team, request, .. } => {
            format!(
                "{} {team} {} ({} {})",
                l.pick("Équipe", "Team"),
                l.pick("sur place", "on site"),
                l.pick("sollicitation", "request"),
                number(request)
            )
        }
        Event::TeamRecalled { team, request, .. } => format!(
            "{} {team} {} {} — {}",
            l.pick("Équipe", "Team"),
            l.pick("rappelée de la sollicitation", "recalled from request"),
            number(request),
            l.pick(
                "la sollicitation attend de nouveau",
                "the request waits again"
            )
        ),
        Event::InterventionCleared {
            request,
            team,
            level,
            outcome,
            relays,
            referrals,
            note,
            ..
        } => {
            let mut s = format!(
                "{} {} {} {team}{colon} {} — {}",
                l.pick("Sollicitation", "Request"),
                number(request),
                l.pick("clôturée par l'équipe", "cleared by team"),
                vocab::outcome(*outcome, l),
                vocab::level(*level, l)
            );
            if !relays.is_empty() {
                s.push_str(&format!(
                    " — {} {}",
                    l.pick("relais :", "relays:"),
                    partners(relays)
                ));
            }
            if !referrals.is_empty() {
                s.push_str(&format!(
                    " — {} {}",
                    l.pick("orientation :", "referred to:"),
                    partners(referrals)
                ));
            }
            s + &text(note)
        }
        Event::RequestRelayed {
            request,
            partner: p,
            note,
        } => format!(
            "{} {} {} {}{}",
            l.pick("Sollicitation", "Request"),
            number(request),
            l.pick("relayée à", "relayed to"),
            partner(p),
            text(note)
        ),
        Event::RequestDismissed { request, reason } => format!(
            "{} {} {} ({})",
            l.pick("Sollicitation", "Request"),
            number(request),
            l.pick("sans suite", "closed without follow-up"),
            vocab::dismiss_reason(*reason, l)
        ),
        Event::RequestCancelled { request } => format!(
            "{} {} {}",
            l.pick("Sollicitation", "Request"),
            number(request),
            l.pick("annulée", "cancelled")
        ),
        Event::CaseOpened {
            case,
            site: s,
            category,
        } => format!(
            "{} {case} {}{colon} {}, {}",
            l.pick("Situation", "Case"),
            l.pick("ouverte", "opened"),
            vocab::category(*category, l),
            site(s)
        ),
        Event::CaseLinked { case, request } => format!(
            "{} {} {} {case}",
            l.pick("Sollicitation", "Request"),
            number(request),
            l.pick("liée à la situation", "linked to case")
        ),
        Event::CaseStepRecorded {
            case, level, note, ..
        } => {
            format!(
                "{} {case}{colon} {}{}",
                l.pick("Situation", "Case"),
                vocab::level(*level, l),
                text(note)
            )
        }
        Event::CaseStateChanged { case, state } => format!(
            "{} {case}{colon} {}",
            l.pick("Situation", "Case"),
            vocab::case_state(*state, l)
        ),
        Event::CaseFollowUpSet { case, date } => match date {
            Some(d) => format!(
                "{} {case}{colon} {} {d}",
                l.pick("Situation", "Case"),
                l.pick("prochain suivi le", "next follow-up on")
            ),
            None => format!(
                "{} {case}{colon} {}",
                l.pick("Situation", "Case"),
                l.pick("suivi annulé", "follow-up cleared")
            ),
        },
        Event::LogEntryAdded { personal } => {
            let body = text(&Some(*personal));
            format!("{}{body}", l.pick("Note", "Note"))
        }
        Event::ObservationRecorded {
            observation,
            site: s,
            district,
            team,
            note,
        } => {
            let place = match (s, district) {
                (Some(s), _) => site(s),
                (None, Some(d)) => position(&Position::District(d.clone())),
                (None, None) => String::new(),
            };
            let by = team.as_ref().map_or(String::new(), |t| {
                format!(" ({} {t})", l.pick("équipe", "team"))
            });
            let kind = if observation.is_technical() {
                l.pick("technique", "technical")
            } else {
                l.pick("sociale", "social")
            };
            format!(
                "{} {kind}{colon} {} — {place}{by}{}",
                l.pick("Observation", "Observation"),
                vocab::observation(*observation, l),
                text(note)
            )
        }
        Event::HandoverWritten { .. }
        | Event::RequestCarriedOver { .. }
        | Event::HandoverAcknowledged { .. }
        | Event::InstructionAdded { .. }
        | Event::InstructionExtended { .. }
        | Event::InstructionEnded { .. } => {
            super::handover::describe(env, lookup, lang).unwrap_or_default()
        }
        Event::PersonalErased { personal, reason } => {
            if fr {
                format!(
                    "Donnée personnelle {personal} effacée ({})",
                    vocab::erasure(*reason, l)
                )
            } else {
                format!(
                    "Personal record {personal} erased ({})",
                    vocab::erasure(*reason, l)
                )
            }
        }
        Event::PersonalPurged { personal, days } => super::store::purged(personal.len(), *days, l),
    }
}
