//! The extractor against the gold annotations of the fixture articles, with floors that only go
//! up, and the seed gold set of `../shared/eval` when it is there. When python3 is available the
//! shared scorer is run too, and its totals must equal `negograph eval`'s.

mod common;

use std::process::Command;

use common::*;

/// F1 floors on the fixture set: raise them as the extractor improves, never lower them.
const FIXTURE_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.98),
    ("roles", 0.90),
    ("positions", 0.93),
    ("stances", 0.70),
];
/// The second set (tests/fixtures/heldout): eight articles on other negotiations, annotated
/// without reading the extractor, to measure how the rules carry over.
const HELDOUT_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.99),
    ("roles", 0.90),
    ("positions", 0.97),
    ("stances", 0.70),
];
/// The third set (tests/fixtures/heldout2): eight articles on negotiations neither set above
/// covers, in eight styles, annotated without reading the extractor. First scored at 0.896 /
/// 0.465 / 0.694 / 0.357 before any rule was written from them.
const HELDOUT2_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.97),
    ("roles", 0.74),
    ("positions", 0.90),
    ("stances", 0.54),
];
/// The fourth set (tests/fixtures/heldout3): eight more articles on other negotiations, written
/// and annotated without running the extractor. First scored at 0.959 / 0.667 / 0.775 / 0.483
/// before any rule was written from them.
const HELDOUT3_FLOORS: &[(&str, f64)] = &[
    ("actors", 1.00),
    ("roles", 0.83),
    ("positions", 0.93),
    ("stances", 0.63),
];
/// The fifth set (tests/fixtures/heldout4): eight more, in styles the others lack (a briefing
/// transcript, an anniversary feature, a newsletter). First scored at 0.825 / 0.500 / 0.586 /
/// 0.414 before any rule was written from them.
const HELDOUT4_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.95),
    ("roles", 0.74),
    ("positions", 0.84),
    ("stances", 0.58),
];
/// The sixth set (tests/fixtures/heldout5): eight more (a UN statement, a profile, an editorial,
/// a radio transcript, an obituary, a timeline, an op-ed, a wire story). First scored at 0.907 /
/// 0.419 / 0.674 / 0.354 before any rule was written from them.
const HELDOUT5_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.95),
    ("roles", 0.73),
    ("positions", 0.79),
    ("stances", 0.54),
];
/// The seventh set (tests/fixtures/heldout6): eight more (a wire report, an analysis, a live
/// blog, a question-and-answer explainer, a joint communiqué, a feature, a brief, an opinion
/// column). First scored at 0.876 / 0.424 / 0.660 / 0.282 before any rule was written from them.
const HELDOUT6_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.95),
    ("roles", 0.61),
    ("positions", 0.77),
    ("stances", 0.35),
];
/// The eighth set: 14 articles on negotiations no other set covers (Dayton, Oslo, Camp David,
/// Sri Lanka and Norway, Ecuador–Peru, Zimbabwe 2008, Liberia, Ohrid, Minsk II, Naivasha,
/// Panmunjom, ECOWAS and Niger, the Gambia, Lomé), in fourteen styles, written and annotated by
/// someone who had not read the extractor. First scored at 0.891 / 0.460 / 0.613 / 0.464 with the
/// cue rules alone, and at 0.891 / 0.530 / 0.613 / 0.457 with the clause rules written before the
/// set was read.
const HELDOUT7_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.93),
    ("roles", 0.73),
    ("positions", 0.79),
    ("stances", 0.56),
];
/// The ninth set (tests/fixtures/heldout8): 14 articles on negotiations of the 1980s to 2020s no
/// other set covers, in fourteen more styles, written and annotated by someone who had not read the
/// extractor. First scored at 0.842 / 0.435 / 0.513 / 0.333 as delivered.
const HELDOUT8_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.91),
    ("roles", 0.62),
    ("positions", 0.71),
    ("stances", 0.41),
];
/// The tenth set (tests/fixtures/heldout9): 14 more, in fourteen more styles (a glossary, a
/// sports page, wire flashes, photo captions, a children's explainer, a court report, a diary, a
/// phone-in ...), written and annotated the same way. First scored at 0.909 / 0.505 / 0.611 / 0.512
/// before any rule was read against it; its misses were first read when the thirteenth set came.
const HELDOUT9_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.92),
    ("roles", 0.62),
    ("positions", 0.78),
    ("stances", 0.53),
];
/// The eleventh set (tests/fixtures/heldout10): 14 more, in fourteen more styles (a travel piece,
/// a business-risk note, a 'this day in history' column, a newsreel script, a museum audio guide,
/// a student paper, a factbox, a long-read opener ...), written and annotated the same way. First
/// scored at 0.873 / 0.500 / 0.568 / 0.280 before any rule was read against it; no rule has been
/// written from it.
const HELDOUT10_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.90),
    ("roles", 0.62),
    ("positions", 0.72),
    ("stances", 0.32),
];
/// The twelfth set (tests/fixtures/heldout11): 14 more, on older negotiations (Portsmouth 1905
/// to Kuala Lumpur 2013), in fourteen more styles (an auction catalogue, a history quiz, lecture
/// notes, a leaked-memo story, a church weekly, a media advisory, a trade journal ...), written
/// and annotated the same way. First scored at 0.817 / 0.427 / 0.507 / 0.141 before any rule was
/// read against it.
const HELDOUT11_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.85),
    ("roles", 0.71),
    ("positions", 0.69),
    ("stances", 0.28),
];
/// The thirteenth set (tests/fixtures/heldout12): 14 more, thirteen of them on negotiations of
/// 2005 to 2025 (the Six-Party Talks to the Turkey-PKK process), in fourteen more styles (a
/// curtain raiser, a poll report, a tick-tock, an annotated document, a reaction roundup, a
/// business newswire, an official bulletin ...), written and annotated the same way. First scored
/// at 0.905 / 0.537 / 0.676 / 0.319 before any rule was read against it.
const HELDOUT12_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.91),
    ("roles", 0.78),
    ("positions", 0.81),
    ("stances", 0.41),
];
/// The fourteenth set (tests/fixtures/heldout13): 14 more, on negotiations from the Indus Waters
/// Treaty (1960) to the Cameroon Anglophone talks (2023), in fourteen more styles (a yearbook
/// entry, an archive-release story, an oral-history transcript, a TV news script, a radio two-way,
/// a diaspora newspaper, a regional-desk roundup, parliamentary written answers ...), written and
/// annotated the same way. First scored at 0.822 / 0.455 / 0.679 / 0.208 before any rule was read
/// against it.
const HELDOUT13_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.89),
    ("roles", 0.61),
    ("positions", 0.82),
    ("stances", 0.28),
];
/// The fifteenth set (tests/fixtures/heldout14): 14 more, on negotiations from the Korean
/// armistice (1953) to the Russia-Ukraine gas transit deal (2019), in fourteen more styles (a
/// marine insurance bulletin, a stock-exchange announcement, a prize citation, a homily, a school
/// textbook, council minutes, a journal article, an open letter, an online forum transcript ...),
/// written and annotated the same way. First scored at 0.822 / 0.480 / 0.658 / 0.237 before any
/// rule was read against it.
const HELDOUT14_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.85),
    ("roles", 0.68),
    ("positions", 0.79),
    ("stances", 0.36),
];
/// The sixteenth set (tests/fixtures/heldout15): 14 more, on negotiations from the Trieste
/// memorandum (1954) to the Windsor Framework (2023), trade and bailout talks among them, in
/// fourteen more styles (a teaching case, a graphic-novel script, a genealogy blog, a heritage
/// nomination, a peace-agreement database record, a reading list, a Model UN guide ...), written
/// and annotated the same way. First scored at 0.911 / 0.651 / 0.768 / 0.280 before any rule was
/// read against it.
const HELDOUT15_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.93),
    ("roles", 0.74),
    ("positions", 0.83),
    ("stances", 0.37),
];
/// The seventeenth set (tests/fixtures/heldout16): 14 more, thirteen of them on negotiations of
/// 2018 to 2024 (the Kunming truce in Myanmar, the intra-Afghan talks, the Chagos agreement, the
/// Zambian debt restructuring, USMCA, the NATO memorandum of Finland, Sweden and Turkey ...),
/// seven of them no war, in fourteen forms of daily news (a wire wrapup, a vox pop, a tracker, a
/// Sunday-show roundup, a winners-and-losers list ...), written and annotated the same way.
/// First scored at 0.910 / 0.477 / 0.732 / 0.301 before any rule was read against it.
const HELDOUT16_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.93),
    ("roles", 0.64),
    ("positions", 0.82),
    ("stances", 0.45),
];
/// The eighteenth set (tests/fixtures/heldout17): 14 more, on negotiations from the USS Pueblo
/// crew's release (1968) and the Algiers Agreement (1975) to the UK-India trade deal (2025), nine
/// of them no war (debt, trade, water, migration, workers, fisheries, arms control, detainees, a
/// political crisis), in fourteen more styles (a rating agency's commentary, a town-hall report, a
/// diplomatic gossip column, a union bulletin, a law firm's client alert, an earnings-call report
/// ...), written and annotated the same way. First scored at 0.906 / 0.500 / 0.604 / 0.508 before
/// any rule was read against it.
const HELDOUT17_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.91),
    ("roles", 0.63),
    ("positions", 0.67),
    ("stances", 0.54),
];
/// The nineteenth set (tests/fixtures/heldout18): 14 more, on negotiations from the INF talks'
/// "walk in the woods" (1982) and Iraq and Kuwait at Jeddah (1990) to the Gibraltar treaty talks
/// (2020-25), among them a sports federation's deal, a rail labour contract, a river's water and
/// a maritime boundary, in fourteen more styles (a theatre review, a talk page, a student essay, a
/// petition, a party manifesto, a voter guide, a press office's lines to take, a call for papers
/// ...), written and annotated the same way. First scored at 0.851 / 0.619 / 0.726 / 0.388 before
/// any rule was read against it.
const HELDOUT18_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.87),
    ("roles", 0.72),
    ("positions", 0.76),
    ("stances", 0.52),
];
/// The twentieth set (tests/fixtures/heldout19): 14 more, on negotiations from the Treaty of
/// Nerchinsk (1689) and the Anglo-Irish Treaty (1921) to a mining company's settlement with
/// Tanzania (2017-20), among them a hijacking, a farm-trade accord, a climate conference and a
/// sports lockout, in fourteen more styles (a chess column, an estate agent's listing, liner
/// notes, an examiners' report, a job advertisement, an odds column, a chairman's letter ...),
/// written and annotated the same way. First scored at 0.821 / 0.436 / 0.519 / 0.276 before any
/// rule was read against it.
const HELDOUT19_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.87),
    ("roles", 0.58),
    ("positions", 0.59),
    ("stances", 0.35),
];
/// The twenty-first set (tests/fixtures/heldout20): 14 more, on negotiations from the Treaty of
/// Versailles (1919) and the Flint sit-down strike (1936-37) to the Paris climate agreement
/// (2015) and a film writers' strike (2023), among them two hijackings, a siege, a summit and a
/// monetary conference, in fourteen more styles (a crossword blog, an opera programme, an
/// inquiry report, a note verbale, a stand-up transcript, a ballad, a resolution ...), written
/// and annotated the same way. First scored at 0.852 / 0.505 / 0.533 / 0.167 before any rule was
/// read against it.
const HELDOUT20_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.91),
    ("roles", 0.61),
    ("positions", 0.66),
    ("stances", 0.25),
];
/// The twenty-second set (tests/fixtures/heldout21): 14 more, on negotiations from the Treaty of
/// Ghent (1814) and the Treaty of Waitangi (1840) to a media merger (2017-18) and a prisoner swap
/// (2023), among them a hijacking, a church-state accord, a strike and a climate conference, in
/// fourteen more styles (a proxy statement, a group chat, a gazetteer entry, visitor reviews, an
/// appraisal transcript, a thesis abstract, a game review, a radio play ...), written and annotated
/// the same way. First scored at 0.793 / 0.521 / 0.606 / 0.163 before any rule was read against
/// it.
const HELDOUT21_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.86),
    ("roles", 0.61),
    ("positions", 0.60),
    ("stances", 0.22),
];
const HELDOUT22_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.85),
    ("roles", 0.55),
    ("positions", 0.65),
    ("stances", 0.50),
];
/// The twenty-fourth set (tests/fixtures/heldout23): 14 more, on negotiations from the Peace of
/// Westphalia (1648) and the Treaty of Shimonoseki (1895) to a takeover battle (2009-10), an oil
/// output cut (2020) and the plastics treaty talks (2024), among them a hijacking, a strike and a
/// landmine ban, in fourteen more styles (a debating briefing pack, wall labels, a biographical
/// dictionary entry, a command paper, an after-action review, a monitoring digest, a sanctions
/// notice ...), written and annotated the same way. First scored at 0.873 / 0.473 / 0.583 / 0.198
/// before any rule was read against it.
const HELDOUT23_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.91),
    ("roles", 0.55),
    ("positions", 0.69),
    ("stances", 0.20),
];
/// The twenty-fifth set (tests/fixtures/heldout24): 14 more, on negotiations from 1996 to 2025,
/// among them a cease-fire understanding in Lebanon, a prisoner swap, a trade veto, two strikes,
/// a car-makers' merger, a biodiversity treaty, a debt restructuring, a golf tours' merger and
/// the Parthenon sculptures, in fourteen more styles (Teletext pages, a newspaper extra, a
/// campaign email, a protest leaflet, a livestream transcript, a forum thread, a prospectus
/// supplement ...), written and annotated the same way. First scored at 0.780 / 0.500 / 0.460 /
/// 0.206 before any rule was read against it.
const HELDOUT24_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.84),
    ("roles", 0.59),
    ("positions", 0.58),
    ("stances", 0.20),
];
/// The twenty-sixth set (tests/fixtures/heldout25): 14 more, on negotiations from 1918 to 2022,
/// among them an armistice, a fishing dispute, a cease-fire at Safwan, a military-technical
/// agreement, two sports stoppages, a car plant, a bank's debts, returned bronzes, an embassy
/// siege and a hijacking, in fourteen more styles (a bridge log, orders of the day, a court
/// complaint, a cartoonist's notes, a transparency return, TV listings, flashcards, subtitles
/// ...), written and annotated the same way. First scored at 0.820 / 0.423 / 0.578 / 0.187
/// before any rule was read against it.
const HELDOUT25_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.88),
    ("roles", 0.52),
    ("positions", 0.67),
    ("stances", 0.23),
];
/// The twenty-seventh set (tests/fixtures/heldout26): 14 more, on negotiations from 1803 to
/// 2025, among them a land purchase, reparations, a currency accord, a budget rebate, a trade
/// deal, a climate pact's coal paragraph, returned antiquities, a cricket settlement, a flight
/// attendants' strike, a hostage siege, a peace conference, a bankruptcy settlement, a war's
/// surrender terms and a union's dissolution, in fourteen more styles (a gamebook, an exam
/// paper, a chatbot transcript, an audit report, a video shotlist, interpreter's notes, a
/// book's index ...), written and annotated the same way. First scored at 0.747 / 0.388 /
/// 0.527 / 0.085 before any rule was read against it.
const HELDOUT26_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.77),
    ("roles", 0.56),
    ("positions", 0.60),
    ("stances", 0.08),
];
/// The twenty-eighth set (tests/fixtures/heldout27): 14 more, on negotiations from 1783 to
/// 2023, among them a peace treaty, a crisis conference, a power-sharing deal, a peace plan, a
/// hostage siege, a joint declaration, a naval treaty, a free-trade deal, a climate conference,
/// a unification treaty, a disaster settlement, a pensions dispute, an equal-pay settlement and
/// a merger's clearance, in fourteen more styles (a walking-tour script, a memorial's plaques,
/// postcards, a model kit's instructions, a CV, voicemails, a dinner menu, a court docket,
/// a ballot paper, trading cards, patch notes ...), written and annotated the same way. First
/// scored at 0.800 / 0.356 / 0.538 / 0.228 before any rule was read against it.
const HELDOUT27_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.84),
    ("roles", 0.49),
    ("positions", 0.56),
    ("stances", 0.26),
];
/// The twenty-ninth set (tests/fixtures/heldout28): fourteen articles on negotiations no earlier
/// set covers, seven of them about no war, from the Cobden–Chevalier treaty of 1860 to the Mizo
/// accord of 1986, in forms no set had (a knitting pattern, a jigsaw box, a restoration handbook, a
/// field guide, a casting breakdown, a diner placemat, an order of service, a shop's product page,
/// a re-enactors' briefing, a ship's manifest, a geocache listing, a radio bulletin styled as a
/// weather forecast, a reunion invitation, an anniversary advertisement), written and annotated the
/// same way. First scored at 0.738 / 0.500 / 0.474 / 0.149 before any rule was read against it.
const HELDOUT28_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.80),
    ("roles", 0.57),
    ("positions", 0.53),
    ("stances", 0.17),
];
/// The thirtieth set (`tests/fixtures/heldout29`): fourteen more articles on negotiations no
/// earlier set covers, seven of them about no war, from the Concordat of Worms of 1122 to the
/// Detroit grand bargain of 2014, in forms no set had (a bridge column, a horoscope column,
/// classified ads, a law clinic's time sheet, a lab notebook, a deposition transcript, a cover
/// letter, a cookbook recipe, dating profiles, a seating plan, a how-to article, a book's
/// acknowledgements, a phrasebook, an escape room's script), written and annotated the same way.
/// First scored at 0.769 / 0.318 / 0.415 / 0.108 before any rule was read against it.
const HELDOUT29_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.83),
    ("roles", 0.49),
    ("positions", 0.45),
    ("stances", 0.18),
];
/// The thirty-first set (`tests/fixtures/heldout30`): fourteen more articles on negotiations no
/// earlier set covers, seven of them about no war, from the Peace of Utrecht of 1713 to the Ross
/// Sea marine protected area of 2016, in forms no set had (a radio presenter's script, a business
/// continuity plan, a screenplay, a data archive's README, a cruise book, a carnival float guide,
/// fax cover sheets, a soap recap, a house-tour booklet, an expedition's daily programme, e-reader
/// highlights, a fanzine column, a coffee origin card, a pilgrimage itinerary), written and
/// annotated the same way. First scored at 0.844 / 0.455 / 0.525 / 0.186 before any rule was read
/// against it.
const HELDOUT30_FLOORS: &[(&str, f64)] = &[
    ("actors", 0.86),
    ("roles", 0.47),
    ("positions", 0.56),
    ("stances", 0.18),
];
const SEED_FLOORS: &[(&str, f64)] = &[
    ("actors", 1.00),
    ("roles", 1.00),
    ("positions", 1.00),
    ("stances", 0.92),
];

fn f1_lines(out: &str) -> Vec<(String, String)> {
    out.lines()
        .filter_map(|l| {
            let l = l.trim();
            let (cat, rest) = l.split_once(": precision")?;
            Some((
                cat.trim().to_string(),
                rest.split("(tp")
                    .nth(1)?
                    .trim_end_matches(')')
                    .trim()
                    .to_string(),
            ))
        })
        .collect()
}

fn eval(gold: &std::path::Path, floors: &[(&str, f64)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["eval".to_string(), gold.to_str().unwrap().to_string()];
    for (c, f) in floors {
        args.push("--require".into());
        args.push(format!("{c}={f}"));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&dir.path().join("s"), &args, None);
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    println!("{text}");
    assert!(
        out.status.success(),
        "below the floors:\n{text}\n{}",
        stderr(&out)
    );
    text
}

fn cross_check(gold: &std::path::Path, ours: &str) {
    let scorer = root().join("../shared/tools/score.py");
    if !scorer.exists() {
        return;
    }
    let Ok(out) = Command::new("python3")
        .arg(&scorer)
        .arg("--bin")
        .arg(bin())
        .arg(gold)
        .output()
    else {
        return;
    };
    let theirs = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(
        f1_lines(ours),
        f1_lines(&theirs),
        "negograph eval and score.py disagree:\n{ours}\n{theirs}"
    );
}

#[test]
fn fixture_set_scores_above_its_floors() {
    let gold = fixtures();
    let out = eval(&gold, FIXTURE_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn heldout_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout");
    let out = eval(&gold, HELDOUT_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn third_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout2");
    let out = eval(&gold, HELDOUT2_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn fourth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout3");
    let out = eval(&gold, HELDOUT3_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn fifth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout4");
    let out = eval(&gold, HELDOUT4_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn sixth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout5");
    let out = eval(&gold, HELDOUT5_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn seventh_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout6");
    let out = eval(&gold, HELDOUT6_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn eighth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout7");
    let out = eval(&gold, HELDOUT7_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn ninth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout8");
    let out = eval(&gold, HELDOUT8_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn tenth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout9");
    let out = eval(&gold, HELDOUT9_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn eleventh_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout10");
    let out = eval(&gold, HELDOUT10_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn twelfth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout11");
    let out = eval(&gold, HELDOUT11_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn thirteenth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout12");
    let out = eval(&gold, HELDOUT12_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn fourteenth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout13");
    let out = eval(&gold, HELDOUT13_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn fifteenth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout14");
    let out = eval(&gold, HELDOUT14_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn sixteenth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout15");
    let out = eval(&gold, HELDOUT15_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn seventeenth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout16");
    let out = eval(&gold, HELDOUT16_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn eighteenth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout17");
    let out = eval(&gold, HELDOUT17_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn nineteenth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout18");
    let out = eval(&gold, HELDOUT18_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn twentieth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout19");
    let out = eval(&gold, HELDOUT19_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn twenty_first_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout20");
    let out = eval(&gold, HELDOUT20_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn twenty_second_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout21");
    let out = eval(&gold, HELDOUT21_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn twenty_third_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout22");
    let out = eval(&gold, HELDOUT22_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn twenty_fourth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout23");
    let out = eval(&gold, HELDOUT23_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn twenty_fifth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout24");
    let out = eval(&gold, HELDOUT24_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn twenty_sixth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout25");
    let out = eval(&gold, HELDOUT25_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn twenty_seventh_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout26");
    let out = eval(&gold, HELDOUT26_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn twenty_eighth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout27");
    let out = eval(&gold, HELDOUT27_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn twenty_ninth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout28");
    let out = eval(&gold, HELDOUT28_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn thirtieth_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout29");
    let out = eval(&gold, HELDOUT29_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn thirty_first_set_scores_above_its_floors() {
    let gold = root().join("tests/fixtures/heldout30");
    let out = eval(&gold, HELDOUT30_FLOORS);
    cross_check(&gold, &out);
}

#[test]
fn seed_set_scores_above_its_floors() {
    let gold = root().join("../shared/eval");
    if !gold.exists() {
        eprintln!("../shared/eval not found: skipped");
        return;
    }
    let out = eval(&gold, SEED_FLOORS);
    cross_check(&gold, &out);
}
