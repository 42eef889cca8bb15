//! The `:` verbs of the watch, the relays and the night's plan, in French or English words:
//! `obs TYPE LIEU`, `transmettre N`, `reponse N TEXTE`, `resolue N`, `classer N` (no
//! follow-up; `sanssuite N` is a request's),
//! `relais N PARTENAIRE ETAPE`, `point LIEU HH:MM HH:MM`, `passage N EQUIPE`.

use super::form::Ctx;
use super::form::plan_item::parse_time;
use super::form::sites::site_matches;
use crate::domain::Command;
use crate::domain::command::NewObservation;
use crate::domain::ids::{ObservationId, PlanItemId};
use crate::domain::plan::{NewPlanItem, PlanCommand, PlanKind, PlanOrigin, PlanPlace, Window};
use crate::domain::vocab::ObservationKind;
use crate::domain::watch::{RelayStep, WatchCommand, WatchEnding};
use crate::i18n::notice::Fix;
use crate::i18n::watch::DeskFix;
use crate::i18n::{Lang, vocab};
use crate::text::fold;

/// The commands of a watch or plan verb; `None` when the first word is not one of them.
pub fn parse(ctx: &Ctx, words: &[&str]) -> Option<Result<Vec<Command>, Fix>> {
    let verb = fold(words.first()?);
    let rest = &words[1..];
    let usage = Fix::Desk(DeskFix::Usage);
    let id = |w: Option<&&str>| w.and_then(|w| w.parse::<u64>().ok());
    let watch = |w: WatchCommand| Some(Ok(vec![Command::Watch(w)]));
    let observation = || id(rest.first()).map(ObservationId);
    match verb.as_str() {
        "obs" | "observation" => Some(observe(ctx, rest).ok_or(usage).map(|c| vec![c])),
        "transmettre" | "transmit" => match observation() {
            Some(o) => watch(WatchCommand::Transmit {
                observations: vec![o],
                channel: crate::domain::watch::Channel::Direct,
            }),
            None => Some(Err(usage)),
        },
        "reponse" | "answer" => match (observation(), rest.len() > 1) {
            (Some(o), true) => watch(WatchCommand::Acknowledge {
                observation: o,
                answer: Some(rest[1..].join(" ")),
            }),
            _ => Some(Err(usage)),
        },
        "resolue" | "resolved" | "classer" | "file" | "sanssuite" | "nofollowup" => {
            match observation() {
                Some(o) => watch(WatchCommand::Settle {
                    observation: o,
                    ending: if verb.starts_with("res") {
                        WatchEnding::Resolved
                    } else {
                        WatchEnding::NoFollowUp
                    },
                }),
                None => Some(Err(usage)),
            }
        }
        "relais" | "relay" => Some(relay(ctx, rest).ok_or(usage).map(|c| vec![c])),
        "point" => Some(point(ctx, rest).ok_or(usage).map(|c| vec![c])),
        "passage" | "pass" => match (id(rest.first()), rest.get(1)) {
            (Some(item), Some(team)) => Some(Ok(vec![Command::Plan(PlanCommand::Pass {
                item: PlanItemId(item),
                team: team.to_uppercase(),
            })])),
            _ => Some(Err(usage)),
        },
        _ => None,
    }
}

/// A kind named by the start of its French or English word (« eclairage », "lift").
fn kind(word: &str) -> Option<ObservationKind> {
    let w = fold(word);
    ObservationKind::ALL.iter().copied().find(|k| {
        [Lang::Fr, Lang::En]
            .iter()
            .any(|l| fold(vocab::observation(*k, *l)).starts_with(&w))
    })
}

/// `obs TYPE LIEU…`: the place is a district's name or the first site that matches.
fn observe(ctx: &Ctx, rest: &[&str]) -> Option<Command> {
    let kind = kind(rest.first()?)?;
    let place = place(ctx, &rest[1..])?;
    let (site, district) = match place {
        PlanPlace::Site(s) => (Some(s), None),
        PlanPlace::District(d) => (None, Some(d)),
    };
    Some(Command::RecordObservation(NewObservation {
        kind,
        site,
        district,
        team: None,
        note: None,
        entrance: None,
        address: None,
        request: None,
    }))
}

fn place(ctx: &Ctx, words: &[&str]) -> Option<PlanPlace> {
    let query = words.join(" ");
    let q = fold(query.trim());
    if q.is_empty() {
        return None;
    }
    let t = ctx.territory;
    t.districts
        .iter()
        .find(|d| fold(&d.name) == q || d.id == q)
        .map(|d| PlanPlace::District(d.id.clone()))
        .or_else(|| {
            site_matches(t, &query)
                .first()
                .map(|s| PlanPlace::Site(s.id.clone()))
        })
}

/// `relais N PARTENAIRE ETAPE`: the request by its number tonight, the partner by id or
/// the start of its name.
fn relay(ctx: &Ctx, rest: &[&str]) -> Option<Command> {
    let number: u32 = rest.first()?.parse().ok()?;
    let request = ctx.domain.request_by_number(number)?.id;
    let step = match fold(rest.last()?).as_str() {
        "appele" | "called" => RelayStep::Called,
        "repondu" | "answered" => RelayStep::Answered,
        "arrive" | "arrived" => RelayStep::Arrived,
        "sansreponse" | "noanswer" => RelayStep::NoAnswer,
        _ => return None,
    };
    let named = fold(&rest[1..rest.len() - 1].join(" "));
    if named.is_empty() {
        return None;
    }
    let partner = ctx
        .territory
        .partners
        .iter()
        .find(|p| p.id == named || fold(&p.name).starts_with(&named))?;
    Some(Command::Watch(WatchCommand::FollowRelay {
        request,
        partner: partner.id.clone(),
        step,
    }))
}

/// `point LIEU HH:MM HH:MM`: a targeted point the coordinator adds.
fn point(ctx: &Ctx, rest: &[&str]) -> Option<Command> {
    if rest.len() < 3 {
        return None;
    }
    let (place_words, times) = rest.split_at(rest.len() - 2);
    let window = Window {
        from: parse_time(times[0])?,
        to: parse_time(times[1])?,
    };
    Some(Command::Plan(PlanCommand::Add(NewPlanItem {
        kind: PlanKind::TargetedPoint,
        place: place(ctx, place_words)?,
        window,
        origin: PlanOrigin::Coordinator,
    })))
}

/// The night's opening also puts the weekday's standing plan on tonight's plan.
/// Every verb written as a match: the watch's, the relays' and the plan's, then the
/// requests' and the night's (`command_line::parse_in`); opening the night adopts the
/// standing plan.
pub fn parse_all(ctx: &Ctx, words: &[&str]) -> Result<Vec<Command>, Fix> {
    if let Some(desk) = parse(ctx, words) {
        return desk;
    }
    let commands = super::command_line::parse_in(ctx, words)?;
    Ok(commands.into_iter().flat_map(with_standing_plan).collect())
}

pub fn with_standing_plan(command: Command) -> Vec<Command> {
    let opens = matches!(command, Command::OpenNight { .. });
    let mut commands = vec![command];
    if opens {
        commands.push(Command::Plan(PlanCommand::AdoptStanding));
    }
    commands
}
