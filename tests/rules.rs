//! The extractor's rules one by one, on short texts written for them: each test names the shape
//! of sentence a rule reads and checks the facts it gives (and the ones it must not give).

use std::sync::OnceLock;

use negograph::extract::{self, Extraction, Target};
use negograph::input::Article;
use negograph::lexicon::{ActorKind, Lexicon};

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::builtin().expect("built-in lexicon"))
}

fn read(text: &str) -> Extraction {
    let article = Article {
        text: text.into(),
        origin: "rules".into(),
        date: Some("2025-06-01".into()),
        ..Article::default()
    };
    extract::extract(&article, lexicon(), &extract::Options::default())
}

/// Stances as "holder supports|opposes target" with actor labels and issue slugs.
fn stances(x: &Extraction) -> Vec<String> {
    let mut out: Vec<String> = x
        .stances
        .iter()
        .map(|s| {
            let target = match &s.target {
                Target::Issue(slug) => slug.clone(),
                Target::Actor(a) => x.actors[*a].label.clone(),
            };
            format!(
                "{} {} {}",
                x.actors[s.holder].label,
                s.polarity.local().to_lowercase(),
                target
            )
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn labels(x: &Extraction) -> Vec<&str> {
    x.actors.iter().map(|a| a.label.as_str()).collect()
}

#[test]
fn a_refusal_announced_for_the_future_opposes_the_issue() {
    let x =
        read("Hezbollah said it will not hand over its weapons while Israel occupies the hills.");
    assert_eq!(stances(&x), ["Hezbollah oppose disarmament"]);
}

#[test]
fn will_not_before_a_cue_flips_it_once() {
    let x = read("Hamas said it will not accept a cease-fire that leaves Israeli troops in Gaza.");
    let s = stances(&x);
    assert!(s.contains(&"Hamas oppose ceasefire".to_string()), "{s:?}");
    assert!(!s.contains(&"Hamas support ceasefire".to_string()), "{s:?}");
}

#[test]
fn welcoming_an_actors_role_supports_the_actor() {
    let x = read("The Lebanese government welcomed the American role and praised Qatar's efforts.");
    let s = stances(&x);
    assert!(
        s.contains(&"Lebanon support United States".to_string()),
        "{s:?}"
    );
    assert!(s.contains(&"Lebanon support Qatar".to_string()), "{s:?}");
}

#[test]
fn an_evaluation_of_good_faith_supports_the_actor_it_is_said_of() {
    let x = read(
        "Rania Haddad, an adviser to the Lebanese prime minister, said: \"Ambassador Tom Barrack has been serious and respectful.\"",
    );
    let s = stances(&x);
    assert!(
        s.contains(&"Rania Haddad support Tom Barrack".to_string()),
        "{s:?}"
    );
}

#[test]
fn a_long_form_of_a_known_name_is_that_person_and_a_surname_inside_another_name_is_not() {
    let x = read(
        "The ceremony was attended by Sheikh Mohammed bin Abdulrahman bin Jassim Al-Thani. Dr. Majed bin Mohammed Al-Ansari, the spokesman, said the text was final.",
    );
    let l = labels(&x);
    assert!(l.contains(&"Mohammed bin Abdulrahman Al Thani"), "{l:?}");
    assert!(l.contains(&"Majed al-Ansari"), "{l:?}");
    assert!(!l.contains(&"Amina Mohammed"), "{l:?}");
}

#[test]
fn a_new_organisation_is_named_by_its_head_and_what_it_stands_for() {
    let x = read(
        "The government and the Movement for Democracy in Liberia signed the accord. The Workers' Party of Korea said nothing.",
    );
    let l = labels(&x);
    assert!(l.contains(&"Movement for Democracy in Liberia"), "{l:?}");
    assert!(l.contains(&"Workers' Party of Korea"), "{l:?}");
    assert!(!l.contains(&"Liberia"), "{l:?}");
    // a head without a capitalised complement names nothing new
    let x = read("The Party for now has no leader, Hamas said.");
    assert!(
        !labels(&x).iter().any(|l| l.starts_with("Party")),
        "{:?}",
        labels(&x)
    );
}

#[test]
fn a_surname_joined_by_a_hyphen_to_the_next_name_is_part_of_that_name() {
    // "Jean" is the surname of a person in the gazetteer (Fritz Alphonse Jean), a president.
    let x = read("President Jean-Bertrand Aristide and General Raoul Cedras signed an agreement.");
    let l = labels(&x);
    assert!(!l.contains(&"Fritz Alphonse Jean"), "{l:?}");
    let x = read("President Jean met the envoy on Monday.");
    assert!(
        labels(&x).contains(&"Fritz Alphonse Jean"),
        "{:?}",
        labels(&x)
    );
}

#[test]
fn the_subject_before_an_acronym_in_brackets_holds_the_stance() {
    let x = read(
        "The Government of the Democratic Republic of the Congo and the March 23 Movement (M23) today committed themselves to a ceasefire.",
    );
    let s = stances(&x);
    assert!(
        s.contains(&"Democratic Republic of the Congo support ceasefire".to_string())
            && s.contains(&"M23 support ceasefire".to_string()),
        "{s:?}"
    );
}

#[test]
fn the_object_of_a_preposition_in_an_apposition_does_not_speak() {
    let x = read(
        "Rania Haddad, a senior adviser to Prime Minister Nawaf Salam, said the army must take control of all weapons.",
    );
    let speakers: Vec<&str> = x
        .statements
        .iter()
        .map(|s| x.actors[s.speaker].label.as_str())
        .collect();
    assert!(speakers.contains(&"Rania Haddad"), "{speakers:?}");
    assert!(!speakers.contains(&"Nawaf Salam"), "{speakers:?}");
}

#[test]
fn a_name_inside_a_longer_word_does_not_hide_the_longer_name() {
    // "the Sudan" is a name of Sudan; "The Sudan|ese" must not hide "Sudanese Armed Forces".
    let x = read("Title\n\nThe Sudanese Armed Forces rejected the truce on Sunday.");
    assert!(
        labels(&x).contains(&"Sudanese Armed Forces"),
        "{:?}",
        labels(&x)
    );
}

#[test]
fn the_noun_of_an_organisations_name_refers_back_to_it() {
    let x = read(
        "Title\n\nThe Sudanese army and the Rapid Support Forces met in Jeddah. The army accuses the Emirates of arming the RSF.",
    );
    let s = stances(&x);
    assert!(
        s.contains(&"Sudanese Armed Forces oppose United Arab Emirates".to_string()),
        "{s:?}"
    );
    // The accusation is about the Emirates, not about the group they are said to arm.
    assert!(
        !s.iter().any(|s| s.ends_with("Rapid Support Forces")),
        "{s:?}"
    );
}

/// The roles of `text` read after a sentence naming the two sides of talks.
fn roles_after_talks(text: &str) -> Vec<String> {
    roles(&read(&format!("Title\n\nColombia and the ELN met. {text}")))
}

/// Roles as "actor Role", sorted.
fn roles(x: &Extraction) -> Vec<String> {
    let mut out: Vec<String> = x
        .participations
        .iter()
        .map(|p| format!("{} {:?}", x.actors[p.actor].label, p.role))
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn an_abbreviation_before_a_title_and_its_comma_names_the_posts_state() {
    let x = read("Title\n\nTalks ended. The U.S. ambassador, Ryan Crocker, signed the pact.");
    assert_eq!(posts(&x), ["Ryan Crocker: ambassador of United States"]);
    // The stop that ends a sentence does end the phrase.
    let x = read("Title\n\nTalks ended in Washington. The ambassador, Ryan Crocker, signed.");
    assert!(posts(&x).is_empty(), "{:?}", posts(&x));
}

#[test]
fn talks_named_in_passing_beside_the_articles_own_make_no_parties() {
    let x = read(
        "Title\n\nZambia signed a debt deal with China on Thursday. Zambia and China had talked \
         for two years. China said the deal was fair. Elsewhere, Ghana and Ethiopia are \
         negotiating with each other over a dam.",
    );
    assert_eq!(roles(&x), ["China Party", "Zambia Party"]);
    // Talks of actors the article names again and again are its own.
    let x = read(
        "Title\n\nZambia signed a debt deal with China on Thursday. Zambia and China had talked \
         for two years. Ghana and Ethiopia are negotiating with each other. Ghana said it wanted \
         a deal. Ethiopia said it was hopeful. Ghana hopes for more.",
    );
    let r = roles(&x);
    assert!(r.contains(&"Ghana Party".to_string()), "{r:?}");
}

#[test]
fn the_party_is_the_state_a_signer_serves_not_the_signer() {
    let x = read(
        "Title\n\nPresident Tamar Beridze of Georgia and Prime Minister Aram Sargsyan of \
         Armenia signed the agreement in Brussels.",
    );
    let r = roles(&x);
    assert!(r.contains(&"Georgia Party".to_string()), "{r:?}");
    assert!(r.contains(&"Armenia Party".to_string()), "{r:?}");
    assert!(
        !r.iter()
            .any(|x| x.starts_with("Tamar") || x.starts_with("Aram")),
        "{r:?}"
    );
    // A signer whose side the text does not give is the party.
    let x = read(
        "Title\n\nPresident Tamar Beridze and Prime Minister Aram Sargsyan signed the agreement \
         in Brussels.",
    );
    let r = roles(&x);
    assert!(r.contains(&"Tamar Beridze Party".to_string()), "{r:?}");
    // A mediator stays one beside the state it serves.
    let x =
        read("Title\n\nThe talks were mediated by Norway's special envoy, Dag Halvorsen, in Oslo.");
    let r = roles(&x);
    assert!(r.contains(&"Dag Halvorsen Mediator".to_string()), "{r:?}");
}

#[test]
fn who_signs_as_a_guarantor_is_a_guarantor_not_a_party() {
    let x = read(
        "Title\n\nIsrael rejected Turkish troops, since Turkey, together with the United States, Egypt and Qatar, signed the declaration as a guarantor of the deal.",
    );
    let r = roles(&x);
    for state in ["Turkey", "United States", "Egypt", "Qatar"] {
        assert!(r.contains(&format!("{state} Guarantor")), "{r:?}");
        assert!(!r.contains(&format!("{state} Party")), "{r:?}");
    }
}

#[test]
fn who_signs_as_a_witness_is_an_observer_not_a_party() {
    let x = read(
        "Title\n\nThe government and the rebels signed the accord on Monday. Representatives of the United Nations, China and Japan signed the agreement as international witnesses.",
    );
    let r = roles(&x);
    for actor in ["United Nations", "China", "Japan"] {
        assert!(r.contains(&format!("{actor} Observer")), "{r:?}");
        assert!(!r.contains(&format!("{actor} Party")), "{r:?}");
    }
}

#[test]
fn a_list_of_sides_goes_on_past_the_body_a_possessive_names() {
    let x = read(
        "Title\n\nThe first peace talks between Ethiopia's government and the Oromo Liberation Army ended without an agreement.",
    );
    let r = roles(&x);
    assert!(r.contains(&"Ethiopia Party".to_string()), "{r:?}");
    assert!(
        r.contains(&"Oromo Liberation Army Party".to_string()),
        "{r:?}"
    );
    // A body that is not the actor's stand-in ends the list.
    let x = read("Title\n\nMediators from Egypt's intelligence service and Qatar met.");
    let r = roles(&x);
    assert!(!r.contains(&"Qatar Mediator".to_string()), "{r:?}");
}

#[test]
fn a_list_member_may_be_named_after_words_that_describe_it() {
    let x = read(
        "Title\n\nA ceasefire negotiated under the mediation of Senegal and the regional bloc ECOWAS was holding.",
    );
    let r = roles(&x);
    assert!(r.contains(&"ECOWAS Mediator".to_string()), "{r:?}");
    // A name that modifies the phrase's noun is no member ("a Hamas official").
    let x = read(
        "Title\n\nAccording to an official from one of the mediating countries and a Hamas official, talks go on.",
    );
    let r = roles(&x);
    assert!(!r.contains(&"Hamas Mediator".to_string()), "{r:?}");
    // Nor an apposition after a comma, nor a demonym in a description.
    let x = read(
        "Title\n\nClinton called on Syria to return to negotiations with Israel, a message aimed at President Hafez al-Assad.",
    );
    let r = roles(&x);
    assert!(!r.iter().any(|x| x.contains("Assad")), "{r:?}");
    let x = read(
        "Title\n\nThe vote was run by a commission chaired by Bertie Ahern, the former Irish taoiseach, who read out the result.",
    );
    let r = roles(&x);
    assert!(!r.contains(&"Ireland Mediator".to_string()), "{r:?}");
}

#[test]
fn a_list_a_colon_opens_and_semicolons_part_reads_each_member_past_its_apposition() {
    let x = read(
        "Title\n\nAround the table were four mediators: Andrea Riccardi, the founder of the Community; a young priest named Don Matteo Zuppi, who is today a cardinal; and Mario Raffaelli, the representative of the Italian government.",
    );
    let r = roles(&x);
    for who in ["Andrea Riccardi", "Matteo Zuppi", "Mario Raffaelli"] {
        assert!(r.contains(&format!("{who} Mediator")), "{who}: {r:?}");
    }
    // Without a colon that opens the list, a semicolon ends it.
    let x = read(
        "Title\n\nThe talks were mediated by Andrea Riccardi, the founder of the Community; Mario Raffaelli, the representative of Italy, stayed in Rome.",
    );
    let r = roles(&x);
    assert!(r.contains(&"Andrea Riccardi Mediator".to_string()), "{r:?}");
    assert!(
        !r.contains(&"Mario Raffaelli Mediator".to_string()),
        "{r:?}"
    );
}

#[test]
fn a_persons_possessive_before_a_party_name_is_no_word_of_the_name() {
    let x = read(
        "Title\n\nPresident Laurent Gbagbo held the south. Delegations came from Gbagbo's Ivorian Popular Front and the rebels.",
    );
    let l = labels(&x);
    assert!(l.contains(&"Ivorian Popular Front"), "{l:?}");
    assert!(!l.iter().any(|n| n.starts_with("Gbagbo's")), "{l:?}");
    // A possessive of no person known is read as the name's ("African People's Liberation
    // Movement").
    let x = read("Title\n\nThe African People's Liberation Movement signed the accord.");
    let l = labels(&x);
    assert!(l.contains(&"African People's Liberation Movement"), "{l:?}");
}

#[test]
fn a_head_of_bodies_after_an_organisations_name_names_another_body() {
    let x = read(
        "Title\n\nThe United Nations Command refused to send back prisoners. Peking and Pyongyang accused the UN Command of complicity.",
    );
    let l = labels(&x);
    assert!(l.contains(&"United Nations Command"), "{l:?}");
    assert!(!l.contains(&"United Nations"), "{l:?}");
    // "UN Command" is the same body; "Peking" is China's capital.
    assert_eq!(
        l.iter().filter(|n| n.contains("Command")).count(),
        1,
        "{l:?}"
    );
    assert!(l.contains(&"China"), "{l:?}");
    // A body the gazetteer names whole stays itself.
    let x = read("Title\n\nThe UN Security Council met on Friday.");
    let l = labels(&x);
    assert!(l.contains(&"United Nations Security Council"), "{l:?}");
}

#[test]
fn a_capitalised_word_and_and_before_an_organisations_name_make_a_longer_name() {
    let x = read(
        "Title\n\nThe African Union's Peace and Security Council suspended Sudan's membership.",
    );
    let l = labels(&x);
    assert!(!l.contains(&"United Nations Security Council"), "{l:?}");
    // Not when that word is a name of its own.
    let x = read("Title\n\nHamas and Islamic Jihad rejected the proposal.");
    let l = labels(&x);
    assert!(l.iter().any(|n| n.contains("Islamic Jihad")), "{l:?}");
}

#[test]
fn shuttle_diplomacy_mediates_and_who_acts_through_a_title_takes_the_role() {
    let x = read(
        "Title\n\nThe deal is the result of the shuttle diplomacy of Mr Jamal Benomar, who spent weeks in Sanaa.",
    );
    let r = roles(&x);
    assert!(r.contains(&"Jamal Benomar Mediator".to_string()), "{r:?}");
    let x = read(
        "Title\n\nPortugal had led the mediation through its secretary of state for foreign affairs, José Manuel Durão Barroso.",
    );
    let r = roles(&x);
    assert!(
        r.contains(&"José Manuel Durão Barroso Mediator".to_string()),
        "{r:?}"
    );
    assert!(r.contains(&"Portugal Mediator".to_string()), "{r:?}");
    // A place after "through" is no one acting.
    let x = read("Title\n\nPortugal had led the mediation through Lisbon.");
    let r = roles(&x);
    assert_eq!(r, vec!["Portugal Mediator".to_string()], "{r:?}");
}

#[test]
fn observers_from_a_list_observe() {
    let x = read(
        "Title\n\nObservers from the United Nations, the United States and Portugal sat in on the final rounds between Mozambique and RENAMO.",
    );
    let r = roles(&x);
    for who in ["United Nations", "United States", "Portugal"] {
        assert!(r.contains(&format!("{who} Observer")), "{who}: {r:?}");
    }
}

#[test]
fn a_former_post_serves_no_one_and_the_body_acted_for_takes_the_role() {
    let x = read(
        "Title\n\nThe agreement was reached after talks mediated by former Mozambican President Joaquim Chissano on behalf of the Southern African Development Community.",
    );
    let r = roles(&x);
    assert!(r.contains(&"SADC Mediator".to_string()), "{r:?}");
    assert!(!r.contains(&"Mozambique Mediator".to_string()), "{r:?}");
    // A post held now serves its state.
    let x = read(
        "Title\n\nThe agreement was reached after talks mediated by Mozambican President Joaquim Chissano.",
    );
    assert!(
        roles(&x).contains(&"Mozambique Mediator".to_string()),
        "{:?}",
        roles(&x)
    );
}

#[test]
fn a_plural_subject_before_a_colon_stands_for_the_list_after_it() {
    let x = read(
        "Title\n\nThe following four armed groups signed the ceasefire agreement: the Karen National Union (KNU); the Chin National Front (CNF); the Arakan Liberation Party (ALP); and the Democratic Karen Benevolent Army.",
    );
    let (r, s) = (roles(&x), stances(&x));
    for group in [
        "Karen National Union",
        "Chin National Front",
        "Arakan Liberation Party",
        "Democratic Karen Benevolent Army",
    ] {
        assert!(r.contains(&format!("{group} Party")), "{r:?}");
        assert!(s.contains(&format!("{group} support ceasefire")), "{s:?}");
    }
    // A colon that does not follow a plural phrase lists nothing for it.
    let x = read("Title\n\nThe mediator was busy: Qatar met Hamas and Egypt.");
    assert!(stances(&x).is_empty(), "{:?}", stances(&x));
}

#[test]
fn talks_that_bring_sides_together_or_seat_them_at_one_table_make_them_parties() {
    let x = read(
        "Title\n\nThe talks bring together North Korea, the United States, South Korea and Japan. Israel will sit at one table with Syria and Lebanon.",
    );
    let r = roles(&x);
    for state in [
        "North Korea",
        "United States",
        "South Korea",
        "Japan",
        "Syria",
        "Lebanon",
    ] {
        assert!(r.contains(&format!("{state} Party")), "{r:?}");
    }
    let x = read("Title\n\nThe conference brought together diplomats and journalists from Qatar.");
    assert!(
        !roles(&x).contains(&"Qatar Party".to_string()),
        "{:?}",
        roles(&x)
    );
}

#[test]
fn saying_the_talks_will_continue_supports_them() {
    let x =
        read("Title\n\nNigeria said the negotiations would continue until every girl was home.");
    let s = stances(&x);
    assert!(
        s.contains(&"Nigeria support negotiations".to_string()),
        "{s:?}"
    );
    let x = read("Title\n\nNigeria said the negotiations had failed.");
    let s = stances(&x);
    assert!(
        !s.contains(&"Nigeria support negotiations".to_string()),
        "{s:?}"
    );
}

#[test]
fn a_role_denied_is_no_role() {
    let x = read(
        "Title\n\nTürkiye has not been asked to serve as a guarantor of any such arrangement.",
    );
    assert!(
        !roles(&x).iter().any(|r| r.ends_with("Guarantor")),
        "{:?}",
        roles(&x)
    );
}

#[test]
fn a_name_is_not_coordinated_with_an_adjective_before_a_role_noun() {
    let x = read(
        "Title\n\nShe discussed the cease-fire with Israel and American mediation with a weekly paper.",
    );
    let r = roles(&x);
    assert!(r.contains(&"United States Mediator".to_string()), "{r:?}");
    assert!(!r.contains(&"Israel Mediator".to_string()), "{r:?}");
}

#[test]
fn carrying_messages_between_the_sides_is_mediation_and_offering_to_host_is_hosting() {
    let x = read(
        "Title\n\nIranian and American negotiators sat in separate rooms as Oman's foreign minister, Badr Albusaidi, carried messages between them. Ankara has offered to host further rounds.",
    );
    let r = roles(&x);
    assert!(r.contains(&"Oman Mediator".to_string()), "{r:?}");
    assert!(r.contains(&"Turkey Host".to_string()), "{r:?}");
}

#[test]
fn a_pronoun_that_ends_the_clause_stands_for_the_issue_named_just_before() {
    let x = read(
        "Title\n\nOmar Haddad, an adviser in Syria's foreign ministry, spoke to us by phone from Damascus.\n\nQ: The prime minister wants the south demilitarised.\n\nA: We reject that completely. The Israeli strikes on our capital must stop.\n\nQ: Will you meet again?\n\nA: I don't make predictions.",
    );
    let s = stances(&x);
    assert!(s.iter().any(|s| s.ends_with("oppose disarmament")), "{s:?}");
    assert!(
        s.iter().any(|s| s.ends_with("oppose military-escalation")),
        "{s:?}"
    );
}

#[test]
fn a_pronoun_followed_by_more_words_is_no_anaphor() {
    // "that" opens a clause here; nothing before names an issue it could stand for anyway.
    let x = read("Title\n\nThe talks resumed in Doha. Hamas rejected that claim on Sunday.");
    let s = stances(&x);
    assert!(!s.iter().any(|s| s.starts_with("Hamas")), "{s:?}");
}

#[test]
fn the_country_after_a_ministry_of_a_state_is_that_state() {
    let x = read(
        "Title\n\nThe Indian army said it would respond strongly. Pakistan's foreign ministry said the country remained \"committed to the faithful implementation of the ceasefire\".",
    );
    let s = stances(&x);
    assert!(
        s.contains(&"Pakistan support ceasefire".to_string()),
        "{s:?}"
    );
    assert!(!s.contains(&"India support ceasefire".to_string()), "{s:?}");
}

#[test]
fn a_deal_said_to_be_about_something_else_is_not_the_articles_deal() {
    let x = read(
        "Title\n\nThe two sides agreed a truce last year. In March, Aleksandar Vučić and Albin Kurti accepted an EU-drafted agreement on the path to normalisation.",
    );
    assert!(labels(&x).contains(&"Albin Kurti"), "{:?}", labels(&x));
    let s = stances(&x);
    assert!(!s.iter().any(|s| s.contains("Kurti")), "{s:?}");
}

#[test]
fn the_leaders_of_two_states_are_parties_and_of_one_are_not() {
    let x = read("Title\n\nThe leaders of Thailand and Cambodia met in Putrajaya for talks.");
    let r = roles(&x);
    assert!(
        r.contains(&"Thailand Party".to_string()) && r.contains(&"Cambodia Party".to_string()),
        "{r:?}"
    );
    let x = read("Title\n\nThe leaders of Thailand spoke on Monday.");
    assert!(roles(&x).is_empty(), "{:?}", roles(&x));
}

#[test]
fn a_title_before_a_noun_is_an_adjective() {
    let x = read("Title\n\nThe three met at Seri Perdana, Anwar Ibrahim's official residence.");
    assert!(!labels(&x).contains(&"Seri Perdana"), "{:?}", labels(&x));
}

/// Events as "agents type [date]" with actor labels.
fn events(x: &Extraction) -> Vec<String> {
    let mut out: Vec<String> = x
        .events
        .iter()
        .map(|e| {
            let agents: Vec<&str> = e
                .agents
                .iter()
                .map(|&a| x.actors[a].label.as_str())
                .collect();
            let date = e
                .date
                .as_deref()
                .map(|d| format!(" {d}"))
                .unwrap_or_default();
            format!("{} {}{}", agents.join(" and "), e.event_type, date)
        })
        .collect();
    out.sort();
    out
}

// The document date of `read` is Sunday 2025-06-01.

#[test]
fn a_recalled_team_is_a_recall_by_the_subject_on_the_day_named() {
    let x = read("Title\n\nIsrael on Thursday recalled its negotiating team from Doha.");
    assert_eq!(events(&x), ["Israel Recall 2025-05-29"]);
    let x = read("Title\n\nIsrael pulled its delegation from the talks.");
    assert_eq!(events(&x), ["Israel Recall"]);
}

#[test]
fn a_delivered_response_and_a_proposal_are_events_of_their_subject() {
    let x = read("Title\n\nHamas delivered its response to the mediators yesterday.");
    assert_eq!(events(&x), ["Hamas Response 2025-05-31"]);
    let x = read("Title\n\nEgypt presented a plan for the reconstruction of Gaza on May 28.");
    assert_eq!(events(&x), ["Egypt Proposal 2025-05-28"]);
}

#[test]
fn a_meeting_of_coordinated_subjects_is_one_event_with_both_agents() {
    let x = read("Title\n\nSteve Witkoff and Benjamin Netanyahu met in Jerusalem on Monday night.");
    assert_eq!(
        events(&x),
        ["Steve Witkoff and Benjamin Netanyahu Meeting 2025-05-26"]
    );
}

#[test]
fn a_release_needs_the_released_people_named() {
    let x = read("Title\n\nHamas released three Israeli hostages on Saturday.");
    assert_eq!(events(&x), ["Hamas Release 2025-05-31"]);
    let x = read("Title\n\nHamas released a statement on Saturday.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
}

#[test]
fn a_prediction_a_condition_or_a_denial_is_no_event() {
    for text in [
        "Title\n\nIsrael would recall its team if the talks stalled.",
        "Title\n\nOfficials said that if Hamas responds to the proposal, Israel will send a team.",
        "Title\n\nIsrael plans to visit Cairo next week.",
        "Title\n\nHamas may walk out of the talks.",
        "Title\n\nHamas has not responded to the proposal.",
        "Title\n\n\"We recalled our team,\" Netanyahu said.",
    ] {
        let x = read(text);
        assert!(events(&x).is_empty(), "{text}: {:?}", events(&x));
    }
}

#[test]
fn a_statement_takes_the_day_its_sentence_names_else_the_document_date() {
    let x = read("Title\n\nHamas said on Friday that the talks were over.");
    let dates: Vec<Option<&str>> = x.statements.iter().map(|s| s.date.as_deref()).collect();
    assert_eq!(dates, [Some("2025-05-30")]);
    // A day inside what was said is not the day it was said.
    let x = read("Title\n\n\"We met them on Tuesday,\" Hamas said.");
    let dates: Vec<Option<&str>> = x.statements.iter().map(|s| s.date.as_deref()).collect();
    assert_eq!(dates, [None]);
}

#[test]
fn an_evaluation_in_scare_quotes_is_the_subjects_and_of_the_deal_named_before() {
    let x = read(
        "Title\n\nHamas and Israel discussed a cease-fire deal. Itamar Ben-Gvir called the emerging deal \"a surrender\".",
    );
    let s = stances(&x);
    assert!(
        s.contains(&"Itamar Ben-Gvir oppose ceasefire".to_string()),
        "{s:?}"
    );
}

#[test]
fn will_not_reaches_only_the_verb_after_it() {
    let x = read(
        "Title\n\nHamas said it wanted guarantees that the war would not resume once the hostages are freed.",
    );
    let s = stances(&x);
    assert!(
        !s.contains(&"Hamas oppose hostage-release".to_string()),
        "{s:?}"
    );
}

#[test]
fn names_holding_a_cue_word_break_nothing() {
    // "Support" of "Rapid Support Forces" is an effort noun; "backed" inside a bracket is a cue.
    for text in [
        "Title\n\nThe army welcomed the Rapid Support Forces.",
        "Title\n\nFighters of the March 23 Movement (M23-backed) rejected the truce.",
    ] {
        let _ = read(text);
    }
}

#[test]
fn inside_a_relative_clause_the_subject_is_its_own() {
    let x = read(
        "Title\n\nIran suspended cooperation with the International Atomic Energy Agency, whose director general, Rafael Grossi, has repeatedly called for talks on inspections.",
    );
    let s = stances(&x);
    assert!(!s.iter().any(|s| s.starts_with("Iran ")), "{s:?}");
    assert!(
        s.iter().any(|s| s.starts_with("Rafael Grossi support")),
        "{s:?}"
    );
}

#[test]
fn relief_from_sanctions_is_their_undoing() {
    let s = stances(&read("Title\n\nIran demanded sanctions relief on Monday."));
    assert!(s.contains(&"Iran oppose sanctions".to_string()), "{s:?}");
    let s = stances(&read(
        "Title\n\n\"The Netherlands will not accept any easing of sanctions,\" a spokeswoman said.",
    ));
    assert!(
        s.contains(&"Netherlands support sanctions".to_string()),
        "{s:?}"
    );
}

#[test]
fn an_opening_prepositional_phrase_holds_no_subject() {
    let s = stances(&read(
        "Title\n\nAt talks hosted by the Saudi government in Jeddah, Ukraine's delegation accepted an immediate cease-fire.",
    ));
    assert!(
        s.contains(&"Ukraine support ceasefire".to_string()),
        "{s:?}"
    );
    assert!(!s.iter().any(|s| s.starts_with("Saudi Arabia")), "{s:?}");
}

#[test]
fn a_host_named_by_its_government_and_a_facilitation_team() {
    let x = read(
        "Title\n\nThe ceremony was hosted by the Government of Barbados. The Norwegian facilitation team was led by a special envoy.",
    );
    let r = roles(&x);
    assert!(r.contains(&"Barbados Host".to_string()), "{r:?}");
    assert!(
        r.contains(&"Norway Mediator".to_string()) && !r.contains(&"Norway Party".to_string()),
        "{r:?}"
    );
}

#[test]
fn a_cue_word_inside_a_name_is_no_cue() {
    // "Support" of "Rapid Support Forces" after a quote's closing words once sliced backwards.
    let x = read(
        "Title\n\n\"We need aid moving now,\" he said.\n\nThe Rapid Support Forces, the paramilitary group that has fought the army, said its delegation was ready.",
    );
    assert!(
        !stances(&x).iter().any(|s| s.contains("support Rapid")),
        "{:?}",
        stances(&x)
    );
}

#[test]
fn words_of_obligation_nobody_speaks_are_the_writers() {
    // A headline or an opinion's "Sudan needs a truce" is no stance of Sudan.
    let x = read("Sudan needs a truce that neither general can wriggle out of.");
    assert!(stances(&x).is_empty(), "{:?}", stances(&x));
    // Said by someone, they are the speaker's.
    let x = read("Egypt said on Monday that Israel needs a cease-fire now.");
    assert_eq!(stances(&x), ["Egypt support ceasefire"]);
}

#[test]
fn praise_as_a_modifier_and_a_bare_strike_hold_no_stance() {
    // "constructive spirit" says nothing of an actor; "Hamas was constructive" does.
    let x = read("Qatar thanked both delegations for their constructive spirit.");
    assert!(
        !stances(&x).iter().any(|s| s.contains("support Qatar")),
        "{:?}",
        stances(&x)
    );
    let x = read("Qatar said Hamas was constructive.");
    assert_eq!(stances(&x), ["Qatar support Hamas"]);
    // "struck" is acceptance only of something struck like a deal.
    let x = read("Israel struck Iranian nuclear sites in June.");
    assert!(stances(&x).is_empty(), "{:?}", stances(&x));
}

#[test]
fn what_an_actor_is_thanked_for_is_not_the_thanking_actors_stance() {
    let x = read(
        "Armenia expresses its gratitude to the European Union for their consistent support of \
         the peace process.",
    );
    assert_eq!(stances(&x), ["Armenia support European Union"]);
}

#[test]
fn a_description_opening_a_sentence_is_the_last_sentences_subject() {
    let x = read(
        "Hamas rejected the Security Council resolution within hours. The group has said it \
         will not lay down its arms.",
    );
    let s = stances(&x);
    assert!(s.contains(&"Hamas oppose disarmament".to_string()), "{s:?}");
    assert!(
        !s.iter()
            .any(|s| s.starts_with("United Nations Security Council")),
        "{s:?}"
    );
}

#[test]
fn a_cue_broken_by_quotation_marks_is_still_a_cue() {
    let x = read(
        "Gabriel Escobar said on Monday that Washington had \"lost confidence\" in the Kosovo \
         government.",
    );
    assert_eq!(stances(&x), ["Gabriel Escobar oppose Kosovo"]);
}

#[test]
fn a_cue_noun_with_a_possessor_is_the_possessors_stance() {
    let x = read("Qatar welcomed Hamas's acceptance of the cease-fire proposal.");
    let s = stances(&x);
    assert!(s.contains(&"Hamas support ceasefire".to_string()), "{s:?}");
    assert!(!s.contains(&"Qatar support ceasefire".to_string()), "{s:?}");
    // Support for a state's territorial integrity is no support of holding territory.
    let x = read("Turkey's support for the territorial integrity of Ukraine is firm.");
    assert!(stances(&x).is_empty(), "{:?}", stances(&x));
}

#[test]
fn an_issue_phrase_naming_an_ending_is_not_undone_by_its_own_words() {
    let x = read("Israel has refused to commit to a permanent end to the war.");
    assert_eq!(stances(&x), ["Israel oppose end-of-war"]);
    let x =
        read("Hamas said it was ready to release all hostages in exchange for an end to the war.");
    assert_eq!(stances(&x), ["Hamas support hostage-release"]);
    let x = read("The group said it would never give up its weapons.");
    assert!(
        !stances(&x)
            .iter()
            .any(|s| s.contains("support disarmament")),
        "{:?}",
        stances(&x)
    );
    // Words that undo an issue still do, before it and after it.
    let x = read("Iran demanded the lifting of sanctions. Tehran also wants the sanctions eased.");
    assert_eq!(stances(&x), ["Iran oppose sanctions"]);
}

#[test]
fn vows_and_readiness_are_commitments() {
    let x = read("The Houthis vowed to continue attacks on shipping.");
    assert_eq!(stances(&x), ["Houthis support military-escalation"]);
    let x = read("Turkey expressed readiness to host direct talks between Russia and Ukraine.");
    assert_eq!(stances(&x), ["Turkey support negotiations"]);
    let x = read("The European Union urged both sides to show restraint.");
    assert_eq!(stances(&x), ["European Union support ceasefire"]);
}

#[test]
fn a_signing_told_as_background_is_no_stance_on_the_deal() {
    let x = read(
        "Israel and Hamas are discussing a cease-fire deal. Russia and China, which also signed \
         the 2015 agreement, reject the snapback outright.",
    );
    let s = stances(&x);
    assert!(!s.iter().any(|s| s.contains("support")), "{s:?}");
}

#[test]
fn a_sentence_opening_with_a_condition_states_nothing() {
    let x = read(
        "\"If there is goodwill on both sides, we can reach a cease-fire quickly,\" Araghchi said.",
    );
    assert!(stances(&x).is_empty(), "{:?}", stances(&x));
}

#[test]
fn an_evaluation_of_the_talks_supports_the_talks() {
    let x = read("Kirill Dmitriev said the dialogue with Washington had been \"constructive.\"");
    assert_eq!(stances(&x), ["Kirill Dmitriev support negotiations"]);
    // Said of an actor named last, it is of the actor.
    let x = read("Kirill Dmitriev said the American side had been constructive.");
    assert_eq!(stances(&x), ["Kirill Dmitriev support United States"]);
}

#[test]
fn a_pronoun_object_stands_for_the_first_issue_of_the_sentence_before() {
    let x = read(
        "The Quad proposed a three-month humanitarian truce, to be followed by a transition to \
         civilian rule. Massad Boulos has called on both sides to accept it \"without \
         preconditions\".",
    );
    let s = stances(&x);
    assert!(
        s.contains(&"Massad Boulos support ceasefire".to_string()),
        "{s:?}"
    );
    assert!(
        !s.contains(&"Massad Boulos support governance".to_string()),
        "{s:?}"
    );
}

#[test]
fn pushing_hard_for_a_committee_of_technocrats_supports_governance() {
    let x = read("Egypt and Qatar have pushed hard for the technocratic committee to be named.");
    assert_eq!(
        stances(&x),
        ["Egypt support governance", "Qatar support governance"]
    );
}

#[test]
fn a_states_post_with_no_name_speaks_for_the_state() {
    let x = read("Israel's defense minister rejected the ceasefire.");
    assert_eq!(stances(&x), ["Israel oppose ceasefire"]);
    // Named, the person speaks.
    let x = read("Israel's finance minister, Bezalel Smotrich, rejected the ceasefire.");
    assert_eq!(stances(&x), ["Bezalel Smotrich oppose ceasefire"]);
}

#[test]
fn a_clause_after_while_or_but_has_its_own_subject_and_antecedent() {
    let x =
        read("Hamas welcomed the Arab plan for Gaza's reconstruction, while Israel dismissed it.");
    assert_eq!(
        stances(&x),
        [
            "Hamas support reconstruction",
            "Israel oppose reconstruction"
        ]
    );
    let x = read("\"We are ready for peace,\" Volodymyr Zelensky said.");
    assert_eq!(stances(&x), ["Volodymyr Zelensky support end-of-war"]);
}

/// Posts as "holder: title of organization", sorted.
fn posts(x: &Extraction) -> Vec<String> {
    let mut out: Vec<String> = x
        .positions
        .iter()
        .map(|p| {
            format!(
                "{}: {} of {}",
                x.actors[p.holder].label, p.title, x.actors[p.organization].label
            )
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn a_title_after_of_the_says_whose_the_first_title_is() {
    let x = read(
        "Title\n\nThe talks were chaired by Mr. Jan Novak, Personal Envoy of the Secretary-General of the United Nations for Mozambique.",
    );
    assert_eq!(posts(&x), ["Jan Novak: personal envoy of United Nations"]);
}

#[test]
fn an_envoy_for_a_country_is_sent_there_not_its_servant() {
    let x = read("Title\n\nThe Special Envoy for Libya, Tomas Berg, arrived in Tripoli.");
    assert!(
        !posts(&x).iter().any(|p| p.ends_with("of Libya")),
        "{:?}",
        posts(&x)
    );
    let x = read("Title\n\nGermany's Special Envoy for Libya, Tomas Berg, arrived in Tripoli.");
    assert_eq!(posts(&x), ["Tomas Berg: special envoy of Germany"]);
}

#[test]
fn a_name_before_is_the_title_is_a_person_holding_it() {
    let x = read(
        "Title\n\nAmani Wekesa is the deputy spokeswoman of the Polisario Front. She spoke to us in Nairobi.",
    );
    assert!(labels(&x).contains(&"Amani Wekesa"), "{:?}", labels(&x));
    assert_eq!(
        posts(&x),
        ["Amani Wekesa: deputy spokeswoman of Polisario Front"]
    );
}

#[test]
fn co_chairs_listed_with_articles_are_all_mediators() {
    let x = read(
        "Title\n\nThe talks, co-chaired by the European Union, the United Nations and the Organization for Security and Co-operation in Europe, resumed in Geneva.",
    );
    let r = roles(&x);
    for org in ["European Union", "United Nations"] {
        assert!(r.contains(&format!("{org} Mediator")), "{r:?}");
    }
    assert_eq!(r.len(), 3, "{r:?}");
}

#[test]
fn parties_named_by_hereinafter_are_parties_and_hold_what_the_parties_agree() {
    let x = read(
        "Title\n\nThe Government of Mozambique and RENAMO, hereinafter \"the Parties\", signed the accord. The Parties agree to support the return of displaced families to their villages.",
    );
    let r = roles(&x);
    assert!(r.contains(&"Mozambique Party".to_string()), "{r:?}");
    assert!(r.contains(&"Renamo Party".to_string()), "{r:?}");
    let s = stances(&x);
    assert!(
        s.contains(&"Renamo support displacement".to_string()),
        "{s:?}"
    );
}

#[test]
fn talks_under_an_actors_auspices_have_it_as_mediator() {
    let x = read("Title\n\nThe Polisario said it was ready to resume direct talks with Morocco under UN auspices.");
    assert!(
        roles(&x).contains(&"United Nations Mediator".to_string()),
        "{:?}",
        roles(&x)
    );
}

#[test]
fn an_unnamed_post_of_a_state_speaks_for_the_state() {
    let x = read(
        "Title\n\nSpecial Representative Hanna Tetteh briefed the committee. The representative of Egypt called for the withdrawal of all foreign forces.",
    );
    assert_eq!(stances(&x), ["Egypt support troop-withdrawal"]);
}

#[test]
fn the_parties_opening_a_clause_hold_its_cue_and_the_next_clause_without_subject() {
    let x = read(
        "Title\n\nThe Government of Mozambique and RENAMO, hereinafter \"the Parties\", signed the accord. The Parties express their deep gratitude to Norway for its work, and call on partners to finance the reconstruction of schools.",
    );
    let s = stances(&x);
    for party in ["Mozambique", "Renamo"] {
        assert!(
            s.contains(&format!("{party} support reconstruction")),
            "{s:?}"
        );
        assert!(s.contains(&format!("{party} support Norway")), "{s:?}");
    }
}

#[test]
fn an_actor_right_after_a_cue_ending_in_to_is_its_object_not_a_place() {
    let x =
        read("Title\n\nMozambique paid tribute to Norway and is grateful to the United States.");
    assert_eq!(
        stances(&x),
        [
            "Mozambique support Norway",
            "Mozambique support United States"
        ]
    );
}

#[test]
fn welcoming_an_actors_call_for_an_issue_supports_the_issue() {
    let x = read("Title\n\nQatar welcomed ASEAN's call for an extended ceasefire.");
    assert_eq!(
        stances(&x),
        ["ASEAN support ceasefire", "Qatar support ceasefire"]
    );
}

#[test]
fn urging_leaders_to_keep_talking_supports_negotiations() {
    let x = read("Title\n\nBritain urged the two leaders to keep talking.");
    assert_eq!(stances(&x), ["United Kingdom support negotiations"]);
}

#[test]
fn a_states_post_is_not_resolved_to_another_states_holder_of_that_title() {
    let x = read(
        "Title\n\nTurkish Foreign Minister Hakan Fidan backed the plan. Greece's foreign minister took the opposite view.",
    );
    assert!(
        !posts(&x)
            .iter()
            .any(|p| p == "Hakan Fidan: foreign minister of Greece"),
        "{:?}",
        posts(&x)
    );
}

#[test]
fn an_interviewee_who_is_no_actor_lends_the_answers_to_nobody() {
    // "She" is the analyst of the sentence before, who is no actor: the answers are not the
    // words of the leader the introduction names.
    let text = "Title\n\nThe summit between President Donald Trump and Kim Jong Un ended early. Helen Marchetti spent eleven years at the State Department. She spoke to us by telephone.\n\nQ: What happened?\n\nA: Two stories came out of Hanoi.\n\nQ: And then?\n\nA: We reject that completely.";
    let x = read(text);
    assert!(x.statements.is_empty(), "{:?}", x.statements);
    assert!(stances(&x).is_empty(), "{:?}", stances(&x));
    // An actor who opens the sentence before is the interviewee.
    let x = read(&text.replace("Helen Marchetti spent", "Steve Witkoff spent"));
    assert!(
        x.statements
            .iter()
            .all(|s| x.actors[s.speaker].label == "Steve Witkoff"),
        "{:?}",
        x.statements
    );
    assert!(!x.statements.is_empty());
}

#[test]
fn a_hyphenated_given_name_is_whole() {
    let x = read(
        "Title\n\nPresident Moon Jae-in met Kim Jong-un, and former UN chief Ban Ki-moon praised the Hamas-run ministry and the Qatar-brokered truce.",
    );
    let l = labels(&x);
    for name in ["Moon Jae-in", "Ban Ki-moon"] {
        assert!(l.contains(&name), "{l:?}");
    }
    assert!(
        !l.iter()
            .any(|l| l.ends_with("-run") || l.ends_with("-brokered")),
        "{l:?}"
    );
}

#[test]
fn an_apostrophe_inside_a_name_keeps_it_whole_but_a_contraction_does_not() {
    let x = read(
        "Title\n\nThe talks were co-chaired by Kimani Ichung'wah, the majority leader. Hamas'll \
         answer, said Khalil al-Hayya.",
    );
    let l = labels(&x);
    assert!(l.contains(&"Kimani Ichung'wah"), "{l:?}");
    assert!(!l.iter().any(|l| l.contains("'ll")), "{l:?}");
}

#[test]
fn a_role_list_reads_past_a_title_or_a_form_of_state_to_its_state() {
    let x = read(
        "Title\n\nThe delegations of the Government of the Republic of Colombia and of the FARC-EP signed the agreement. The ceremony was hosted by the President of Cuba, Raúl Castro, and witnessed by the Secretary-General of the United Nations; and by the Foreign Minister of Norway.",
    );
    let r = roles(&x);
    for role in [
        "Colombia Party",
        "FARC Party",
        "Cuba Host",
        "United Nations Observer",
        "Norway Observer",
    ] {
        assert!(r.contains(&role.to_string()), "{r:?}");
    }
}

#[test]
fn condemning_an_attack_opposes_escalation_but_not_in_an_accusation() {
    let x = read(
        "Title\n\nPresident Volodymyr Zelensky condemned the strike on the port of Odesa. The EU said it strongly condemns the attacks.",
    );
    let s = stances(&x);
    assert!(
        s.contains(&"Volodymyr Zelensky oppose military-escalation".to_string()),
        "{s:?}"
    );
    assert!(
        s.contains(&"European Union oppose military-escalation".to_string()),
        "{s:?}"
    );
    let x = read("Title\n\nHamas accused Israeli ministers of seeking to sabotage the truce.");
    let s = stances(&x);
    assert!(!s.contains(&"Hamas oppose ceasefire".to_string()), "{s:?}");
}

#[test]
fn a_deal_is_no_cease_fire_where_the_article_names_none_or_once() {
    let text = "Title\n\nIsrael and Lebanon reached a maritime border deal. Lebanon accepted the deal on Thursday.";
    let s = stances(&read(text));
    assert!(!s.iter().any(|s| s.ends_with("ceasefire")), "{s:?}");
    // One mention may be in passing ("the deal is not a cease-fire"); two make it the subject.
    let once = format!("{text} The deal is not a truce.");
    let s = stances(&read(&once));
    assert!(!s.iter().any(|s| s.ends_with("ceasefire")), "{s:?}");
    let s = stances(&read(&format!(
        "{text} The truce on the border holds. Both sides said the truce would last."
    )));
    assert!(
        s.contains(&"Lebanon support ceasefire".to_string()),
        "{s:?}"
    );
}

#[test]
fn a_post_in_a_body_the_text_gives_a_state_is_also_a_post_of_the_state() {
    let x = read(
        "Title\n\nIran and Saudi Arabia agreed to reopen embassies. The deal was signed by Ali Shamkhani, the secretary of Iran's Supreme National Security Council.",
    );
    let p = posts(&x);
    assert!(
        p.contains(&"Ali Shamkhani: secretary of Supreme National Security Council".to_string()),
        "{p:?}"
    );
    assert!(
        p.contains(&"Ali Shamkhani: secretary of Iran".to_string()),
        "{p:?}"
    );
}

#[test]
fn a_qualifier_of_bodies_makes_another_body_of_an_organisations_name() {
    let x = read(
        "Title\n\nJohn Kirby, the National Security Council spokesman, said the Security Council should meet.",
    );
    let p = posts(&x);
    assert!(
        !p.iter()
            .any(|p| p.ends_with("United Nations Security Council")),
        "{p:?}"
    );
    assert!(
        labels(&x).contains(&"United Nations Security Council"),
        "{:?}",
        labels(&x)
    );
}

#[test]
fn a_name_with_its_acronym_in_brackets_is_a_new_organisation() {
    let x = read(
        "Title\n\nThe Front for Change and Concord in Chad (FACT) refused to sign. FACT's leader, Mahamat Mahdi Ali, said FACT rejected the agreement.",
    );
    let l = labels(&x);
    assert!(l.contains(&"Front for Change and Concord in Chad"), "{l:?}");
    // "Chad" inside the name is no mention of Chad.
    assert!(!l.contains(&"Chad"), "{l:?}");
    assert!(
        posts(&x).contains(
            &"Mahamat Mahdi Ali: leader of Front for Change and Concord in Chad".to_string()
        ),
        "{:?}",
        posts(&x)
    );
    // Brackets after a name with no head word of organisations make none.
    let x = read("Title\n\nSenator Jane Doe Smith (DSA) said Hamas rejected the plan.");
    assert!(
        x.actors
            .iter()
            .all(|a| !a.label.contains("Smith") || a.kind == negograph::lexicon::ActorKind::Person),
        "{:?}",
        labels(&x)
    );
}

#[test]
fn a_surname_before_another_capitalised_name_is_another_person() {
    let x = read(
        "Title\n\nKim Jong Un left Hanoi. Biegun met his counterpart, Kim Hyok Chol, North Korea's special representative. Kim said on Monday that talks would go on.",
    );
    let l = labels(&x);
    assert!(l.contains(&"Kim Hyok Chol"), "{l:?}");
    assert!(l.contains(&"Kim Jong Un"), "{l:?}");
}

#[test]
fn coordinated_role_verbs_and_led_rounds_give_both_roles() {
    let r = roles(&read(
        "Title\n\nThe accord was reached after five months of talks mediated and hosted by Qatar. The last AU-led round collapsed.",
    ));
    for role in ["Qatar Mediator", "Qatar Host", "African Union Mediator"] {
        assert!(r.contains(&role.to_string()), "{r:?}");
    }
}

#[test]
fn observers_named_after_an_opening_phrase_of_time() {
    let r = roles(&read(
        "Title\n\nIn late 2019 the World Bank sat in on the talks in Washington as observers.",
    ));
    assert!(r.contains(&"World Bank Observer".to_string()), "{r:?}");
}

#[test]
fn objects_of_a_cue_go_on_past_a_title_and_after_and_to() {
    let s = stances(&read(
        "Title\n\nPrime Minister Yair Lapid thanked Amos Hochstein and President Joe Biden for their mediation.",
    ));
    for t in ["Amos Hochstein", "Joe Biden"] {
        assert!(s.contains(&format!("Yair Lapid support {t}")), "{s:?}");
    }
    let s = stances(&read(
        "Title\n\nHamas said Egypt was grateful to Qatar for its efforts and to Turkey and Oman for the talks they had hosted.",
    ));
    for t in ["Qatar", "Turkey", "Oman"] {
        assert!(s.contains(&format!("Egypt support {t}")), "{s:?}");
    }
}

#[test]
fn a_states_people_in_the_plural_stand_for_its_side() {
    let s = stances(&read(
        "Title\n\nTrump said the North Koreans wanted the sanctions lifted in their entirety.",
    ));
    assert!(
        s.contains(&"North Korea oppose sanctions".to_string()),
        "{s:?}"
    );
}

#[test]
fn an_opening_phrase_of_time_is_no_name() {
    let x = read(
        "Title\n\nSince April, General Abdel Fattah al-Burhan's government has been fighting the Rapid Support Forces.",
    );
    assert!(!labels(&x).contains(&"Since April"), "{:?}", labels(&x));
}

#[test]
fn a_negotiated_outcome_is_the_talks_and_threats_of_force_escalation() {
    let s = stances(&read(
        "Title\n\nEthiopia's foreign ministry said Addis Ababa remained committed to a negotiated outcome. Ethiopia warned Egypt against threats of force.",
    ));
    assert!(
        s.contains(&"Ethiopia support negotiations".to_string()),
        "{s:?}"
    );
    assert!(
        s.contains(&"Ethiopia oppose military-escalation".to_string()),
        "{s:?}"
    );
}

#[test]
fn a_post_in_an_organisations_body_named_for_it_is_also_a_post_of_the_organisation() {
    let p = posts(&read(
        "Title\n\nIn Addis Ababa, the chairperson of the African Union Commission, Moussa Faki Mahamat, welcomed the deal. The African Union expected elections.",
    ));
    assert!(
        p.contains(&"Moussa Faki Mahamat: chairperson of African Union".to_string()),
        "{p:?}"
    );
}

#[test]
fn portfolio_and_vice_titles_are_whole() {
    let p = posts(&read(
        "Title\n\nOleksandr Kubrakov, Ukraine's infrastructure minister, signed. North Korea's vice foreign minister, Choe Son Hui, said talks could end.",
    ));
    for post in [
        "Oleksandr Kubrakov: infrastructure minister of Ukraine",
        "Choe Son Hui: vice foreign minister of North Korea",
    ] {
        assert!(p.contains(&post.to_string()), "{p:?}");
    }
}

#[test]
fn a_post_with_no_state_in_its_sentence_takes_the_one_state_of_the_sentence_before() {
    let p = posts(&read(
        "Title\n\nThe United States and North Korea met in Hanoi. The United States left early. What about South Korea? President Moon Jae-in had invested a great deal in this.",
    ));
    assert!(
        p.contains(&"Moon Jae-in: president of South Korea".to_string()),
        "{p:?}"
    );
}

#[test]
fn help_that_arranges_a_swap_is_mediation() {
    for text in [
        "Title\n\nIn January, a swap arranged with Qatar's help freed two Americans held by the Taliban.",
        "Title\n\nThe swap was arranged with the help of Oman.",
    ] {
        let r = roles(&read(text));
        assert!(r.iter().any(|r| r.ends_with(" Mediator")), "{text}: {r:?}");
    }
}

#[test]
fn backing_an_actor_named_after_the_verb_supports_it() {
    let s = stances(&read(
        "Title\n\nErsin Tatar, the Turkish Cypriot leader, spoke. Hakan Fidan, the Turkish foreign minister, backed Ersin Tatar on Monday.",
    ));
    assert!(
        s.contains(&"Hakan Fidan support Ersin Tatar".to_string()),
        "{s:?}"
    );
    // Not a compound ("the Iran-backed Houthis"), nor a possessor of what is backed.
    let s = stances(&read(
        "Title\n\nSaudi Arabia condemned the Iran-backed Houthis. Qatar backed Egypt's proposal for a truce.",
    ));
    assert!(!s.iter().any(|s| s.ends_with("support Houthis")), "{s:?}");
    assert!(!s.contains(&"Qatar support Egypt".to_string()), "{s:?}");
}

#[test]
fn encouraging_parties_to_keep_talking_supports_the_talks() {
    let s = stances(&read(
        "Title\n\nThe United States welcomed the meeting on Friday and said it encouraged both governments to keep talking.",
    ));
    assert!(
        s.contains(&"United States support negotiations".to_string()),
        "{s:?}"
    );
}

#[test]
fn one_name_after_a_capitalised_title_is_a_person_but_not_a_thing_of_a_king() {
    let x = read(
        "President Hollande announced the talks on Tuesday. Secretary Kerry has directed the \
         department to open them, and Hollande said more would follow. The leaders were given the \
         Order of King Abdulaziz. The UN General Assembly met.",
    );
    let names = labels(&x);
    assert!(
        names.contains(&"Hollande") && names.contains(&"Kerry"),
        "{names:?}"
    );
    assert!(
        !names.contains(&"Abdulaziz") && !names.contains(&"Assembly"),
        "{names:?}"
    );
    let hollande = x.actors.iter().position(|a| a.label == "Hollande").unwrap();
    assert_eq!(x.mentions.iter().filter(|m| m.actor == hollande).count(), 2);
}

#[test]
fn people_named_without_a_post_in_the_shapes_that_make_them_people() {
    let x = read(
        "Assistant Secretary Roberta Jacobson will lead the delegation. We expect Josefina \
         Vidal, who heads the desk, to lead theirs. The party was led by David Trimble. The \
         party, led since December by Hristijan Mickoski, protested. Their prime ministers, \
         Alexis Tsipras and Zoran Zaev, stood behind them. On Sunday its leader, Sir Jeffrey \
         Donaldson, said no. His Irish counterpart, Leo Varadkar, urged a return. Michelle \
         O'Neill, the party's vice president, agreed. Vladimir Kara-Murza, the Kremlin critic, \
         was freed.",
    );
    let names = labels(&x);
    for person in [
        "Roberta Jacobson",
        "Josefina Vidal",
        "David Trimble",
        "Hristijan Mickoski",
        "Zoran Zaev",
        "Jeffrey Donaldson",
        "Leo Varadkar",
        "Michelle O'Neill",
        "Vladimir Kara-Murza",
    ] {
        assert!(names.contains(&person), "{person} not in {names:?}");
    }
}

#[test]
fn a_party_or_an_armed_group_named_by_its_head_word_is_an_organisation_and_so_are_its_initials() {
    let x = read(
        "Ian Paisley's Democratic Unionist Party walked out. Sinn Féin, led by its president, \
         Gerry Adams, got its seat after the Irish Republican Army restored its ceasefire. The \
         DUP objected, and the IRA kept its weapons.",
    );
    let kind = |label: &str| {
        x.actors
            .iter()
            .find(|a| a.label == label)
            .map(|a| format!("{:?}", a.kind))
    };
    assert_eq!(
        kind("Democratic Unionist Party").as_deref(),
        Some("Organization")
    );
    assert_eq!(
        kind("Irish Republican Army").as_deref(),
        Some("Organization")
    );
    assert_eq!(kind("Sinn Féin").as_deref(), Some("Organization"));
    assert_eq!(kind("Gerry Adams").as_deref(), Some("Person"));
    let ira = x
        .actors
        .iter()
        .position(|a| a.label == "Irish Republican Army")
        .unwrap();
    let dup = x
        .actors
        .iter()
        .position(|a| a.label == "Democratic Unionist Party")
        .unwrap();
    assert_eq!(x.mentions.iter().filter(|m| m.actor == ira).count(), 2);
    assert_eq!(x.mentions.iter().filter(|m| m.actor == dup).count(), 2);
}

#[test]
fn a_short_form_of_a_full_name_is_the_same_person_and_an_acronym_in_a_heading_is_no_name() {
    let x = read(
        "Somalia's President Hassan Sheikh Mohamud attended.\nHassan Sheikh said the agreement \
         ended their differences.\n\nWHO CAME HOME\n\nThe shore of Lake Prespa, the foreign \
         ministers of both states, was quiet.",
    );
    let names = labels(&x);
    assert!(!names.contains(&"Hassan Sheikh"), "{names:?}");
    assert!(!names.contains(&"World Health Organization"), "{names:?}");
    assert!(!names.contains(&"Lake Prespa"), "{names:?}");
}

#[test]
fn the_person_after_a_role_cue_and_a_title_shares_the_role_and_praise_names_mediators() {
    let x = read(
        "Title\n\nThe two states agreed after a day of talks mediated by Turkish President Recep \
        Tayyip Erdogan. The envoy commended Angola and the DRC for their mediation. The minister \
         praised Kuwait and the United States for their \"tireless\" mediation. The \
         governments asked Senator George Mitchell to chair the talks. Kagame and Museveni signed, with \
         Lourenço and Tshisekedi signing alongside them as facilitators.",
    );
    let r = roles(&x);
    for role in [
        "Recep Tayyip Erdogan Mediator",
        "Angola Mediator",
        "Democratic Republic of the Congo Mediator",
        "Kuwait Mediator",
        "United States Mediator",
        "George Mitchell Mediator",
    ] {
        assert!(r.contains(&role.to_string()), "{role} not in {r:?}");
    }
    assert!(!r.iter().any(|x| x.starts_with("Paul Kagame")), "{r:?}");
    // Guarantees asked of someone make no guarantor of him.
    let x = read("Title\n\nHamas wanted real guarantees from President Donald Trump.");
    assert!(
        !roles(&x).iter().any(|r| r.ends_with("Guarantor")),
        "{:?}",
        roles(&x)
    );
}

#[test]
fn posts_of_demonym_references_and_of_each_person_in_a_plural_title_list() {
    let x = read(
        "Title\n\nPresidents Paul Kagame of Rwanda and Yoweri Museveni of Uganda are expected \
         to sign. Abiy Ahmed arrived late. The Ethiopian prime minister said little.",
    );
    let p = posts(&x);
    for post in [
        "Paul Kagame: president of Rwanda",
        "Yoweri Museveni: president of Uganda",
        "Abiy Ahmed: prime minister of Ethiopia",
    ] {
        assert!(p.contains(&post.to_string()), "{post} not in {p:?}");
    }
}

#[test]
fn a_plural_title_and_a_comma_give_each_person_listed_the_post_and_their_the_respective_state() {
    let x = read(
        "Title\n\nThe foreign ministers of Greece and Albania signed the accord. Their prime \
         ministers, Andreas Kallis and Besnik Hoxha, watched. The text was read out by the \
         defence ministers, Nikos Petrou of Greece and Arben Lika of Albania.",
    );
    let p = posts(&x);
    for post in [
        "Andreas Kallis: prime minister of Greece",
        "Besnik Hoxha: prime minister of Albania",
        "Nikos Petrou: defence minister of Greece",
        "Arben Lika: defence minister of Albania",
    ] {
        assert!(p.contains(&post.to_string()), "{post} not in {p:?}");
    }
    // Three states for two people: "their" is not read respectively, and no two people of one
    // plural title hold the post of the same state.
    let x = read(
        "Title\n\nGreece, Albania and Turkey signed the accord. Their prime ministers, Andreas \
         Kallis and Besnik Hoxha, watched.",
    );
    let states: Vec<usize> = x.positions.iter().map(|p| p.organization).collect();
    assert!(
        x.positions.iter().all(|p| p.rule != "their-respective"),
        "{:?}",
        posts(&x)
    );
    assert!(
        states.len() < 2 || states[0] != states[1],
        "{:?}",
        posts(&x)
    );
}

#[test]
fn ethiopian_leaders_go_by_their_first_name_and_a_deal_about_no_issue_is_the_talks() {
    let x = read(
        "Title\n\nAbiy Ahmed signed the declaration in Ankara. Abiy praised Turkey for its \
         patience. The Saudi foreign minister, Adel al-Jubeir, said the kingdom would stand \
         behind this peace. The African Union welcomed the declaration.",
    );
    let s = stances(&x);
    for stance in [
        "Abiy Ahmed support Turkey",
        "Saudi Arabia support end-of-war",
        "African Union support negotiations",
    ] {
        assert!(s.contains(&stance.to_string()), "{stance} not in {s:?}");
    }
    // One deal named once says nothing of what it is about.
    let x = read("Title\n\nThe African Union welcomed the declaration.");
    assert!(stances(&x).is_empty(), "{:?}", stances(&x));
}

#[test]
fn its_before_a_title_is_the_organisation_named_before_and_an_opening_capital_the_state() {
    let x = read(
        "Title\n\nSinn Féin, led by its president, Gerry Adams, got its seat in Ireland. In \
         Kigali, Foreign Minister Richard Sezibera struck a guarded note about Uganda.",
    );
    let p = posts(&x);
    for post in [
        "Gerry Adams: president of Sinn Féin",
        "Richard Sezibera: foreign minister of Rwanda",
    ] {
        assert!(p.contains(&post.to_string()), "{post} not in {p:?}");
    }
}

#[test]
fn freeing_a_person_named_after_the_verb_is_a_release_of_prisoners_or_hostages() {
    let x = read("Title\n\nVladimir Putin agreed to free Evan Gershkovich, the reporter.");
    assert_eq!(stances(&x), ["Vladimir Putin support prisoner-release"]);
    let x = read(
        "Title\n\nHamas agreed to release Edan Alexander, the last American hostage it holds.",
    );
    assert_eq!(stances(&x), ["Hamas support hostage-release"]);
    // Not inside a word, nor after a name that ends in a curly apostrophe.
    let x = read("Title\n\nPresident Trump’s envoy met Evan Gershkovich’s family.");
    assert!(stances(&x).is_empty(), "{:?}", stances(&x));
}

#[test]
fn envoys_named_after_their_post_delegations_and_thanks_for_hosting_give_roles() {
    let x = read(
        "Title\n\nThe consultations, facilitated by his Special Envoy for Yemen, Martin \
         Griffiths, brought together a delegation of the Government of Yemen and a delegation \
         of the Houthis. He is deeply grateful to the Government of Sweden, in particular to \
         Prime Minister Stefan Löfven, for hosting the consultations. Credit is due to Norway, \
         the third-party facilitator since 2001.",
    );
    let r = roles(&x);
    for role in [
        "Martin Griffiths Mediator",
        "Yemen Party",
        "Houthis Party",
        "Sweden Host",
        "Norway Mediator",
    ] {
        assert!(r.contains(&role.to_string()), "{role} not in {r:?}");
    }
}

#[test]
fn an_unknown_acronym_after_the_names_an_organisation_or_the_one_it_abbreviates() {
    let x = read(
        "Title\n\nRussia brought leaders of the FPRC and the UPC together. The UPC said its men \
         would stay. The United Nations (UNO) said the UNO team was ready. The DDR \
         programme and the GMT deadline were discussed.",
    );
    let names = labels(&x);
    assert!(
        names.contains(&"FPRC") && names.contains(&"UPC"),
        "{names:?}"
    );
    for no in ["UNO", "DDR", "GMT"] {
        assert!(!names.contains(&no), "{no} in {names:?}");
    }
    let un = x
        .actors
        .iter()
        .position(|a| a.label == "United Nations")
        .unwrap();
    assert_eq!(x.mentions.iter().filter(|m| m.actor == un).count(), 3);
}

#[test]
fn agreeing_on_the_following_list_is_a_stance_on_each_item() {
    let x = read(
        "Title\n\nThe talks brought together a delegation of the Government of Yemen and a \
         delegation of the Houthis. After eight days, the parties have agreed on the \
         following:\n\n1. An immediate ceasefire in the city of Hodeidah.\n2. A mutual \
         redeployment of forces out of the city.\n\nThe Houthis later released prisoners.",
    );
    let s = stances(&x);
    for stance in [
        "Houthis support ceasefire",
        "Houthis support troop-withdrawal",
        "Yemen support ceasefire",
        "Yemen support troop-withdrawal",
    ] {
        assert!(s.contains(&stance.to_string()), "{stance} not in {s:?}");
    }
    // The paragraph after the list is not one of its items.
    assert!(
        !s.contains(&"Yemen support prisoner-release".to_string()),
        "{s:?}"
    );
}

#[test]
fn declaring_a_ceasefire_supports_it_and_consultations_are_talks() {
    let x = read("Title\n\nRodrigo Duterte declared a ceasefire in his first address.");
    assert_eq!(stances(&x), ["Rodrigo Duterte support ceasefire"]);
    let x = read("Title\n\nThe United Nations welcomed the peace consultations in Geneva.");
    assert_eq!(stances(&x), ["United Nations support negotiations"]);
    // Announcing that something else happened is no stance on what follows far after.
    let x = read("Title\n\nQatar announced that the talks on a ceasefire had stalled.");
    assert!(
        !stances(&x).contains(&"Qatar support ceasefire".to_string()),
        "{:?}",
        stances(&x)
    );
}

#[test]
fn a_surname_with_a_post_names_the_full_name_said_before_and_other_people_shapes() {
    let x = read(
        "Title\n\nFor a year Tut Gatluak shuttled between the generals and the rebels. Gatluak, \
         South Sudan's presidential adviser on security, is no man for microphones. The UPC of \
         Ali Darassa refused. The panel included Graça Machel, the Mozambican campaigner. \
         Michael McCaul, the Texas congressman, objected.",
    );
    let names = labels(&x);
    for person in [
        "Tut Gatluak",
        "Ali Darassa",
        "Graça Machel",
        "Michael McCaul",
    ] {
        assert!(names.contains(&person), "{person} not in {names:?}");
    }
    assert!(!names.contains(&"Gatluak"), "{names:?}");
}

#[test]
fn providing_the_venue_is_hosting() {
    let r = roles(&read("Title\n\nOman provided the venue for the talks."));
    assert_eq!(r, ["Oman Host"]);
    let r = roles(&read(
        "Title\n\nNorway, the country that offered itself as the venue, was praised.",
    ));
    assert_eq!(r, ["Norway Host"]);
}

#[test]
fn a_known_surname_given_to_someone_else_in_the_text_is_not_the_known_person() {
    // Xiomara Castro is in the gazetteer; Raúl Castro is named in full first.
    let x = read(
        "Title\n\nThe Pope wrote to President Raúl Castro this summer. President Castro replied \
         in October.",
    );
    let names = labels(&x);
    assert!(names.contains(&"Raúl Castro"), "{names:?}");
    assert!(!names.contains(&"Xiomara Castro"), "{names:?}");
}

#[test]
fn guns_falling_silent_is_a_ceasefire_and_handing_over_weapons_disarmament() {
    let x = read("Title\n\n\"The guns must fall silent in Casamance,\" Umaro Sissoco Embaló said.");
    assert_eq!(stances(&x), ["Umaro Sissoco Embaló support ceasefire"]);
    let x = read(
        "Title\n\nDavid Trimble, leader of the Ulster Unionist Party, demanded that the IRA \
         begin handing over its weapons.",
    );
    assert!(
        stances(&x).contains(&"David Trimble support disarmament".to_string()),
        "{:?}",
        stances(&x)
    );
}

#[test]
fn a_role_cue_reaches_its_actor_past_an_apposition_or_a_participle() {
    let r = roles(&read(
        "Title\n\nSudan, facing protests at home, provides the venue.",
    ));
    assert_eq!(r, ["Sudan Host"]);
    let r = roles(&read(
        "Title\n\nQatar, the main go-between, chairs the talks.",
    ));
    assert_eq!(r, ["Qatar Mediator"]);
}

#[test]
fn a_role_noun_a_longer_cue_hid_names_the_actors_before_it() {
    // "the mediators" and "guarantors of" look for actors after them; where none follow, the
    // role noun inside them reads the apposition's actor before.
    for (text, role) in [
        (
            "Norway, one of the mediators, welcomed the agreement.",
            "Norway Mediator",
        ),
        (
            "Norway, one of the two mediators, welcomed the agreement.",
            "Norway Mediator",
        ),
        (
            "Norway, one of the guarantors of the process, welcomed the agreement.",
            "Norway Guarantor",
        ),
    ] {
        let r = roles_after_talks(text);
        assert!(r.contains(&role.to_string()), "{text}: {r:?}");
    }
    // The names after the longer cue keep its reading; nothing before a noun it governs.
    let r = roles(&read(
        "Title\n\nColombia and the ELN met. The talks were chaired by the mediators from Norway.",
    ));
    assert!(r.contains(&"Norway Mediator".to_string()), "{r:?}");
    for text in [
        "Norway praised the mediators.",
        "Norway, which criticised the guarantors of the process, left the talks.",
    ] {
        let r = roles_after_talks(text);
        assert!(!r.iter().any(|x| x.starts_with("Norway")), "{text}: {r:?}");
    }
}

#[test]
fn a_name_may_open_with_initials_and_a_surname_with_a_particle() {
    let x = read(
        "Title\n\nState President F.W. de Klerk criticised the ANC. President J.F. Kenyatta \
         spoke. President van der Bellen spoke. The President of the Council, Mr Bernard \
         Jaunin, opened the sitting. For the Council: the President, B. Jaunin.",
    );
    let names = labels(&x);
    for person in [
        "F.W. de Klerk",
        "J.F. Kenyatta",
        "van der Bellen",
        "Bernard Jaunin",
    ] {
        assert!(names.contains(&person), "{person}: {names:?}");
    }
    // "B. Jaunin" is the Bernard Jaunin named before.
    assert!(!names.contains(&"B. Jaunin"), "{names:?}");
    // A known name written with full stops ("U.N.", "U.S.") opens no one's name, nor does an
    // article; a name of another given name's initial is another person.
    let x = read(
        "Title\n\nU.N. Secretary-General Antonio Guterres and U.S. President Joe Biden met. \
         A Hamas official spoke. Laura Bush arrived, and President G. Bush spoke.",
    );
    let names = labels(&x);
    for person in ["António Guterres", "Joe Biden", "G. Bush"] {
        assert!(names.contains(&person), "{person}: {names:?}");
    }
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with("U.") || n.starts_with("A ")),
        "{names:?}"
    );
}

#[test]
fn a_gazetteer_name_is_found_in_either_spelling_and_a_deals_name_is_no_person() {
    let x = read(
        "Title\n\nEl Salvador and Honduras met, with the Organisation of African Unity \
         attending as an observer. A General Peace Treaty was signed in Lima, after mediation by \
         the former Peruvian president José Luis Bustamante y Rivero.",
    );
    let names = labels(&x);
    assert!(
        names.contains(&"Organization of African Unity"),
        "{names:?}"
    );
    assert!(!names.iter().any(|n| n.contains("Treaty")), "{names:?}");
    let r = roles(&x);
    for role in [
        "Organization of African Unity Observer",
        "José Luis Bustamante y Rivero Mediator",
    ] {
        assert!(r.contains(&role.to_string()), "{role}: {r:?}");
    }
    // A title right after "by" still names its holder; a place after "former" is no title.
    let r = roles(&read(
        "Title\n\nEl Salvador and Honduras met. The deal was brokered by former US President \
         Jimmy Carter.",
    ));
    assert!(r.contains(&"Jimmy Carter Mediator".to_string()), "{r:?}");
}

#[test]
fn pressing_or_appealing_to_a_side_for_an_issue_supports_it() {
    for text in [
        "Egypt's president, Hosni Mubarak, pressed both governments to settle their dispute at \
         the table.",
        "Hosni Mubarak appealed to both governments to return to the talks.",
    ] {
        let x = read(&format!("Title\n\nIraq and Kuwait met in Jeddah. {text}"));
        let s = stances(&x);
        assert!(
            s.contains(&"Hosni Mubarak support negotiations".to_string()),
            "{text}: {s:?}"
        );
    }
    // The press is no verb of pressing.
    let x = read("Title\n\nIraq and Kuwait met in Jeddah. Egypt briefed the press on the talks.");
    assert!(
        !stances(&x).iter().any(|s| s.starts_with("Egypt")),
        "{:?}",
        stances(&x)
    );
}

#[test]
fn taking_on_the_role_of_a_role_noun_plays_that_role() {
    for text in [
        "Norway assumed the role of intermediary.",
        "Norway took on the role of mediator.",
        "Norway played the arbiter between them.",
    ] {
        let r = roles_after_talks(text);
        assert!(r.contains(&"Norway Mediator".to_string()), "{text}: {r:?}");
    }
    for text in [
        "Norway played a key role in the talks.",
        "Norway criticised the role of the mediator.",
        "Norway took the mediator to dinner.",
        "Norway did not assume the role of mediator.",
    ] {
        let r = roles_after_talks(text);
        assert!(!r.iter().any(|x| x.starts_with("Norway")), "{text}: {r:?}");
    }
}

#[test]
fn a_capital_is_the_state_the_text_names_and_a_message_from_it_is_its_own() {
    let x = read(
        "Title\n\nThe United States and the Soviet Union talked. A second message from Moscow \
         demanded the withdrawal of the missiles from Turkey.",
    );
    let s = stances(&x);
    assert!(
        s.contains(&"Soviet Union support troop-withdrawal".to_string()),
        "{s:?}"
    );
    assert!(!labels(&x).contains(&"Russia"), "{:?}", labels(&x));
    // Without the Soviet Union, Moscow is Russia.
    let x = read("Title\n\nThe United States and Ukraine talked. Moscow rejected the ceasefire.");
    let s = stances(&x);
    assert!(s.contains(&"Russia oppose ceasefire".to_string()), "{s:?}");
    let x = read("Title\n\nIsrael and Hamas talked. A letter from Egypt rejected the ceasefire.");
    let s = stances(&x);
    assert!(s.contains(&"Egypt oppose ceasefire".to_string()), "{s:?}");
}

#[test]
fn a_senior_minister_is_a_title_and_a_professor_an_honorific() {
    let x = read(
        "Title\n\nSingapore hosted the talks. Senior Minister Lee Kuan Yew received them. \
         Professor Palamagamba Kabudi spoke.",
    );
    assert!(
        posts(&x).contains(&"Lee Kuan Yew: senior minister of Singapore".to_string()),
        "{:?}",
        posts(&x)
    );
    let names = labels(&x);
    assert!(names.contains(&"Palamagamba Kabudi"), "{names:?}");
    assert!(
        !names.iter().any(|n| n.starts_with("Professor")),
        "{names:?}"
    );
}

#[test]
fn governments_thanked_for_their_help_are_no_parties() {
    let r = roles(&read(
        "Title\n\nHe thanked the Emir of Qatar and the governments of Oman, Switzerland and \
         South Korea for their help.",
    ));
    assert!(!r.iter().any(|x| x.ends_with("Party")), "{r:?}");
    let r = roles(&read(
        "Title\n\nThe governments of Oman and Yemen met in Geneva.",
    ));
    assert!(r.contains(&"Oman Party".to_string()), "{r:?}");
}

#[test]
fn a_short_name_takes_the_full_name_the_text_gives_and_portfolios_are_no_names() {
    let x = read(
        "Title\n\nThe accord was signed in the presence of His Excellency Ibrahim Boubacar \
         Keïta. President Keïta welcomed the movements. Sidi Brahim Ould Sidati signed for them, \
         and Ould Sidati said the text fell short. The talks were led by Home Minister Krishna \
         Prasad Sitaula. The Maoist chairman, Prachanda, signed the accord.",
    );
    let names = labels(&x);
    for person in [
        "Ibrahim Boubacar Keïta",
        "Sidi Brahim Ould Sidati",
        "Krishna Prasad Sitaula",
        "Pushpa Kamal Dahal",
    ] {
        assert!(names.contains(&person), "{person} not in {names:?}");
    }
    for no in ["Keïta", "Ould Sidati", "Excellency Ibrahim Boubacar Keïta"] {
        assert!(!names.contains(&no), "{no} in {names:?}");
    }
}

#[test]
fn a_statesman_of_the_past_takes_the_state_of_the_context_for_his_title() {
    let x = read(
        "Title\n\nWashington's contribution went beyond envoys. President Bill Clinton was on \
         the phone to the United States' partners through the last night.",
    );
    assert!(
        posts(&x).contains(&"Bill Clinton: president of United States".to_string()),
        "{:?}",
        posts(&x)
    );
}

#[test]
fn an_of_phrase_after_a_titled_name_says_whose_post_it_is() {
    let x = read(
        "Title\n\nThe agreement was initialed by President Amadou Keita of Mali and President Ibrahim Sow of Senegal after three weeks of talks.",
    );
    assert_eq!(
        posts(&x),
        [
            "Amadou Keita: president of Mali",
            "Ibrahim Sow: president of Senegal"
        ]
    );
    // An "of" phrase that names no state or organisation gives none.
    let x = read("Title\n\nPresident Amadou Keita of the north spoke to reporters in Senegal.");
    assert!(
        !posts(&x).iter().any(|p| p.contains("of the north")),
        "{:?}",
        posts(&x)
    );
}

#[test]
fn a_post_without_its_state_takes_the_state_named_nearest() {
    let x = read(
        "Title\n\nNorway's envoy said on Monday that the cabinet of Sri Lanka had backed President Chandra Perera.",
    );
    assert_eq!(posts(&x), ["Chandra Perera: president of Sri Lanka"]);
}

/// The negotiation's sides, as labels.
fn sides(x: &Extraction) -> Vec<String> {
    x.negotiation
        .as_ref()
        .map(|n| {
            n.parties
                .iter()
                .map(|&a| x.actors[a].label.clone())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_frame_takes_its_sides_from_the_clause_rules_too() {
    // Only the clause rule "sign with" makes Pakistan a party; the frame names both sides.
    let x = read(
        "Title\n\nAfghanistan and Pakistan held a new round in Doha on Sunday, hosted by Qatar. Afghanistan later signed a ceasefire with Pakistan, officials said. Pakistan welcomed the outcome.",
    );
    let mut s = sides(&x);
    s.sort();
    assert_eq!(s, ["Afghanistan", "Pakistan"]);
    assert_eq!(
        x.negotiation.as_ref().and_then(|n| n.venue.as_deref()),
        Some("Qatar")
    );
    // A mediator that talks with one side is no side.
    let x = read(
        "Title\n\nQatar mediated between Israel and Hamas. Qatar held talks with Hamas on Monday.",
    );
    assert!(!sides(&x).contains(&"Qatar".to_string()), "{:?}", sides(&x));
}

#[test]
fn a_name_that_opens_with_a_given_name_is_a_person_but_not_a_body_or_a_place() {
    let x = read(
        "Title\n\nJonas Savimbi has not been seen in public since the city fell. Joaquín Villalobos and Schafik Handal argued late into the night.",
    );
    let l = labels(&x);
    assert!(l.contains(&"Jonas Savimbi"), "{l:?}");
    assert!(l.contains(&"Joaquín Villalobos"), "{l:?}");
    let x = read(
        "Title\n\nThe Carlos Slim Foundation paid for the meeting. Talks moved to San Salvador and then to Charles de Gaulle airport.\n\nInterview by Daniel Osei-Park\n\nPhotos: Amr Selim for The Coastline Post.\n\nThe talks went on. — Omar Feghali",
    );
    let people: Vec<&str> = x
        .actors
        .iter()
        .filter(|a| a.kind == negograph::lexicon::ActorKind::Person)
        .map(|a| a.label.as_str())
        .collect();
    assert!(people.is_empty(), "{people:?}");
}

#[test]
fn the_subject_of_an_opening_subordinate_clause_is_not_the_holder() {
    let x = read(
        "Title\n\nThe Taliban released George Glezmann in March. Yet when Glezmann was released, Secretary of State Marco Rubio thanked Qatar for its mediation.",
    );
    let s = stances(&x);
    assert!(
        s.contains(&"Marco Rubio support Qatar".to_string()),
        "{s:?}"
    );
    assert!(!s.iter().any(|x| x.starts_with("George Glezmann")), "{s:?}");
}

#[test]
fn a_description_of_a_movement_is_no_court_or_council() {
    let x = read(
        "Title\n\nThe Cessation of Hostilities Agreement between the Government of Uganda and the Lord's Resistance Army (LRA) entered into force. The LRA team is headed by Martin Ojul. The LRA leadership remains wanted under International Criminal Court warrants. Ojul told journalists that the movement \"will not sign a final agreement with a rope around our necks\" and demanded that the warrants be withdrawn.",
    );
    // The acronym's name starts where its initials are spelt, not at "Government".
    let l = labels(&x);
    assert!(l.contains(&"Lord's Resistance Army"), "{l:?}");
    assert!(!l.iter().any(|a| a.starts_with("Government of")), "{l:?}");
    let s = stances(&x);
    assert!(
        !s.iter()
            .any(|x| x.starts_with("International Criminal Court")),
        "{s:?}"
    );
    // An institution is still "the organisation" or "the bloc".
    let x = read(
        "Title\n\nThe European Union welcomed the truce. The bloc said it supports the ceasefire.",
    );
    let s = stances(&x);
    assert!(
        s.contains(&"European Union support ceasefire".to_string()),
        "{s:?}"
    );
}

#[test]
fn a_role_noun_inside_a_bodys_name_gives_no_role() {
    let r = roles(&read(
        "Title\n\nIran and Iraq agreed to a cease-fire. The observer force, to be known as the United Nations Iran-Iraq Military Observer Group, will number about 350 officers.",
    ));
    assert!(!r.iter().any(|x| x.ends_with("Observer")), "{r:?}");
    let r = roles(&read(
        "Title\n\nIran and Iraq agreed to a cease-fire. The World Bank sat in on the talks as observers.",
    ));
    assert!(r.contains(&"World Bank Observer".to_string()), "{r:?}");
}

#[test]
fn a_party_that_acts_on_the_deal_takes_a_stance_on_its_terms() {
    // Read by a cue rule ("welcomed"), with the terms in the next sentence.
    let x = read(
        "Sudan and the SPLM signed the agreement in Nairobi. Sudan welcomed the agreement. \
         It provides for the withdrawal of troops from the border.",
    );
    let s = stances(&x);
    assert!(
        s.contains(&"Sudan support troop-withdrawal".to_string()),
        "{s:?}"
    );
    let term = x
        .stances
        .iter()
        .find(|s| s.target == Target::Issue("troop-withdrawal".into()))
        .unwrap();
    assert!(term.rule.ends_with("deal-terms"), "{}", term.rule);
    assert_eq!(term.evidence.sentence, 2);
    // A third party that welcomes the deal backs the deal, not each of its terms.
    let x = read(
        "Sudan and the SPLM signed the agreement in Nairobi. Norway welcomed the agreement. \
         It provides for the withdrawal of troops from the border.",
    );
    let s = stances(&x);
    assert!(
        !s.iter()
            .any(|s| s.starts_with("Norway") && s.ends_with("troop-withdrawal")),
        "{s:?}"
    );
    // What a deal provides is no term after a verb that tells how something was done.
    let x = read(
        "Sudan and the SPLM signed the agreement in Nairobi. The SPLM accepted the agreement. \
         Sudan secured the return of refugees under the agreement, which ended the war.",
    );
    assert!(
        !x.stances.iter().any(|s| s.rule.ends_with("deal-terms")),
        "{:?}",
        stances(&x)
    );
}

#[test]
fn an_envoy_of_a_third_party_mediates() {
    let x = read(
        "Sudan and the SPLM resumed talks in Nairobi. The UN special envoy, Martin Griffiths, \
         met both delegations on Monday.",
    );
    let r = roles(&x);
    assert!(
        r.contains(&"Martin Griffiths Mediator".to_string()),
        "{r:?}"
    );
    assert!(r.contains(&"United Nations Mediator".to_string()), "{r:?}");
    // A party's envoy is no mediator.
    let x = read(
        "Sudan and the SPLM resumed talks in Nairobi. Sudan's special envoy, Ali Karti, met \
         the SPLM delegation on Monday.",
    );
    let r = roles(&x);
    assert!(!r.iter().any(|r| r.ends_with("Mediator")), "{r:?}");
}

#[test]
fn former_states_are_states_of_the_gazetteer() {
    let x = read(
        "The Soviet Union sent an observer to the talks. North Vietnam and South Vietnam signed \
         the agreement, and Vietnam later ratified it.",
    );
    let l = labels(&x);
    for state in ["Soviet Union", "North Vietnam", "South Vietnam", "Vietnam"] {
        assert!(l.contains(&state), "{state} missing from {l:?}");
    }
}

#[test]
fn a_title_that_opens_a_known_name_is_the_persons_post() {
    // The gazetteer's post, as the state is an actor of the article.
    let x = read(
        "Title\n\nSaudi Arabia hosted the talks. Crown Prince Mohammed bin Salman received both delegations in Jeddah.",
    );
    assert_eq!(
        posts(&x),
        ["Mohammed bin Salman: crown prince of Saudi Arabia"]
    );
    // An honorific that opens a name is no post.
    let x = read("Title\n\nSheikh Tamim bin Hamad Al Thani received both delegations in Doha.");
    assert!(
        !posts(&x).iter().any(|p| p.contains("sheikh")),
        "{:?}",
        posts(&x)
    );
}

#[test]
fn a_rank_or_honorific_between_a_title_and_the_name_after_its_comma() {
    let x = read(
        "Title\n\nThailand's army spokesman, Major General Arun Chaiwat, said the troops would hold their positions. Kuwait's foreign minister, Sheikh Ahmad Nasser al-Sabah, said the borders would reopen.",
    );
    let p = posts(&x);
    assert!(
        p.contains(&"Arun Chaiwat: spokesman of Thailand".to_string()),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|p| p.ends_with(": foreign minister of Kuwait") && p.contains("Ahmad Nasser")),
        "{p:?}"
    );
}

#[test]
fn a_pronoun_or_description_the_reference_stage_resolved_gives_a_titles_organisation() {
    let x = read(
        "Title\n\nPresident Masoud Pezeshkian of Iran spoke on Monday. Hours later, his spokesman, Ali Rezaei, said Iran would not negotiate under pressure.",
    );
    assert!(
        posts(&x).contains(&"Ali Rezaei: spokesman of Iran".to_string()),
        "{:?}",
        posts(&x)
    );
    // A description further on in the apposition is not whom the post serves.
    let x = read(
        "Title\n\nThe talks on Tajikistan resumed in Moscow. With me is Ruth Abernathy, a former aid official who worked in the south of the country.",
    );
    assert!(
        !posts(&x).iter().any(|p| p.starts_with("Ruth Abernathy")),
        "{:?}",
        posts(&x)
    );
}

#[test]
fn the_state_of_after_a_title_comes_before_one_named_earlier_in_the_clause() {
    let x = read(
        "Title\n\nThe Norwegian Government thanked the Prime Minister of Barbados, Ms. Mia Amor Mottley, for her hospitality.",
    );
    let p = posts(&x);
    assert!(
        p.iter().any(|p| p.ends_with("prime minister of Barbados")),
        "{p:?}"
    );
    assert!(!p.iter().any(|p| p.ends_with("of Norway")), "{p:?}");
}

/// Roles as "actor role (rule)", sorted.
fn roles_with_rules(x: &Extraction) -> Vec<String> {
    let mut out: Vec<String> = x
        .participations
        .iter()
        .map(|p| format!("{} {:?} ({})", x.actors[p.actor].label, p.role, p.rule))
        .collect();
    out.sort();
    out
}

#[test]
fn a_person_a_clause_rule_gives_a_role_gives_it_to_the_state_they_serve() {
    let x = read(
        "Title\n\nPedro Alves, the foreign minister of Angola, moderated the talks between Rwanda and Uganda in Luanda.",
    );
    let r = roles_with_rules(&x);
    assert!(
        r.contains(&"Angola Mediator (clause/mediate/represents)".to_string()),
        "{r:?}"
    );
    // A person with no post gives the role to no one else.
    let x = read(
        "Title\n\nPedro Alves moderated the talks between Rwanda and Uganda in Luanda, the capital of Angola.",
    );
    let r = roles_with_rules(&x);
    assert!(!r.iter().any(|p| p.contains("represents")), "{r:?}");
}

#[test]
fn a_state_named_as_a_place_before_a_post_sets_the_scene_for_it() {
    let x = read(
        "Title\n\nAngola's government and UNITA met again. Angola and Namibia said the talks would go on. Officials in Zambia told us that President Frederick Chiluba remains ready to host the ceremony.",
    );
    let p = posts(&x);
    assert!(
        p.contains(&"Frederick Chiluba: president of Zambia".to_string()),
        "{p:?}"
    );
    // A place named after the post, in a clause of its own, does not.
    let x = read(
        "Title\n\nLiberia's government signed the accord. Liberia thanked the mediators. Defence Minister Daniel Chea signed for the government, which took over when the president flew to Nigeria.",
    );
    let p = posts(&x);
    assert!(
        p.contains(&"Daniel Chea: defence minister of Liberia".to_string()),
        "{p:?}"
    );
}

#[test]
fn a_post_without_its_state_is_not_of_a_state_whose_same_post_someone_else_holds() {
    let x = read(
        "Title\n\nThe United States pressed both sides. President Anwar Sadat of Egypt and President Jimmy Carter spoke in Cairo on Monday.",
    );
    let p = posts(&x);
    assert!(
        p.contains(&"Jimmy Carter: president of United States".to_string()),
        "{p:?}"
    );
    // Another post of the same state does not take it.
    let x = read(
        "Title\n\nPrime Minister Menachem Begin of Israel and Defence Minister Ezer Weizman spoke in Jerusalem.",
    );
    let p = posts(&x);
    assert!(
        p.contains(&"Ezer Weizman: defence minister of Israel".to_string()),
        "{p:?}"
    );
}

#[test]
fn a_leaders_post_without_its_state_is_not_of_a_state_another_leader_holds_in_the_sentence() {
    let x = read(
        "Title\n\nThe United States pressed both sides. President Anwar Sadat of Egypt and Prime Minister Menachem Begin of Israel arrived as guests of President Jimmy Carter.",
    );
    let p = posts(&x);
    assert!(
        !p.iter()
            .any(|p| p.starts_with("Jimmy Carter: president of Israel")),
        "{p:?}"
    );
    assert!(
        p.contains(&"Jimmy Carter: president of United States".to_string()),
        "{p:?}"
    );
}

#[test]
fn a_head_or_foreign_ministers_title_given_no_state_is_not_of_a_state_without_that_post() {
    // The United States has a president and a secretary of state, no prime minister.
    let x = read(
        "Title\n\nIraq's parliament approved the pact. It was negotiated by Prime Minister Karim Haddad and U.S. officials.",
    );
    let p = posts(&x);
    assert!(
        p.contains(&"Karim Haddad: prime minister of Iraq".to_string()),
        "{p:?}"
    );
    let x = read(
        "Title\n\nPanama and the United States signed the treaties. Secretary of State Walter Brandt flew to Panama.",
    );
    let p = posts(&x);
    assert!(
        p.contains(&"Walter Brandt: secretary of state of United States".to_string()),
        "{p:?}"
    );
    // A state with both a president and a prime minister can have either.
    let x = read(
        "Title\n\nIsrael's cabinet approved the pact with Egypt. It was signed by President Dan Levi.",
    );
    let p = posts(&x);
    assert!(
        p.contains(&"Dan Levi: president of Israel".to_string()),
        "{p:?}"
    );
}

#[test]
fn its_opening_a_sentence_before_a_title_is_the_state_or_organisation_named_first_before() {
    let x = read(
        "Title\n\nNATO sent a mission to Skopje. Its secretary general, Lord Robertson, was explicit: no agreement, no mission.",
    );
    let p = posts(&x);
    assert!(
        p.iter().any(|p| p.ends_with("secretary general of NATO")),
        "{p:?}"
    );
    // A sentence before that names no state or organisation gives none (a place is none).
    let x = read(
        "Title\n\nThe talks resumed on Monday in a hotel in Geneva. Its spokesman, Peter Olsen, said the rooms were ready.",
    );
    assert!(posts(&x).is_empty(), "{:?}", posts(&x));
}

#[test]
fn a_plural_title_between_a_list_of_states_and_as_many_people_pairs_them_in_order() {
    let x = read(
        "Title\n\nTwenty years ago today, the foreign ministers of Indonesia and Portugal, Ali Alatas and Jaime Gama, signed three linked instruments.",
    );
    assert_eq!(
        posts(&x),
        [
            "Ali Alatas: foreign minister of Indonesia",
            "Jaime Gama: foreign minister of Portugal"
        ]
    );
    let x = read(
        "Title\n\nThe conference was co-chaired by France and Indonesia, whose foreign ministers, Roland Dumas and Ali Alatas, spent two years coaxing the factions.",
    );
    assert_eq!(
        posts(&x),
        [
            "Ali Alatas: foreign minister of Indonesia",
            "Roland Dumas: foreign minister of France"
        ]
    );
    // Three states and two people: no pairing can be read.
    let x = read(
        "Title\n\nThe foreign ministers of Indonesia, Portugal and Australia, Ali Alatas and Jaime Gama, met in New York.",
    );
    assert!(
        !posts(&x)
            .iter()
            .any(|p| p.contains("Australia") || p.contains("Portugal")),
        "{:?}",
        posts(&x)
    );
}

#[test]
fn talks_named_by_an_issue_say_what_their_deal_is_about() {
    // "peace conference": the treaty the talks made is a peace treaty
    let x = read(
        "Russia and Japan held talks at the Portsmouth Peace Conference. The treaty was signed on 5 September.",
    );
    let s = stances(&x);
    assert!(
        s.contains(&"Russia support end-of-war".to_string()),
        "{s:?}"
    );
    assert!(s.contains(&"Japan support end-of-war".to_string()), "{s:?}");
    // an issue not right before the talks noun names nothing ("peace" is no talks' issue here)
    let x = read(
        "Russia and Japan held talks after the peace of 1856 broke down. The treaty was signed on 5 September.",
    );
    let s = stances(&x);
    assert!(!s.iter().any(|s| s.ends_with("end-of-war")), "{s:?}");
    // A verb of the deal's own clause gives its terms, not its name: the signers take no stance
    // on them through the deal.
    let x = read(
        "Title\n\nThe plan called for a comprehensive settlement. Turkey backed the plan. Greece rejected the plan.",
    );
    let s = stances(&x);
    assert!(
        !s.iter()
            .any(|s| s.starts_with("Greece") && s.ends_with("end-of-war")),
        "{s:?}"
    );
}

#[test]
fn a_post_is_not_of_a_state_whose_same_post_someone_holds_by_another_title() {
    // Iceland's president is named by her other post ("Iceland's head of state"), so the
    // president the sentence before Iceland does not name is another state's
    let x = read(
        "The United States and the Soviet Union met in Iceland. Iceland's head of state, President Vigdis Finnbogadottir, welcomed them in Reykjavik. President Ronald Reagan spoke first.",
    );
    let p = posts(&x);
    assert!(
        p.contains(&"Vigdis Finnbogadottir: president of Iceland".to_string()),
        "{p:?}"
    );
    assert!(
        !p.contains(&"Ronald Reagan: president of Iceland".to_string()),
        "{p:?}"
    );
    // another post of Iceland's takes nothing from its president
    let x = read(
        "The United States and the Soviet Union met in Iceland. Iceland's head of government, Prime Minister Steingrimur Hermannsson, welcomed them in Reykjavik. President Vigdis Finnbogadottir spoke first.",
    );
    let p = posts(&x);
    assert!(
        p.contains(&"Vigdis Finnbogadottir: president of Iceland".to_string()),
        "{p:?}"
    );
}

#[test]
fn a_list_of_sides_goes_on_past_a_title_to_the_person_it_names() {
    let x = read(
        "Talks between US President Ronald Reagan and Soviet leader Mikhail Gorbachev broke up on Sunday.",
    );
    let r = roles(&x);
    // The people of the list are read, and the states they serve are the parties.
    assert_eq!(r, ["Soviet Union Party", "United States Party"]);
    // Past the state of a person's post to the next member.
    let x = read(
        "Talks between President Recep Tayyip Erdogan of Turkey and President Vladimir Putin of \
         Russia ended.",
    );
    let r = roles(&x);
    assert_eq!(r, ["Russia Party", "Turkey Party"]);
    let x = read("Talks between Tamar Beridze of Georgia and the rebels of Abkhazia ended.");
    assert!(roles(&x).len() < 2, "{:?}", roles(&x));
    let x =
        read("The meeting between President Ronald Reagan and President Mikhail Gorbachev ended.");
    let r = roles(&x);
    assert_eq!(r, ["Mikhail Gorbachev Party", "Ronald Reagan Party"]);
}

#[test]
fn a_role_asked_for_is_not_played() {
    // a meeting or guarantees wished for: no sides, no guarantor
    for text in [
        "Ukraine had asked for a direct meeting between President Volodymyr Zelensky and Mr. Putin.",
        "Hamas wanted real guarantees from President Trump and the mediating countries.",
    ] {
        let r = roles(&read(text));
        assert!(
            !r.iter().any(|r| r.contains("Zelensky") || r.contains("Trump")),
            "{text}: {r:?}"
        );
    }
    // someone asked to do it does it: "asked Mitchell to chair"
    let r = roles(&read(
        "London and Dublin asked George Mitchell to chair the talks, and he agreed.",
    ));
    assert!(r.contains(&"George Mitchell Mediator".to_string()), "{r:?}");
}

#[test]
fn a_unity_government_and_self_determination_are_governance() {
    for text in [
        "Hamas called for a government of national unity.",
        "The SPLM-North insisted on self-determination for the Nuba Mountains.",
        "The Tigray People's Liberation Front demanded a federal system.",
    ] {
        let s = stances(&read(text));
        assert!(
            s.iter().any(|s| s.ends_with("support governance")),
            "{text}: {s:?}"
        );
    }
    // a vote's result is no form of government
    let s = stances(&read("Hamas rejected the result of the election."));
    assert!(!s.iter().any(|s| s.ends_with("governance")), "{s:?}");
}

#[test]
fn the_laying_down_and_handover_of_weapons_are_disarmament() {
    for text in [
        "Colombia and the FARC signed an agreement on the laying down of weapons.",
        "Australia urged the militias to make the weapons handover real.",
    ] {
        let s = stances(&read(text));
        assert!(
            s.iter().any(|s| s.ends_with("support disarmament")),
            "{text}: {s:?}"
        );
    }
}

#[test]
fn a_gerund_after_a_preposition_of_time_is_not_what_the_verb_is_about() {
    // "before disarming" says when, not what was pressed for
    let s = stances(&read(
        "The FARC pressed for guarantees of legal and physical security before disarming.",
    ));
    assert!(!s.iter().any(|s| s.ends_with("disarmament")), "{s:?}");
    // "for disarming" is what was pressed for
    let s = stances(&read("Norway pressed the FARC to agree to disarming."));
    assert!(
        s.iter().any(|s| s.ends_with("support disarmament")),
        "{s:?}"
    );
}

#[test]
fn a_disengagement_of_forces_is_a_withdrawal() {
    let s = stances(&read(
        "Israel and Egypt signed an agreement on the disengagement of forces along the Suez Canal.",
    ));
    for side in ["Israel", "Egypt"] {
        assert!(
            s.contains(&format!("{side} support troop-withdrawal")),
            "{s:?}"
        );
    }
}

#[test]
fn a_churchman_or_a_teacher_is_named_after_the_honorific() {
    let x = read(
        "The talks were chaired by Bishop Samuel Ruiz Garcia. Later Samuel Ruiz Garcia spoke.",
    );
    assert!(
        roles(&x).contains(&"Samuel Ruiz Garcia Mediator".to_string()),
        "{:?}",
        roles(&x)
    );
    let x = read("Ustaz Hassan Taib signed the consensus. Hassan Taib later spoke to reporters.");
    let people: Vec<&str> = x.actors.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(people, ["Hassan Taib"]);
    // the word alone names no one
    assert!(read("The bishop has been clear.").actors.is_empty());
}

#[test]
fn a_prepositional_phrase_between_commas_keeps_the_subject_before_it() {
    let s = stances(&read(
        "Hamas, in a video statement, asked Israel to withdraw from the villages.",
    ));
    assert!(
        s.contains(&"Hamas support troop-withdrawal".to_string()),
        "{s:?}"
    );
    // inside a relative clause, the phrase before the commas is no subject of the main verb
    let s = stances(&read(
        "The United States, which sent its special envoy, Mike Hammer, to Pretoria as an observer, welcomed the cease-fire.",
    ));
    assert!(!s.iter().any(|s| s.starts_with("Mike Hammer")), "{s:?}");
}

#[test]
fn an_honorific_before_a_name_makes_a_person() {
    let x = read(
        "Title\n\nLord Carrington chaired every plenary. Haig passed the points to Mr Pym, who was in Washington. Mr Martin McGuinness was nominated as deputy First Minister. Sidi Brahim Ould Sidati signed for the movements, and Mr. Ould Sidati said they had done so in a spirit of peace.",
    );
    let l = labels(&x);
    for name in [
        "Carrington",
        "Pym",
        "Martin McGuinness",
        "Sidi Brahim Ould Sidati",
    ] {
        assert!(l.contains(&name), "{l:?}");
    }
    // A known person's surname that opens another name after an honorific is not that person.
    for no in ["Micheál Martin", "Ould Sidati", "Washington"] {
        assert!(!l.contains(&no), "{l:?}");
    }
    // Without an honorific or another cue a lone capitalised word names no one.
    let x = read("Title\n\nThe points went to Pym, and Carrington chaired.");
    let l = labels(&x);
    assert!(!l.contains(&"Pym") && !l.contains(&"Carrington"), "{l:?}");
}

#[test]
fn an_organisation_named_by_its_head_goes_back_over_and_and_a_possessive() {
    let x = read(
        "Title\n\nThe accord was signed by Sudan and the Liberation and Justice Movement. The African People's Liberation Movement joined later, and Hamas's Qassam Brigades stayed away.",
    );
    let l = labels(&x);
    for name in [
        "Liberation and Justice Movement",
        "African People's Liberation Movement",
        "Qassam Brigades",
    ] {
        assert!(l.contains(&name), "{l:?}");
    }
    // A known name before the possessive is no part of it.
    assert!(!l.iter().any(|l| l.starts_with("Hamas's")), "{l:?}");
    assert!(!l.contains(&"Justice Movement"), "{l:?}");
}

#[test]
fn a_name_in_capitals_before_a_bracket_and_a_verb_of_speech_is_a_person() {
    let x = read(
        "Title\n\nStatements\n\nSUSAN RICE (United States) said the resolution put in place the toughest sanctions.\n\nGÉRARD ARAUD (France) said Iran had refused every offer.",
    );
    let l = labels(&x);
    for name in ["Susan Rice", "Gérard Araud", "United States", "France"] {
        assert!(l.contains(&name), "{l:?}");
    }
    assert!(!l.contains(&"SUSAN RICE"), "{l:?}");
    // A bracket after a body's name is no cue of a person.
    let x = read("Title\n\nThe Sudan Liberation Movement (SLM) said it would attend.");
    assert!(
        x.actors
            .iter()
            .all(|a| a.kind != negograph::lexicon::ActorKind::Person),
        "{:?}",
        labels(&x)
    );
}

#[test]
fn a_states_institution_that_signs_is_no_side_of_its_own() {
    let x = read(
        "Title\n\nIran and Saudi Arabia restored relations. The agreement was signed by Ali Shamkhani, the secretary of Iran's Supreme National Security Council, and Musaed al-Aiban, Saudi Arabia's national security adviser.",
    );
    let r = roles(&x);
    assert!(r.contains(&"Iran Party".to_string()), "{r:?}");
    assert!(r.contains(&"Saudi Arabia Party".to_string()), "{r:?}");
    assert!(
        !r.iter().any(|r| r.starts_with("Supreme National")),
        "{r:?}"
    );
    // A movement after a state's possessive is a side of its own.
    let x = read("Title\n\nYemen's Houthis and Saudi Arabia signed the truce in Muscat.");
    let r = roles(&x);
    assert!(r.contains(&"Houthis Party".to_string()), "{r:?}");
    assert!(!r.contains(&"Yemen Party".to_string()), "{r:?}");
}

#[test]
fn a_deals_term_that_undoes_an_issue_makes_its_signers_oppose_it() {
    let x = read(
        "Title\n\nThe United States and North Korea signed the agreement in Geneva. Under its terms, North Korea will stop running and building its reactors at Yongbyon.",
    );
    let s = stances(&x);
    for want in [
        "United States oppose nuclear-program",
        "North Korea oppose nuclear-program",
    ] {
        assert!(s.contains(&want.to_string()), "{s:?}");
    }
    assert!(
        !s.iter().any(|s| s.ends_with("support nuclear-program")),
        "{s:?}"
    );
    let x = read("Title\n\nIsrael and Hamas signed the deal in Cairo. Under the deal, the sanctions will be lifted and prisoners will be released.");
    let s = stances(&x);
    assert!(s.contains(&"Israel oppose sanctions".to_string()), "{s:?}");
    assert!(
        s.contains(&"Hamas support prisoner-release".to_string()),
        "{s:?}"
    );
    // An end named by the issue's own phrase is no undoing of it.
    let x = read("Title\n\nIsrael and Hamas signed the deal in Cairo. Under the deal, both sides agreed to an end to the war.");
    let s = stances(&x);
    assert!(!s.iter().any(|s| s.ends_with("oppose end-of-war")), "{s:?}");
}

#[test]
fn what_a_plan_a_possessive_names_the_author_of_calls_for_is_its_authors_stance() {
    let x = read("Title\n\nPresident Óscar Arias of Costa Rica put forward a new plan. His plan called for ceasefires and free elections. Guatemala and Nicaragua later signed the agreement.");
    let s = stances(&x);
    assert!(
        s.contains(&"Óscar Arias support ceasefire".to_string()),
        "{s:?}"
    );
    // The signers of the agreement take no stance on the plan's terms through it.
    assert!(
        !s.contains(&"Guatemala support ceasefire".to_string()),
        "{s:?}"
    );
    // A deal no possessive names an author of gives its terms to its signers.
    let x = read("Title\n\nThe plan called for ceasefires and free elections. Guatemala and Nicaragua later signed the agreement.");
    let s = stances(&x);
    assert!(
        s.contains(&"Guatemala support ceasefire".to_string()),
        "{s:?}"
    );
}

#[test]
fn a_title_only_some_states_have_is_not_of_a_state_without_it() {
    let x = read(
        "Title\n\nBritain welcomed the handover. Libya handed over the two suspects on Monday, and the Foreign Secretary, Robin Cook, said the sanctions would be suspended.",
    );
    let p = posts(&x);
    assert!(
        p.contains(&"Robin Cook: foreign secretary of United Kingdom".to_string()),
        "{p:?}"
    );
    // A title every state has keeps the nearest state.
    let x = read(
        "Title\n\nBritain welcomed the handover. Libya handed over the two suspects on Monday, and the Foreign Minister, Abdel Rahman Shalgham, said the sanctions would be suspended.",
    );
    let p = posts(&x);
    assert!(
        p.contains(&"Abdel Rahman Shalgham: foreign minister of Libya".to_string()),
        "{p:?}"
    );
}

#[test]
fn a_statesman_of_the_past_holds_the_post_the_gazetteer_gives_him_not_the_nearest_states() {
    // The gazetteer gives Jimmy Carter his former post: the title is his country's, not that of
    // the state named next to it.
    let x = read(
        "Title\n\nPresident Jimmy Carter welcomed General Omar Torrijos of Panama to the White House. Panama signed the treaties.",
    );
    assert!(
        posts(&x).contains(&"Jimmy Carter: president of United States".to_string()),
        "{:?}",
        posts(&x)
    );
    // A person the gazetteer does not know still takes the nearest state.
    let x = read(
        "Title\n\nPresident Jaime Orellana welcomed General Omar Torrijos of Panama to the capital.",
    );
    assert!(
        posts(&x).contains(&"Jaime Orellana: president of Panama".to_string()),
        "{:?}",
        posts(&x)
    );
    // "The president" is the one in office, never a former holder the text names.
    let text = "Title\n\nJimmy Carter met Egypt's leaders in Cairo. The president said he would go to Gaza.";
    let x = read(text);
    let at = text.find("The president").unwrap();
    let carter = x.actors.iter().position(|a| a.label == "Jimmy Carter");
    assert!(
        !x.mentions
            .iter()
            .any(|m| Some(m.actor) == carter && m.start == at),
        "{:?}",
        x.mentions
    );
}

#[test]
fn a_name_no_cue_marks_is_an_organisation_where_it_acts_as_a_subject_twice() {
    let x = read(
        "Title\n\nThe finance ministers met on Saturday, and the Eurogroup told journalists that the talks were over. Ministers said the Eurogroup rejected the request.",
    );
    assert!(labels(&x).contains(&"Eurogroup"), "{:?}", labels(&x));
    let x = read(
        "Title\n\nThe government offered talks. The release of people detained during the crisis, which Séléka demands, was agreed, and Séléka's fighters left the town.",
    );
    assert!(labels(&x).contains(&"Séléka"), "{:?}", labels(&x));
    // A place where something happens twice is no actor; nor a common noun written with a
    // capital, nor the second word of a run that opens the sentence.
    let x = read(
        "Title\n\nDelegates arrived in Montreux on Monday. The hotel said Montreux hosted the talks, and Montreux hosted the signing too.",
    );
    assert!(!labels(&x).contains(&"Montreux"), "{:?}", labels(&x));
    let x = read(
        "Title\n\nThe rebels met the envoy, and the Government rejected the offer. Later the Government signed the accord.",
    );
    assert!(!labels(&x).contains(&"Government"), "{:?}", labels(&x));
    let x = read(
        "Title\n\nSinn Féin welcomed the deal, and Sinn Féin signed it. Paper said Tribune rejected it once.",
    );
    assert!(!labels(&x).contains(&"Féin"), "{:?}", labels(&x));
    assert!(!labels(&x).contains(&"Tribune"), "{:?}", labels(&x));
}

#[test]
fn a_surname_spelled_with_the_diacritics_of_an_alternative_label_names_the_person() {
    let x = read("Title\n\nTurkey welcomed the deal. President Erdoğan said it would serve peace.");
    assert!(
        labels(&x).contains(&"Recep Tayyip Erdogan"),
        "{:?}",
        labels(&x)
    );
    // Nor is it an organisation where it stands alone as the subject of a verb.
    let x = read(
        "Title\n\nTurkey welcomed the deal, and Erdoğan rejected the plan. Aides said Erdoğan rejected it twice.",
    );
    assert!(!labels(&x).contains(&"Erdoğan"), "{:?}", labels(&x));
}

#[test]
fn a_facilitator_holds_a_post() {
    let x = read(
        "Title\n\nThe Facilitator of the Southern African Development Community, President Thabo Mbeki of South Africa, met the parties.",
    );
    assert!(
        posts(&x)
            .iter()
            .any(|p| p.starts_with("Thabo Mbeki: facilitator")),
        "{:?}",
        posts(&x)
    );
}

#[test]
fn a_charge_that_judges_the_accused_is_the_accusers_judgement_too() {
    // "stalling" judges Hamas: Israel opposes Hamas, and does not support it.
    let x = read("Title\n\nIsrael accused Hamas of stalling.");
    assert_eq!(stances(&x), ["Israel oppose Hamas"]);
    // A refusal still reverses the cue it governs.
    let x = read("Title\n\nHamas refused to accept the ceasefire.");
    assert!(
        !stances(&x).contains(&"Hamas support ceasefire".to_string()),
        "{:?}",
        stances(&x)
    );
}

#[test]
fn an_object_relative_says_its_verb_of_the_phrase_it_follows() {
    // The relative word is the verb's object; "it" right after it is the sentence's subject.
    let x =
        read("Title\n\nIsrael rejects any contact with the PLO, which it calls a terrorist group.");
    assert!(
        stances(&x).contains(&"Israel oppose Palestine Liberation Organization".to_string()),
        "{:?}",
        stances(&x)
    );
    let x = read("Title\n\nThe rebels freed Hassan Ali, whom Egypt had accused of spying.");
    assert!(
        stances(&x).contains(&"Egypt oppose Hassan Ali".to_string()),
        "{:?}",
        stances(&x)
    );
    // "which" is said of no person: not of the founder named last.
    let x = read(
        "Title\n\nRwanda accuses Uganda of backing the RNC, a movement founded by Kayumba Nyamwasa, which Kigali calls a terrorist group.",
    );
    assert!(
        !stances(&x).contains(&"Rwanda oppose Kayumba Nyamwasa".to_string()),
        "{:?}",
        stances(&x)
    );
    // The phrase is the object of the infinitive, not of the verb before it.
    let x = read(
        "Title\n\nThe delegations created the World Bank, which China and India wanted to finance the rebuilding.",
    );
    assert!(
        !stances(&x).iter().any(|s| s.ends_with("World Bank")),
        "{:?}",
        stances(&x)
    );
    // A role told in an object relative is the phrase's history.
    let x = read(
        "Title\n\nEgypt condemned the breach of the Declaration, which Egypt, Sudan and Ethiopia signed in Khartoum.",
    );
    assert!(
        !roles(&x).iter().any(|r| r.contains("Host")),
        "{:?}",
        roles(&x)
    );
}

#[test]
fn an_evaluation_after_as_says_what_the_verb_before_it_says() {
    let deal = "Title\n\nIsrael and Hamas signed a ceasefire deal in Cairo on Monday. ";
    let x = read(&format!("{deal}Syria denounced the deal as a betrayal."));
    assert!(
        stances(&x).contains(&"Syria oppose ceasefire".to_string())
            && !stances(&x).contains(&"Syria support ceasefire".to_string()),
        "{:?}",
        stances(&x)
    );
    // Without "as", a verb of refusal still reverses the cue it governs.
    let x = read(&format!("{deal}Jordan refused to accept the deal."));
    assert!(
        !stances(&x).contains(&"Jordan support ceasefire".to_string()),
        "{:?}",
        stances(&x)
    );
}

#[test]
fn a_cue_governs_the_infinitive_joined_by_and_to_to_the_one_it_governs() {
    let x =
        read("Title\n\nQatar called on Hamas to halt its advance and to withdraw from the towns.");
    assert_eq!(stances(&x), ["Qatar support troop-withdrawal"]);
    let x = read("Title\n\nHamas refused to halt its advance and to withdraw from the towns.");
    assert_eq!(stances(&x), ["Hamas oppose troop-withdrawal"]);
    // The verb of the first infinitive does not reach into the second.
    let x = read(
        "Title\n\nQatar praised the envoy, and Hamas was asked to halt its advance and to withdraw from the towns.",
    );
    assert!(
        !stances(&x).contains(&"Hamas oppose troop-withdrawal".to_string()),
        "{:?}",
        stances(&x)
    );
}

#[test]
fn a_known_persons_short_name_given_to_someone_of_another_state_is_someone_else() {
    let x = read(
        "Title\n\nKing Abdullah of Saudi Arabia invited both leaders to Mecca. King Abdullah later wrote to them.",
    );
    assert!(
        !labels(&x).contains(&"King Abdullah II"),
        "{:?}",
        labels(&x)
    );
    // The second use of the title takes the post read with the first.
    assert_eq!(posts(&x), ["Abdullah: king of Saudi Arabia"]);
    // Of the gazetteer's own state, the name is the gazetteer's person.
    let x = read("Title\n\nKing Abdullah of Jordan met the envoy.");
    assert!(labels(&x).contains(&"King Abdullah II"), "{:?}", labels(&x));
}

#[test]
fn a_name_an_apposition_describes_as_a_group_is_an_organisation() {
    let x = read(
        "Title\n\nNegotiators announced an agreement between the European Union and Mercosur, the South American bloc of Argentina, Brazil, Paraguay and Uruguay.",
    );
    assert!(labels(&x).contains(&"Mercosur"), "{:?}", labels(&x));
    // A head after a preposition describes something else; a place is no group.
    let x = read(
        "Title\n\nThe envoy met Kelemen, the head of the opposition party, on Monday. Talks moved to Arusha, the town of the federation.",
    );
    assert!(!labels(&x).contains(&"Kelemen"), "{:?}", labels(&x));
    assert!(!labels(&x).contains(&"Arusha"), "{:?}", labels(&x));
    // At the start of a sentence too, where only such an apposition makes a capital a name.
    let x = read(
        "Title\n\nOceana, the marine conservation group, said the deal fell short. Meanwhile, the militant group said it would fight on.",
    );
    assert!(labels(&x).contains(&"Oceana"), "{:?}", labels(&x));
    assert!(!labels(&x).contains(&"Meanwhile"), "{:?}", labels(&x));
    // The apposition before the name, with a particle inside the name; not a name a speech
    // verb follows.
    let x = read(
        "Title\n\nThe talks were called by the opposition coalition, Azimio la Umoja, in July. \
         The rebel group, Kalinda Moreau said, would talk.",
    );
    assert!(labels(&x).contains(&"Azimio la Umoja"), "{:?}", labels(&x));
    assert!(
        !x.actors
            .iter()
            .any(|a| a.label == "Kalinda Moreau" && a.kind == ActorKind::Organization),
        "{:?}",
        labels(&x)
    );
}

#[test]
fn an_actor_of_neither_side_that_meets_both_sides_goes_between_them() {
    let x = read(
        "Title\n\nIsrael and Hamas held talks in Cairo. The Egyptian envoy met Hamas leaders on Monday and met Israeli officials on Tuesday.",
    );
    assert!(
        roles(&x).contains(&"Egypt Mediator".to_string()),
        "{:?}",
        roles(&x)
    );
    // Meeting one side only, or calling on both, is no going between.
    let x = read(
        "Title\n\nIsrael and Hamas held talks in Cairo. Norway met Hamas leaders on Monday, and Sweden called on both parties to stay.",
    );
    assert!(
        !roles(&x)
            .iter()
            .any(|r| r == "Norway Mediator" || r == "Sweden Mediator"),
        "{:?}",
        roles(&x)
    );
}

#[test]
fn an_actor_that_meets_persuades_or_talks_to_both_sides_described_goes_between_them() {
    for text in [
        "Egypt met both delegations on Sunday.",
        "The Arab League persuaded both camps to lay down their arms.",
        "Jordan brought the two sides together in Amman.",
        "Oman kept talking to both parties.",
    ] {
        let r = roles(&read(&format!(
            "Title\n\nIsrael and Hamas negotiated for weeks over a truce. {text}"
        )));
        assert_eq!(
            r.iter().filter(|r| r.ends_with("Mediator")).count(),
            1,
            "{text}: {r:?}"
        );
    }
    // Calling on both sides, or a side meeting both delegations, is no going between.
    for text in [
        "Norway called on both sides to return to the table.",
        "Hamas met both delegations on Sunday.",
        "Egypt praised both delegations on Sunday.",
    ] {
        let r = roles(&read(&format!(
            "Title\n\nIsrael and Hamas negotiated for weeks over a truce. {text}"
        )));
        assert!(!r.iter().any(|r| r.ends_with("Mediator")), "{text}: {r:?}");
    }
}

#[test]
fn a_bare_refusal_that_ends_its_sentence_refuses_the_issue_named_before() {
    let x = read(
        "Title\n\nHamas demanded a full withdrawal of Israeli troops. Israel refused point blank.",
    );
    assert!(
        stances(&x).contains(&"Israel oppose troop-withdrawal".to_string()),
        "{:?}",
        stances(&x)
    );
    // A refusal that says what it refuses after it, a refusal in a relative clause, and one
    // after other clauses that name no issue refuse nothing named before.
    for text in [
        "Hamas demanded a full withdrawal of Israeli troops. Israel refused, saying it would decide.",
        "Hamas demanded a full withdrawal of Israeli troops, a point Israel has long rejected.",
        "Hamas demanded a full withdrawal of Israeli troops. Egypt spoke to Hamas, and Israel refused.",
    ] {
        let x = read(&format!("Title\n\n{text}"));
        assert!(
            !stances(&x).iter().any(|s| s.starts_with("Israel oppose")),
            "{text}: {:?}",
            stances(&x)
        );
    }
}

#[test]
fn a_states_people_whose_plural_is_its_demonym_stand_for_the_state() {
    let x = read(
        "Title\n\nIsrael and Hamas negotiated in Geneva. The Swiss, who hosted the talks, were patient.",
    );
    assert!(
        roles(&x).contains(&"Switzerland Host".to_string()),
        "{:?}",
        roles(&x)
    );
    let x = read("Title\n\nThe United States proposed a truce. The British refused.");
    assert!(labels(&x).contains(&"United Kingdom"), "{:?}", labels(&x));
    // A demonym before a noun, or without its "the", is no people.
    for text in [
        "The French text of the treaty was signed at noon.",
        "Talks went on in Swiss hotels, and French was spoken.",
    ] {
        let x = read(&format!("Title\n\n{text}"));
        assert!(
            !labels(&x)
                .iter()
                .any(|l| *l == "France" || *l == "Switzerland"),
            "{text}: {:?}",
            labels(&x)
        );
    }
}

#[test]
fn good_offices_facilitation_and_helping_both_sides_are_mediation() {
    for (text, mediator) in [
        (
            "The truce was concluded with the facilitation of the European Commission.",
            "European Commission Mediator",
        ),
        (
            "The truce followed the good offices of Norway.",
            "Norway Mediator",
        ),
        (
            "Secretary of Labor Julie Su helped both sides find their way back to the table.",
            "Julie Su Mediator",
        ),
    ] {
        let r = roles(&read(&format!(
            "Title\n\nIsrael and Hamas negotiated a truce. {text}"
        )));
        assert!(r.contains(&mediator.to_string()), "{text}: {r:?}");
    }
    // Helping one side, or offices of another kind, is no mediation.
    for text in [
        "Norway helped Hamas find a venue.",
        "The truce was signed in the offices of Norway's embassy.",
    ] {
        let r = roles(&read(&format!(
            "Title\n\nIsrael and Hamas negotiated a truce. {text}"
        )));
        assert!(!r.iter().any(|r| r.ends_with("Mediator")), "{text}: {r:?}");
    }
}

#[test]
fn the_capitalised_words_after_a_companys_title_and_of_name_an_organisation() {
    let x = read("Title\n\nBob Iger, the CEO of Disney, said the offer was fair.");
    assert_eq!(posts(&x), ["Bob Iger: ceo of Disney"]);
    let x = read("Title\n\nThe CEO of Disney Bob Iger said the offer was fair.");
    assert!(labels(&x).contains(&"Disney"), "{:?}", labels(&x));
    let x = read(
        "Title\n\nWilliam Knudsen, executive vice president of General Motors, refused to talk.",
    );
    assert!(labels(&x).contains(&"General Motors"), "{:?}", labels(&x));
    let x = read(
        "Title\n\nAbdullah Abdullah, chairman of the High Council for National Reconciliation, spoke.",
    );
    assert!(
        labels(&x).contains(&"High Council for National Reconciliation"),
        "{:?}",
        labels(&x)
    );
    // A department, or a head noun alone, is no organisation of its own.
    for text in [
        "Ann Lee, director of Communications, said no.",
        "Vyacheslav Molotov, chairman of the Council, said no.",
    ] {
        let x = read(&format!("Title\n\n{text}"));
        assert_eq!(labels(&x).len(), 1, "{text}: {:?}", labels(&x));
    }
}

#[test]
fn the_body_of_a_post_named_in_an_apposition_does_not_speak_for_its_holder() {
    let x = read(
        "Title\n\nAbdullah Abdullah, chairman of the High Council for National Reconciliation, \
         told the ceremony that his side called for a humanitarian ceasefire.",
    );
    assert_eq!(stances(&x), ["Abdullah Abdullah support ceasefire"]);
}

#[test]
fn a_title_after_an_apposition_and_as_is_the_post_of_the_person_the_apposition_is_about() {
    let x = read(
        "Title\n\nThe assembly elected Abdiqasim Salad Hassan, a former minister under Siad \
         Barre, as president of Somalia.",
    );
    assert!(
        posts(&x).contains(&"Abdiqasim Salad Hassan: president of Somalia".to_string()),
        "{:?}",
        posts(&x)
    );
    assert!(
        !posts(&x)
            .iter()
            .any(|p| p.starts_with("Siad Barre: president")),
        "{:?}",
        posts(&x)
    );
}

#[test]
fn a_states_post_is_not_held_in_the_body_of_another_title() {
    let x = read(
        "Title\n\nUnion Minister U Aung Min, Vice-Chairman of the Union Peace-making Work \
         Committee, thanked the parties.",
    );
    assert!(
        !posts(&x)
            .iter()
            .any(|p| p.starts_with("U Aung Min: minister of Union")),
        "{:?}",
        posts(&x)
    );
}

#[test]
fn an_actor_asked_to_act_as_a_role_plays_it_not_the_actor_that_asks() {
    let r = roles(&read(
        "Title\n\nIsrael and Hamas held talks. Israel asked France to serve as a mediator.",
    ));
    assert!(r.contains(&"France Mediator".to_string()), "{r:?}");
    assert!(!r.contains(&"Israel Mediator".to_string()), "{r:?}");
    // The subject of the clause plays the role when no actor stands before the infinitive.
    let r = roles(&read(
        "Title\n\nIsrael and Hamas held talks. The United Nations agreed to attend as observers.",
    ));
    assert!(r.contains(&"United Nations Observer".to_string()), "{r:?}");
}

#[test]
fn a_word_and_and_before_a_name_may_name_another_with_the_rest_of_it() {
    let x = read("Title\n\nNorth and South Korea agreed to field a joint team.");
    assert!(labels(&x).contains(&"North Korea"), "{:?}", labels(&x));
    assert!(labels(&x).contains(&"South Korea"), "{:?}", labels(&x));
    // Not where the word and the rest of the name name nothing.
    let x = read("Title\n\nSeoul and South Korea's allies agreed.");
    assert_eq!(labels(&x), ["South Korea"], "{:?}", labels(&x));
}

#[test]
fn a_task_or_aim_a_speaker_names_is_what_the_speaker_supports() {
    let x = read(
        "Title\n\nSomalia's president, Abdiqasim Salad Hassan, said his government's first task is to disarm the militias.",
    );
    assert!(
        stances(&x)
            .iter()
            .any(|s| s.ends_with("support disarmament")),
        "{:?}",
        stances(&x)
    );
    let x = read(
        "Title\n\nSomalia's president, Abdiqasim Salad Hassan, said the task was hard and the militias were armed.",
    );
    assert!(stances(&x).is_empty(), "{:?}", stances(&x));
}

#[test]
fn a_role_in_brackets_after_a_name_is_that_names_alone() {
    let x = read(
        "Title\n\nThe tripartite role of Tanzania (host), Uganda (regional chair) and South Africa (facilitator) was coded as third-party mediation.",
    );
    let r = roles(&x);
    assert!(r.contains(&"Tanzania Host".to_string()), "{r:?}");
    assert!(r.contains(&"South Africa Mediator".to_string()), "{r:?}");
    let x =
        read("Title\n\nTalks in Oslo brought together Israel, the PLO and Norway (facilitator).");
    let r = roles(&x);
    assert!(r.contains(&"Norway Mediator".to_string()), "{r:?}");
    assert!(!r.contains(&"Israel Mediator".to_string()), "{r:?}");
}

#[test]
fn between_after_a_word_of_dividing_or_moving_names_no_sides() {
    let x = read(
        "Title\n\nThe talks have moved between Cuba, Mexico and Venezuela. Sweden said it was a bargaining chip between NATO countries.",
    );
    let r = roles(&x);
    for actor in ["Cuba", "Mexico", "Venezuela", "NATO"] {
        assert!(!r.contains(&format!("{actor} Party")), "{r:?}");
    }
    let x = read("Title\n\nEgypt's president flew between Syria and Turkey, and the talks between Colombia and the ELN resumed.");
    let r = roles(&x);
    for actor in ["Syria", "Turkey", "Colombia"] {
        assert!(r.contains(&format!("{actor} Party")), "{r:?}");
    }
}

#[test]
fn a_cue_ending_in_to_shares_it_with_the_issue_after() {
    // "ready to" and the issue's "to talk" share their "to".
    let x = read("Title\n\nHamas is ready to talk. Israel said it was willing to talk.");
    let s = stances(&x);
    for holder in ["Hamas", "Israel"] {
        assert!(
            s.contains(&format!("{holder} support negotiations")),
            "{s:?}"
        );
    }
    // The cue's negation still turns it: not ready to talk is no support of the talks.
    let x = read("Title\n\nHamas is not ready to talk.");
    assert_eq!(stances(&x), ["Hamas oppose negotiations"]);
}

#[test]
fn being_ready_or_refusing_to_negotiate_is_a_stance_on_the_talks() {
    let x = read(
        "Title\n\nVenezuela is ready to negotiate with the United States. Israel refused to talk to Hamas.",
    );
    let s = stances(&x);
    assert!(
        s.contains(&"Venezuela support negotiations".to_string()),
        "{s:?}"
    );
    assert!(
        s.contains(&"Israel oppose negotiations".to_string()),
        "{s:?}"
    );
    // Negotiating a deal is no stance on the talks.
    let x = read("Title\n\nQatar negotiated the deal.");
    assert!(stances(&x).is_empty(), "{:?}", stances(&x));
}

#[test]
fn the_he_after_a_quote_is_whom_the_pronouns_before_it_refer_to() {
    let text = "Title\n\nPresident Nicolás Maduro spoke on Wednesday. The president used the address to attack the sanctions. He called them criminal. But he struck a conciliatory note. \"We are ready to keep talking with the United States,\" he said.";
    let s = stances(&read(text));
    assert!(
        s.contains(&"Nicolás Maduro support negotiations".to_string()),
        "{s:?}"
    );
    // Not past a person the sentence describes without a name.
    let text = "Title\n\nPresident Nicolás Maduro spoke on Wednesday. The president used the address to attack the sanctions. He called them criminal. But he struck a conciliatory note. An official who asked not to be named because he was not authorised to speak said the talks would go on.";
    let s = stances(&read(text));
    assert!(
        !s.contains(&"Nicolás Maduro support negotiations".to_string()),
        "{s:?}"
    );
}

#[test]
fn a_first_person_clause_in_reported_speech_is_not_the_reported_subjects() {
    let x = read(
        "Title\n\nMr. Lloyd: Nigeria has lost many soldiers. President Obasanjo has said that Nigeria cannot stay indefinitely, and we will want to talk to him about a larger force.",
    );
    let s = stances(&x);
    assert!(
        !s.iter().any(|x| x.ends_with("support negotiations")),
        "{s:?}"
    );
}

#[test]
fn the_government_is_the_state_named_most_often_with_its_government() {
    let x = read(
        "Title\n\nThe government of Sri Lanka and the LTTE signed a truce. The Thai government hosted the first rounds. Later, talks between the government and Hamas resumed.",
    );
    let r = roles(&x);
    // The list after "between" goes on past "the government" to Hamas.
    assert!(r.contains(&"Hamas Party".to_string()), "{r:?}");
    assert!(r.contains(&"Sri Lanka Party".to_string()), "{r:?}");
    assert!(!r.contains(&"Thailand Party".to_string()), "{r:?}");
    // No state named with its government, no reference.
    let x = read("Title\n\nTalks between the government and Hamas resumed in Qatar.");
    assert!(
        !roles(&x).contains(&"Qatar Party".to_string()),
        "{:?}",
        roles(&x)
    );
}

#[test]
fn a_portfolio_before_a_head_makes_a_title() {
    let x = read(
        "Title\n\nMexican Economy Secretary Ildefonso Guajardo met US Trade Representative Robert Lighthizer.",
    );
    let p = posts(&x);
    assert!(
        p.contains(&"Ildefonso Guajardo: economy secretary of Mexico".to_string()),
        "{p:?}"
    );
    assert!(
        p.contains(&"Robert Lighthizer: trade representative of United States".to_string()),
        "{p:?}"
    );
}

#[test]
fn a_head_of_a_portfolio_makes_a_title() {
    let x = read(
        "Title\n\nThe American Secretary of Labor, Marty Walsh, met Mexico's Minister of the Economy, Tatiana Clouthier.",
    );
    let p = posts(&x);
    assert!(
        p.contains(&"Marty Walsh: secretary of labor of United States".to_string()),
        "{p:?}"
    );
    assert!(
        p.contains(&"Tatiana Clouthier: minister of the economy of Mexico".to_string()),
        "{p:?}"
    );
    // Without a name it names no one.
    let x = read("Title\n\nMexico's minister of the economy met the unions.");
    assert!(posts(&x).is_empty(), "{:?}", posts(&x));
    assert!(
        x.actors.iter().all(|a| a.kind != ActorKind::Person),
        "{:?}",
        x.actors
    );
}

#[test]
fn its_opening_sentences_one_after_another_refer_to_the_same_owner() {
    let x = read(
        "Title\n\nIndia held out at the conference. Its government had passed a food law, and it feared that WTO rules would be used against it. Its commerce minister, Anand Sharma, told the conference that food security was not negotiable.",
    );
    let p = posts(&x);
    assert!(
        p.contains(&"Anand Sharma: commerce minister of India".to_string()),
        "{p:?}"
    );
}

#[test]
fn the_stops_of_an_abbreviation_do_not_end_an_apposition() {
    let x = read(
        "Title\n\nZalmay Khalilzad, the U.S. special envoy, is staying on in Qatar. Ali Baba, the envoy. He left.",
    );
    let p = posts(&x);
    assert!(
        p.contains(&"Zalmay Khalilzad: special envoy of United States".to_string()),
        "{p:?}"
    );
}

#[test]
fn it_after_a_verb_of_speech_is_the_speaker() {
    let x = read(
        "Title\n\nThe MNDAA said on its Telegram channel that it would respect the truce as long as the army refrained from air strikes.",
    );
    let s = stances(&x);
    assert!(
        s.contains(&"Myanmar National Democratic Alliance Army support ceasefire".to_string()),
        "{s:?}"
    );
    // Not past a comma, nor for a speaker the parse cannot place right before the verb.
    let x = read(
        "Title\n\nAlgeria, which shares a long border with Niger, has said it opposes any use of force.",
    );
    let s = stances(&x);
    assert!(!s.iter().any(|x| x.starts_with("Niger ")), "{s:?}");
}

#[test]
fn a_negation_right_after_a_cue_whose_target_follows_negates_it() {
    let s = stances(&read(
        "Title\n\nQatar called for no further strikes on Gaza. Robert Jenrick said Britain should never have entered negotiations.",
    ));
    assert!(
        s.contains(&"Qatar oppose military-escalation".to_string()),
        "{s:?}"
    );
    assert!(
        s.contains(&"Robert Jenrick oppose negotiations".to_string()),
        "{s:?}"
    );
    let s = stances(&read(
        "Title\n\nRobert Jenrick said Britain should have entered negotiations.",
    ));
    assert!(
        s.contains(&"Robert Jenrick support negotiations".to_string()),
        "{s:?}"
    );
}

#[test]
fn a_buildings_name_before_a_title_goes_without_its_article() {
    let x = read("Title\n\nState Department spokesman Matthew Miller said the talks were useful.");
    let p = posts(&x);
    assert!(
        p.contains(&"Matthew Miller: spokesman of United States".to_string()),
        "{p:?}"
    );
}

#[test]
fn it_opening_a_sentence_is_the_subject_before() {
    let x = read(
        "Title\n\nHamas met the mediators in Cairo on Monday. It rejected the ceasefire proposal.",
    );
    assert_eq!(stances(&x), ["Hamas oppose ceasefire"]);
    let x = read("Title\n\nQatar has hosted the talks since 2023. It has also mediated between Israel and Hamas.");
    assert!(
        roles(&x).contains(&"Qatar Mediator".to_string()),
        "{:?}",
        roles(&x)
    );
    // Not the subject of a phrase inside the sentence before: here "It" is the accord.
    let x = read(
        "Title\n\nThe accord, reached after months of talks hosted by Qatar, was welcomed. It also provides for the disarmament of rebel fighters.",
    );
    assert!(
        !stances(&x).iter().any(|s| s.starts_with("Qatar")),
        "{:?}",
        stances(&x)
    );
    // Not before "be", a passive or an empty "it"'s verb; not after two actors.
    for text in [
        "Title\n\nQatar met the envoys. It is time to reject a ceasefire.",
        "Title\n\nQatar met the envoys. It seems to reject a ceasefire.",
        "Title\n\nQatar and Egypt met. It rejected the ceasefire proposal.",
    ] {
        let x = read(text);
        assert!(
            !stances(&x).iter().any(|s| s.ends_with("ceasefire")),
            "{text}: {:?}",
            stances(&x)
        );
    }
}

#[test]
fn an_issue_after_for_in_a_deals_phrase_names_what_the_deal_is_for() {
    let x = read(
        "Title\n\nCypriots vote on the plan drawn up by the United Nations for a comprehensive settlement. Turkey backed the plan. Greece rejected the plan.",
    );
    let s = stances(&x);
    assert!(
        s.contains(&"Turkey support end-of-war".to_string()),
        "{s:?}"
    );
    assert!(s.contains(&"Greece oppose end-of-war".to_string()), "{s:?}");
    // Past a comma the issue is another clause's, not the deal's.
    let x = read(
        "Title\n\nCypriots vote on the plan drawn up by the United Nations, and officials hope for a comprehensive settlement. Turkey backed the plan. Greece rejected the plan.",
    );
    let s = stances(&x);
    assert!(!s.iter().any(|s| s.ends_with("end-of-war")), "{s:?}");
}

#[test]
fn a_person_of_one_name_and_a_regnal_title_is_named_with_it() {
    let x =
        read("Title\n\nKing Hussein of Jordan urged both leaders to stay at Wye. Hussein was ill.");
    let hussein = x.actors.iter().find(|a| a.label == "Hussein").unwrap();
    assert!(
        hussein.found_as.contains("King Hussein"),
        "{:?}",
        hussein.found_as
    );
    // Not another title, nor a name of two words.
    let x = read("Title\n\nPresident Mubarak of Egypt and King Abdullah Saud met in Cairo.");
    for a in &x.actors {
        assert!(
            !a.found_as
                .iter()
                .any(|n| n.starts_with("President ") || n.starts_with("King ")),
            "{:?}",
            a.found_as
        );
    }
}

#[test]
fn a_head_noun_its_of_phrase_completes_is_no_reference() {
    let x = read("Title\n\nThe Palestinian Authority met Israel in Cairo. Later the authority rejected the ceasefire proposal.");
    assert_eq!(stances(&x), ["Palestinian Authority oppose ceasefire"]);
    let x = read("Title\n\nThe Palestinian Authority met Israel in Cairo. Papers discuss the authority of the mediator.");
    assert!(roles(&x).is_empty(), "{:?}", roles(&x));
}

#[test]
fn undertaking_a_measure_backs_it() {
    let x = read("Title\n\nIsrael undertook a further redeployment of its forces from the West Bank. Jordan undertook to release the prisoners.");
    let s = stances(&x);
    assert!(
        s.contains(&"Israel support troop-withdrawal".to_string()),
        "{s:?}"
    );
    assert!(
        s.contains(&"Jordan support prisoner-release".to_string()),
        "{s:?}"
    );
    // Undertaking not to attack is no opposition to a truce.
    let x = read("Title\n\nUganda undertakes not to attack them in the assembly areas.");
    assert!(
        !stances(&x).iter().any(|s| s.contains("oppose")),
        "{:?}",
        stances(&x)
    );
}

#[test]
fn becoming_or_being_elected_to_a_title_gives_the_post() {
    let x = read("Title\n\nAbdiqasim Salad Hassan was elected president of Somalia. Abdalla Hamdok was sworn in as prime minister of Sudan.");
    let p = posts(&x);
    assert!(
        p.contains(&"Abdiqasim Salad Hassan: president of Somalia".to_string()),
        "{p:?}"
    );
    assert!(
        p.contains(&"Abdalla Hamdok: prime minister of Sudan".to_string()),
        "{p:?}"
    );
    // The title's phrase stops where the clause goes on: Brussels is no owner of the post.
    let x = read("Title\n\nWhen Rishi Sunak became prime minister in October 2022 he chose to negotiate with Brussels.");
    assert!(
        !posts(&x).iter().any(|p| p.contains("European Union")),
        "{:?}",
        posts(&x)
    );
}

#[test]
fn they_after_the_two_sides_joined_is_both_sides() {
    let x = read(
        "Title\n\nIsrael and Hamas held talks in Cairo on Monday. They agreed to a ceasefire.",
    );
    let s = stances(&x);
    for side in ["Israel", "Hamas"] {
        assert!(s.contains(&format!("{side} support ceasefire")), "{s:?}");
    }
    // Not after a sentence that opens with someone else.
    let x = read("Title\n\nIsrael and Hamas held talks in Cairo. Egypt and Qatar hosted them. They agreed to a ceasefire.");
    assert!(
        !stances(&x).iter().any(|s| s.ends_with("support ceasefire")),
        "{:?}",
        stances(&x)
    );
}

#[test]
fn a_negation_that_runs_into_the_cue_negates_it() {
    // "did not agree" is a negation of its own, ending inside "agree to".
    let x = read("Title\n\nHamas did not agree to a ceasefire.");
    assert_eq!(stances(&x), ["Hamas oppose ceasefire"]);
    let x = read("Title\n\nHamas did agree to a ceasefire.");
    assert_eq!(stances(&x), ["Hamas support ceasefire"]);
}

#[test]
fn what_a_side_has_yet_to_do_or_stopped_short_of_it_does_not_back() {
    for text in [
        "Title\n\nHamas has yet to accept the ceasefire.",
        "Title\n\nHamas stopped short of endorsing the ceasefire.",
    ] {
        assert_eq!(stances(&read(text)), ["Hamas oppose ceasefire"], "{text}");
    }
    // "yet" alone is no negation.
    let x = read("Title\n\nHamas has accepted the ceasefire, yet it keeps its weapons.");
    assert!(
        stances(&x).contains(&"Hamas support ceasefire".to_string()),
        "{:?}",
        stances(&x)
    );
}

#[test]
fn capitalised_words_before_a_government_of_a_state_qualify_it_in_a_list() {
    let x = read(
        "Title\n\nThe first negotiation between the Federal Military Government of Nigeria and \
         the Biafran leadership opened in Kampala.",
    );
    assert_eq!(roles(&x), ["Biafra Party", "Nigeria Party"]);
    let x = read(
        "Title\n\nTalks between the Transitional Federal Government of Somalia and the Islamic \
         Courts began.",
    );
    assert!(
        roles(&x).contains(&"Somalia Party".to_string()),
        "{:?}",
        roles(&x)
    );
    // an apposition after a comma is no member: "the Government of" after ", the" stays out
    let x = read(
        "Title\n\nUnder the auspices of the State of Qatar, the Government of the Democratic \
         Republic of the Congo and the March 23 Movement signed a declaration.",
    );
    let r = roles(&x);
    assert!(
        !r.contains(&"Democratic Republic of the Congo Mediator".to_string()),
        "{r:?}"
    );
    // capitalised words before no body and no "of" name no member
    let x = read("Title\n\nTalks between the Federal Military Council and Biafra began.");
    assert!(
        !roles(&x).contains(&"Nigeria Party".to_string()),
        "{:?}",
        roles(&x)
    );
}

#[test]
fn a_name_right_after_a_groups_description_is_an_organisation() {
    let x = read(
        "Title\n\nFive hijackers from the Pakistan-based group Harkat-ul-Mujahideen took over \
         the flight. Later the rebel group Tawhid Brigade said it would talk.",
    );
    let l = labels(&x);
    assert!(l.contains(&"Harkat-ul-Mujahideen"), "{l:?}");
    assert!(l.contains(&"Tawhid Brigade"), "{l:?}");
    // no determiner before the group's word, or a comma between: no description of the name
    let x = read("Title\n\nThey met that group Harkat in May. The group, Ansar said, met.");
    let l = labels(&x);
    assert!(
        !l.iter().any(|a| a.starts_with("Harkat") || *a == "Ansar"),
        "{l:?}"
    );
}

#[test]
fn it_after_a_message_saying_is_the_messages_sender() {
    let x = read(
        "Title\n\nOman's foreign ministry put out a statement saying it mediated between \
         Belgium and Iran.",
    );
    assert!(
        roles(&x).contains(&"Oman Mediator".to_string()),
        "{:?}",
        roles(&x)
    );
    // a message nobody is said to send has no sender for "it"
    let x = read(
        "Title\n\nOman did not put out a statement saying it mediated between Belgium and Iran.",
    );
    assert!(
        !roles(&x).contains(&"Oman Mediator".to_string()),
        "{:?}",
        roles(&x)
    );
}

#[test]
fn they_opening_a_sentence_is_the_state_the_sentence_before_has_as_subject() {
    let x = read("Title\n\nThe British opened hard. They rejected the ceasefire.");
    assert!(
        stances(&x).contains(&"United Kingdom oppose ceasefire".to_string()),
        "{:?}",
        stances(&x)
    );
    // a plural noun after that subject may be what "They" is
    let x = read("Title\n\nNorway welcomed the agreements. They rejected the ceasefire.");
    assert!(
        !stances(&x).iter().any(|s| s.starts_with("Norway oppose")),
        "{:?}",
        stances(&x)
    );
}

#[test]
fn the_sides_no_rule_names_are_those_the_talks_sentences_name_most() {
    // no rule names a side: the two named most in the talks' sentences, joined by "and"
    let x = read(
        "Title\n\nThe United States and Russia resumed the New START talks in Geneva on Monday. \
         The treaty limits warheads. The United States wants a longer treaty; Russia wants the \
         talks to go on.",
    );
    assert_eq!(roles(&x), ["Russia Party", "United States Party"]);
    // one side a rule names: the actor named most with it in a sentence of the talks
    let x = read(
        "Title\n\nThe talks with Hamas stalled over the hostages. Israel blamed Hamas for the \
         stalled talks. Israel wants the talks to resume.",
    );
    assert!(
        roles(&x).contains(&"Israel Party".to_string()),
        "{:?}",
        roles(&x)
    );
    // a body that pushes a state's truce at a summit is joined to it nowhere: no sides
    let x = read(
        "Title\n\nASEAN leaders pushed a Myanmar truce at the summit. ASEAN said the summit \
         would go on, and Myanmar sent no leader to the summit.",
    );
    assert!(roles(&x).is_empty(), "{:?}", roles(&x));
    // an actor named once with the talks is no side
    let x =
        read("Title\n\nThe talks with Hamas stalled. Israel blamed Hamas for the stalled talks.");
    assert!(
        !roles(&x).contains(&"Israel Party".to_string()),
        "{:?}",
        roles(&x)
    );
}

#[test]
fn a_name_after_an_honorific_written_with_its_full_stop_is_a_person() {
    let x = read("Title\n\nTalks began. Then Mr. Root met Dr. Pym in New York.");
    let l = labels(&x);
    assert!(l.contains(&"Root") && l.contains(&"Pym"), "{l:?}");
    // a full stop that ends a sentence after a plain capitalised word joins no name
    let x = read("Title\n\nTalks began in Geneva. Root causes were discussed.");
    assert!(!labels(&x).contains(&"Root"), "{:?}", labels(&x));
}

#[test]
fn a_title_after_a_preposition_in_an_apposition_is_anothers_post() {
    let x = read(
        "Title\n\nMexico waited. A letter came from James Buchanan, by order of the President.",
    );
    let p = posts(&x);
    assert!(!p.iter().any(|p| p.starts_with("James Buchanan")), "{p:?}");
    // the apposition itself still gives the post
    let x = read("Title\n\nMexico waited. A letter came from James Buchanan, the president.");
    let p = posts(&x);
    assert!(
        p.iter().any(|p| p.starts_with("James Buchanan: president")),
        "{p:?}"
    );
}

#[test]
fn titles_of_monarchs_and_of_older_states_name_their_holders() {
    let x = read(
        "Title\n\nIn Addis Ababa, Emperor Haile Selassie of Ethiopia chaired the talks. The \
         delegation was led by the People's Commissar for Foreign Affairs, Leon Trotsky.",
    );
    let p = posts(&x);
    assert!(
        p.iter().any(|p| p.starts_with("Haile Selassie: emperor")),
        "{p:?}"
    );
    assert!(labels(&x).contains(&"Leon Trotsky"), "{:?}", labels(&x));
    // the word alone before a common noun names no one
    let x = read("Title\n\nThe emperor penguin colony was counted in Ethiopia.");
    assert!(posts(&x).is_empty(), "{:?}", posts(&x));
}

#[test]
fn a_monarchs_title_is_a_states_post_given_from_the_context() {
    let x = read("Title\n\nEthiopia hosted the talks. Emperor Haile Selassie chaired them.");
    let p = posts(&x);
    assert!(
        p.contains(&"Haile Selassie: emperor of Ethiopia".to_string()),
        "{p:?}"
    );
    // a post no state's government holds takes no state from the context
    let x = read("Title\n\nEthiopia hosted the talks. Commissioner Amina Diallo chaired them.");
    let p = posts(&x);
    assert!(!p.iter().any(|p| p.ends_with("of Ethiopia")), "{p:?}");
}

#[test]
fn who_an_issue_is_done_to_is_no_target_of_the_stance_on_it() {
    let x = read("Title\n\nEgypt supports the disarmament of Hamas.");
    let s = stances(&x);
    assert!(
        s.contains(&"Egypt support disarmament".to_string()),
        "{s:?}"
    );
    assert!(!s.contains(&"Egypt support Hamas".to_string()), "{s:?}");
    // an actor that is the phrase's head stays the target
    let x = read("Title\n\nEgypt supports Hamas.");
    assert!(
        stances(&x).contains(&"Egypt support Hamas".to_string()),
        "{:?}",
        stances(&x)
    );
}

#[test]
fn a_body_named_by_its_head_word_and_named_again_is_an_organisation() {
    let x = read(
        "Title\n\nThe deal was brokered by the International Olympic Committee in Lausanne. \
         The International Olympic Committee said both sides signed. The Supreme Council of \
         the Armed Forces met the Supreme Council of the Armed Forces' critics.",
    );
    let l = labels(&x);
    assert!(l.contains(&"International Olympic Committee"), "{l:?}");
    assert!(l.contains(&"Supreme Council of the Armed Forces"), "{l:?}");
    assert!(
        roles(&x).contains(&"International Olympic Committee Mediator".to_string()),
        "{:?}",
        roles(&x)
    );
    // named once; a kind of body after "a"; a name the run cut short; a date after "on"
    let x = read(
        "Title\n\nThe president of the Transitional Military Council welcomed it. The plan set \
         up a High Executive Council, and a High Executive Council met. The Official Creditor \
         Committee agreed; the Official Creditor Committee met. The Hockey Committee on Jan. 20 \
         met, and the Hockey Committee spoke.",
    );
    let l = labels(&x);
    assert!(
        !l.iter()
            .any(|a| a.ends_with("Council") || *a == "Creditor Committee" || a.contains("Jan")),
        "{l:?}"
    );
}

#[test]
fn a_persons_possessive_before_a_body_is_no_word_of_its_name_nor_the_member() {
    let x = read(
        "Title\n\nAround the table sat delegations from Gbagbo's Ivorian Popular Front and the \
         rebels. Later President Laurent Gbagbo held Abidjan.",
    );
    let l = labels(&x);
    assert!(l.contains(&"Ivorian Popular Front"), "{l:?}");
    let r = roles(&x);
    assert!(
        r.contains(&"Ivorian Popular Front Party".to_string()),
        "{r:?}"
    );
    assert!(!r.iter().any(|r| r.starts_with("Laurent Gbagbo")), "{r:?}");
    // a word of the name that is no one's surname stays in it
    let x = read("Title\n\nThe African People's Liberation Movement met the army. People spoke.");
    assert!(
        labels(&x).contains(&"African People's Liberation Movement"),
        "{:?}",
        labels(&x)
    );
}

#[test]
fn the_state_of_a_counterpart_is_not_the_post_holders() {
    let x = read(
        "Title\n\nCyprus asked for help. Finance Minister Michael Sarris spent three days in \
         Moscow and came back empty-handed: his Russian counterpart, Anton Siluanov, said there \
         had been no agreement.",
    );
    let p = posts(&x);
    assert!(
        !p.iter()
            .any(|p| p.starts_with("Michael Sarris") && p.contains("Russia")),
        "{p:?}"
    );
    // the state a counterpart is of leaves the other one named to the holder
    let x = read(
        "Title\n\nRussia waited. Finance Minister Anton Siluanov said in Moscow that his \
         Cypriot counterpart had asked Cyprus's lenders for more time.",
    );
    let p = posts(&x);
    assert!(
        p.iter()
            .any(|p| p.starts_with("Anton Siluanov") && p.contains("Russia")),
        "{p:?}"
    );
}

#[test]
fn a_title_after_the_verb_that_follows_an_apposition_is_the_objects() {
    let x = read(
        "Title\n\nPrime Minister Benjamin Netanyahu approved the exchange. The leader of the \
         group, Buck McKeon, accused the Prime Minister of breaking the law.",
    );
    let st = stances(&x);
    assert!(
        st.iter()
            .any(|s| s.starts_with("Buck McKeon") && s.contains("Benjamin Netanyahu")),
        "{st:?}"
    );
    // a name opening the sentence and a participle after it: the title is the name's
    let x = read(
        "Title\n\nIsrael went to the talks. Ariel Sharon, appointed foreign minister days \
         before the summit, declined to shake hands.",
    );
    let p = posts(&x);
    assert!(
        p.contains(&"Ariel Sharon: foreign minister of Israel".to_string()),
        "{p:?}"
    );
}

#[test]
fn a_title_ending_a_line_is_not_the_next_lines_names() {
    let x = read(
        "Memo\n\nPARTICIPANTS:\nHenry Kissinger, Secretary of State\nJoseph Sisco, Under \
         Secretary of State\n\nThe United States wants peace.",
    );
    let p = posts(&x);
    assert!(
        !p.contains(&"Joseph Sisco: secretary of state of United States".to_string()),
        "{p:?}"
    );
    // on one line the title before a name is the name's
    let x = read("Memo\n\nThe United States wants peace. Secretary of State Joseph Sisco said so.");
    let p = posts(&x);
    assert!(
        p.contains(&"Joseph Sisco: secretary of state of United States".to_string()),
        "{p:?}"
    );
}

#[test]
fn a_condemnation_joined_to_another_by_and_is_not_reversed_by_it() {
    let x = read("Title\n\nEgypt criticised the plan and blamed Israel for the delay.");
    let st = stances(&x);
    assert!(st.contains(&"Egypt oppose Israel".to_string()), "{st:?}");
    assert!(!st.contains(&"Egypt support Israel".to_string()), "{st:?}");
    // a refusal that governs the next cue still reverses it
    let x = read("Title\n\nHamas refused to accept the truce.");
    let st = stances(&x);
    assert!(st.contains(&"Hamas oppose ceasefire".to_string()), "{st:?}");
}

#[test]
fn a_verb_before_the_first_comma_ends_no_opening_phrase_there() {
    let x = read(
        "Title\n\nOn Monday Hamas seized the town, demanding the withdrawal of Israeli troops.",
    );
    let st = stances(&x);
    assert!(
        st.contains(&"Hamas support troop-withdrawal".to_string()),
        "{st:?}"
    );
    // an opening phrase without a verb, and an opening clause with its own, end at the comma
    let x = read(
        "Title\n\nAt talks hosted by Egypt in Cairo on Monday, Hamas demanded the withdrawal of \
         Israeli troops.",
    );
    let st = stances(&x);
    assert!(!st.iter().any(|s| s.starts_with("Egypt")), "{st:?}");
    assert!(
        st.contains(&"Hamas support troop-withdrawal".to_string()),
        "{st:?}"
    );
    let x = read(
        "Title\n\nWhen Israel released the prisoners, Hamas demanded the withdrawal of Israeli \
         troops.",
    );
    let st = stances(&x);
    assert!(
        st.contains(&"Hamas support troop-withdrawal".to_string()),
        "{st:?}"
    );
    assert!(
        !st.contains(&"Israel support troop-withdrawal".to_string()),
        "{st:?}"
    );
}

#[test]
fn a_description_of_the_sides_after_a_cue_aims_at_the_parties() {
    let x = read(
        "Title\n\nBritain and Mauritius signed the deal. Egypt accused both governments of \
         excluding the islanders.",
    );
    let st = stances(&x);
    assert!(st.contains(&"Egypt oppose Mauritius".to_string()), "{st:?}");
    assert!(
        st.contains(&"Egypt oppose United Kingdom".to_string()),
        "{st:?}"
    );
    // a party's own words about both sides aim at no one
    let x =
        read("Title\n\nBritain and Mauritius signed the deal. Mauritius praised both governments.");
    let st = stances(&x);
    assert!(
        !st.iter().any(|s| s.starts_with("Mauritius support")),
        "{st:?}"
    );
}

#[test]
fn a_name_ending_in_an_institutions_head_word_that_speaks_is_an_organisation() {
    let kind_of =
        |x: &Extraction, label: &str| x.actors.iter().find(|a| a.label == label).map(|a| a.kind);
    let x = read(
        "Title\n\nThe European Central Bank said on Thursday that it will cut off assistance. \
         ECB President Mario Draghi met the ministers.",
    );
    assert_eq!(
        kind_of(&x, "European Central Bank"),
        Some(ActorKind::Organization)
    );
    // a person's name that speaks stays a person's
    let x = read("Title\n\nJohn Banker said on Thursday that talks would resume.");
    assert_eq!(kind_of(&x, "John Banker"), Some(ActorKind::Person));
}

#[test]
fn actors_listed_along_with_a_role_holder_after_the_cue_share_the_role() {
    let r = roles(&read(
        "Title\n\nEgypt mediated the talks along with Qatar and the United States.",
    ));
    for want in ["Egypt Mediator", "Qatar Mediator", "United States Mediator"] {
        assert!(r.contains(&want.to_string()), "{r:?}");
    }
    let r = roles(&read(
        "Title\n\nChad and Egypt signed the accord as guarantors, alongside the African Union \
         and the United Nations.",
    ));
    assert!(r.contains(&"African Union Guarantor".to_string()), "{r:?}");
    assert!(r.contains(&"United Nations Guarantor".to_string()), "{r:?}");
    // another clause after the cue: those it lists have their own verb
    let r = roles(&read(
        "Title\n\nGermany and France signed as witness states, and together with the UN they \
         sit on a follow-up committee.",
    ));
    assert!(!r.iter().any(|r| r.starts_with("UN ")), "{r:?}");
    // an actor between the cue and the companion word: the list goes with that actor
    let r = roles(&read(
        "Title\n\nQatar mediated the talks with Israel alongside Hamas.",
    ));
    assert!(!r.contains(&"Hamas Mediator".to_string()), "{r:?}");
}

#[test]
fn a_state_the_titled_persons_verb_addresses_is_not_the_state_of_the_post() {
    let p = posts(&read(
        "Title\n\nPresident Kennedy told the Soviet Union to remove the missiles.",
    ));
    assert!(!p.iter().any(|p| p.ends_with("Soviet Union")), "{p:?}");
    let p = posts(&read(
        "Title\n\nIdi Amin, the president, has repeatedly told Israel the hostages would die.",
    ));
    assert!(!p.iter().any(|p| p.ends_with("Israel")), "{p:?}");
    // a state the verb does not address stays the nearest
    let p = posts(&read(
        "Title\n\nPresident Amadou Sall told reporters that Senegal would sign.",
    ));
    assert!(
        p.contains(&"Amadou Sall: president of Senegal".to_string()),
        "{p:?}"
    );
    // any verb of the person's own predicate, past a relative clause on the person
    let p = posts(&read(
        "Title\n\nPresident Idi Amin, who has cast himself as a mediator, has visited the \
         hostages and has urged Israel to accept the terms.",
    ));
    assert!(!p.iter().any(|p| p.ends_with("Israel")), "{p:?}");
    // the states listed after "the governments of"
    let p = posts(&read(
        "Title\n\nPresident Dwight Eisenhower invited the governments of Argentina, Chile and \
         Norway to a conference in Washington.",
    ));
    assert!(
        !p.iter()
            .any(|p| p.contains("Argentina") || p.contains("Chile")),
        "{p:?}"
    );
    // not past a clause of someone else's, nor a demonym that modifies a noun
    let p = posts(&read(
        "Title\n\nPresident Amadou Sall said that Senegal had told Mali to wait.",
    ));
    assert!(
        p.contains(&"Amadou Sall: president of Senegal".to_string()),
        "{p:?}"
    );
    let p = posts(&read(
        "Title\n\nVice President Amadou Sall flew in and told the Senegalese team to move.",
    ));
    assert!(
        p.contains(&"Amadou Sall: vice president of Senegal".to_string()),
        "{p:?}"
    );
}

#[test]
fn a_name_right_after_an_article_that_speaks_is_an_organisation() {
    let kind_of =
        |x: &Extraction, label: &str| x.actors.iter().find(|a| a.label == label).map(|a| a.kind);
    let x = read("Title\n\nThe American Legion said the decision was wrong.");
    assert_eq!(
        kind_of(&x, "American Legion"),
        Some(ActorKind::Organization)
    );
    // without the article, a name that speaks is a person's
    let x = read("Title\n\nOn Monday Delia Garza Treviño said the treaty was clear.");
    assert_eq!(kind_of(&x, "Delia Garza Treviño"), Some(ActorKind::Person));
    // a title after the article makes a person
    let x = read("Title\n\nThe general manager, Delia Garza Treviño, said the treaty was clear.");
    assert_eq!(kind_of(&x, "Delia Garza Treviño"), Some(ActorKind::Person));
}

#[test]
fn a_clause_of_ellipsis_says_the_fact_before_it_again_of_the_actors_it_lists() {
    let x = read("Title\n\nRwanda and Norway backed Chile, as did the European Union and Mexico.");
    let st = stances(&x);
    for want in ["European Union support Chile", "Mexico support Chile"] {
        assert!(st.contains(&want.to_string()), "{st:?}");
    }
    let r = roles(&read(
        "Title\n\nEgypt mediated the first round, and so did Qatar.",
    ));
    assert!(r.contains(&"Qatar Mediator".to_string()), "{r:?}");
    // another clause between the fact and the ellipsis: the ellipsis is that clause's
    let x = read("Title\n\nRwanda backed Chile, but Peru stayed silent, as did Mexico.");
    let st = stances(&x);
    assert!(!st.iter().any(|s| s.starts_with("Mexico")), "{st:?}");
}

#[test]
fn the_members_a_dash_or_colon_lists_after_a_mediation_group_mediate() {
    let r = roles(&read(
        "Title\n\nHe convened a mediation group of six states - Argentina, Brazil, Chile, Peru, \
         Uruguay and the United States.",
    ));
    for want in [
        "Argentina Mediator",
        "Uruguay Mediator",
        "United States Mediator",
    ] {
        assert!(r.contains(&want.to_string()), "{r:?}");
    }
    let r = roles(&read(
        "Title\n\nHe named six mediators - Argentina, Brazil and Chile.",
    ));
    assert!(r.contains(&"Brazil Mediator".to_string()), "{r:?}");
    // a group "of" one actor, no list: whose group it is, not its members
    let r = roles(&read("Title\n\nThe mediation group of Argentina met."));
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn a_title_after_whose_is_a_post_in_the_body_named_before_it() {
    let x = read("Title\n\nHamas, whose leader Khalil al-Hayya met the mediators, agreed.");
    assert_eq!(posts(&x), ["Khalil al-Hayya: leader of Hamas"]);
    // a person before "whose": no organisation of the post
    let x = read("Title\n\nKhalil al-Hayya, whose deputy Zaher Jabarin met the mediators, agreed.");
    assert!(
        !x.positions
            .iter()
            .any(|p| x.actors[p.organization].label == "Khalil al-Hayya"),
        "{:?}",
        x.positions
    );
}

#[test]
fn a_party_name_that_opens_with_a_states_name_is_one_organisation_and_its_initials_name_it() {
    let x = read(
        "Title\n\nOn Monday the Sudan Revolutionary Front said it would sign the deal. The SRF \
         also asked for seats in the cabinet.",
    );
    let labels = labels(&x);
    assert!(labels.contains(&"Sudan Revolutionary Front"), "{labels:?}");
    assert!(!labels.contains(&"SRF"), "{labels:?}");
    let x = read("Title\n\nOn Monday the Palestine Liberation Front said it would free the ship.");
    assert!(labels_of(&x).contains(&"Palestine Liberation Front".to_string()));
    // a state and a head alone, or a state's possessive, stay the state's
    let x = read("Title\n\nOn Monday the Ukraine Army said it would hold the line.");
    assert!(labels_of(&x).contains(&"Ukraine".to_string()));
    let x = read("Title\n\nOn Monday Israel's Labor Party said it would join the government.");
    assert!(labels_of(&x).contains(&"Israel".to_string()));
}

fn labels_of(x: &Extraction) -> Vec<String> {
    x.actors.iter().map(|a| a.label.clone()).collect()
}

#[test]
fn a_stance_clause_under_a_verb_of_refusing_says_its_opposite_and_no_role() {
    let x = read("Title\n\nHamas refused to recognise Israel, and aid was suspended.");
    assert_eq!(stances(&x), ["Hamas oppose Israel"]);
    let x = read("Title\n\nIsrael declined to back the plan for a ceasefire.");
    assert_eq!(stances(&x), ["Israel oppose ceasefire"]);
    // another blocking verb leaves the clause unsaid
    let x = read("Title\n\nHamas hopes to recognise Israel.");
    assert!(stances(&x).is_empty(), "{:?}", stances(&x));
    // a refusal says no role
    assert!(roles(&read("Title\n\nQatar refused to mediate the dispute.")).is_empty());
}

#[test]
fn a_group_panel_mission_or_secretariat_named_twice_is_a_body() {
    let x = read(
        "Title\n\nThe talks were arranged by the Commonwealth Secretariat in May. The \
         Commonwealth Secretariat said both sides would attend.",
    );
    assert!(
        labels(&x).contains(&"Commonwealth Secretariat"),
        "{:?}",
        labels(&x)
    );
    let x = read(
        "Title\n\nThe Africa Group demanded a share of vaccines. The Africa Group said it would \
         not sign without it.",
    );
    assert!(labels(&x).contains(&"Africa Group"), "{:?}", labels(&x));
    // a possessive word opening the sentence is no word of the name
    let x = read("Title\n\nYour Board rejected the offer. Your Board remains open to talks.");
    assert!(
        !labels(&x).iter().any(|l| l.contains("Your")),
        "{:?}",
        labels(&x)
    );
}

#[test]
fn a_one_word_name_described_as_a_service_or_agency_is_an_organisation() {
    let x = read(
        "Title\n\nThat is when ACAS, the conciliation service, brought everyone to its offices.",
    );
    assert!(labels(&x).contains(&"ACAS"), "{:?}", labels(&x));
    assert!(
        roles(&x).contains(&"ACAS Mediator".to_string()),
        "{:?}",
        roles(&x)
    );
    // an apposition that is no group's description
    let x = read("Title\n\nThat is when Lowry, the conciliator, brought everyone to his offices.");
    assert!(!labels(&x).contains(&"Lowry"), "{:?}", labels(&x));
}

#[test]
fn a_title_joined_by_and_to_a_titled_persons_post_is_of_the_same_state_or_body() {
    let p = posts(&read(
        "Title\n\nJapan's delegation arrived. On one side sat Viceroy Li Hongzhang of China; on \
         the other Prime Minister Ito Hirobumi of Japan and Foreign Minister Mutsu Munemitsu.",
    ));
    assert!(
        p.contains(&"Mutsu Munemitsu: foreign minister of Japan".to_string()),
        "{p:?}"
    );
    // of the same body
    let p = posts(&read(
        "Title\n\nThe strike went on. UAW President Shawn Fain and Vice President Chuck \
         Browning announced a tentative agreement.",
    ));
    assert!(
        p.contains(&"Chuck Browning: vice president of UAW".to_string()),
        "{p:?}"
    );
    // an untitled person before "and" is no colleague: the two sides sign
    let p = posts(&read(
        "Title\n\nChina and Britain signed. Prime Minister Alva Thorne of Britain met China's \
         envoy. Thorne and Premier Zhao Ziyang put their names to the declaration in China.",
    ));
    assert!(
        !p.iter()
            .any(|p| p.starts_with("Zhao Ziyang") && p.ends_with("United Kingdom")),
        "{p:?}"
    );
}

#[test]
fn talks_held_or_begun_under_an_actor_have_it_as_mediator() {
    let r = roles(&read(
        "Title\n\nBurundi and the rebels signed. The talks had begun under Julius Nyerere.",
    ));
    assert!(r.contains(&"Julius Nyerere Mediator".to_string()), "{r:?}");
    let r = roles(&read(
        "Title\n\nThe talks were run under the Intergovernmental Authority on Development (IGAD).",
    ));
    assert!(r.contains(&"IGAD Mediator".to_string()), "{r:?}");
    // under pressure or a deal, no one
    assert!(roles(&read(
        "Title\n\nThe talks were held under pressure from Washington."
    ))
    .is_empty());
    assert!(roles(&read(
        "Title\n\nThe negotiations were held under the deal signed in Doha."
    ))
    .is_empty());
}

#[test]
fn a_name_before_a_company_title_and_a_person_is_an_organisation() {
    let x = read("Title\n\nThe union met on Monday. Acme CEO John Smith said the deal was fair.");
    assert!(
        posts(&x).contains(&"John Smith: ceo of Acme".to_string()),
        "{:?}",
        posts(&x)
    );
    let x = read("Title\n\nThe talks resumed. Nissan chief executive Makoto Uchida said no.");
    assert!(
        posts(&x).contains(&"Makoto Uchida: chief executive of Nissan".to_string()),
        "{:?}",
        posts(&x)
    );
    // A head noun alone is the body named before; a word of a former post is no name.
    let x = read("Title\n\nThe talks resumed. Party chairman Silvius Magnago said no.");
    assert!(!labels(&x).contains(&"Party"), "{:?}", labels(&x));
    let x = read("Title\n\nThe talks resumed. Former CEO John Smith said no.");
    assert!(!labels(&x).contains(&"Former"), "{:?}", labels(&x));
}

#[test]
fn a_company_suffix_makes_a_name_a_company_known_by_its_short_names() {
    let x = read(
        "Title\n\nHonda Motor Co. and Nissan Motor Co. ended their merger talks. Nissan said it regretted the outcome. Kraft Foods International plc bid on Monday.",
    );
    let l = labels(&x);
    // "Nissan" alone is the company, which goes by that word; a suffix in lower case counts.
    assert!(
        l.contains(&"Honda Motor Co")
            && l.contains(&"Nissan")
            && l.contains(&"Kraft Foods International plc"),
        "{:?}",
        l
    );
    assert_eq!(
        l.iter().filter(|a| a.starts_with("Nissan")).count(),
        1,
        "{l:?}"
    );
    // A company the text names by its first word too goes by that word.
    let x = read(
        "Title\n\nGlencore International plc bid for Xstrata. Glencore said the offer was final.",
    );
    assert!(
        labels(&x).contains(&"Glencore") && !labels(&x).contains(&"Glencore International plc"),
        "{:?}",
        labels(&x)
    );
    // Without a suffix, a trade word last in the name makes it a company too.
    let x = read("Title\n\nThe talks resumed. Honda Motor said no.");
    assert!(
        x.actors
            .iter()
            .any(|a| a.label.starts_with("Honda") && a.kind == ActorKind::Organization),
        "{:?}",
        labels(&x)
    );
    // "Motor" alone names no one.
    let x = read("Title\n\nThe talks resumed. Motor said no.");
    assert!(labels(&x).is_empty(), "{:?}", labels(&x));
}

#[test]
fn initials_before_a_title_and_a_name_are_a_body() {
    let x = read("Title\n\nThe strike went on. UAW President Shawn Fain said the deal was close.");
    assert!(
        posts(&x).contains(&"Shawn Fain: president of UAW".to_string()),
        "{:?}",
        posts(&x)
    );
    // Initials the text spells out are that body's; a heading in capitals names no body.
    let x = read(
        "Title\n\nECB President Mario Draghi met the ministers. The European Central Bank agreed.",
    );
    assert!(!labels(&x).contains(&"ECB"), "{:?}", labels(&x));
    let x = read("Title\n\nSTATEMENT BY THE SPOKESMAN FOR THE SECRETARY-GENERAL\n\nHe spoke.");
    assert!(!labels(&x).contains(&"THE"), "{:?}", labels(&x));
}

#[test]
fn a_confederation_named_with_its_initials_is_an_organisation() {
    let x = read(
        "Title\n\nThe Confederation of Indigenous Nationalities of Ecuador (CONAIE) called a strike. CONAIE said the talks had failed.",
    );
    assert!(
        x.actors.iter().any(|a| a.kind == ActorKind::Organization
            && (a.label.contains("Confederation") || a.label == "CONAIE")),
        "{:?}",
        labels(&x)
    );
    // a confederation that no initials name is no body
    let x = read("Title\n\nA loose confederation of tribes met in the hills.");
    assert!(labels(&x).is_empty(), "{:?}", labels(&x));
}

#[test]
fn chief_executives_listed_after_their_plural_title_hold_it_in_their_companies() {
    let p = posts(&read(
        "Title\n\nHonda Motor Co. and Nissan Motor Co. held talks. The two chief executives, \
         Toshihiro Mibe of Honda and Makoto Uchida of Nissan, signed a memorandum.",
    ));
    assert!(
        p.contains(&"Toshihiro Mibe: chief executive of Honda".to_string()),
        "{p:?}"
    );
    // a plural title is no post of the company named before it
    assert!(!p.iter().any(|p| p.contains("chief executives")), "{p:?}");
}

#[test]
fn a_possessive_before_a_common_noun_ends_a_body_named_after_a_title() {
    let x = read(
        "Title\n\nThe chairman of the British Museum's trustees, George Osborne, held talks with Greece.",
    );
    assert!(
        !labels(&x).iter().any(|l| l.ends_with("'s")),
        "{:?}",
        labels(&x)
    );
    // a possessive inside a name goes on
    let x = read(
        "Title\n\nFinland sent a delegation. Vyacheslav Molotov, chairman of the Council of People's Commissars, received it.",
    );
    assert!(
        labels(&x).contains(&"Council of People's Commissars"),
        "{:?}",
        labels(&x)
    );
}

#[test]
fn an_it_that_a_verb_takes_after_the_deal_is_named_is_the_deal_it_evaluates() {
    let deal = "Title\n\nIsrael and Hamas signed a ceasefire deal in Cairo. ";
    let x = read(&format!("{deal}Jordan called it a gift to Iran."));
    assert!(
        stances(&x).contains(&"Jordan oppose ceasefire".to_string()),
        "{:?}",
        stances(&x)
    );
    // the subject of what a speaker said, or of a relative, is no deal
    let x = read(&format!(
        "{deal}Jordan said it would be a disaster for the region."
    ));
    assert!(
        !stances(&x).iter().any(|s| s.starts_with("Jordan")),
        "{:?}",
        stances(&x)
    );
}

#[test]
fn governments_a_speaker_pays_tribute_to_are_no_sides() {
    let x = read(
        "Title\n\nIsrael and Hezbollah reached an understanding. I pay tribute to the Governments of the United States and France for their efforts.",
    );
    assert!(
        !roles(&x).contains(&"France Party".to_string()),
        "{:?}",
        roles(&x)
    );
    // the governments of the sides are the sides
    let x = read("Title\n\nThe Governments of Israel and Lebanon signed the agreement in Naqoura.");
    assert!(
        roles(&x).contains(&"Lebanon Party".to_string()),
        "{:?}",
        roles(&x)
    );
}

#[test]
fn two_known_names_joined_by_and_before_a_bracket_are_no_one_name() {
    let x = read(
        "Title\n\nWallonia blocked the free-trade agreement between the European Union and Canada (CETA).",
    );
    assert!(
        !labels(&x).contains(&"European Union and Canada"),
        "{:?}",
        labels(&x)
    );
    // a name with "and" between words no gazetteer knows is still one
    let x = read(
        "Title\n\nThe Movement for Democracy and Justice in Chad (MDJT) signed the accord in Tripoli.",
    );
    assert!(
        labels(&x).contains(&"Movement for Democracy and Justice in Chad"),
        "{:?}",
        labels(&x)
    );
}

#[test]
fn hyphenated_ranks_and_a_military_adviser_are_titles_not_names() {
    let x = read(
        "Title\n\nIsrael shelled the compound. I dispatched my Military Adviser, Major-General Franklin van Kappen, to investigate.",
    );
    let l = labels(&x);
    assert!(
        l.contains(&"Franklin van Kappen") && !l.contains(&"Military Adviser"),
        "{l:?}"
    );
    // the rank without a name after it names no one
    let x = read("Title\n\nThe Major-General said nothing.");
    assert!(labels(&x).is_empty(), "{:?}", labels(&x));
}

#[test]
fn a_known_surname_before_a_name_that_parts_from_the_known_one_is_someone_else() {
    let x = read(
        "Title\n\nJapan and North Korea held a summit. Chairman Kim Jong Il apologised to Koizumi.",
    );
    assert!(
        labels(&x).contains(&"Kim Jong Il") && !labels(&x).contains(&"Kim Jong Un"),
        "{:?}",
        labels(&x)
    );
    // the known name itself is the known person
    let x = read("Title\n\nJapan and North Korea held a summit. Chairman Kim Jong Un spoke.");
    assert!(labels(&x).contains(&"Kim Jong Un"), "{:?}", labels(&x));
}

#[test]
fn capitalised_words_after_an_unknown_acronym_go_on_with_its_name() {
    let x = read(
        "Title\n\nThe deal was announced by the PGA Tour and the Saudi fund. The PGA Tour said the talks were over.",
    );
    assert!(
        labels(&x).contains(&"PGA Tour") && !labels(&x).contains(&"PGA"),
        "{:?}",
        labels(&x)
    );
    // a thing's noun is no part of a body's name
    let x = read("Title\n\nNixon and Brezhnev signed the ABM Treaty in Moscow.");
    assert!(!labels(&x).contains(&"ABM Treaty"), "{:?}", labels(&x));
}

#[test]
fn a_role_noun_after_as_is_of_the_object_past_its_apposition() {
    let r = roles(&read(
        "Title\n\nPresident Bill Clinton appointed Ali Usery, a former Labor Secretary, as \
         federal mediator.",
    ));
    assert!(r.contains(&"Ali Usery Mediator".to_string()), "{r:?}");
    assert!(!r.iter().any(|r| r.starts_with("Bill Clinton")), "{r:?}");
    // with no object before "as", the doer takes the role
    let r = roles(&read(
        "Title\n\nAli Usery, a former Labor Secretary, served as federal mediator.",
    ));
    assert!(r.contains(&"Ali Usery Mediator".to_string()), "{r:?}");
}

#[test]
fn a_name_that_opens_with_two_initials_is_a_persons_in_running_text() {
    let kind_of =
        |x: &Extraction, label: &str| x.actors.iter().find(|a| a.label == label).map(|a| a.kind);
    let x = read("Title\n\nBill Clinton thanked W. J. Usery for his work.");
    assert_eq!(kind_of(&x, "W. J. Usery"), Some(ActorKind::Person));
    // a heading's letter, a cited author, a signature line: no one
    let x = read("Title\n\nA. Background\n\nThe talks began in May (E. Karsh, 2002).");
    assert!(x.actors.is_empty(), "{:?}", x.actors);
    let x = read("Title\n\nThe talks began in May.\n\nR. T. Aldous\n");
    assert_eq!(kind_of(&x, "R. T. Aldous"), None);
}

#[test]
fn a_name_wrapped_over_two_lines_is_one_actor_labelled_on_one_line() {
    let x = read(
        "Title\n\nOn the 6th of September 1970, the Popular Front\nfor the Liberation of \
         Palestine hijacked two airliners. The PFLP demanded the release of prisoners.",
    );
    let labels: Vec<&str> = x.actors.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Popular Front for the Liberation of Palestine"],
        "{labels:?}"
    );
    // a new name too
    let x = read(
        "Title\n\nOn Monday the Democratic Front\nfor the Liberation of Ruritania said it would \
         talk.",
    );
    let labels: Vec<&str> = x.actors.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Democratic Front for the Liberation of Ruritania"],
        "{labels:?}"
    );
    // a paragraph break joins nothing
    let x = read("Title\n\nThe delegation came from the United\n\nStates of the region.");
    assert!(
        x.actors.iter().all(|a| a.label != "United States"),
        "{:?}",
        x.actors
    );
}

#[test]
fn honorifics_of_other_languages_and_post_nominal_letters_are_no_part_of_a_name() {
    let labels = |x: &Extraction| -> Vec<String> {
        let mut l: Vec<String> = x.actors.iter().map(|a| a.label.clone()).collect();
        l.sort();
        l
    };
    let x = read(
        "Title\n\nHerr Matthias Erzberger said the terms were hard. Captain Ernst Vanselow of \
         the navy agreed.",
    );
    assert_eq!(labels(&x), ["Ernst Vanselow", "Matthias Erzberger"]);
    let x = read("Title\n\nThe Rt Hon Greg Clark MP said he had met Carlos Ghosn.");
    assert!(
        labels(&x).contains(&"Greg Clark".to_string()),
        "{:?}",
        labels(&x)
    );
    // two words and the letters: the letters are the name's end, not the whole of it
    let x = read("Title\n\nOn Monday Brian Cowen TD said the deal was fair.");
    assert!(
        labels(&x).contains(&"Brian Cowen".to_string()),
        "{:?}",
        labels(&x)
    );
    // "Chancellor of the Exchequer" is a post of the state of the context
    let p = posts(&read(
        "Title\n\nBritain froze the bank's assets. The Chancellor of the Exchequer, Alistair \
         Darling, signed the order.",
    ));
    assert!(
        p.contains(&"Alistair Darling: chancellor of the exchequer of United Kingdom".to_string()),
        "{p:?}"
    );
}

#[test]
fn an_issue_in_a_clause_of_time_after_a_cue_is_not_its_object() {
    let s = stances(&read(
        "Title\n\nNATO will suspend its air operations once it has verified that the withdrawal \
         has begun.",
    ));
    assert!(!s.iter().any(|s| s.contains("troop-withdrawal")), "{s:?}");
    let s = stances(&read(
        "Title\n\nNATO will suspend its air operations when the withdrawal begins.",
    ));
    assert!(!s.iter().any(|s| s.contains("troop-withdrawal")), "{s:?}");
    // the cue's own object still counts
    let s = stances(&read(
        "Title\n\nHamas rejected the cease-fire once again on Monday.",
    ));
    assert!(s.contains(&"Hamas oppose ceasefire".to_string()), "{s:?}");
}

#[test]
fn a_participle_cue_gives_its_role_to_who_convenes_talks_a_deal_or_a_body_that_mediates() {
    let r = roles(&read(
        "Title\n\nBeginning in February, the parties met under the auspices of the Federal \
         Mediation and Conciliation Service in Washington.",
    ));
    assert!(
        r.contains(&"Federal Mediation and Conciliation Service Mediator".to_string()),
        "{r:?}"
    );
    for s in [
        "The talks were hosted by Oman.",
        "The truce, brokered by Egypt, held.",
        "An Arab League committee chaired by Qatar met both sides.",
        "The meeting is co-sponsored by Norway.",
    ] {
        let r = roles(&read(&format!("Title\n\n{s}")));
        assert!(
            r.iter()
                .any(|r| r.ends_with("Host") || r.ends_with("Mediator")),
            "{s}: {r:?}"
        );
    }
    // what else one convenes or chairs is no talks
    let r = roles(&read(
        "Title\n\nA panel of lawyers convened by the European Research Group described the \
         treaty as incomplete.",
    ));
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn general_counsel_and_deputy_director_are_titles() {
    let p = posts(&read(
        "Title\n\nThe National Football League (NFL) sued. Jeff Pash, the NFL's general counsel, \
         said no.",
    ));
    assert!(
        p.contains(&"Jeff Pash: general counsel of National Football League".to_string()),
        "{p:?}"
    );
    // not a body's name before it ("Assistant General Counsel Daniel Whitcombe")
    let x = read("Title\n\nAssistant General Counsel Daniel Whitcombe signed the notice.");
    assert!(
        x.actors.iter().all(|a| a.label != "Assistant"),
        "{:?}",
        x.actors
    );
}

#[test]
fn a_past_head_of_government_the_gazetteer_knows_holds_the_post_of_their_own_state() {
    let p = posts(&read(
        "Title\n\nIraq's army left Kuwait. At 0800 on 28 February President George H. W. Bush \
         suspended offensive operations, and U.S. commanders met Iraqi generals at Safwan.",
    ));
    assert!(
        p.contains(&"George H. W. Bush: president of United States".to_string()),
        "{p:?}"
    );
}

#[test]
fn whom_a_demand_wants_disarmed_is_its_target_not_a_holder() {
    // An object completed by a participle, an infinitive after a mis-read "to", a base form
    // after "demand that": none makes Hamas the one who disarms or what is supported.
    for text in [
        "Title\n\nThe United States wants Hamas disarmed.",
        "Title\n\nIsrael wants Hamas to disarm.",
        "Title\n\nIsrael stands by its demand that Hamas disarm.",
    ] {
        let s = stances(&read(text));
        assert!(
            s.iter().any(|x| x.ends_with("support disarmament")),
            "{text}: {s:?}"
        );
        assert!(
            s.iter()
                .all(|x| !x.starts_with("Hamas") && !x.ends_with("support Hamas")),
            "{text}: {s:?}"
        );
    }
    // what was done is still a deed
    let s = stances(&read("Title\n\nHamas disarmed in May."));
    assert!(
        s.contains(&"Hamas support disarmament".to_string()),
        "{s:?}"
    );
}

#[test]
fn a_clause_under_whether_is_a_question_asked_not_a_fact() {
    let s = stances(&read(
        "Title\n\nReporters asked whether Iran had pushed Iraq to secure a withdrawal.",
    ));
    assert!(s.is_empty(), "{s:?}");
    let s = stances(&read("Title\n\nIran pushed Iraq to secure a withdrawal."));
    assert!(
        s.contains(&"Iran support troop-withdrawal".to_string()),
        "{s:?}"
    );
}

#[test]
fn a_refusal_for_the_future_that_holds_its_negation_flips_the_next_cue_once() {
    for text in [
        "Title\n\nIsrael will never accept a ceasefire.",
        "Title\n\nIsrael is not going to accept a ceasefire.",
        "Title\n\nIsrael won't accept a ceasefire.",
    ] {
        let s = stances(&read(text));
        assert_eq!(s, vec!["Israel oppose ceasefire".to_string()], "{text}");
    }
    let s = stances(&read("Title\n\nIsrael will accept a ceasefire."));
    assert_eq!(s, vec!["Israel support ceasefire".to_string()]);
}

#[test]
fn a_name_after_a_participles_by_is_who_did_it_and_after_a_nouns_by_an_author() {
    for text in [
        "Title\n\nThe accord was signed by John Smith on Monday.",
        "Title\n\nThe truce, brokered by John Smith, held.",
    ] {
        assert!(labels(&read(text)).contains(&"John Smith"), "{text}");
    }
    for text in [
        "Title\n\nReviewed by John Smith",
        "Title\n\nAn opera. Music by John Adams, libretto by Alice Goodman.",
    ] {
        let x = read(text);
        let l = labels(&x);
        assert!(
            !l.contains(&"John Adams") && !l.contains(&"John Smith"),
            "{text}: {l:?}"
        );
    }
}

#[test]
fn a_name_written_surname_first_at_an_entrys_opening_is_the_person() {
    let x = read(
        "INDEX\n\nAustria: hosts the talks, 103; see also Kreisky, Bruno; Rösch, Otto\n\n\
         Bouteflika, Abdelaziz (Algerian foreign minister): meets the plane, 233\n",
    );
    let l = labels(&x);
    for name in ["Bruno Kreisky", "Otto Rösch", "Abdelaziz Bouteflika"] {
        assert!(l.contains(&name), "{name}: {l:?}");
    }
    // a place and its state, a list of surnames, running text: no person
    let x = read(
        "Title\n\nPrague, Austria hosted the talks.\nSmith, Jones and Brown signed.\n\
         The delegates met in Geneva, Switzerland: the talks resumed.\n",
    );
    assert!(
        x.actors.iter().all(|a| a.kind != ActorKind::Person),
        "{:?}",
        labels(&x)
    );
}

#[test]
fn a_banks_a_parliaments_or_a_courts_name_after_its_state_is_an_organisation() {
    let p = posts(&read(
        "Title\n\nSatoshi Sumita, governor of the Bank of Japan, agreed with the plan.",
    ));
    assert!(
        p.contains(&"Satoshi Sumita: governor of Bank of Japan".to_string()),
        "{p:?}"
    );
    let x = read("Title\n\nThe National Assembly of Serbia voted against the plan.");
    assert!(
        labels(&x).contains(&"National Assembly of Serbia"),
        "{:?}",
        labels(&x)
    );
    // a state's government or council, and a demonym, are no such name
    for text in [
        "Title\n\nThe Government of Tanzania banned exports.",
        "Title\n\nRustem Umerov, secretary of the National Security and Defense Council of \
         Ukraine, spoke.",
        "Title\n\nThe president of the Foundation Council of the Prussian heritage body spoke.",
    ] {
        let x = read(text);
        assert!(
            x.actors.iter().all(|a| a.kind != ActorKind::Organization),
            "{text}: {:?}",
            labels(&x)
        );
    }
}

#[test]
fn who_is_represented_at_talks_by_a_delegate_is_a_side_when_named() {
    let r = roles(&read(
        "Title\n\nAt the gas talks in Brussels, Russia was represented by its energy minister, \
         Alexander Novak.",
    ));
    assert!(r.contains(&"Russia Party".to_string()), "{r:?}");
    // "the country" describes a state without naming its side
    let r = roles(&read(
        "Title\n\nMyanmar's military leader is barred from the summits; the country is \
         represented by a senior official.",
    ));
    assert!(!r.contains(&"Myanmar Party".to_string()), "{r:?}");
}

#[test]
fn a_complaint_about_what_an_actor_did_opposes_that_actor() {
    let s = stances(&read(
        "Title\n\nHamas complained that Israel had broken the truce.",
    ));
    assert!(s.contains(&"Hamas oppose Israel".to_string()), "{s:?}");
    // a noun's "charges that" is a relative clause, no complaint
    let s = stances(&read(
        "Title\n\nEvan Gershkovich was sentenced on espionage charges that he and the United \
         States reject.",
    ));
    assert!(
        !s.iter().any(|x| x.starts_with("Evan Gershkovich oppose")),
        "{s:?}"
    );
}

#[test]
fn a_known_persons_post_is_of_the_state_the_text_names_among_the_posts_held() {
    let p = posts(&read(
        "Title\n\nChancellor Helmut Kohl agreed with West Germany's partners.",
    ));
    assert!(
        p.contains(&"Helmut Kohl: chancellor of West Germany".to_string()),
        "{p:?}"
    );
    let p = posts(&read(
        "Title\n\nChancellor Helmut Kohl agreed with Germany's partners.",
    ));
    assert!(
        p.contains(&"Helmut Kohl: chancellor of Germany".to_string()),
        "{p:?}"
    );
}

#[test]
fn a_name_after_a_regnal_title_is_a_given_name_not_a_known_persons_surname() {
    let x = read("Title\n\nJordan's King Hussein met Yitzhak Rabin in Washington.");
    assert!(!labels(&x).contains(&"Fuad Hussein"), "{:?}", labels(&x));
    assert!(labels(&x).contains(&"Hussein"), "{:?}", labels(&x));
    // a title that is no regnal one still finds the known person by surname
    let x = read("Title\n\nForeign Minister Hussein met his Turkish counterpart in Ankara.");
    assert!(labels(&x).contains(&"Fuad Hussein"), "{:?}", labels(&x));
}

#[test]
fn a_persons_noun_does_not_stand_for_the_state_in_apposition_before_it() {
    let r = roles(&read(
        "Title\n\nWashington's special envoy for the former Yugoslavia, a career diplomat who \
         chaired the drafting sessions, kept Bosnia and Croatia at the table.",
    ));
    assert!(!r.contains(&"Yugoslavia Mediator".to_string()), "{r:?}");
    let r = roles(&read(
        "Title\n\nThe envoy, Martin Griffiths, a British diplomat who chaired the \
         consultations between the government and the Houthis, spoke on Friday.",
    ));
    assert!(
        r.contains(&"Martin Griffiths Mediator".to_string()),
        "{r:?}"
    );
}

#[test]
fn a_role_noun_closing_a_sentences_opening_phrase_names_no_one_after_its_comma() {
    let r = roles(&read(
        "Title\n\nIn a letter to the mediators, the Prime Minister of Libya, Abdul Hamid \
         Dbeibah, reaffirmed his commitment to the truce.",
    ));
    assert!(!r.iter().any(|x| x.ends_with("Mediator")), "{r:?}");
    let r = roles(&read(
        "Title\n\nIn Doha, the mediators, Qatar and Egypt, said the talks would resume.",
    ));
    assert!(r.contains(&"Qatar Mediator".to_string()), "{r:?}");
}

#[test]
fn a_short_phrase_naming_no_one_before_a_colon_describes_the_sides_listed_after_it() {
    let r = roles(&read(
        "Title\n\nThe talks brought together the four wartime Allies: the United States, the \
         Soviet Union, Britain and France.",
    ));
    assert!(r.contains(&"Soviet Union Party".to_string()), "{r:?}");
    assert!(r.contains(&"France Party".to_string()), "{r:?}");
    // a phrase that names an actor is no description of the list
    let r = roles(&read(
        "Title\n\nThe talks brought together Israel and its neighbours: an achievement.",
    ));
    assert!(!r.iter().any(|x| x.contains("neighbours")), "{r:?}");
}

#[test]
fn a_states_delegate_makes_it_a_side() {
    let r = roles(&read(
        "Title\n\nJapan's chief delegate, Admiral Kato, accepted the principle of limitation.",
    ));
    assert!(r.contains(&"Japan Party".to_string()), "{r:?}");
    let r = roles(&read(
        "Title\n\nThe delegates of Japan, India and China met in Cancun.",
    ));
    assert!(r.contains(&"India Party".to_string()), "{r:?}");
}

#[test]
fn a_body_named_with_a_states_name_before_its_head_is_an_organisation_of_its_own() {
    let x = read("Title\n\nThe U.S. Soccer Federation said it would settle with the players.");
    assert!(
        labels(&x).contains(&"U.S. Soccer Federation"),
        "{:?}",
        labels(&x)
    );
    assert!(!labels(&x).contains(&"United States"), "{:?}", labels(&x));
    // a possessive is the state's own body; its forces are the state
    let x = read("Title\n\nJapan's Football Association said it would settle.");
    assert!(labels(&x).contains(&"Japan"), "{:?}", labels(&x));
    // "the movement" refers to no company named before it
    let x = read(
        "Title\n\nThe Houthis will let the Yemen Red Sea Ports Corporation run the port. Mr. \
         Abdulsalam, the movement's spokesman, said so.",
    );
    let p = posts(&x);
    assert!(
        !p.iter()
            .any(|x| x.ends_with("Yemen Red Sea Ports Corporation")),
        "{p:?}"
    );
}

#[test]
fn a_noble_title_before_a_name_makes_a_person() {
    let x = read("Title\n\nThe Comte de Vergennes said France would help the Americans.");
    assert!(
        x.actors
            .iter()
            .any(|a| a.label.ends_with("Vergennes") && a.kind == ActorKind::Person),
        "{:?}",
        labels(&x)
    );
    // "Duke of" names a title, not a person
    let x = read("Title\n\nThe Duke of Wellington said Britain would pay.");
    assert!(
        !labels(&x).iter().any(|l| l.contains("Wellington")),
        "{:?}",
        labels(&x)
    );
}

#[test]
fn suing_or_distrusting_an_actor_opposes_it() {
    let s = stances(&read(
        "Title\n\nQatar sued Egypt in 2019 over the blockade.",
    ));
    assert!(s.contains(&"Qatar oppose Egypt".to_string()), "{s:?}");
    let s = stances(&read(
        "Title\n\nJordan did not trust Israel after the raid.",
    ));
    assert!(s.contains(&"Jordan oppose Israel".to_string()), "{s:?}");
    // agreeing with an actor supports it
    let s = stances(&read("Title\n\nRussia agrees with Britain on the plan."));
    assert!(
        s.contains(&"Russia support United Kingdom".to_string()),
        "{s:?}"
    );
}

#[test]
fn those_a_signature_is_given_for_are_sides() {
    let r = roles(&read(
        "Title\n\nThe armistice was signed for Germany by Matthias Erzberger.",
    ));
    assert!(r.contains(&"Germany Party".to_string()), "{r:?}");
    // a host's minister signing for the host country makes no side
    let r = roles(&read(
        "Title\n\nIt was signed by Iran and Saudi Arabia, with Wang Yi, China's top diplomat, \
         signing for the host country.",
    ));
    assert!(!r.contains(&"China Party".to_string()), "{r:?}");
}

#[test]
fn a_title_phrase_followed_by_its_verb_is_a_clause_subject_not_an_apposition() {
    let p = posts(&read(
        "Title\n\nWhen Neville Chamberlain flew to Berchtesgaden to meet the German leader, \
         Adolf Hitler, the 69-year-old British prime minister had hardly ever flown.",
    ));
    assert!(
        !p.contains(&"Adolf Hitler: prime minister of United Kingdom".to_string()),
        "{p:?}"
    );
    let p = posts(&read(
        "Title\n\nAdolf Hitler, the German chancellor, met Neville Chamberlain in Munich.",
    ));
    assert!(
        p.contains(&"Adolf Hitler: chancellor of Germany".to_string()),
        "{p:?}"
    );
}

#[test]
fn a_title_after_his_is_a_post_of_the_state_of_the_person_named_before() {
    let p = posts(&read(
        "Title\n\nPrime Minister Brian Mulroney of Canada spoke first. Mulroney sent his chief \
         of staff, Derek Burney, the finance minister, Michael Wilson, and the trade minister, \
         Pat Carney, to meet the U.S. Treasury Secretary, James Baker.",
    ));
    assert!(
        p.contains(&"Derek Burney: chief of staff of Canada".to_string()),
        "{p:?}"
    );
    // a title listed after another's with "and" is of the same state
    assert!(
        p.contains(&"Pat Carney: trade minister of Canada".to_string()),
        "{p:?}"
    );
    // not of someone named inside a relative clause
    let p = posts(&read(
        "Title\n\nBrazil's President Luiz Inácio Lula da Silva, who had spoken to President \
         Nicolás Maduro of Venezuela, sent his special adviser Celso Amorim to sit in.",
    ));
    assert!(
        !p.contains(&"Celso Amorim: special adviser of Venezuela".to_string()),
        "{p:?}"
    );
}

#[test]
fn a_given_name_and_surname_in_the_possessive_lead_the_organisation_after_them() {
    let x = read(
        "Title\n\nThere were three parties: Gerry Fitt's SDLP and Oliver Napier's Alliance \
         Party.",
    );
    assert!(labels(&x).contains(&"Alliance Party"), "{:?}", labels(&x));
    assert!(
        !labels(&x).iter().any(|l| l.contains("Napier's")),
        "{:?}",
        labels(&x)
    );
    // a possessive that is a word of the name stays in it
    let x = read("Title\n\nThe African People's Liberation Movement said it would talk.");
    assert!(
        labels(&x).contains(&"African People's Liberation Movement"),
        "{:?}",
        labels(&x)
    );
}

#[test]
fn a_participle_reads_its_by_phrase_past_the_places_and_dates_before_it() {
    let x = read(
        "Title\n\nThe Plaza Accord was an agreement reached on 22 September 1985 at the Plaza \
         Hotel in New York by the finance ministers of the Group of Five: the United States, \
         Japan and France.",
    );
    let r = roles(&x);
    for side in ["United States Party", "Japan Party", "France Party"] {
        assert!(r.contains(&side.to_string()), "{r:?}");
    }
    // a verb between ends the participle's phrases: the "by" is another verb's
    let x = read(
        "Title\n\nThe agreement reached on Monday in talks hosted by Japan and France was \
         welcomed.",
    );
    let r = roles(&x);
    assert!(!r.contains(&"Japan Party".to_string()), "{r:?}");
}

#[test]
fn the_signers_of_a_deal_between_sides_support_the_deal_not_its_sides() {
    let x = read(
        "Title\n\nThe agreement between Armenia and Azerbaijan, signed in Washington by \
         Prime Minister Nikol Pashinyan and President Ilham Aliyev, held.",
    );
    let s = stances(&x);
    assert!(
        !s.iter()
            .any(|x| x.ends_with(" Armenia") || x.ends_with(" Azerbaijan")),
        "{s:?}"
    );
}

#[test]
fn a_single_name_before_a_title_in_apposition_is_a_person() {
    let x = read(
        "Title\n\nThe talks moved ashore, with Talleyrand, the French foreign minister, \
         drafting the texts.",
    );
    assert_eq!(posts(&x), ["Talleyrand: foreign minister of France"]);
    // not past a verb, nor a former post, nor a phrase without "the"
    for text in [
        "Title\n\nThe Islamists hold Sirte, a fact every minister in Rome will mention.",
        "Title\n\nThe two ports were Shimoda and Hakodate, and the treaty allowed an American \
         consul.",
        "Title\n\nThe envoy met Faki, the former Chadian prime minister, on Monday.",
    ] {
        let x = read(text);
        assert!(posts(&x).is_empty(), "{:?}", posts(&x));
    }
}

#[test]
fn a_count_is_an_honorific_and_there_after_a_title_ends_its_apposition() {
    let x = read(
        "Title\n\nThe Emperor sent Count Wolfgang zu Oettingen to the talks. Lord Paget, the \
         English ambassador at Constantinople, and Jacobus Colyer, the Dutch ambassador there, \
         chaired the sessions.",
    );
    let l = labels(&x);
    assert!(l.contains(&"Wolfgang zu Oettingen"), "{l:?}");
    assert!(l.contains(&"Jacobus Colyer"), "{l:?}");
    assert!(
        posts(&x).contains(&"Jacobus Colyer: ambassador of Netherlands".to_string()),
        "{:?}",
        posts(&x)
    );
    // a lower-case noun after the title still makes it an adjective
    let x = read("Title\n\nJacobus Colyer, the Dutch ambassador residence, was built in 1700.");
    assert!(posts(&x).is_empty(), "{:?}", posts(&x));
}

#[test]
fn what_a_demand_asks_of_another_side_is_no_fact_of_that_side() {
    let x = read("Title\n\nEgypt demanded that Israel sign the agreement with Hamas.");
    let r = roles(&x);
    assert!(!r.contains(&"Israel Party".to_string()), "{r:?}");
    let x = read("Title\n\nJapan demanded that China recognise Taiwan and cede Korea.");
    let s = stances(&x);
    assert!(!s.iter().any(|x| x.starts_with("China ")), "{s:?}");
    // said, not demanded: the clause is Israel's
    let x = read("Title\n\nEgypt said that Israel would sign the agreement with Hamas.");
    let r = roles(&x);
    assert!(r.contains(&"Israel Party".to_string()), "{r:?}");
}

#[test]
fn taking_a_side_supports_it_and_a_cession_is_a_matter_of_territory() {
    let x = read("Title\n\nBarbara Castle took the side of Egypt on the canal.");
    assert_eq!(stances(&x), ["Barbara Castle support Egypt"]);
    let x = read("Title\n\nGeneral Andrés Cáceres rejected any cession of land to Chile.");
    assert!(
        stances(&x).contains(&"Andrés Cáceres oppose territorial-control".to_string()),
        "{:?}",
        stances(&x)
    );
}

#[test]
fn a_list_of_sides_goes_on_past_a_demonyms_body() {
    let x = read("Title\n\nTalks between the Nigerian government and Boko Haram resumed.");
    assert_eq!(roles(&x), ["Boko Haram Party", "Nigeria Party"]);
    // a demonym's body ends the list where no name follows
    let x = read("Title\n\nTalks between the Nigerian government and the rebels resumed.");
    assert!(
        !roles(&x).iter().any(|r| r.contains("Boko")),
        "{:?}",
        roles(&x)
    );
}

#[test]
fn an_acronym_in_apposition_names_the_organisation_before_it() {
    for text in [
        "Title\n\nThe Revolutionary United Front, or RUF, signed. The RUF then disarmed.",
        "Title\n\nThe Federal Consultative Assembly, the BFO, signed. The BFO then met.",
    ] {
        let x = read(text);
        let l = labels(&x);
        assert!(
            l.iter().any(
                |l| *l == "Revolutionary United Front" || *l == "Federal Consultative Assembly"
            ),
            "{l:?}"
        );
    }
    // capitalised words without a head word of organisations are no name of one
    let x = read("Title\n\nThe Golden Gate Bridge, or GGB, was shut.");
    assert!(labels(&x).is_empty(), "{:?}", labels(&x));
}

#[test]
fn pleading_for_talks_and_opening_them_support_negotiations() {
    let x = read("Title\n\nEgypt pleaded for dialogue between the two sides.");
    assert_eq!(stances(&x), ["Egypt support negotiations"]);
    let x = read("Title\n\nNorway wants to open talks with Hamas.");
    assert!(
        stances(&x).contains(&"Norway support negotiations".to_string()),
        "{:?}",
        stances(&x)
    );
}

#[test]
fn any_title_of_an_unknown_acronym_names_an_organisation() {
    let x = read("Title\n\nJean-Marie Balestre, president of FISA, refused to meet the teams.");
    assert!(labels(&x).contains(&"FISA"), "{:?}", labels(&x));
    assert_eq!(posts(&x), ["Jean-Marie Balestre: president of FISA"]);
    // a Roman number is no acronym
    let x = read("Title\n\nGeneral Salah Mahmud, commander of III Corps, signed.");
    assert!(!labels(&x).contains(&"III Corps"), "{:?}", labels(&x));
}

#[test]
fn shri_is_an_honorific_before_a_name() {
    let x = read("Title\n\nThe accord was signed by Shri Lalkhama, Chief Secretary of Mizoram.");
    assert!(labels(&x).contains(&"Lalkhama"), "{:?}", labels(&x));
    assert!(
        !labels(&x).iter().any(|l| l.contains("Shri")),
        "{:?}",
        labels(&x)
    );
}

#[test]
fn states_of_earlier_peaces_and_no_state_inside_a_new_place() {
    let x = read(
        "Title\n\nEngland and the Republic of Venice mediated between the Ottoman Empire and \
         the Habsburg Monarchy.",
    );
    let l = labels(&x);
    for s in ["England", "Republic of Venice", "Habsburg Monarchy"] {
        assert!(l.contains(&s), "{l:?}");
    }
    // "New England", "New Guinea", "New Mexico" are no mention of a state
    let x = read("Title\n\nFishermen of New England met ministers from New Guinea in New Mexico.");
    assert!(labels(&x).is_empty(), "{:?}", labels(&x));
}

#[test]
fn a_last_member_that_names_no_one_stands_for_the_list_after_a_colon() {
    let x = read(
        "Title\n\nThe agreement was signed by the Democratic Republic of the Congo and five \
         states: Angola, Namibia and Zimbabwe.",
    );
    let r = roles(&x);
    for side in ["Angola Party", "Namibia Party", "Zimbabwe Party"] {
        assert!(r.contains(&side.to_string()), "{r:?}");
    }
    // a last member that names an actor stands for no list
    let x = read(
        "Title\n\nThe agreement was signed by the Democratic Republic of the Congo and Rwanda: \
         Angola and Namibia watched.",
    );
    assert!(
        !roles(&x).contains(&"Angola Party".to_string()),
        "{:?}",
        roles(&x)
    );
}

#[test]
fn a_name_whose_surname_stands_alone_elsewhere_is_a_person() {
    let x = read(
        "Title\n\nThe charter was signed by Marc Ravalomanana in Maputo. The army later forced \
         Ravalomanana from office.",
    );
    assert!(
        labels(&x).contains(&"Marc Ravalomanana"),
        "{:?}",
        labels(&x)
    );
    // a common first word, a place word before the name, and a last word the text also writes
    // in lower case name no one
    let x = read(
        "Title\n\nRefugees fled North Darfur. Fighting in Darfur went on. At Berchtesgaden \
         Hitler demanded more. Hitler left. The bottle says Grower Champagne. Champagne is \
         a champagne from France.",
    );
    let l = labels(&x);
    for name in ["North Darfur", "Berchtesgaden Hitler", "Grower Champagne"] {
        assert!(!l.contains(&name), "{l:?}");
    }
}

#[test]
fn mayors_judges_attorneys_general_popes_and_viziers_hold_titles() {
    let x = read(
        "Title\n\nDetroit Mayor Mike Duggan met Judge Gerald Rosen. Attorney General Janet Reno \
         wrote to Pope Calixtus II and Grand Vizier Ali Pasha.",
    );
    let l = labels(&x);
    for name in [
        "Mike Duggan",
        "Gerald Rosen",
        "Janet Reno",
        "Calixtus II",
        "Ali Pasha",
    ] {
        assert!(l.contains(&name), "{l:?}");
    }
    // the title alone names no one
    let x = read("Title\n\nThe mayor said the judge would rule on Monday.");
    assert!(labels(&x).is_empty(), "{:?}", labels(&x));
}

#[test]
fn a_trade_word_ends_a_company_name_and_a_head_after_a_possessive_ends_a_party_name() {
    let x = read(
        "Title\n\nThe board rejected Mittal Steel's offer. Mittal raised it. Units of the \
         Yugoslav People's Army moved.",
    );
    let l = labels(&x);
    for name in ["Mittal", "Yugoslav People's Army"] {
        assert!(l.contains(&name), "{l:?}");
    }
    // a head after a dash goes with the longer name before it; a state's army is the state's
    let x = read(
        "Title\n\nThe army of the Republic of Colombia - People's Army moved. Israel's Army moved.",
    );
    let l = labels(&x);
    assert!(
        !l.contains(&"People's Army") && !l.contains(&"Army"),
        "{l:?}"
    );
}

#[test]
fn dutch_and_italian_particles_stand_inside_names() {
    let x = read("Title\n\nForeign Minister Hans van den Broek said the talks would go on.");
    assert!(
        labels(&x).contains(&"Hans van den Broek"),
        "{:?}",
        labels(&x)
    );
}

#[test]
fn a_singular_apposition_after_a_coordination_describes_its_last_member() {
    let x = read("Title\n\nNorway, the facilitator, and Qatar, the host, welcomed the ceasefire.");
    let r = roles(&x);
    assert!(r.contains(&"Qatar Host".to_string()), "{r:?}");
    assert!(!r.contains(&"Norway Host".to_string()), "{r:?}");
    // a plural one describes them all
    let x = read("Title\n\nNorway and Qatar, the hosts, welcomed the ceasefire.");
    let r = roles(&x);
    for side in ["Norway Host", "Qatar Host"] {
        assert!(r.contains(&side.to_string()), "{r:?}");
    }
}

#[test]
fn only_a_reporting_cue_ending_in_by_credits_the_names_after_it() {
    let x = read("Title\n\nIt covers a week when Sir James Whitehead said the talks were good.");
    assert!(labels(&x).contains(&"James Whitehead"), "{:?}", labels(&x));
    let x = read("Title\n\nIsrael and Hamas agreed a truce.\n\nReporting by James Whitehead.");
    assert!(!labels(&x).contains(&"James Whitehead"), "{:?}", labels(&x));
}

#[test]
fn a_noun_of_a_person_right_before_a_name_makes_it_a_person() {
    let x = read(
        "Title\n\nThe boy stayed with his great-uncle Lazaro Gonzalez while the Miami lawyer \
         Aaron Podhurst carried proposals.",
    );
    let l = labels(&x);
    for name in ["Lazaro Gonzalez", "Aaron Podhurst"] {
        assert!(l.contains(&name), "{l:?}");
    }
    // a noun of the press names a reporter, no actor
    let x = read("Title\n\nIsrael and Hamas met in Cairo, our correspondent Tom Reddaway writes.");
    assert!(!labels(&x).contains(&"Tom Reddaway"), "{:?}", labels(&x));
}

#[test]
fn you_stands_for_the_person_a_line_addresses_by_name() {
    let x = read(
        "Title\n\nOtto von Bismarck, Chancellor of Germany, you hold every card. You supported \
         the ceasefire.",
    );
    let s = stances(&x);
    assert!(
        s.contains(&"Otto von Bismarck support ceasefire".to_string()),
        "{s:?}"
    );
    // a name that does not open the line addresses no one
    let x = read(
        "Title\n\nTalks went on with Otto von Bismarck, Chancellor of Germany. You supported the \
         ceasefire, readers.",
    );
    let s = stances(&x);
    assert!(
        !s.contains(&"Otto von Bismarck support ceasefire".to_string()),
        "{s:?}"
    );
}

#[test]
fn a_name_that_opens_a_line_addressed_as_you_is_a_person() {
    let x =
        read("Title\n\nLeon Gambetta, the scales tip against you. You wanted the war to go on.");
    assert!(labels(&x).contains(&"Leon Gambetta"), "{:?}", labels(&x));
    // words to no one
    let x = read("Title\n\nLeon Gambetta, the scales tip against them.");
    assert!(!labels(&x).contains(&"Leon Gambetta"), "{:?}", labels(&x));
}

#[test]
fn a_diplomat_in_or_at_a_state_is_posted_there_not_its_servant() {
    let x = read("Title\n\nBaron Hubner, Ambassador in Paris, met Count Buol.");
    assert!(
        !posts(&x)
            .iter()
            .any(|p| p.contains("Hubner") && p.contains("France")),
        "{:?}",
        posts(&x)
    );
    // a state's own ambassador, by its adjective, is still its
    let x = read("Title\n\nBaron Hubner, the Austrian ambassador in Paris, met Count Buol.");
    assert!(
        posts(&x)
            .iter()
            .any(|p| p.contains("Hubner") && p.contains("Austria")),
        "{:?}",
        posts(&x)
    );
}

#[test]
fn sardinia_and_the_ukrainian_states_of_1917_to_1922_are_states() {
    let x = read(
        "Title\n\nThe Kingdom of Sardinia, Soviet Ukraine and the Ukrainian People's Republic \
         sent delegates.",
    );
    let l = labels(&x);
    for s in [
        "Kingdom of Sardinia",
        "Soviet Ukraine",
        "Ukrainian People's Republic",
    ] {
        assert!(l.contains(&s), "{l:?}");
    }
}

#[test]
fn the_government_alone_is_the_state_the_article_is_about() {
    let x = read(
        "Title\n\nNicaragua's war ended slowly. Nicaragua was poor. On 23 March the government \
         and the rebels of the Nicaraguan Resistance signed a ceasefire.",
    );
    assert!(
        roles(&x).contains(&"Nicaragua Party".to_string()),
        "{:?}",
        roles(&x)
    );
    // a qualifier of a national government keeps it the state's
    let x = read(
        "Title\n\nNicaragua's war ended slowly. Nicaragua was poor. On 23 March the federal \
         government and the rebels of the Nicaraguan Resistance signed a ceasefire.",
    );
    assert!(
        roles(&x).contains(&"Nicaragua Party".to_string()),
        "{:?}",
        roles(&x)
    );
    // not a regional government, and not where no state stands out
    for text in [
        "Title\n\nNicaragua's war ended slowly. Nicaragua was poor. On 23 March the regional \
         government and the rebels of the Nicaraguan Resistance signed a ceasefire.",
        "Title\n\nNicaragua's war ended slowly. Nicaragua and Honduras were poor. Honduras \
         watched. On 23 March the government and the rebels of the Nicaraguan Resistance \
         signed a ceasefire.",
    ] {
        let x = read(text);
        assert!(
            !roles(&x).contains(&"Nicaragua Party".to_string()),
            "{:?}",
            roles(&x)
        );
    }
}

#[test]
fn a_holder_of_a_post_takes_no_stance_toward_the_state_they_serve() {
    let x = read(
        "Title\n\nPakistan's talks with the TTP resumed. Pakistan was tense. Pakistan's \
         information minister, Fawad Chaudhry, criticised the government for its weakness.",
    );
    let s = stances(&x);
    assert!(!s.iter().any(|s| s.starts_with("Fawad Chaudhry")), "{s:?}");
    // the opposition's leader does
    let x = read(
        "Title\n\nKenya's talks resumed. Kenya was tense. The report went to the opposition \
         leader, Raila Odinga. He accused the government of rigging the vote.",
    );
    let s = stances(&x);
    assert!(
        s.contains(&"Raila Odinga oppose Kenya".to_string()),
        "{s:?}"
    );
}

#[test]
fn a_side_read_as_a_party_by_a_clause_keeps_the_other_parties_of_its_sentence() {
    let x = read(
        "Title\n\nSouth Africa's talks began in 1991. South Africa was changing. Contact was \
         kept alive through a channel between the ANC and South Africa's chief negotiator, Roelf \
         Meyer. Nineteen organisations took part, among them South Africa, the ruling National \
         Party and the Inkatha Freedom Party.",
    );
    let r = roles(&x);
    assert!(r.contains(&"National Party Party".to_string()), "{r:?}");
}

#[test]
fn a_name_possessive_before_a_bodys_organ_or_head_is_an_organisation() {
    let x = read(
        "Title\n\nMannesmann's supervisory board rejected the bid. Talks with CCAMLR's \
         executive secretary went on. The Teamsters' president spoke.",
    );
    let l = labels(&x);
    for org in ["Mannesmann", "CCAMLR", "Teamsters"] {
        assert!(l.contains(&org), "{l:?}");
    }
    // not before another noun, not a given name, not the initials of a name found
    let x = read(
        "Title\n\nCelera's database grew. Robert's management of the talks was praised. General \
         Motors sat down with the union. GM's president, Alfred Sloan, agreed.",
    );
    let l = labels(&x);
    for not in ["Celera", "Robert", "GM"] {
        assert!(!l.contains(&not), "{l:?}");
    }
}

#[test]
fn a_title_of_a_states_company_is_the_companys() {
    let x = read(
        "Title\n\nTalks went on. Chris Gent, chief executive of Britain's Vodafone AirTouch, \
         made the bid.",
    );
    assert!(
        posts(&x).contains(&"Chris Gent: chief executive of Vodafone AirTouch".to_string()),
        "{:?}",
        posts(&x)
    );
    // the state's own post is the state's
    let x = read("Title\n\nTalks went on. Ehud Barak, prime minister of Israel, made the bid.");
    assert!(
        posts(&x).contains(&"Ehud Barak: prime minister of Israel".to_string()),
        "{:?}",
        posts(&x)
    );
}

#[test]
fn a_head_of_government_a_first_secretary_and_a_vice_chairman_hold_posts() {
    let x = read(
        "Title\n\nTalks went on. Hardeep Puri, the first secretary of India, came. Kamal \
         Tabet, head of government of Lebanon, spoke. Rauf Jalilov, deputy chairman of \
         Azerbaijan's parliament, left.",
    );
    let p = posts(&x);
    for post in [
        "Hardeep Puri: first secretary of India",
        "Kamal Tabet: head of government of Lebanon",
    ] {
        assert!(p.contains(&post.to_string()), "{p:?}");
    }
    assert!(
        p.iter()
            .any(|p| p.starts_with("Rauf Jalilov: deputy chairman")),
        "{p:?}"
    );
}

#[test]
fn two_acronyms_joined_by_a_hyphen_after_the_name_one_organisation() {
    let x = read("Title\n\nTalks went on. The AFL-CIO, led by John Sweeney, pledged loans.");
    assert!(labels(&x).contains(&"AFL-CIO"), "{:?}", labels(&x));
    // not two known names, not a word after the hyphen
    let x = read("Title\n\nTalks went on. The US-UK talks resumed. The AFL-backed plan failed.");
    let l = labels(&x);
    assert!(!l.iter().any(|l| l.contains('-')), "{l:?}");
}
