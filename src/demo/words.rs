//! Invented words for the demo: callers, descriptions, notes. No real person, no real
//! number: callback numbers are in ARCEP's range reserved for fiction (06 39 98 xx xx).

use super::rng::Rng;
use crate::domain::vocab::{Category, ObservationKind};

const CALLERS: &[&str] = &[
    "Mme Keranvel",
    "M. Brosseau",
    "Mme Tallec",
    "M. Ouaddi",
    "Mme Pichard",
    "M. Le Goarnic",
    "Mme Diallane",
    "M. Quéméner",
    "Mme Rouxel-Amar",
    "M. Gaudrel",
    "Mme Nivoit",
    "M. Saïdane",
];

pub fn caller(rng: &mut Rng) -> String {
    rng.pick(CALLERS).to_string()
}

pub fn callback(rng: &mut Rng) -> String {
    format!("06 39 98 {:02} {:02}", rng.below(100), rng.below(100))
}

pub fn description(rng: &mut Rng, category: Category) -> String {
    let options: &[&str] = match category {
        Category::NeighbourConflict => &[
            "Dispute entre voisins de palier au sujet du bruit",
            "Tension récurrente entre deux familles de l'entrée",
            "Voisin qui frappe aux portes, plusieurs appels",
        ],
        Category::Noise => &[
            "Musique forte depuis 22 h",
            "Bruits de perceuse tard le soir",
            "Fête dans un appartement",
        ],
        Category::HallOccupation => &[
            "Groupe de jeunes dans le hall, odeurs",
            "Hall occupé, résidents n'osent pas entrer",
        ],
        Category::Incivility => &[
            "Jets de déchets par la fenêtre",
            "Stationnement sur le trottoir devant l'entrée",
        ],
        Category::Damage => &[
            "Boîtes aux lettres forcées",
            "Vitre de la porte d'entrée cassée",
        ],
        Category::PublicSpace => &[
            "Rodéo de scooters sur la dalle",
            "Attroupement bruyant près du métro",
        ],
        Category::VulnerablePerson => &[
            "Personne âgée seule, inquiétude d'un voisin",
            "Personne sans abri dans la cage d'escalier",
        ],
        Category::PsychologicalFragility => &[
            "Résident en détresse, cris répétés",
            "Personne désorientée dans le hall",
        ],
        Category::FamilyTension => &[
            "Éclats de voix dans un logement",
            "Conflit parent-adolescent, demande d'aide",
        ],
        Category::TechnicalIssue => &[
            "Ascenseur bloqué",
            "Éclairage du hall en panne",
            "Porte d'entrée qui ne ferme plus",
        ],
        Category::Information => &[
            "Demande d'information sur les démarches",
            "Question sur les horaires du CDAS",
        ],
        Category::Other => &["Demande diverse"],
    };
    rng.pick(options).to_string()
}

pub fn clearing_note(rng: &mut Rng) -> String {
    rng.pick(&[
        "Échange calme, les personnes se sont engagées à baisser le bruit",
        "Rappel du règlement intérieur, situation apaisée",
        "Personnes orientées vers le conciliateur",
        "Repasser demain soir",
        "Bailleur à informer dès l'ouverture",
    ])
    .to_string()
}

pub fn log_entry(rng: &mut Rng) -> String {
    rng.pick(&[
        "Point radio avec les trois équipes, rien à signaler",
        "Appel du commissariat : patrouille prévue sur la dalle vers minuit",
        "Astreinte du bailleur informée pour l'ascenseur en panne",
        "Équipe 2 signale une forte affluence à la sortie du métro",
        "Rappel des consignes de sécurité aux équipes",
        "Relève des véhicules : plein fait",
    ])
    .to_string()
}

pub fn observation(rng: &mut Rng) -> (ObservationKind, Option<String>) {
    let kind = *rng.pick(ObservationKind::ALL);
    let note = match kind {
        ObservationKind::Lighting => Some("Éclairage éteint dans la coursive"),
        ObservationKind::Lift => Some("Ascenseur à l'arrêt"),
        ObservationKind::Door => Some("Porte du local vélos forcée"),
        ObservationKind::Gathering => Some("Regroupement d'une dizaine de jeunes"),
        _ => None,
    };
    (kind, note.filter(|_| rng.chance(0.6)).map(str::to_string))
}
