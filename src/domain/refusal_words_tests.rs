//! Every refusal reads in French and in English.

use super::*;

#[test]
fn a_busy_team_reads_in_the_coordinators_words() {
    let busy = Refusal::TeamBusy {
        team: "E2".into(),
        request: 14,
    };
    assert_eq!(
        words(&busy, Lang::Fr),
        "Équipe E2 est déjà affectée à la sollicitation 14."
    );
    assert_eq!(
        words(&busy, Lang::En),
        "Team E2 is already assigned to request 14."
    );
}

/// The position of a variant in `Refusal`; the match has no wildcard, so a new variant
/// does not compile until it is listed here and in `every_refusal`.
fn variant_index(r: &Refusal) -> usize {
    use Refusal::*;
    match r {
        NoNightOpen => 0,
        NightAlreadyOpen { .. } => 1,
        PreviousNightOpen { .. } => 2,
        NightAlreadyClosed { .. } => 3,
        UnknownCoordinator { .. } => 4,
        UnknownMediator { .. } => 5,
        MediatorInTeam { .. } => 6,
        TeamSize { .. } => 7,
        EmptyCallSign => 8,
        TeamExists { .. } => 9,
        UnknownTeam { .. } => 10,
        TeamBusy { .. } => 11,
        TeamOffDuty { .. } => 12,
        TeamNotAssigned { .. } => 13,
        TeamNotOnSite { .. } => 14,
        TeamNotEnRoute { .. } => 15,
        StatusNotSettable { .. } => 16,
        UnknownSite { .. } => 17,
        UnknownDistrict { .. } => 18,
        UnknownPartner { .. } => 19,
        UnknownRequest => 20,
        RequestClosed { .. } => 21,
        RequestHasTeam { .. } => 22,
        InvalidPhone { .. } => 23,
        NameTooLong { .. } => 24,
        TextTooLong { .. } => 25,
        EmptyText => 26,
        NothingToCorrect => 27,
        RelayMissing => 28,
        UnknownCase { .. } => 29,
        CaseClosed { .. } => 30,
        CaseAlreadyInState { .. } => 31,
        AlreadyLinked { .. } => 32,
        ObservationWithoutPlace => 33,
        UnknownPersonal { .. } => 34,
        TeamStillOut { .. } => 35,
        UndecidedRequests { .. } => 36,
        AlreadyCarriedOver { .. } => 37,
        NoHandover => 38,
        HandoverAcknowledged { .. } => 39,
        UnknownInstruction { .. } => 40,
        NeedsLastDay => 41,
        DateInPast { .. } => 42,
        Watch(_) => 43,
        AlreadyInStatus { .. } => 44,
        TeamNotOut { .. } => 45,
        CheckInStepRecorded { .. } => 46,
        TeamHeardSince { .. } => 47,
        UnknownEntrance { .. } => 48,
        NothingToReinforce { .. } => 49,
        ReferralMissing => 50,
        NoCallbackDue { .. } => 51,
        CallbackInPast => 52,
        MalformedCode => 53,
    }
}

const REFUSAL_VARIANTS: usize = 54;

fn every_refusal() -> Vec<Refusal> {
    use Refusal::*;
    let n = night("2026-11-30");
    vec![
        NoNightOpen,
        NightAlreadyOpen { night: n },
        PreviousNightOpen { night: n },
        NightAlreadyClosed { night: n },
        UnknownCoordinator { id: "x".into() },
        UnknownMediator { id: "x".into() },
        MediatorInTeam {
            mediator: "samir-k".into(),
            team: "E1".into(),
        },
        TeamSize {
            team: "E1".into(),
            count: 4,
        },
        EmptyCallSign,
        TeamExists { team: "E1".into() },
        UnknownTeam { team: "E9".into() },
        TeamBusy {
            team: "E2".into(),
            request: 1,
        },
        TeamOffDuty { team: "E1".into() },
        TeamNotAssigned { team: "E1".into() },
        TeamNotOnSite { team: "E1".into() },
        TeamNotEnRoute { team: "E1".into() },
        StatusNotSettable {
            status: TeamStatus::EnRoute,
        },
        UnknownSite { id: "x".into() },
        UnknownDistrict { id: "x".into() },
        UnknownPartner { id: "x".into() },
        UnknownRequest,
        RequestClosed { request: 3 },
        RequestHasTeam {
            request: 3,
            team: "E1".into(),
        },
        InvalidPhone { input: "12".into() },
        NameTooLong { max: MAX_NAME },
        TextTooLong { max: MAX_TEXT },
        EmptyText,
        NothingToCorrect,
        RelayMissing,
        UnknownCase { case: CaseId(2) },
        CaseClosed { case: CaseId(2) },
        CaseAlreadyInState {
            case: CaseId(2),
            state: CaseState::Watch,
        },
        AlreadyLinked {
            request: 3,
            case: CaseId(2),
        },
        ObservationWithoutPlace,
        Watch(crate::domain::watch::WatchRefusal::NothingToTransmit),
        UnknownPersonal { id: PersonalId(5) },
        TeamStillOut {
            team: "E1".into(),
            request: 1,
        },
        UndecidedRequests { count: 2 },
        AlreadyCarriedOver { request: 4 },
        NoHandover,
        HandoverAcknowledged {
            by: "Nadia B.".into(),
        },
        UnknownInstruction {
            id: crate::domain::ids::InstructionId(3),
        },
        NeedsLastDay,
        DateInPast {
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default(),
        },
        AlreadyInStatus {
            team: "E1".into(),
            status: crate::domain::vocab::TeamStatus::Available,
        },
        TeamNotOut { team: "E1".into() },
        CheckInStepRecorded {
            team: "E1".into(),
            step: crate::domain::safety::MissedStep::Red,
        },
        TeamHeardSince {
            team: "E1".into(),
            minutes: 3,
        },
        UnknownEntrance {
            site: "mau-gros-chene-1".into(),
            entrance: "Hall Z".into(),
        },
        NothingToReinforce { request: 3 },
        ReferralMissing,
        NoCallbackDue { request: 3 },
        CallbackInPast,
        MalformedCode,
    ]
}

#[test]
fn every_refusal_has_words_in_both_languages() {
    let all = every_refusal();
    let mut seen: Vec<usize> = all.iter().map(variant_index).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(
        seen,
        (0..REFUSAL_VARIANTS).collect::<Vec<_>>(),
        "one sample per variant"
    );
    for r in &all {
        let fr = words(r, Lang::Fr);
        let en = words(r, Lang::En);
        assert!(!fr.trim().is_empty(), "{r:?} has no French words");
        assert!(!en.trim().is_empty(), "{r:?} has no English words");
        assert_ne!(fr, en, "{r:?} reads the same in both languages");
    }
}
