//! The handover's and instructions' events applied to the state (their types are in
//! `domain::handover`).

use super::State;
use crate::domain::event::{Envelope, Event};
use crate::domain::handover::{Acknowledgment, HandoverNote, Instruction};

/// Applies the handover and instruction events to the state.
pub(super) fn apply(state: &mut State, env: &Envelope) {
    let at = env.at;
    match &env.event {
        Event::HandoverWritten {
            situation,
            actions,
            needs,
        } => {
            if let Some(n) = state.night.as_mut() {
                n.note = Some(HandoverNote {
                    situation: situation.clone(),
                    actions: actions.clone(),
                    needs: needs.clone(),
                    written_at: at,
                    by: env.coordinator.clone(),
                });
            }
        }
        Event::RequestCarriedOver { request } => {
            if let Some(r) = state.requests.get_mut(request) {
                r.carried_over.push(env.night);
            }
            if let Some(n) = state.night.as_mut() {
                n.carried_over.push(*request);
            }
        }
        Event::HandoverAcknowledged { night, coordinator } => {
            if let Some(h) = state.handover.as_mut().filter(|h| h.night == *night) {
                h.acknowledged = Some(Acknowledgment {
                    at,
                    coordinator: coordinator.clone(),
                });
            }
        }
        Event::InstructionAdded {
            instruction,
            instruction_kind: kind,
            scope,
            text,
            until,
        } => {
            state.counters.instruction = state.counters.instruction.max(instruction.0 + 1);
            state.instructions.insert(
                *instruction,
                Instruction {
                    id: *instruction,
                    kind: *kind,
                    scope: scope.clone(),
                    text: text.clone(),
                    created_at: at,
                    until: *until,
                    ended_at: None,
                },
            );
        }
        Event::InstructionExtended { instruction, until } => {
            if let Some(i) = state.instructions.get_mut(instruction) {
                i.until = *until;
            }
        }
        Event::InstructionEnded { instruction } => {
            if let Some(i) = state.instructions.get_mut(instruction) {
                i.ended_at = Some(at);
            }
        }
        _ => {}
    }
}
