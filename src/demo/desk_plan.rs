//! The desk's part of a simulated night: some calls settled on the phone (information
//! given, a resident oriented to social services), callbacks asked for and made (a « no
//! answer » tried again), entrances named, and now and then a second team sent as a
//! reinforcement. Drawn from the planner's one generator, after its own draws.

use super::*;

impl Planner<'_, '_> {
    /// A call settled on the phone, or `false` when a team must go.
    pub(super) fn by_phone(&mut self, job: Job<'_>, at: DateTime<Utc>) -> bool {
        let social = partner_named(self.t, "ccas").or_else(|| partner_named(self.t, "cdas"));
        let (outcome, partner) = match (job.category, social) {
            (Category::Information | Category::TechnicalIssue, _) => {
                (PhoneOutcome::Information, None)
            }
            (Category::FamilyTension | Category::VulnerablePerson, Some(p)) => {
                (PhoneOutcome::Oriented, Some(p))
            }
            _ if job.priority == Priority::P4 => (PhoneOutcome::Information, None),
            _ => return false,
        };
        self.push(at, Action::Settle(job.req, outcome, partner));
        true
    }

    /// One caller in four who left a number is to be called back; the call is made a
    /// little after it is due, and one in four rings out and is tried again.
    pub(super) fn callback(&mut self, job: Job<'_>, at: DateTime<Utc>) {
        if !job.callback || !self.rng.chance(0.25) {
            return;
        }
        let due = at + minutes(self.rng.range(15, 60));
        self.push(at, Action::Callback(job.req, due));
        let mut call = due + minutes(self.rng.range(1, 12));
        if self.rng.chance(0.25) {
            self.push(call, Action::CalledBack(job.req, CallbackOutcome::NoAnswer));
            call += minutes(self.rng.range(10, 25));
        }
        let outcome = *self
            .rng
            .pick(&[CallbackOutcome::Reached, CallbackOutcome::MessageLeft]);
        self.push(call, Action::CalledBack(job.req, outcome));
    }

    /// Sometimes a second team joins the first on site and leaves just before it clears.
    pub(super) fn reinforce(
        &mut self,
        teams: &mut [TeamPlan],
        lead: usize,
        job: Job<'_>,
        (arrive, clear): (DateTime<Utc>, DateTime<Utc>),
    ) {
        if clear - arrive < minutes(15) || !self.rng.chance(0.04) {
            return;
        }
        let free = teams
            .iter()
            .enumerate()
            .find(|(i, t)| *i != lead && t.free_at <= arrive + minutes(2));
        let Some((i, _)) = free else {
            return;
        };
        let tp = &mut teams[i];
        let team = tp.call_sign.clone();
        let sent = arrive + minutes(3);
        self.push(sent, Action::Reinforce(job.req, team.clone()));
        self.command(sent + minutes(5), Command::Arrive { team: team.clone() });
        let clearance = Clearance {
            team,
            level: ResponseLevel::Presence,
            outcome: Outcome::Calmed,
            relays: Vec::new(),
            referrals: Vec::new(),
            note: None,
            case: Default::default(),
        };
        self.push(clear - minutes(1), Action::Clear(clearance, job.req, false));
        tp.free_at = clear + minutes(1);
        if let Some(s) = job.site {
            tp.at = (s.at.lat, s.at.lon);
        }
    }
}
